import type { DayState, TicketRecord } from './day-state.ts';

/**
 * Each service's waiting lines, in call order (comesBefore), kept beside the tickets: Next and every
 * count read the lines instead of scanning the day's tickets (a scan per view made the engine
 * quadratic in the day's tickets; see docs/PERFORMANCE.md). Walk-ins and checked-in bookings wait
 * in separate lines of the same service: a booking is called at its time, ahead of the walk-ins.
 */
const lineKey = (serviceId: string, origin: TicketRecord['origin']) => (origin === 'booking' ? `${serviceId}@booked` : serviceId);

/**
 * Whether `a` is called before `b` within one kind of line: walk-ins in the order they were issued
 * (the day's sequence, never the wall clock, which may step back), booked clients by their booked
 * time and then by the order they checked in.
 */
export function comesBefore(a: TicketRecord, b: TicketRecord): boolean {
  if (a.origin === 'booking' && a.queuedAt !== b.queuedAt) return a.queuedAt < b.queuedAt;
  return (a.issueOrder ?? 0) < (b.issueOrder ?? 0);
}

export function joinLine(state: DayState, ticket: TicketRecord): void {
  ticket.status = 'waiting';
  const line = (state.lines[lineKey(ticket.serviceId, ticket.origin)] ??= []);
  // Almost always an append; a transferred ticket (or an early booking) keeps its earlier place.
  let k = line.length;
  while (k > 0 && comesBefore(ticket, state.tickets[line[k - 1]!]!)) k--;
  line.splice(k, 0, ticket.number);
}

export function leaveLine(state: DayState, ticket: TicketRecord): void {
  const line = state.lines[lineKey(ticket.serviceId, ticket.origin)] ?? [];
  const k = line.indexOf(ticket.number);
  if (k >= 0) line.splice(k, 1);
}

/** Everyone waiting for these services, walk-ins and checked-in bookings. */
export function lineLength(state: DayState, serviceIds: readonly string[]): number {
  return serviceIds.reduce((n, id) => n + (state.lines[id]?.length ?? 0) + (state.lines[lineKey(id, 'booking')]?.length ?? 0), 0);
}

/** Who waits for a service, booked clients first, then walk-ins in call order: the staff dashboard's list. */
export function waitingNumbers(state: DayState, serviceId: string): string[] {
  return [...(state.lines[lineKey(serviceId, 'booking')] ?? []), ...(state.lines[serviceId] ?? [])];
}

/** How many wait before this ticket in its line (0 when it is not waiting). */
export function placeInLine(state: DayState, ticket: TicketRecord): number {
  return Math.max(0, (state.lines[lineKey(ticket.serviceId, ticket.origin)] ?? []).indexOf(ticket.number));
}

/** Who waits in one line of a service, in call order. */
export function lineOf(state: DayState, serviceId: string, origin: TicketRecord['origin']): TicketRecord[] {
  return (state.lines[lineKey(serviceId, origin)] ?? []).map((n) => state.tickets[n]!);
}

export function headOf(state: DayState, serviceId: string, origin: TicketRecord['origin']): TicketRecord | undefined {
  const first = state.lines[lineKey(serviceId, origin)]?.[0];
  return first === undefined ? undefined : state.tickets[first];
}
