import { serviceOf } from '../../shared/config/lookups.ts';
import type { OfficeConfig } from '../../shared/config/schema.ts';
import type { TicketStatus } from '../../shared/contract/ticket-status.ts';
import type { DayState } from './day-state.ts';
import { estimateWaitMinutes } from './wait-estimate.ts';
import { placeInLine } from './waiting-line.ts';

/** One ticket's place in the queue, found by its token; undefined for a token not of today. */
export function ticketView(config: OfficeConfig, state: DayState, token: string, now: number): TicketStatus | undefined {
  const ticket = Object.values(state.tickets).find((t) => t.token === token);
  if (!ticket) return undefined;
  const service = serviceOf(config, ticket.serviceId);
  const ahead = ticket.status === 'waiting' ? placeInLine(state, ticket) : 0;
  const counter = ticket.counterId ? config.counters.find((c) => c.id === ticket.counterId) : undefined;
  return {
    number: ticket.number,
    serviceId: ticket.serviceId,
    state: ticket.status,
    ahead,
    estimatedWaitMinutes: ticket.status === 'waiting' ? estimateWaitMinutes(config, state, service, ahead) : null,
    counterNumber: (ticket.status === 'called' || ticket.status === 'parked') && counter ? counter.number : null,
    booking: ticket.origin === 'booking' ? { startsAt: ticket.queuedAt } : null,
    alertAhead: config.rules.nearTurnAhead,
    updatedAt: now,
  };
}
