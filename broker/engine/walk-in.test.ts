import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { codeOf, engineAt, numberOf } from '../../test/support/engine-fixture.ts';
import { kostelec } from '../../test/support/office-fixture.ts';

test('numbers count up per service letter, three digits wide', async () => {
  const { press } = await engineAt();
  assert.equal([numberOf(await press('pasy')), numberOf(await press('pasy')), numberOf(await press('obcanky'))], ['C001', 'C002', 'A001']);
});

test('a ticket tells how many wait ahead, the estimate, and an unguessable status address', async () => {
  const { press } = await engineAt();
  await press('pasy');
  await press('pasy');
  const reply = await press('pasy');
  assert.ok(reply.ok);
  if (!reply.ok) return;
  assert.is(reply.data.ticket.waitingAhead, 2);
  // Two open counters serve passports, 12 minutes each: two people ahead take about 12 minutes.
  assert.is(reply.data.ticket.estimatedWaitMinutes, 12);
  assert.match(reply.data.ticket.statusUrl, /\/t\/token-3-abcdefgh$/);
  assert.not.match(reply.data.ticket.statusUrl, 'C003');
});

test('the same request id gets the same ticket, never a second one', async () => {
  const { press } = await engineAt();
  const [a, b] = await Promise.all([press('pasy', 'kiosk-hala', 'retry-id-0001'), press('pasy', 'kiosk-hala', 'retry-id-0001')]);
  const c = await press('pasy', 'kiosk-hala', 'retry-id-0001');
  assert.equal([numberOf(a), numberOf(b), numberOf(c)], ['C001', 'C001', 'C001']);
  assert.is(numberOf(await press('pasy')), 'C002');
});

test('no ticket past the workplace daily capacity, shared by its services', async () => {
  const config = kostelec((c) => {
    c.workplaces[1]!.walkInCapacityPerDay = 3;
  });
  const { engine, press } = await engineAt({ config });
  assert.equal([codeOf(await press('obcanky')), codeOf(await press('pasy')), codeOf(await press('evidence'))], ['ok', 'ok', 'ok']);
  assert.is(codeOf(await press('obcanky')), 'capacityExhausted');
  // Another workplace's capacity is its own.
  assert.is(codeOf(await press('pokladna')), 'ok');
  const status = engine.serviceStatuses().find((s) => s.serviceId === 'pasy')!;
  assert.equal([status.open, status.closedReason, status.ticketsLeft], [false, 'capacityExhausted', 0]);
});

test('closed outside hours and on holidays; unknown services and other kiosks refused', async () => {
  const { press, clock } = await engineAt({ at: Date.parse('2026-11-24T07:00:00+01:00') });
  assert.is(codeOf(await press('pasy')), 'closed');
  clock.set(Date.parse('2026-12-24T09:00:00+01:00'));
  assert.is(codeOf(await press('pasy')), 'holiday');
  clock.set(Date.parse('2026-12-28T09:00:00+01:00'));
  assert.is(codeOf(await press('nonsense')), 'unknownService');
  assert.is(codeOf(await press('vozidla', 'kiosk-hala')), 'serviceNotAtKiosk');
});

test('no tickets on a day the office closed by its configuration', async () => {
  const config = kostelec((c) => {
    c.office.closedDates = ['2026-12-31'];
  });
  const { press } = await engineAt({ config, at: Date.parse('2026-12-31T09:00:00+01:00') });
  assert.is(codeOf(await press('pasy')), 'closed');
});

test('a request pressed long ago is refused, not issued', async () => {
  const { engine, clock } = await engineAt();
  const reply = await engine.kioskRequest('kiosk-hala', { kind: 'walkIn', requestId: 'late-request-1', pressedAt: clock.now() - 60_000, serviceId: 'pasy' });
  assert.is(codeOf(reply), 'stale');
  assert.is(engine.serviceStatuses().find((s) => s.serviceId === 'pasy')!.waiting, 0);
});

test('numbers restart at Prague midnight and the finished day is archived', async () => {
  const { press, clock, store } = await engineAt({ at: Date.parse('2026-11-24T13:30:00+01:00') });
  assert.is(numberOf(await press('pasy')), 'C001');
  assert.is(numberOf(await press('pasy')), 'C002');
  clock.set(Date.parse('2026-11-25T08:30:00+01:00'));
  assert.is(numberOf(await press('pasy')), 'C001');
  const archived = await store.loadArchivedDay('2026-11-24');
  assert.equal(Object.keys(archived?.tickets ?? {}), ['C001', 'C002']);
});

test('a code typed at the kiosk is unknown until bookings exist', async () => {
  const { engine, clock } = await engineAt();
  const reply = await engine.kioskRequest('kiosk-hala', { kind: 'checkIn', requestId: 'check-in-001', pressedAt: clock.now(), code: '123456' });
  assert.is(codeOf(reply), 'unknownCode');
});

test('walk-ins are called in the order they were issued even when the clock steps back, across the services of a counter too', async () => {
  const { press, counter, clock, engine } = await engineAt();
  const current = (id: string) => engine.counterStates().find((c) => c.counterId === id)!.current?.number;
  const before = [numberOf(await press('pasy')), numberOf(await press('obcanky')), numberOf(await press('pasy'))];
  clock.set(clock.now() - 10 * 60_000);
  const after = numberOf(await press('pasy'));
  const ahead = await press('obcanky');
  assert.ok(ahead.ok && ahead.data.ticket.waitingAhead === 1, 'the reply counted the one earlier ID-card client ahead');
  // prepazka-2 serves ID cards and passports (kostelec.ts): one line of issue order across both.
  const called: (string | undefined)[] = [];
  for (let k = 0; k < 5; k++) {
    await counter('prepazka-2', 'next');
    called.push(current('prepazka-2'));
  }
  assert.equal(called, [...before, after, ahead.ok ? ahead.data.ticket.number : '']);
});

test.run();
