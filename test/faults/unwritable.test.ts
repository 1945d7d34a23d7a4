import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { startFaultOffice } from '../../scripts/faults/fault-office.ts';
import { unwritableDataDir } from '../../scripts/faults/unwritable.ts';
import { tempDir } from '../support/temp-dir.ts';

test('with the data directory unwritable a press fails visibly and prints nothing, a hold is refused; both work again after', async () => {
  const dir = await tempDir();
  const office = await startFaultOffice(dir.path);
  try {
    const report = await unwritableDataDir(office, dir.path);
    assert.equal(report.kioskSaid.slice(0, 2), ['Chyba systému,', 'lístek nevytištěn']);
    assert.is(report.printedWhileUnwritable, 0);
    assert.equal([report.holdStatusWhileUnwritable, report.holdCodeWhileUnwritable], [503, 'storageFailed']);
    assert.is(report.printedAfter, 1);
    assert.is(report.holdStatusAfter, 201);
    assert.is(report.waitingAfterRestart, 2, 'exactly the two printed tickets are stored');
  } finally {
    await office.stop();
    await dir.remove();
  }
});

test.run();
