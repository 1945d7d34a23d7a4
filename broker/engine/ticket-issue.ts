import { publicBase } from '../../shared/config/public-address.ts';
import type { OfficeConfig, Service } from '../../shared/config/schema.ts';
import type { Ticket } from '../../shared/contract/kiosk.ts';
import { formatTicketNumber } from '../../shared/ticket-number.ts';
import type { TicketRecord } from './day-state.ts';
import type { RuleContext } from './rule-context.ts';
import { joinLine } from './waiting-line.ts';

/**
 * The part of issuing that walk-ins and check-ins share: the service's next number (one sequence
 * per letter, so a booking's ticket never repeats a walk-in's), an unguessable token, the record,
 * and its place in the waiting line. Called only once every check has passed.
 */
export function issueTicket(ctx: RuleContext, service: Service, origin: Pick<TicketRecord, 'origin' | 'bookingId' | 'lateFor' | 'queuedAt'>): TicketRecord {
  const { state, now } = ctx;
  const sequence = (state.sequences[service.letter] ?? 0) + 1;
  const number = formatTicketNumber(service.letter, sequence);
  state.sequences[service.letter] = sequence;
  state.ticketsIssued = (state.ticketsIssued ?? Object.keys(state.tickets).length) + 1;
  const ticket: TicketRecord = {
    number,
    serviceId: service.id,
    workplaceId: service.workplaceId,
    ...origin,
    issueOrder: state.ticketsIssued,
    token: ctx.newToken(),
    issuedAt: now,
    status: 'waiting',
    calls: 0,
  };
  state.tickets[number] = ticket;
  joinLine(state, ticket);
  return ticket;
}

/** What the kiosk prints, for a ticket just issued. */
export function printedTicket(config: OfficeConfig, ticket: TicketRecord, waitingAhead: number, estimatedWaitMinutes: number | null): Ticket {
  return {
    number: ticket.number,
    serviceId: ticket.serviceId,
    issuedAt: ticket.issuedAt,
    waitingAhead,
    estimatedWaitMinutes,
    statusUrl: `${publicBase(config)}/t/${ticket.token}`,
  };
}
