import { parseArgs } from 'node:util';
import { tempDir } from '../test/support/temp-dir.ts';
import { simulateHubDay } from './simulate/hub-day.ts';
import { simulateDay } from './simulate/office-day.ts';

/**
 * `npm run simulate -- --date 2026-11-30 --seed 7 --rate 120`: a whole Kostelec office day through
 * the real server and simulated devices, 120 times faster than real time (9 hours in 4.5 minutes).
 * `--offices 20`: a hub and 20 offices on PostgreSQL and Mosquitto through the same day, the lines
 * of `--cuts 3` offices down from `--cut-from` to `--cut-to` (simulate/hub-day.ts), at 30 times
 * real speed unless `--rate` says otherwise.
 */
const { values } = parseArgs({
  options: {
    date: { type: 'string', default: '2026-11-30' },
    from: { type: 'string', default: '07:55' },
    to: { type: 'string', default: '17:00' },
    rate: { type: 'string' },
    seed: { type: 'string', default: '1' },
    demand: { type: 'string', default: '1.15' },
    offices: { type: 'string' },
    cuts: { type: 'string', default: '3' },
    'cut-from': { type: 'string', default: '10:00' },
    'cut-to': { type: 'string', default: '11:00' },
  },
});
const dir = await tempDir();
try {
  // Twenty offices' timers at 120 times real speed are more than two cores keep up with.
  const rate = Number(values.rate ?? (values.offices ? 30 : 120));
  const day = { dir: dir.path, date: values.date, from: values.from, to: values.to, rate, seed: Number(values.seed), demand: Number(values.demand) };
  if (values.offices) {
    const report = await simulateHubDay({ ...day, offices: Number(values.offices), cuts: Number(values.cuts), cutFrom: values['cut-from'], cutTo: values['cut-to'] });
    console.log(JSON.stringify(report, null, 2));
  } else console.log(JSON.stringify(await simulateDay(day), null, 2));
} finally {
  await dir.remove();
}
