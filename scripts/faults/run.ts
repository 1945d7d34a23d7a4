import { parseArgs } from 'node:util';
import { tempDir } from '../../test/support/temp-dir.ts';
import { startFaultOffice } from './fault-office.ts';
import { killNine } from './kill-nine.ts';

/** The long fault runs (CI runs short ones in test/faults/): `npm run faults -- kill --rounds 200`. */
const { positionals, values } = parseArgs({ allowPositionals: true, options: { rounds: { type: 'string', default: '100' } } });
const which = positionals[0] ?? 'kill';
if (which !== 'kill') {
  console.error('faults: kill [--rounds N]');
  process.exit(2);
}
const dir = await tempDir();
const office = await startFaultOffice(dir.path);
try {
  const report = await killNine(office, Number(values.rounds));
  console.log(JSON.stringify(report, null, 2));
  process.exitCode = report.lost.length === 0 && report.repeated.length === 0 && report.devicesRecovered ? 0 : 1;
} finally {
  await office.stop();
  await dir.remove();
}
