import { ticketWindow } from '../../shared/calendar/office-calendar.ts';
import { workplaceOf } from '../../shared/config/lookups.ts';
import type { Ticket } from '../../shared/contract/kiosk.ts';
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
  const { config, state, now } = ctx;
  const service = config.services.find((s) => s.id === req.serviceId);
  if (!service) return refuse('unknownService', req.serviceId);
  const kiosk = config.kiosks.find((k) => k.id === req.kioskId);
  if (!kiosk?.buttons.some((b) => b.serviceId === service.id)) return refuse('serviceNotAtKiosk', service.id);
  const stale = staleness(req.pressedAt, now, config.rules.maxRequestAgeSeconds);
  if (stale) return refuse('stale', stale);
  const workplace = workplaceOf(config, service.workplaceId);
  const window = ticketWindow(config, workplace, now);
  if (!window.open) return refuse(window.reason === 'holiday' ? 'holiday' : 'closed');
  // seed: the system issues tickets only until the workplace's daily capacity is used up
  const issued = state.issuedPerWorkplace[workplace.id] ?? 0;
  if (issued >= workplace.walkInCapacityPerDay) return refuse('capacityExhausted');

  const ahead = lineLength(state, [service.id]);
  state.issuedPerWorkplace[workplace.id] = issued + 1;
  const ticket = issueTicket(ctx, service, { origin: 'walkIn', queuedAt: now });
  return { ok: true, data: printedTicket(config, ticket, ahead, estimateWaitMinutes(config, state, service, ahead)) };
}
