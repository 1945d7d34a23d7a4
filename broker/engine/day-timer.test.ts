import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { eventually } from '../../test/support/eventually.ts';
import { kostelec } from '../../test/support/office-fixture.ts';
import { createLogger } from '../log.ts';
import { MemoryStore } from '../store/memory-store.ts';
import { DayTimer } from './day-timer.ts';
import { QueueEngine } from './queue-engine.ts';

test('with no broker at all, the day rolls over at Prague midnight on the engine’s own timer, and its listeners hear it', async () => {
  // Office time held at 23:59:58 on a Tuesday until the timer starts, then running at 1000×.
  const before = Date.parse('2026-11-24T23:59:58+01:00');
  let runningSince: number | undefined;
  const clock = { rate: 1000, now: () => (runningSince === undefined ? before : before + (Date.now() - runningSince) * 1000) };
  const store = new MemoryStore();
  await store.start();
  const engine = new QueueEngine({ config: kostelec(), clock, store, newToken: () => 'token-abcdefghijklmnop' });
  await engine.start();
  assert.is(engine.currentDay(), '2026-11-24');
  const timer = new DayTimer(
    engine,
    clock,
    createLogger('test', () => {}),
  );
  let heard = 0;
  timer.onEdge(() => void heard++);
  runningSince = Date.now();
  timer.start();
  try {
    await eventually('the next day', () => engine.currentDay() === '2026-11-25');
    await eventually('a listener told', () => heard > 0);
  } finally {
    timer.stop();
    await store.stop();
  }
});

test.run();
