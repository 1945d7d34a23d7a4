import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { startFaultOffice } from '../../scripts/faults/fault-office.ts';
import { killNine } from '../../scripts/faults/kill-nine.ts';
import { tempDir } from '../support/temp-dir.ts';

test('twenty kill -9 under load: every acknowledged ticket and confirmed booking survives with its code mailed, no number repeats, no place is taken twice, devices recover', async () => {
  const dir = await tempDir();
  const office = await startFaultOffice(dir.path);
  try {
    let seed = 7;
    const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    const report = await killNine(office, dir.path, 20, random);
    assert.ok(report.acknowledged >= 100, `only ${report.acknowledged} tickets acknowledged`);
    assert.equal(report.lost, []);
    assert.equal(report.repeated, []);
    assert.ok(report.devicesRecovered);
    assert.is(report.roundsWithBookings, 20, 'a booking was confirmed before every kill');
    assert.equal(report.bookingsLost, []);
    assert.equal(report.codeMailsMissing, [], 'every confirmed booking got its code by mail');
    assert.equal(report.overbooked, []);
  } finally {
    await office.stop();
    await dir.remove();
  }
});

test.run();
