import { appendFile, readdir, rm, symlink } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { engineAt, numberOf } from '../../test/support/engine-fixture.ts';
import { tempDir } from '../../test/support/temp-dir.ts';
import { FileStore } from './file-store.ts';
import { sampleDay, sampleEntry } from './store-contract.ts';

test("a restarted engine continues the day's numbering from the file, never repeating a number", async () => {
  const dir = await tempDir();
  const first = await engineAt({ store: new FileStore(dir.path) });
  await first.press('pasy');
  await first.press('pasy');
  await first.counter('prepazka-2', 'next');
  const second = await engineAt({ store: new FileStore(dir.path) });
  assert.is(numberOf(await second.press('pasy')), 'C003');
  assert.is(second.engine.counterStates().find((c) => c.counterId === 'prepazka-2')!.current?.number, 'C001');
  // The first store was abandoned as a crash would leave it; its journal handle is closed only now.
  await Promise.all([first.store.stop(), second.store.stop()]);
  await dir.remove();
});

test('a kiosk retry that reaches a restarted server gets the ticket it was given, not a new one', async () => {
  const dir = await tempDir();
  const first = await engineAt({ store: new FileStore(dir.path) });
  await first.press('pasy', 'kiosk-hala', 'retry-after-crash');
  const second = await engineAt({ store: new FileStore(dir.path) });
  assert.is(numberOf(await second.press('pasy', 'kiosk-hala', 'retry-after-crash')), 'C001');
  assert.is(second.engine.serviceStatuses().find((s) => s.serviceId === 'pasy')!.waiting, 1);
  await Promise.all([first.store.stop(), second.store.stop()]);
  await dir.remove();
});

test('a torn last line and entries already in the snapshot are skipped on load', async () => {
  const dir = await tempDir();
  const store = new FileStore(dir.path);
  await store.start();
  await store.snapshot(sampleDay(5));
  await store.stop();
  // As after a crash between the snapshot and cutting the journal, then a torn write.
  await appendFile(join(dir.path, 'today.journal'), `${[4, 5, 6].map((seq) => `\n${JSON.stringify(sampleEntry(seq))}`).join('')}\n{"seq":7,"at":`);
  const again = new FileStore(dir.path);
  await again.start();
  assert.equal((await again.load())?.entries, [sampleEntry(6)]);
  await again.stop();
  await dir.remove();
});

test('only today is in the hot file; finished days go to history', async () => {
  const dir = await tempDir();
  const { press, clock, store } = await engineAt({ store: new FileStore(dir.path) });
  await press('pasy');
  clock.advance(24 * 3600_000);
  await press('pasy');
  assert.equal(await readdir(join(dir.path, 'history')), ['2026-11-24.json']);
  await store.stop();
  await dir.remove();
});

test('a journal that cannot be written (disk full) fails the append and records nothing', async () => {
  const dir = await tempDir();
  const first = new FileStore(dir.path);
  await first.start();
  await first.snapshot(sampleDay());
  await first.stop();
  // /dev/full answers every write with ENOSPC, as a full SD card would.
  await rm(join(dir.path, 'today.journal'));
  await symlink('/dev/full', join(dir.path, 'today.journal'));
  const store = new FileStore(dir.path);
  await store.start();
  const error = await store.append([sampleEntry(4)]).then(
    () => undefined,
    (e: NodeJS.ErrnoException) => e.code,
  );
  assert.is(error, 'ENOSPC');
  assert.is(store.journalLength(), 0);
  await store.stop();
  await dir.remove();
});

test.run();
