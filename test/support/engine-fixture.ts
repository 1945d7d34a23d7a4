import type { BookedRef } from '../../broker/engine/journal-entry.ts';
import { type BookingLookup, QueueEngine } from '../../broker/engine/queue-engine.ts';
import { MemoryStore } from '../../broker/store/memory-store.ts';
import type { QueueStore } from '../../broker/store/queue-store.ts';
import { ManualClock } from '../../shared/clock.ts';
import { withPublicBase } from '../../shared/config/public-address.ts';
import type { OfficeConfig } from '../../shared/config/schema.ts';
import type { CounterAct, CounterCommand, SimpleCounterAction } from '../../shared/contract/counter.ts';

import type { KioskReply } from '../../shared/contract/kiosk.ts';
import { kostelec, tuesdayNine } from './office-fixture.ts';

/** The bookings a test plays: the code's booking (looked up before the engine, as the bridge does) and those due. */
export interface BookingsForTest extends BookingLookup {
  find(code: string): BookedRef | null;
}

/** An engine on a manual clock and a store of the test's choice, with shorthands for presses. */
export async function engineAt(options: { at?: number; config?: OfficeConfig; store?: QueueStore; compactAfter?: number; bookings?: BookingsForTest } = {}) {
  const clock = new ManualClock(options.at ?? tuesdayNine);
  const store = options.store ?? new MemoryStore();
  await store.start();
  let tokens = 0;
  // As the office server gives it: with its public address in force.
  const config = withPublicBase(options.config ?? kostelec(), 'http://localhost:8080');
  const engine = new QueueEngine({ config, clock, store, newToken: () => `token-${++tokens}-abcdefgh`, compactAfter: options.compactAfter, bookings: options.bookings });
  await engine.start();
  /** Any command, as the clerk's page sends it; `clerk` sits at the counter. */
  const command = (counterId: string, act: CounterAct, clerk?: string) => engine.counterCommand(counterId, { ...act, commandId: nextId(), pressedAt: clock.now() } as CounterCommand, clerk);
  return {
    engine,
    clock,
    store,
    press: (serviceId: string, kioskId = kioskFor(serviceId), requestId = nextId()) => engine.kioskRequest(kioskId, { kind: 'walkIn', requestId, pressedAt: clock.now(), serviceId }),
    counter: (counterId: string, action: SimpleCounterAction, commandId = nextId()) => engine.counterCommand(counterId, { action, commandId, pressedAt: clock.now() }),
    command,
    code: (code: string, kioskId = 'kiosk-hala', requestId = nextId()) =>
      engine.kioskRequest(kioskId, { kind: 'checkIn', requestId, pressedAt: clock.now(), code }, options.bookings?.find(code) ?? null),
    transfer: (counterId: string, serviceId: string) => command(counterId, { action: 'transfer', serviceId }),
  };
}

// Unique across every engine of a test run: a restarted engine remembers the ids it answered.
let ids = 0;
const nextId = () => `req-${String(++ids).padStart(8, '0')}`;

const kioskFor = (serviceId: string) => (['vozidla', 'ridici', 'zivnosti'].includes(serviceId) ? 'kiosk-chodba' : 'kiosk-hala');

export function numberOf(reply: KioskReply): string {
  if (!reply.ok) throw new Error(`refused: ${reply.error.code}`);
  return reply.data.ticket.number;
}

export function codeOf(reply: { ok: boolean; error?: { code: string } }): string {
  return reply.ok ? 'ok' : reply.error!.code;
}
