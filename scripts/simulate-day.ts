import { parseArgs } from 'node:util';
import { tempDir } from '../test/support/temp-dir.ts';
import { simulateDay } from './simulate/office-day.ts';

/**
 * `npm run simulate -- --date 2026-11-30 --seed 7 --rate 120`: a whole Kostelec office day through
 * the real server and simulated devices, 120 times faster than real time (9 hours in 4.5 minutes).
 */
const { values } = parseArgs({
  options: {
    date: { type: 'string', default: '2026-11-30' },
    from: { type: 'string', default: '07:55' },
    to: { type: 'string', default: '17:00' },
    rate: { type: 'string', default: '120' },
    seed: { type: 'string', default: '1' },
    demand: { type: 'string', default: '1.15' },
  },
});
const dir = await tempDir();
try {
  const report = await simulateDay({ dir: dir.path, date: values.date, from: values.from, to: values.to, rate: Number(values.rate), seed: Number(values.seed), demand: Number(values.demand) });
  console.log(JSON.stringify(report, null, 2));
} finally {
  await dir.remove();
}
