import type { Counter } from '../../shared/config/schema.ts';
import type { DayState, TicketRecord } from './day-state.ts';
import { headOf } from './waiting-line.ts';

/**
 * Who Next calls, as an ordered list of sources: the first that has a candidate wins.
 * The booking issue puts "checked-in bookings that are due" in front of the walk-ins here.
 */
type CandidateSource = (state: DayState, counter: Counter) => TicketRecord | undefined;

/** The oldest waiting walk-in among the counter's services; ties go to the service the counter lists first. */
const oldestWalkIn: CandidateSource = (state, counter) => {
  let best: TicketRecord | undefined;
  for (const serviceId of counter.serviceIds) {
    const head = headOf(state, serviceId);
    if (head && (!best || head.queuedAt < best.queuedAt)) best = head;
  }
  return best;
};

const callOrder: CandidateSource[] = [oldestWalkIn];

export function pickNext(state: DayState, counter: Counter): TicketRecord | undefined {
  for (const source of callOrder) {
    const found = source(state, counter);
    if (found) return found;
  }
  return undefined;
}
