import { parseArgs } from 'node:util';
import { tempDir } from '../../test/support/temp-dir.ts';
import { brokerAway } from './broker-away.ts';
import { startFaultOffice } from './fault-office.ts';
import { killNine } from './kill-nine.ts';
import { unwritableDataDir } from './unwritable.ts';

/**
 * The long fault runs (CI runs short ones in test/faults/):
 * `npm run faults -- kill --rounds 200`, `npm run faults -- away --seconds 120`,
 * `npm run faults -- unwritable` (needs chattr: the data directory is made immutable for a while).
 */
const { positionals, values } = parseArgs({ allowPositionals: true, options: { rounds: { type: 'string', default: '100' }, seconds: { type: 'string', default: '30' } } });
const runs: Record<string, (office: Awaited<ReturnType<typeof startFaultOffice>>, dir: string) => Promise<boolean>> = {
  async kill(office, dir) {
    const report = await killNine(office, dir, Number(values.rounds));
    console.log(JSON.stringify(report, null, 2));
    // A run that acknowledged nothing or confirmed no booking proved nothing, and says so by failing.
    const exercised = report.acknowledged > 0 && report.bookingsConfirmed > 0 && report.roundsWithBookings > 0;
    return (
      exercised &&
      report.lost.length === 0 &&
      report.repeated.length === 0 &&
      report.devicesRecovered &&
      report.bookingsLost.length === 0 &&
      report.codeMailsMissing.length === 0 &&
      report.overbooked.length === 0
    );
  },
  async unwritable(office, dir) {
    const report = await unwritableDataDir(office, dir);
    console.log(JSON.stringify(report, null, 2));
    return report.printedWhileUnwritable === 0 && report.holdCodeWhileUnwritable === 'storageFailed' && report.printedAfter === 1 && report.holdStatusAfter === 201 && report.waitingAfterRestart === 2;
  },
  async away(office) {
    const report = await brokerAway(office, Number(values.seconds));
    console.log(JSON.stringify(report, null, 2));
    return report.printedWhileAway === 0 && report.saidOutOfService && report.recoveryMs <= 5000 && report.ticketsAfter === 2 && report.waitingAfter === 2 && report.callsAfter === 0;
  },
};
const run = runs[positionals[0] ?? 'kill'];
if (!run) {
  console.error('faults: kill [--rounds N] | away [--seconds S] | unwritable');
  process.exit(2);
}
const dir = await tempDir();
const office = await startFaultOffice(dir.path);
try {
  process.exitCode = (await run(office, dir.path)) ? 0 : 1;
} finally {
  await office.stop();
  await dir.remove();
}
