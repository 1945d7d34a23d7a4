import type { DayState, TicketRecord } from './day-state.ts';

/**
 * Each service's waiting line, in call order (by queuedAt), kept beside the tickets: Next and every
 * count read the line instead of scanning the day's tickets (a scan per view made the engine
 * quadratic in the day's tickets; see docs/PERFORMANCE.md).
 */
export function joinLine(state: DayState, ticket: TicketRecord): void {
  ticket.status = 'waiting';
  const line = (state.lines[ticket.serviceId] ??= []);
  // Almost always an append; a transferred ticket keeps its earlier place.
  let k = line.length;
  while (k > 0 && state.tickets[line[k - 1]!]!.queuedAt > ticket.queuedAt) k--;
  line.splice(k, 0, ticket.number);
}

export function leaveLine(state: DayState, ticket: TicketRecord): void {
  const line = state.lines[ticket.serviceId] ?? [];
  const k = line.indexOf(ticket.number);
  if (k >= 0) line.splice(k, 1);
}

export function lineLength(state: DayState, serviceIds: readonly string[]): number {
  return serviceIds.reduce((n, id) => n + (state.lines[id]?.length ?? 0), 0);
}

export function headOf(state: DayState, serviceId: string): TicketRecord | undefined {
  const first = state.lines[serviceId]?.[0];
  return first === undefined ? undefined : state.tickets[first];
}
