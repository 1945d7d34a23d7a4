import { officeDay } from '../../shared/calendar/office-calendar.ts';
import { againstWindow } from '../../shared/config/check-in-window.ts';
import type { Language } from '../../shared/config/localized.ts';
import type { OfficeConfig, Service } from '../../shared/config/schema.ts';
import { type BookingRefusal, maxLinkResends, type SuspendRequest } from '../../shared/contract/booking-api.ts';
import { type Refusal, type Result, refused } from '../../shared/contract/result.ts';
import { byConfirmToken } from './booking-queries.ts';
import { type Booking, type BookingState, occupies, type Person } from './booking-state.ts';
import { slotFree, staffSlots, withinHorizon } from './slots.ts';

/** Random draws come in from outside, so the rules stay pure and the tests can fix them. */
export interface Draw {
  id(): string;
  token(): string;
  /** An 8-digit code; the rules retry until it is unique among active bookings. */
  code(): string;
}

export interface BookingContext {
  config: OfficeConfig;
  state: BookingState;
  now: number;
  draw: Draw;
}

export type BookingOutcome<T> = Result<T, Refusal<BookingRefusal>>;
const refuse = (code: BookingRefusal, detail?: string) => refused(code, detail);

/** Whether the crisis switch has online booking off at this workplace (or everywhere). */
export function isSuspended(state: BookingState, workplaceId: string): boolean {
  const s = state.suspension;
  return s !== null && (s.workplaceIds === null || s.workplaceIds.includes(workplaceId));
}

/** A service that takes appointments: staff book callers into it, even while online booking is suspended. */
export function bookableService(config: OfficeConfig, serviceId: string): BookingOutcome<Service> {
  const service = config.services.find((s) => s.id === serviceId);
  if (!service) return refuse('unknownService', serviceId);
  if (!service.booking) return refuse('notBookable', service.id);
  return { ok: true, data: service };
}

/** A service citizens may book online now: bookable, and its workplace not suspended (seed's crisis switch). */
export function openOnline(config: OfficeConfig, state: BookingState, serviceId: string): BookingOutcome<Service> {
  const bookable = bookableService(config, serviceId);
  if (bookable.ok && isSuspended(state, bookable.data.workplaceId)) return refuse('suspended');
  return bookable;
}

export interface HoldInput {
  serviceId: string;
  startsAt: number;
  person: Person;
  language: Language;
  clientKey: string;
  /** The citizen asked for text messages at `person.phone`. */
  sms?: boolean;
}

/** A place held, unconfirmed, until the e-mailed link confirms it or the hold lapses. */
export function hold(ctx: BookingContext, input: HoldInput): BookingOutcome<Readonly<Booking>> {
  const { config, state, now } = ctx;
  const open = openOnline(config, state, input.serviceId);
  if (!open.ok) return open;
  const service = open.data;
  const day = officeDay(input.startsAt);
  if (!withinHorizon(config, now, day)) return refuse('slotUnavailable', `${day} is not within the ${config.booking.horizonDays} days open to booking`);
  if (!slotFree(config, state, service, input.startsAt, now)) return refuse('slotUnavailable');

  const { limits } = config.booking;
  const live = (bookings: readonly Readonly<Booking>[]) => bookings.filter((b) => occupies(b, now) && b.startsAt > now);
  const mine = live(state.bookings.ofEmail(input.person.emailKey));
  const here = live(state.bookings.ofClient(input.clientKey));
  const count = (bookings: readonly Readonly<Booking>[], held: boolean) => bookings.filter((b) => (b.status === 'held') === held).length;
  if (count(mine, true) >= limits.pendingHoldsPerEmail || count(here, true) >= limits.pendingHoldsPerAddress) return refuse('tooManyHolds');
  if (count(mine, false) >= limits.bookingsPerEmail || count(here, false) >= limits.bookingsPerAddress) return refuse('tooManyBookings');
  // Throwaway addresses get past the per-e-mail limits; one place on the internet still cannot take a day.
  if (here.filter((b) => b.day === day).length >= limits.placesPerAddressPerDay) return refuse('tooManyBookings', `at most ${limits.placesPerAddressPerDay} places a day from one address`);

  return { ok: true, data: added(ctx, service, input, { status: 'held', heldUntil: now + config.booking.holdMinutes * 60_000, clientKey: input.clientKey }) };
}

