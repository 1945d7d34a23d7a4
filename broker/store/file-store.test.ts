import { mkdir, readdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { tempDir } from '../../test/support/temp-dir.ts';
import { codeOf, engineAt, numberOf } from '../engine/engine-fixture.ts';
import { FileStore } from './file-store.ts';

test('a restarted engine continues the day\'s numbering from the file, never repeating a number', async () => {
  const dir = await tempDir();
  const first = await engineAt({ store: new FileStore(dir.path) });
  await first.press('pasy');
  await first.press('pasy');
  await first.counter('prepazka-2', 'next');
  const second = await engineAt({ store: new FileStore(dir.path) });
  assert.is(numberOf(await second.press('pasy')), 'C003');
  assert.is(second.engine.counterStates().find((c) => c.counterId === 'prepazka-2')!.current?.number, 'C001');
  await dir.remove();
});

test('a kiosk retry that reaches a restarted server gets the ticket it was given, not a new one', async () => {
  const dir = await tempDir();
  const first = await engineAt({ store: new FileStore(dir.path) });
  await first.press('pasy', 'kiosk-hala', 'retry-after-crash');
  const second = await engineAt({ store: new FileStore(dir.path) });
  assert.is(numberOf(await second.press('pasy', 'kiosk-hala', 'retry-after-crash')), 'C001');
  assert.is(second.engine.serviceStatuses().find((s) => s.serviceId === 'pasy')!.waiting, 1);
  await dir.remove();
});

test('only today is in the hot file; finished days go to history', async () => {
  const dir = await tempDir();
  const { press, clock } = await engineAt({ store: new FileStore(dir.path) });
  await press('pasy');
  clock.advance(24 * 3600_000);
  await press('pasy');
  assert.equal(await readdir(join(dir.path, 'history')), ['2026-11-24.json']);
  await dir.remove();
});

test('a write that fails fails the request visibly and changes nothing', async () => {
  const dir = await tempDir();
  const { engine, press } = await engineAt({ store: new FileStore(dir.path) });
  assert.is(numberOf(await press('pasy')), 'C001');
  // The data directory becomes unwritable: a plain file stands where it was (root ignores chmod).
  await rename(dir.path, `${dir.path}-away`);
  await writeFile(dir.path, 'not a directory');
  const failed = await press('pasy');
  assert.is(codeOf(failed), 'storageFailed');
  assert.is(engine.serviceStatuses().find((s) => s.serviceId === 'pasy')!.waiting, 1);
  await dir.remove();
  await rename(`${dir.path}-away`, dir.path);
  // Once the disk is back the next ticket is C002: the failed one was never acknowledged or printed.
  assert.is(numberOf(await press('pasy')), 'C002');
  await mkdir(dir.path, { recursive: true });
  await dir.remove();
});

test.run();
