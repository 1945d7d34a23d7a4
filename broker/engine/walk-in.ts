import { ticketWindow } from '../../shared/calendar/office-calendar.ts';
import { workplaceOf } from '../../shared/config/lookups.ts';
import type { Service } from '../../shared/config/schema.ts';
import type { RefusalCode } from '../../shared/contract/common.ts';
import type { Ticket } from '../../shared/contract/kiosk.ts';
import type { TicketRecord } from './day-state.ts';
import { type Outcome, type RuleContext, refuse, staleness } from './rule-context.ts';
import { issueTicket, printedTicket } from './ticket-issue.ts';
import { estimateWaitMinutes } from './wait-estimate.ts';
import { lineLength } from './waiting-line.ts';

export interface WalkInRequest {
  kioskId: string;
  serviceId: string;
  pressedAt: number;
}

/** One press of a service button: a ticket, or the reason there is none. Mutates state only on success. */
export function issueWalkIn(ctx: RuleContext, req: WalkInRequest): Outcome<Ticket> {
  const { config, now } = ctx;
  const service = config.services.find((s) => s.id === req.serviceId);
  if (!service) return refuse('unknownService', req.serviceId);
  const kiosk = config.kiosks.find((k) => k.id === req.kioskId);
  if (!kiosk?.buttons.some((b) => b.serviceId === service.id)) return refuse('serviceNotAtKiosk', service.id);
  const stale = staleness(req.pressedAt, now, config.rules.maxRequestAgeSeconds);
  if (stale) return refuse('stale', stale);
  const blocked = walkInBlocked(ctx, service);
  if (blocked) return refuse(blocked);
  return { ok: true, data: walkInTicket(ctx, service, {}) };
}

/** Why the service's workplace issues no walk-in ticket now, if it does not. */
export function walkInBlocked(ctx: RuleContext, service: Service): RefusalCode | undefined {
  const workplace = workplaceOf(ctx.config, service.workplaceId);
  const window = ticketWindow(ctx.config, workplace, ctx.now);
  if (!window.open) return window.reason === 'holiday' ? 'holiday' : 'closed';
  // seed: the system issues tickets only until the workplace's daily capacity is used up
  if ((ctx.state.issuedPerWorkplace[workplace.id] ?? 0) >= workplace.walkInCapacityPerDay) return 'capacityExhausted';
  return undefined;
}

/** A walk-in ticket, once walkInBlocked said nothing: it counts against the workplace's capacity. */
export function walkInTicket(ctx: RuleContext, service: Service, late: Pick<TicketRecord, 'lateFor'>): Ticket {
  const { config, state, now } = ctx;
  const ahead = lineLength(state, [service.id]);
  state.issuedPerWorkplace[service.workplaceId] = (state.issuedPerWorkplace[service.workplaceId] ?? 0) + 1;
  const ticket = issueTicket(ctx, service, { origin: 'walkIn', queuedAt: now, ...late });
  return printedTicket(config, ticket, ahead, estimateWaitMinutes(config, state, service, ahead));
}
