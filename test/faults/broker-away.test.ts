import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { brokerAway } from '../../scripts/faults/broker-away.ts';
import { startFaultOffice } from '../../scripts/faults/fault-office.ts';
import { tempDir } from '../support/temp-dir.ts';

test('the server away for 30 s: devices say so and print nothing, are back within 5 s, no ghost or double tickets', async () => {
  const dir = await tempDir();
  const office = await startFaultOffice(dir.path);
  try {
    const report = await brokerAway(office, 30);
    assert.is(report.printedWhileAway, 0);
    assert.ok(report.saidOutOfService);
    assert.ok(report.recoveryMs <= 5000, `back after ${report.recoveryMs} ms`);
    // One press on each of the two kiosks after the return: two tickets, and only they wait;
    // the Next presses made while the server was away called nobody when it came back.
    assert.is(report.ticketsAfter, 2);
    assert.is(report.waitingAfter, 2);
    assert.is(report.callsAfter, 0);
  } finally {
    await office.stop();
    await dir.remove();
  }
});

test.run();
