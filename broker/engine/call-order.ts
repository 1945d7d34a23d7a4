import type { Counter } from '../../shared/config/schema.ts';
import type { DayState, TicketRecord } from './day-state.ts';
import { comesBefore, headOf } from './waiting-line.ts';

/** Who Next calls, as an ordered list of sources: the first that has a candidate wins. */
type CandidateSource = (state: DayState, counter: Counter, now: number) => TicketRecord | undefined;

/** The earliest head among the counter's services of one line; ties go to the service the counter lists first. */
const earliest = (state: DayState, counter: Counter, origin: TicketRecord['origin']): TicketRecord | undefined => {
  let best: TicketRecord | undefined;
  for (const serviceId of counter.serviceIds) {
    const head = headOf(state, serviceId, origin);
    if (head && (!best || comesBefore(head, best))) best = head;
  }
  return best;
};

/** seed: a client with a booking is called at the agreed time, ahead of the walk-ins. */
const dueBooking: CandidateSource = (state, counter, now) => {
  const head = earliest(state, counter, 'booking');
  return head && head.queuedAt <= now ? head : undefined;
};

const oldestWalkIn: CandidateSource = (state, counter) => earliest(state, counter, 'walkIn');

/** A booked client who checked in early is called before their time only when no walk-in waits. */
const earlyBooking: CandidateSource = (state, counter) => earliest(state, counter, 'booking');

const callOrder: CandidateSource[] = [dueBooking, oldestWalkIn, earlyBooking];

export function pickNext(state: DayState, counter: Counter, now: number): TicketRecord | undefined {
  for (const source of callOrder) {
    const found = source(state, counter, now);
    if (found) return found;
  }
  return undefined;
}