/** A new booking of the service at `input.startsAt`, stored in the state; `rest` says what kind. */
function added(
  ctx: BookingContext,
  service: Service,
  input: { startsAt: number; person: Person; language: Language; sms?: boolean },
  rest: Pick<Booking, 'status' | 'heldUntil'> & Partial<Booking>,
): Readonly<Booking> {
  const booking: Booking = {
    id: ctx.draw.id(),
    serviceId: service.id,
    workplaceId: service.workplaceId,
    day: officeDay(input.startsAt),
    startsAt: input.startsAt,
    createdAt: ctx.now,
    confirmToken: ctx.draw.token(),
    language: input.language,
    icsSequence: 0,
    person: input.person,
    ...(input.sms ? { sms: true } : {}),
    ...rest,
  };
  return ctx.state.bookings.set(booking.id, booking);
}

/** "Nepřišel e-mail?": the hold, counted as sent again, while it lives and has resends left. */
export function resendLink(ctx: BookingContext, holdId: string): BookingOutcome<Readonly<Booking> & { person: Person }> {
  const found = ctx.state.bookings.get(holdId);
  if (found?.status !== 'held' || !found.person) return refuse('unknownLink');
  if (found.heldUntil <= ctx.now) return refuse('holdExpired');
  if ((found.resends ?? 0) >= maxLinkResends) return refuse('rateLimited', `the link was sent again ${maxLinkResends} times`);
  const booking = ctx.state.bookings.update(holdId, (b) => {
    b.resends = (b.resends ?? 0) + 1;
  })!;
  return { ok: true, data: { ...booking, person: found.person } };
}

/**
 * The e-mailed link's button. A hold past its time fails even if the sweeper has not removed it;
 * a second confirm (a double click, two tabs) gets the same code and sends nothing.
 */
export function confirm(ctx: BookingContext, token: string): BookingOutcome<{ booking: Readonly<Booking>; first: boolean }> {
  const { state, now } = ctx;
  const booking = byConfirmToken(state, token);
  if (!booking) return refuse(state.lapsedHolds.get(token) ? 'holdExpired' : 'unknownLink');
  if (booking.status !== 'held') return { ok: true, data: { booking, first: false } };
  if (booking.heldUntil <= now) return refuse('holdExpired');
  if (isSuspended(state, booking.workplaceId)) return refuse('suspended');
  const code = newCode(ctx);
  const confirmed = state.bookings.update(booking.id, (b) => Object.assign(b, { status: 'confirmed', code, confirmedAt: now }))!;
  return { ok: true, data: { booking: confirmed, first: true } };
}

/** A code unique among the active bookings. */
function newCode(ctx: BookingContext): string {
  const taken = (code: string) => ctx.state.bookings.withCode(code).some((b) => b.status === 'confirmed');
  let code = ctx.draw.code();
  while (taken(code)) code = ctx.draw.code();
  return code;
}

export interface CallerInput {
  serviceId: string;
  startsAt: number;
  person: Person;
  language: Language;
  bookedBy: string;
  sms?: boolean;
}

/**
 * A client who phoned or wrote, booked by staff: confirmed at once, into any free place of a slot
 * (staffSlots), also while online booking is suspended (seed: then this is the only way).
 */
export function bookForCaller(ctx: BookingContext, input: CallerInput): BookingOutcome<Readonly<Booking>> {
  const { config, state, now } = ctx;
  const bookable = bookableService(config, input.serviceId);
  if (!bookable.ok) return bookable;
  const service = bookable.data;
  const day = officeDay(input.startsAt);
  if (!staffSlots(config, state, service, day, now).some((s) => s.startsAt === input.startsAt)) return refuse('slotUnavailable');
  return { ok: true, data: added(ctx, service, input, { status: 'confirmed', heldUntil: now, code: newCode(ctx), confirmedAt: now, bookedBy: input.bookedBy }) };
}

/**
 * "Změnit termín": a confirmed booking moves to another free time of the same service, in one
 * change (the old place freed and the new one taken, or neither), keeping its code. The new time
 * must be one the booking site offers, judged as if this booking were not there; its calendar
 * entry gets a higher SEQUENCE, and a reminder goes again for the new day.
 */
