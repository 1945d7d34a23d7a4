import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { freshDay } from '../engine/day-state.ts';
import type { QueueStore } from './queue-store.ts';

/**
 * What every QueueStore must do (the aedes-persistence habit: one abstract suite, run by each
 * implementation). `reopen` gives a second store over the same data, as after a restart.
 */
export function queueStoreContract(name: string, open: () => Promise<{ store: QueueStore; reopen: () => QueueStore; cleanup: () => Promise<void> }>): void {
  const sample = () => {
    const state = freshDay('2026-11-24');
    state.sequences.C = 7;
    state.answered['kiosk-hala/abc'] = { requestId: 'abcdefgh', ok: false, error: { code: 'closed' } };
    return state;
  };

  test(`${name}: an empty store has no today and no last saved state`, async () => {
    const { store, cleanup } = await open();
    await store.start();
    assert.is(await store.loadToday(), undefined);
    assert.is(store.lastSaved(), undefined);
    await store.stop();
    await cleanup();
  });

  test(`${name}: a saved day comes back after a reopen, equal but not the same object`, async () => {
    const { store, reopen, cleanup } = await open();
    await store.start();
    const state = sample();
    await store.saveToday(state);
    state.sequences.C = 99;
    assert.is(store.lastSaved()?.sequences.C, 7);
    await store.stop();
    const again = reopen();
    await again.start();
    assert.equal(await again.loadToday(), sample());
    await again.stop();
    await cleanup();
  });

  test(`${name}: archived days are kept by date and read back`, async () => {
    const { store, reopen, cleanup } = await open();
    await store.start();
    await store.archiveDay(sample());
    const again = reopen();
    await again.start();
    assert.equal(await again.loadArchivedDay('2026-11-24'), sample());
    assert.is(await again.loadArchivedDay('2026-11-23'), undefined);
    await cleanup();
  });
}
