import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { codeOf, engineAt } from '../../test/support/engine-fixture.ts';

const stateOf = (engine: Awaited<ReturnType<typeof engineAt>>['engine'], id: string) => engine.counterStates().find((c) => c.counterId === id)!;

test("Next calls the oldest waiting ticket among the counter's services", async () => {
  const { engine, press, counter, clock } = await engineAt();
  await press('pasy');
  clock.advance(1000);
  await press('obcanky');
  clock.advance(1000);
  await press('evidence');
  await counter('prepazka-2', 'next');
  assert.is(stateOf(engine, 'prepazka-2').current?.number, 'C001');
  await counter('prepazka-2', 'next');
  assert.is(stateOf(engine, 'prepazka-2').current?.number, 'A001');
  // Counter 2 does not serve the population register.
  assert.is(codeOf(await counter('prepazka-2', 'next')), 'ok');
  assert.is(stateOf(engine, 'prepazka-2').current, null);
  assert.is(codeOf(await counter('prepazka-2', 'next')), 'queueEmpty');
});

test('Next puts the call on the hall screen; recall calls the same number again', async () => {
  const { engine, press, counter } = await engineAt();
  await press('pasy');
  await counter('prepazka-3', 'next');
  await counter('prepazka-3', 'recall');
  const calls = engine.hallCalls().calls;
  assert.equal(
    calls.map((c) => [c.number, c.counterNumber, c.kind]),
    [
      ['C001', 3, 'recall'],
      ['C001', 3, 'call'],
    ],
  );
  assert.is(stateOf(engine, 'prepazka-3').current?.calls, 2);
});

test('no-show and done end the client; both need one', async () => {
  const { engine, press, counter } = await engineAt();
  assert.is(codeOf(await counter('prepazka-2', 'done')), 'noCurrentTicket');
  assert.is(codeOf(await counter('prepazka-2', 'noShow')), 'noCurrentTicket');
  assert.is(codeOf(await counter('prepazka-2', 'recall')), 'noCurrentTicket');
  await press('pasy');
  await counter('prepazka-2', 'next');
  await counter('prepazka-2', 'noShow');
  assert.is(stateOf(engine, 'prepazka-2').current, null);
  assert.is(engine.serviceStatuses().find((s) => s.serviceId === 'pasy')!.waiting, 0);
});

test('a paused counter calls nobody and drops out of the wait estimate', async () => {
  const { engine, press, counter } = await engineAt();
  await press('pokladna');
  assert.is(engine.serviceStatuses().find((s) => s.serviceId === 'pokladna')!.estimatedWaitMinutes, 3);
  await counter('prepazka-1', 'pause');
  assert.is(stateOf(engine, 'prepazka-1').status, 'paused');
  assert.is(codeOf(await counter('prepazka-1', 'next')), 'counterPaused');
  assert.is(engine.serviceStatuses().find((s) => s.serviceId === 'pokladna')!.estimatedWaitMinutes, null);
  assert.is(codeOf(await counter('prepazka-1', 'pause')), 'counterPaused');
  await counter('prepazka-1', 'resume');
  assert.is(codeOf(await counter('prepazka-1', 'resume')), 'counterNotPaused');
  assert.is(codeOf(await counter('prepazka-1', 'next')), 'ok');
});

test('transfer moves the client to another service, keeping their number and place in line', async () => {
  const { engine, press, counter, transfer, clock } = await engineAt();
  await press('obcanky');
  clock.advance(60_000);
  await press('evidence');
  await counter('prepazka-2', 'next');
  assert.is(codeOf(await transfer('prepazka-2', 'nonsense')), 'unknownService');
  assert.is(codeOf(await transfer('prepazka-2', 'evidence')), 'ok');
  assert.is(stateOf(engine, 'prepazka-2').current, null);
  // Counter 4 serves the register first: the transferred A001 came earlier than E001, so it goes first.
  await counter('prepazka-4', 'next');
  assert.is(stateOf(engine, 'prepazka-4').current?.number, 'A001');
});

test('service times of the day feed the estimate', async () => {
  const { engine, press, counter, clock } = await engineAt();
  await press('pokladna');
  await press('pokladna');
  await counter('prepazka-1', 'next');
  clock.advance(10 * 60_000);
  await counter('prepazka-1', 'done');
  // One client waits, one counter, the day's mean service time is now 10 minutes, not the typical 3.
  assert.is(engine.serviceStatuses().find((s) => s.serviceId === 'pokladna')!.estimatedWaitMinutes, 10);
});

test('a command that arrives long after the press is refused and changes nothing', async () => {
  const { engine, press, clock } = await engineAt();
  await press('pasy');
  const reply = await engine.counterCommand('prepazka-2', { action: 'next', commandId: 'late-command', pressedAt: clock.now() - 5 * 60_000 });
  assert.is(codeOf(reply), 'stale');
  assert.is(stateOf(engine, 'prepazka-2').current, null);
  assert.is(engine.hallCalls().calls.length, 0);
});

test('a repeated command id is executed once', async () => {
  const { engine, press, counter } = await engineAt();
  await press('pasy');
  await press('pasy');
  await counter('prepazka-2', 'next', 'same-command-1');
  await counter('prepazka-2', 'next', 'same-command-1');
  assert.is(stateOf(engine, 'prepazka-2').current?.number, 'C001');
  assert.is(engine.hallCalls().calls.length, 1);
});

test.run();
