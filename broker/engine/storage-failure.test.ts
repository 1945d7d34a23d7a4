import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { codeOf, engineAt, numberOf } from '../../test/support/engine-fixture.ts';
import { MemoryStore } from '../store/memory-store.ts';
import type { DayState } from './day-state.ts';
import type { JournalEntry } from './journal-entry.ts';

/** A real MemoryStore whose writes can be made to fail, as a full or broken disk would. */
class FailingStore extends MemoryStore {
  failing = false;
  override async append(entries: JournalEntry[]): Promise<void> {
    await new Promise((r) => setTimeout(r, 2));
    if (this.failing) throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
    return super.append(entries);
  }
  override async snapshot(state: DayState): Promise<void> {
    if (this.failing) throw new Error('EIO: i/o error');
    return super.snapshot(state);
  }
}

test('a write that fails fails the request visibly and changes nothing', async () => {
  const store = new FailingStore();
  const { engine, press } = await engineAt({ store });
  assert.is(numberOf(await press('pasy')), 'C001');
  store.failing = true;
  const failed = await press('pasy');
  assert.is(codeOf(failed), 'storageFailed');
  assert.is(engine.serviceStatuses().find((s) => s.serviceId === 'pasy')!.waiting, 1);
  store.failing = false;
  // The failed ticket was never acknowledged (nor printed), so its number is free again.
  assert.is(numberOf(await press('pasy')), 'C002');
});

test('requests applied on top of a failing write fail with it, and the state returns to what is durable', async () => {
  const store = new FailingStore();
  const { engine, press, counter } = await engineAt({ store });
  await press('pasy');
  store.failing = true;
  const results = await Promise.all([press('pasy'), press('pasy'), counter('prepazka-2', 'next')]);
  assert.equal(results.map(codeOf), ['storageFailed', 'storageFailed', 'storageFailed']);
  store.failing = false;
  const pasy = engine.serviceStatuses().find((s) => s.serviceId === 'pasy')!;
  assert.equal([pasy.waiting, engine.hallCalls().calls.length], [1, 0]);
  assert.is(numberOf(await press('pasy')), 'C002');
});

test('a day that cannot be rolled over fails its requests until the disk is back', async () => {
  const store = new FailingStore();
  const { press, clock } = await engineAt({ store, at: Date.parse('2026-11-24T13:00:00+01:00') });
  await press('pasy');
  clock.set(Date.parse('2026-11-25T09:00:00+01:00'));
  store.failing = true;
  assert.is(codeOf(await press('pasy')), 'storageFailed');
  store.failing = false;
  assert.is(numberOf(await press('pasy')), 'C001');
  assert.ok(await store.loadArchivedDay('2026-11-24'));
});

test.run();
