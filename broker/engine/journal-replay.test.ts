import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { MemoryStore } from '../store/memory-store.ts';
import { engineAt, numberOf } from './engine-fixture.ts';

test('a restarted engine rebuilds the same day from snapshot and journal', async () => {
  const store = new MemoryStore();
  const first = await engineAt({ store });
  for (const service of ['pasy', 'obcanky', 'pasy', 'evidence', 'pokladna']) {
    await first.press(service);
    first.clock.advance(30_000);
  }
  await first.counter('prepazka-2', 'next');
  await first.counter('prepazka-4', 'next');
  await first.transfer('prepazka-4', 'pasy');
  await first.counter('prepazka-1', 'pause');
  const second = await engineAt({ store, at: first.clock.now() });
  assert.equal(second.engine.serviceStatuses(first.clock.now()), first.engine.serviceStatuses(first.clock.now()));
  assert.equal(second.engine.counterStates(first.clock.now()), first.engine.counterStates(first.clock.now()));
  assert.equal(second.engine.hallCalls(0), first.engine.hallCalls(0));
  assert.is(numberOf(await second.press('pasy')), 'C003');
});

test('a long journal is compacted into a snapshot', async () => {
  const store = new MemoryStore();
  const { press } = await engineAt({ store, compactAfter: 10 });
  for (let k = 0; k < 25; k++) await press('pokladna');
  assert.ok(store.journalLength() <= 10, `journal of ${store.journalLength()} entries`);
  const again = await engineAt({ store });
  assert.is(numberOf(await again.press('pokladna')), 'P026');
});

test.run();
