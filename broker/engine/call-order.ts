import { serviceOf } from '../../shared/config/lookups.ts';
import type { Counter, OfficeConfig } from '../../shared/config/schema.ts';
import type { UpNext } from '../../shared/contract/staff-api.ts';
import { counterRecord } from './counter-record.ts';
import type { DayState, TicketRecord } from './day-state.ts';
import type { BookedRef } from './journal-entry.ts';
import { meanServiceMs } from './wait-estimate.ts';
import { comesBefore, headOf, lineOf } from './waiting-line.ts';

/** Why Next calls whom it calls (or, with no ticket, why it calls nobody although walk-ins wait). */
export interface NextCall {
  ticket: TicketRecord | null;
  reason: UpNext['reason'];
  bookedAt: number | null;
}

/**
 * `expected`: today's confirmed bookings of the counter's services whose time is near, as the
 * bookings said when Next was pressed (recorded in the journal entry, so a replay
 * decides the same); those already checked in are left out here.
 */
interface Situation {
  config: OfficeConfig;
  state: DayState;
  counter: Counter;
  now: number;
  expected: readonly BookedRef[];
}

/** A time this counter may have to keep: a booked client waiting in the hall, or one expected by then. */
interface Appointment {
  serviceId: string;
  at: number;
}

/** The earliest head among the counter's services of one line; ties go to the service the counter lists first. */
function earliest({ state, counter }: Situation, origin: TicketRecord['origin'], fits: (t: TicketRecord) => boolean = () => true): TicketRecord | undefined {
  let best: TicketRecord | undefined;
  for (const serviceId of counter.serviceIds) {
    const head = headOf(state, serviceId, origin);
    if (head && fits(head) && (!best || comesBefore(head, best))) best = head;
  }
  return best;
}

/**
 * How long a client of the service may take, for keeping a time: the day's mean would be exceeded
 * by almost every other client (service times spread widely: a few minutes' question, a
 * half-hour case), so the call order allows 1.3 × the mean, about three clients in four. With the
 * mean alone, clients who checked in before their time were called up to 6 minutes late (p90) on
 * simulated days; with 1.3, within 2 minutes (docs/PERFORMANCE.md, "Booked clients at their time").
 */
const keepTimeMargin = 1.3;

const expectedMs = (config: OfficeConfig, state: DayState, serviceId: string) => keepTimeMargin * meanServiceMs(state, serviceOf(config, serviceId));
const serviceMs = ({ config, state }: Situation, serviceId: string) => expectedMs(config, state, serviceId);

/** How far ahead a walk-in started now can reach: the longest expected service of the counter. */
export function lookAheadMs(config: OfficeConfig, state: DayState, counter: Counter): number {
  return Math.max(0, ...counter.serviceIds.map((id) => expectedMs(config, state, id)));
}

/** The times still to keep after `now`: the booked line's heads and the bookings not yet checked in. */
function appointments(s: Situation): Appointment[] {
  const waiting = s.counter.serviceIds.flatMap((id) => lineOf(s.state, id, 'booking'));
  const booked = waiting.map((t) => ({ serviceId: t.serviceId, at: t.queuedAt }));
  const coming = s.expected.filter((b) => !s.state.checkedIn[b.id] && s.counter.serviceIds.includes(b.serviceId)).map((b) => ({ serviceId: b.serviceId, at: b.startsAt }));
  return [...booked, ...coming].filter((a) => a.at > s.now).sort((a, b) => a.at - b.at);
}

/**
 * How many other counters of the service are expected to be free by `at`: open, and serving a
 * client they should have finished by then, or idle with a clerk who pressed a button within about
 * one service's time (a counter nobody has touched, or left long ago, may have nobody at it).
 */
function othersFreeBy(s: Situation, serviceId: string, at: number): number {
  return s.config.counters.filter((other) => {
    if (other.id === s.counter.id || !other.serviceIds.includes(serviceId)) return false;
    const record = counterRecord(s.state, other.id);
    if (record.status !== 'open') return false;
    const current = record.current ? s.state.tickets[record.current] : undefined;
    if (current) return (current.calledAt ?? s.now) + serviceMs(s, current.serviceId) <= at;
    return record.changedAt > 0 && s.now - record.changedAt <= lookAheadMs(s.config, s.state, other);
  }).length;
}

/**
 * The first appointment this counter must keep itself, since the other counters cannot: each
 * appointment of a service up to that time needs a counter free by then. A walk-in fits when it
 * is expected to end by it; the same for every walk-in, so found once per Next.
 */
function firstToKeep(s: Situation): Appointment | undefined {
  const due = appointments(s);
  return due.find((a) => due.filter((d) => d.serviceId === a.serviceId && d.at <= a.at).length > othersFreeBy(s, a.serviceId, a.at));
}

/**
 * seed: a client with a booking is called at the agreed time, ahead of the walk-ins. To keep the
 * time, this counter starts no walk-in expected to run past a booked time that no other counter can
 * keep (appointment systems order the line so the client reaches the front at the booked time):
 * a booked client already in the hall is called early instead, a shorter walk-in that fits goes
 * first, and otherwise Next calls nobody until the booked client checks in or the time comes.
 */
export function pickNext(config: OfficeConfig, state: DayState, counter: Counter, now: number, expected: readonly BookedRef[] = []): NextCall | undefined {
  const s: Situation = { config, state, counter, now, expected };
  const booking = earliest(s, 'booking');
  const call = (ticket: TicketRecord, reason: UpNext['reason']): NextCall => ({ ticket, reason, bookedAt: ticket.origin === 'booking' ? ticket.queuedAt : null });
  if (booking && booking.queuedAt <= now) return call(booking, 'bookingDue');
  const walkIn = earliest(s, 'walkIn');
  if (!walkIn) return booking && call(booking, 'bookingEarly');
  const kept = firstToKeep(s);
  const fits = (t: TicketRecord) => !kept || s.now + serviceMs(s, t.serviceId) <= kept.at;
  if (fits(walkIn)) return call(walkIn, 'walkIn');
  if (booking) return call(booking, 'bookingKeptOnTime');
  const shorter = earliest(s, 'walkIn', fits);
  return shorter ? call(shorter, 'walkIn') : { ticket: null, reason: 'heldForBooking', bookedAt: kept!.at };
}

/**
 * Whom Next at this counter calls now: a client another counter handed over by name first, then the
 * call order above over the clerk's work profile (the counter's services it serves now, in order).
 */
export function nextAtCounter(config: OfficeConfig, state: DayState, counter: Counter, now: number, expected: readonly BookedRef[] = []): NextCall | undefined {
  const record = counterRecord(state, counter.id);
  const handed = record.handedOver?.[0];
  if (handed) return { ticket: state.tickets[handed]!, reason: 'handedOver', bookedAt: null };
  return pickNext(config, state, record.profile ? { ...counter, serviceIds: record.profile } : counter, now, expected);
}
