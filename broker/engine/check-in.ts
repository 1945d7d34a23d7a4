import { checkInKiosk, kioskWorkplaces } from '../../shared/config/check-in-kiosks.ts';
import { againstWindow, checkInWindow } from '../../shared/config/check-in-window.ts';
import type { Ticket } from '../../shared/contract/kiosk.ts';
import type { BookedRef } from './journal-entry.ts';
import { type Outcome, type RuleContext, refuse, staleness } from './rule-context.ts';
import { issueTicket, printedTicket } from './ticket-issue.ts';
import { estimateWaitMinutes } from './wait-estimate.ts';
import { placeInLine } from './waiting-line.ts';
import { walkInBlocked, walkInTicket } from './walk-in.ts';

export interface CheckInRequest {
  kioskId: string;
  pressedAt: number;
  booking: BookedRef | null;
}

/**
 * A booking code typed at the kiosk: a ticket marked as a booking, within its window
 * (check-in-window.ts: seed's 15 minutes either side, both edges included to the second).
 * The booking was looked up when the code arrived and is part of the journal entry, so replay is exact.
 */
export const checkIn = (ctx: RuleContext, req: CheckInRequest): Outcome<Ticket> => answerCode(ctx, req, false);

/**
 * The citizen accepted the LCD's offer for a code past its window: an ordinary walk-in ticket at
 * the back of the service's line, counted against the workplace's capacity. The booking stays
 * lapsed (the bookings never hear of it); the ticket records which booking came late, for the
 * statistics, and the code works once. A code that is not late after all is simply checked in.
 */
export const lateWalkIn = (ctx: RuleContext, req: CheckInRequest): Outcome<Ticket> => answerCode(ctx, req, true);

function answerCode(ctx: RuleContext, req: CheckInRequest, walkInAccepted: boolean): Outcome<Ticket> {
  const { config, state, now } = ctx;
  const stale = staleness(req.pressedAt, now, config.rules.maxRequestAgeSeconds);
  if (stale) return refuse('stale', stale);
  const booking = req.booking;
  const service = booking && config.services.find((s) => s.id === booking.serviceId);
  if (!booking || !service) return refuse('unknownCode');
  const kiosk = config.kiosks.find((k) => k.id === req.kioskId);
  if (!kiosk || !kioskWorkplaces(config, kiosk).has(service.workplaceId)) return refuse('wrongWorkplace', undefined, { kioskId: checkInKiosk(config, service.workplaceId)?.id });
  const printed = state.checkedIn[booking.id] ?? state.lateWalkIns?.[booking.id];
  if (printed) return refuse('codeUsed', undefined, { ticketNumber: printed });
  // The press is the citizen's truth (staleness above bounds it), judged by the second at both edges.
  const when = againstWindow(config, booking.startsAt, req.pressedAt);
  if (when === 'early') return refuse('tooEarly', undefined, { opensAt: checkInWindow(config, booking.startsAt).opens });
  if (when === 'late') {
    // The office's choice, and offered only while the workplace still issues walk-in tickets.
    const offered = config.booking.lateArrivalWalkIn;
    const blocked = offered ? walkInBlocked(ctx, service) : undefined;
    if (!offered || !walkInAccepted) return refuse('tooLate', undefined, { bookedAt: booking.startsAt, ...(offered && !blocked ? { walkInOffer: true } : {}) });
    if (blocked) return refuse(blocked);
    const ticket = walkInTicket(ctx, service, { lateFor: booking.id });
    state.lateWalkIns = { ...state.lateWalkIns, [booking.id]: ticket.number };
    return { ok: true, data: ticket };
  }

  const ticket = issueTicket(ctx, service, { origin: 'booking', bookingId: booking.id, queuedAt: booking.startsAt });
  state.checkedIn[booking.id] = ticket.number;
  const ahead = placeInLine(state, ticket);
  // A booked client is called at their time, however short the line.
  const estimate = Math.max(Math.ceil((booking.startsAt - now) / 60_000), estimateWaitMinutes(config, state, service, ahead) ?? 0);
  return { ok: true, data: { ...printedTicket(config, ticket, ahead, estimate), booking: { startsAt: booking.startsAt } } };
}
