import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { withPublicBase } from '../../shared/config/public-address.ts';
import { codeOf, engineAt, numberOf } from '../../test/support/engine-fixture.ts';
import { kostelec } from '../../test/support/office-fixture.ts';
import { MemoryStore } from '../store/memory-store.ts';

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

test('settings changed mid-day: a restart replays each entry under the settings it was applied with, whatever the settings file says', async () => {
  const store = new MemoryStore();
  const tight = kostelec((c) => (c.workplaces.find((w) => w.id === 'pokladna')!.walkInCapacityPerDay = 3));
  const roomy = kostelec();
  const first = await engineAt({ store, config: tight });
  for (let k = 0; k < 3; k++) await first.press('pokladna');
  assert.is(codeOf(await first.press('pokladna')), 'capacityExhausted');
  await first.engine.reconfigure(withPublicBase(roomy, 'http://localhost:8080'));
  assert.is(numberOf(await first.press('pokladna')), 'P004', 'the new capacity applies at once');
  await first.counter('prepazka-1', 'next');
  const now = first.clock.now();
  // Restarted with the old settings (the settings file not yet written when the power went):
  // P004, journaled under the new capacity, is still there, and the old capacity holds from now on.
  const second = await engineAt({ store, config: tight, at: now });
  assert.equal(
    second.engine.serviceStatuses(now),
    first.engine.serviceStatuses(now).map((s) => (s.serviceId === 'pokladna' ? { ...s, open: false, closedReason: 'capacityExhausted', ticketsLeft: 0 } : s)),
  );
  assert.equal(second.engine.counterStates(now), first.engine.counterStates(now));
  assert.is(codeOf(await second.press('pokladna')), 'capacityExhausted');
  // And with the new settings: the same day, and room for more.
  const third = await engineAt({ store, config: roomy, at: now });
  assert.equal(third.engine.counterStates(now), first.engine.counterStates(now));
  assert.is(numberOf(await third.press('pokladna')), 'P005');
});

test.run();
