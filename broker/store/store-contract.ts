import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { freshDay } from '../engine/day-state.ts';
import type { JournalEntry } from '../engine/journal-entry.ts';
import type { QueueStore } from './queue-store.ts';

export interface StoreUnderTest {
  store: QueueStore;
  reopen: () => QueueStore;
  cleanup: () => Promise<void>;
}

export const sampleDay = (seq = 3) => {
  const state = freshDay('2026-11-24', seq);
  state.sequences.C = 7;
  return state;
};

export const sampleEntry = (seq: number): JournalEntry => ({
  seq,
  at: 1_795_000_000_000 + seq,
  kind: 'counter',
  deviceId: 'prepazka-2',
  message: { action: 'next', commandId: `command-${seq}-abc`, pressedAt: 1_795_000_000_000 },
});

/**
 * What every QueueStore must do (the aedes-persistence habit: one abstract suite, run by each
 * implementation). `reopen` gives a second store over the same data, as after a restart.
 */
export function queueStoreContract(name: string, open: () => Promise<StoreUnderTest>): void {
  const started = async (store: QueueStore) => {
    await store.start();
    return store;
  };

  test(`${name}: an empty store has nothing to load`, async () => {
    const { store, cleanup } = await open();
    await started(store);
    assert.is(await store.load(), undefined);
    assert.is(store.durable(), undefined);
    await store.stop();
    await cleanup();
  });

  test(`${name}: snapshot and appended entries come back after a reopen, in order`, async () => {
    const { store, reopen, cleanup } = await open();
    await started(store);
    await store.snapshot(sampleDay());
    await store.append([sampleEntry(4)]);
    await store.append([sampleEntry(5), sampleEntry(6)]);
    assert.is(store.journalLength(), 3);
    await store.stop();
    const again = await started(reopen());
    assert.equal(await again.load(), { snapshot: sampleDay(), entries: [sampleEntry(4), sampleEntry(5), sampleEntry(6)] });
    assert.equal(again.durable(), await again.load());
    await again.stop();
    await cleanup();
  });

  test(`${name}: what was stored cannot be changed through the object that was passed in`, async () => {
    const { store, cleanup } = await open();
    await started(store);
    const state = sampleDay();
    await store.snapshot(state);
    state.sequences.C = 99;
    assert.is(store.durable()?.snapshot.sequences.C, 7);
    await store.stop();
    await cleanup();
  });

  test(`${name}: a snapshot replaces the journal`, async () => {
    const { store, reopen, cleanup } = await open();
    await started(store);
    await store.snapshot(sampleDay());
    await store.append([sampleEntry(4)]);
    await store.snapshot(sampleDay(4));
    assert.is(store.journalLength(), 0);
    await store.stop();
    const again = await started(reopen());
    assert.equal(await again.load(), { snapshot: sampleDay(4), entries: [] });
    await again.stop();
    await cleanup();
  });

  test(`${name}: archived days are kept by date and read back`, async () => {
    const { store, reopen, cleanup } = await open();
    await started(store);
    await store.archiveDay(sampleDay());
    await store.stop();
    const again = await started(reopen());
    assert.equal(await again.loadArchivedDay('2026-11-24'), sampleDay());
    assert.is(await again.loadArchivedDay('2026-11-23'), undefined);
    await again.stop();
    await cleanup();
  });
}
