import { ticketWindow } from '../../shared/calendar/office-calendar.ts';
import type { Ticket } from '../../shared/contract/kiosk.ts';
import { formatTicketNumber } from '../../shared/ticket-number.ts';
import type { TicketRecord } from './day-state.ts';
import { refuse, staleness, type Outcome, type RuleContext } from './context.ts';
import { estimateWaitMinutes } from './wait-estimate.ts';
import { joinLine, lineLength } from './waiting-line.ts';

export interface WalkInRequest { kioskId: string; serviceId: string; pressedAt: number }

/** One press of a service button: a ticket, or the reason there is none. Mutates state only on success. */
export function issueWalkIn(ctx: RuleContext, req: WalkInRequest): Outcome<Ticket> {
  const { config, state, now } = ctx;
  const service = config.services.find((s) => s.id === req.serviceId);
  if (!service) return refuse('unknownService', req.serviceId);
  const kiosk = config.kiosks.find((k) => k.id === req.kioskId);
  if (!kiosk?.buttons.some((b) => b.serviceId === service.id)) return refuse('serviceNotAtKiosk', service.id);
  const stale = staleness(req.pressedAt, now, config.rules.maxRequestAgeSeconds);
  if (stale) return refuse('stale', stale);
  const workplace = config.workplaces.find((w) => w.id === service.workplaceId)!;
  const window = ticketWindow(config, workplace, now);
  if (!window.open) return refuse(window.reason === 'holiday' ? 'holiday' : 'closed');
  // seed: the system issues tickets only until the workplace's daily capacity is used up
  const issued = state.issuedPerWorkplace[workplace.id] ?? 0;
  if (issued >= workplace.walkInCapacityPerDay) return refuse('capacityExhausted');

  const ahead = lineLength(state, [service.id]);
  const sequence = (state.sequences[service.letter] ?? 0) + 1;
  const number = formatTicketNumber(service.letter, sequence);
  const token = ctx.newToken();
  state.sequences[service.letter] = sequence;
  state.issuedPerWorkplace[workplace.id] = issued + 1;
  const ticket: TicketRecord = {
    number,
    serviceId: service.id,
    workplaceId: workplace.id,
    origin: 'walkIn',
    token,
    issuedAt: now,
    queuedAt: now,
    status: 'waiting',
    calls: 0,
  };
  state.tickets[number] = ticket;
  joinLine(state, ticket);
  return {
    ok: true,
    data: {
      number,
      serviceId: service.id,
      issuedAt: now,
      waitingAhead: ahead,
      estimatedWaitMinutes: estimateWaitMinutes(config, state, service, ahead),
      statusUrl: `${config.office.publicBaseUrl.replace(/\/$/, '')}/t/${token}`,
    },
  };
}
