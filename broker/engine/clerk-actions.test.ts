import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { codeOf, engineAt, numberOf } from '../../test/support/engine-fixture.ts';
import { aggregateDay } from '../statistics/day-aggregate.ts';
import { MemoryStore } from '../store/memory-store.ts';

type Engine = Awaited<ReturnType<typeof engineAt>>['engine'];
const current = (engine: Engine, id: string) => engine.counterStates().find((c) => c.counterId === id)!.current?.number ?? null;
const ticket = (engine: Engine, number: string) => engine.dayState().tickets[number]!;

test('a client handed to a named counter is called there next, before its lines, and nowhere else', async () => {
  const { engine, press, counter, command, clock } = await engineAt();
  await press('pasy');
  clock.advance(1000);
  await press('pasy');
  await counter('prepazka-3', 'next');
  assert.is(codeOf(await command('prepazka-3', { action: 'transferToCounter', counterId: 'prepazka-3' })), 'unknownCounter', 'not to itself');
  assert.is(codeOf(await command('prepazka-3', { action: 'transferToCounter', counterId: 'prepazka-7' })), 'ok');
  assert.is(current(engine, 'prepazka-3'), null);
  assert.is(engine.counterStates().find((c) => c.counterId === 'prepazka-7')!.waiting, 1, 'it waits for counter 7');
  assert.equal(engine.upNext('prepazka-7'), { number: 'C001', reason: 'handedOver', bookedAt: null });
  await counter('prepazka-2', 'next');
  assert.is(current(engine, 'prepazka-2'), 'C002', 'another counter serving passports does not take it');
  await counter('prepazka-7', 'next');
  assert.is(current(engine, 'prepazka-7'), 'C001', 'counter 7 calls it although it serves no passports');
  assert.is(ticket(engine, 'C001').transfers, 1);
});

test('a ticket called out of order leaves its line, is marked so, and only from the services the counter serves', async () => {
  const { engine, press, command, clock } = await engineAt();
  for (let k = 0; k < 3; k++) {
    await press('obcanky');
    clock.advance(1000);
  }
  const vehicle = numberOf(await press('vozidla'));
  assert.is(codeOf(await command('prepazka-2', { action: 'callTicket', number: vehicle })), 'notServedHere');
  assert.is(codeOf(await command('prepazka-2', { action: 'callTicket', number: 'A009' })), 'notWaiting');
  assert.is(codeOf(await command('prepazka-2', { action: 'callTicket', number: 'A003' })), 'ok');
  assert.is(current(engine, 'prepazka-2'), 'A003');
  assert.ok(ticket(engine, 'A003').outOfOrder);
  assert.equal(engine.waiting('obcanky'), ['A001', 'A002']);
  assert.is(codeOf(await command('prepazka-3', { action: 'callTicket', number: 'A003' })), 'notWaiting', 'a called ticket cannot be called again elsewhere');
});

test('a parked client is in no line: no Next reaches them, the status page says which counter, and that counter alone calls them back', async () => {
  const { engine, press, counter, command, clock } = await engineAt();
  await press('pasy');
  clock.advance(1000);
  await press('pasy');
  await counter('prepazka-3', 'next');
  assert.is(codeOf(await command('prepazka-3', { action: 'park' })), 'ok');
  assert.is(current(engine, 'prepazka-3'), null);
  const status = engine.ticketStatus(ticket(engine, 'C001').token)!;
  assert.equal([status.state, status.counterNumber], ['parked', 3]);
  await counter('prepazka-2', 'next');
  assert.is(current(engine, 'prepazka-2'), 'C002');
  await counter('prepazka-2', 'next');
  assert.is(current(engine, 'prepazka-2'), null, 'the parked client is not in the line');
  assert.is(codeOf(await command('prepazka-2', { action: 'callParked', number: 'C001' })), 'notParkedHere');
  clock.advance(5 * 60_000);
  assert.is(codeOf(await command('prepazka-3', { action: 'callParked', number: 'C001' })), 'ok');
  assert.is(current(engine, 'prepazka-3'), 'C001');
  assert.is(ticket(engine, 'C001').parkedMs, 5 * 60_000);
  assert.is(codeOf(await command('prepazka-3', { action: 'callParked', number: 'C001' })), 'notParkedHere', 'called back once');
  await command('prepazka-3', { action: 'transfer', serviceId: 'obcanky' });
  await command('prepazka-2', { action: 'callTicket', number: 'C001' });
  const [cell] = Object.values(aggregateDay(engine.dayState(), []).cells).filter((c) => c.parkedMs);
  assert.equal([cell!.parkedMs, cell!.transfers, cell!.outOfOrder], [5 * 60_000, 1, 1], 'the statistics count parked time, transfers and out-of-order calls');
});

test("the work profile changes what Next calls at once, within the counter's own services", async () => {
  const { engine, press, counter, command, clock } = await engineAt();
  await press('obcanky');
  clock.advance(1000);
  await press('pasy');
  assert.is(codeOf(await command('prepazka-2', { action: 'setProfile', serviceIds: ['pasy', 'vozidla'] })), 'notServedHere');
  assert.is(codeOf(await command('prepazka-2', { action: 'setProfile', serviceIds: ['pasy'] })), 'ok');
  assert.equal(engine.upNext('prepazka-2'), { number: 'C001', reason: 'walkIn', bookedAt: null });
  await counter('prepazka-2', 'next');
  assert.is(current(engine, 'prepazka-2'), 'C001', 'passports only, although A001 came first');
  await counter('prepazka-2', 'next');
  assert.is(current(engine, 'prepazka-2'), null, 'no ID cards this afternoon');
  assert.is(codeOf(await command('prepazka-2', { action: 'setProfile', serviceIds: ['obcanky', 'pasy'] })), 'ok');
  assert.is(engine.dayState().counters['prepazka-2']!.profile, undefined, "the counter's own services, in its order, are no profile");
  await counter('prepazka-2', 'next');
  assert.is(current(engine, 'prepazka-2'), 'A001');
});

test('a pause may say why; resuming forgets it; the clerk sitting at the counter is recorded on each client it calls, and a replay keeps it all', async () => {
  const store = new MemoryStore();
  const first = await engineAt({ store });
  await first.press('pasy');
  await first.command('prepazka-3', { action: 'next' }, 'novak');
  assert.is(ticket(first.engine, 'C001').servedBy, 'novak');
  await first.command('prepazka-3', { action: 'pause', reason: 'lunch' }, 'novak');
  assert.equal([first.engine.dayState().counters['prepazka-3']!.status, first.engine.dayState().counters['prepazka-3']!.pauseReason], ['paused', 'lunch']);
  const replayed = await engineAt({ store });
  assert.is(ticket(replayed.engine, 'C001').servedBy, 'novak');
  assert.is(replayed.engine.dayState().counters['prepazka-3']!.pauseReason, 'lunch');
  await replayed.counter('prepazka-3', 'resume');
  assert.is(replayed.engine.dayState().counters['prepazka-3']!.pauseReason, undefined);
});

test.run();
