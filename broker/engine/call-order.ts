import type { Counter } from '../../shared/config/schema.ts';
import type { DayState, TicketRecord } from './day-state.ts';

/**
 * Who Next calls, as an ordered list of sources: the first that has a candidate wins.
 * The booking issue puts "checked-in bookings that are due" in front of the walk-ins here.
 */
type CandidateSource = (state: DayState, counter: Counter) => TicketRecord | undefined;

/** The oldest waiting walk-in among the counter's services; ties go to the service the counter lists first. */
const oldestWalkIn: CandidateSource = (state, counter) => {
  let best: TicketRecord | undefined;
  for (const t of Object.values(state.tickets)) {
    if (t.status !== 'waiting' || t.origin !== 'walkIn' || !counter.serviceIds.includes(t.serviceId)) continue;
    if (!best || t.queuedAt < best.queuedAt || (t.queuedAt === best.queuedAt && rank(counter, t) < rank(counter, best))) best = t;
  }
  return best;
};

const rank = (counter: Counter, t: TicketRecord) => counter.serviceIds.indexOf(t.serviceId);

const callOrder: CandidateSource[] = [oldestWalkIn];

export function pickNext(state: DayState, counter: Counter): TicketRecord | undefined {
  for (const source of callOrder) {
    const found = source(state, counter);
    if (found) return found;
  }
  return undefined;
}

export function waitingFor(state: DayState, serviceIds: readonly string[]): TicketRecord[] {
  return Object.values(state.tickets).filter((t) => t.status === 'waiting' && serviceIds.includes(t.serviceId));
}
