import type { Counter, OfficeConfig } from '../../shared/config/schema.ts';
import type { UpNext } from '../../shared/contract/staff-api.ts';
import { counterRecord } from './counter-record.ts';
import type { DayState, TicketRecord } from './day-state.ts';
import { meanServiceMs } from './wait-estimate.ts';
import { comesBefore, headOf } from './waiting-line.ts';

/** Why Next calls whom it calls: the staff dashboard says it beside each counter. */
export interface NextCall { ticket: TicketRecord; reason: UpNext['reason'] }

interface Situation { config: OfficeConfig; state: DayState; counter: Counter; now: number }

/** Who Next calls, as an ordered list of sources: the first that has a candidate wins. */
type CandidateSource = (s: Situation) => NextCall | undefined;

/** The earliest head among the counter's services of one line; ties go to the service the counter lists first. */
const earliest = ({ state, counter }: Situation, origin: TicketRecord['origin']): TicketRecord | undefined => {
  let best: TicketRecord | undefined;
  for (const serviceId of counter.serviceIds) {
    const head = headOf(state, serviceId, origin);
    if (head && (!best || comesBefore(head, best))) best = head;
  }
  return best;
};

const serviceMs = ({ config, state }: Situation, serviceId: string) => meanServiceMs(state, config.services.find((s) => s.id === serviceId)!);

/**
 * Whether another open counter of the booking's service is expected to be free by the booked time:
 * one serving a client it should have finished by then. An idle counter does not count, since
 * nothing says its clerk is there to press Next.
 */
function otherCounterFreeBy(s: Situation, booking: TicketRecord): boolean {
  return s.config.counters.some((other) => {
    if (other.id === s.counter.id || !other.serviceIds.includes(booking.serviceId)) return false;
    const record = counterRecord(s.state, other.id);
    const current = record.current ? s.state.tickets[record.current] : undefined;
    if (record.status !== 'open' || !current) return false;
    return (current.calledAt ?? s.now) + serviceMs(s, current.serviceId) <= booking.queuedAt;
  });
}

/**
 * seed: a client with a booking is called at the agreed time, ahead of the walk-ins. To keep the
 * time, a checked-in booking is also called before it when the walk-in this counter would start
 * instead is expected to run past the booked time and no other counter is expected to be free by
 * then (appointment systems order the line so the client reaches the front at the booked time).
 */
const dueBooking: CandidateSource = (s) => {
  const booking = earliest(s, 'booking');
  if (!booking) return undefined;
  if (booking.queuedAt <= s.now) return { ticket: booking, reason: 'bookingDue' };
  const walkIn = earliest(s, 'walkIn');
  if (!walkIn || s.now + serviceMs(s, walkIn.serviceId) <= booking.queuedAt || otherCounterFreeBy(s, booking)) return undefined;
  return { ticket: booking, reason: 'bookingKeptOnTime' };
};

const oldestWalkIn: CandidateSource = (s) => {
  const ticket = earliest(s, 'walkIn');
  return ticket && { ticket, reason: 'walkIn' };
};

/** A booked client who checked in early is called before their time when no walk-in waits. */
const earlyBooking: CandidateSource = (s) => {
  const ticket = earliest(s, 'booking');
  return ticket && { ticket, reason: 'bookingEarly' };
};

const callOrder: CandidateSource[] = [dueBooking, oldestWalkIn, earlyBooking];

/** Whom Next at `counter` calls now, and why; pure, so the dashboard can show it before the press. */
export function pickNext(config: OfficeConfig, state: DayState, counter: Counter, now: number): NextCall | undefined {
  const situation = { config, state, counter, now };
  for (const source of callOrder) {
    const found = source(situation);
    if (found) return found;
  }
  return undefined;
}