export function reschedule(ctx: BookingContext, booking: Readonly<Booking>, startsAt: number): BookingOutcome<Readonly<Booking>> {
  const { config, state, now } = ctx;
  const open = openOnline(config, state, booking.serviceId);
  if (!open.ok) return open;
  const day = officeDay(startsAt);
  if (startsAt === booking.startsAt || !slotFree(config, state, open.data, startsAt, now, booking.id)) return refuse('slotUnavailable');
  const moved = state.bookings.update(booking.id, (b) => {
    Object.assign(b, { startsAt, day, icsSequence: b.icsSequence + 1, moves: (b.moves ?? 0) + 1 });
    delete b.remindedAt;
  })!;
  return { ok: true, data: moved };
}

/** seed: the booking is deleted; its place returns to the pool. A bare record stays for the statistics. */
export function cancel(ctx: BookingContext, booking: Readonly<Booking>): Readonly<Booking> {
  const bare = ctx.state.bookings.update(booking.id, (b) => {
    Object.assign(b, { status: 'cancelled', cancelledAt: ctx.now, icsSequence: b.icsSequence + 1 });
    delete b.person;
    delete b.clientKey;
    delete b.code;
  })!;
  return { ...booking, status: 'cancelled', cancelledAt: ctx.now, icsSequence: bare.icsSequence };
}

/** Staff cancel a confirmed booking whose appointment is still ahead (the client called, a letter came); its state before. */
export function cancelUpcoming(ctx: BookingContext, bookingId: string): BookingOutcome<Readonly<Booking>> {
  const booking = ctx.state.bookings.get(bookingId);
  if (booking?.status !== 'confirmed' || booking.startsAt <= ctx.now) return refused('notFound');
  return { ok: true, data: cancel(ctx, booking) };
}

/** The crisis switch: booking off for the office or some workplaces; optionally cancels what is booked there. */
export function suspend(ctx: BookingContext, request: SuspendRequest): Readonly<Booking>[] {
  const { state, now } = ctx;
  state.suspension = { workplaceIds: request.workplaceIds, notice: request.notice, since: now };
  if (!request.cancelExisting) return [];
  return [...state.bookings.values()].filter((b) => b.status === 'confirmed' && b.startsAt > now && isSuspended(state, b.workplaceId)).map((b) => cancel(ctx, b));
}

export function resume(ctx: BookingContext): void {
  ctx.state.suspension = null;
}

/** Marks the booking as the queue engine's record says; whether that changed anything. */
export function markCheckedIn(ctx: BookingContext, bookingId: string, ticketNumber: string): boolean {
  const booking = ctx.state.bookings.get(bookingId);
  // `lapsed` too: a check-in on the window's last second may reach here after the sweeper ran.
  if (!booking || (booking.status !== 'confirmed' && booking.status !== 'lapsed')) return false;
  // The code stays with the booking, so typing it again is answered "already used", not "unknown".
  ctx.state.bookings.update(bookingId, (b) => Object.assign(b, { status: 'checkedIn', checkedInAt: ctx.now, ticketNumber }));
  return true;
}

/**
 * Lapsed holds go (they never became bookings); a confirmed booking not checked in by the end of
 * its window becomes `lapsed` (a no-show); personal data goes `retentionDays` after the
 * appointment, and the bare record with it. `checkedIn` is the queue engine's durable record of
 * the day's check-ins, which wins over this file: a booking the engine checked in never lapses,
 * even if the server died before this file heard of it. Returns whether anything changed.
 */
export function sweep(ctx: BookingContext, checkedIn: (bookingId: string) => boolean = () => false): boolean {
  const { state, now, config } = ctx;
  const keepUntil = (b: Readonly<Booking>) => b.startsAt + config.booking.retentionDays * 86_400_000;
  let changed = false;
  for (const [token, lapsed] of [...state.lapsedHolds.entries()]) {
    if (lapsed.forgetAt > now) continue;
    state.lapsedHolds.delete(token);
    changed = true;
  }
  for (const b of [...state.bookings.values()]) {
    if ((b.status === 'held' && b.heldUntil <= now) || keepUntil(b) <= now) {
      if (b.status === 'held') state.lapsedHolds.set(b.confirmToken, { serviceId: b.serviceId, startsAt: b.startsAt, forgetAt: now + 7 * 86_400_000 });
      state.bookings.delete(b.id);
      changed = true;
    } else if (b.status === 'confirmed' && againstWindow(config, b.startsAt, now) === 'late' && !checkedIn(b.id)) {
      state.bookings.update(b.id, (row) => {
        row.status = 'lapsed';
      });
      changed = true;
    }
  }
  return changed;
}
