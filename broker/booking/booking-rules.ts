import { officeDay } from '../../shared/calendar/office-calendar.ts';
import { againstWindow } from '../../shared/config/check-in-window.ts';
import type { Language } from '../../shared/config/localized.ts';
import type { OfficeConfig, Service } from '../../shared/config/schema.ts';
import type { BookingRefusal, SuspendRequest } from '../../shared/contract/booking-api.ts';
import { type Refusal, type Result, refused } from '../../shared/contract/result.ts';
import { byConfirmToken } from './booking-queries.ts';
import { type Booking, type BookingState, occupies, type Person } from './booking-state.ts';
import { daySlots, horizon, staffSlots } from './slots.ts';

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
}

/** A place held, unconfirmed, until the e-mailed link confirms it or the hold lapses. */
export function hold(ctx: BookingContext, input: HoldInput): BookingOutcome<Booking> {
  const { config, state, now } = ctx;
  const open = openOnline(config, state, input.serviceId);
  if (!open.ok) return open;
  const service = open.data;
  const day = officeDay(input.startsAt);
  if (!horizon(config, now).includes(day)) return refuse('slotUnavailable', `${day} is not within the ${config.booking.horizonDays} days open to booking`);
  if (!daySlots(config, state, service, day, now).some((s) => s.startsAt === input.startsAt)) return refuse('slotUnavailable');

  const { limits } = config.booking;
  const live = Object.values(state.bookings).filter((b) => occupies(b, now) && b.startsAt > now);
  const held = live.filter((b) => b.status === 'held');
  const mine = (b: Booking) => b.person?.emailKey === input.person.emailKey;
  const here = (b: Booking) => b.clientKey === input.clientKey;
  if (held.filter(mine).length >= limits.pendingHoldsPerEmail || held.filter(here).length >= limits.pendingHoldsPerAddress) return refuse('tooManyHolds');
  const booked = live.filter((b) => b.status !== 'held');
  if (booked.filter(mine).length >= limits.bookingsPerEmail || booked.filter(here).length >= limits.bookingsPerAddress) return refuse('tooManyBookings');
  // Throwaway addresses get past the per-e-mail limits; one place on the internet still cannot take a day.
  if (live.filter((b) => here(b) && b.day === day).length >= limits.placesPerAddressPerDay) return refuse('tooManyBookings', `at most ${limits.placesPerAddressPerDay} places a day from one address`);

  return { ok: true, data: added(ctx, service, input, { status: 'held', heldUntil: now + config.booking.holdMinutes * 60_000, clientKey: input.clientKey }) };
}

/** A new booking of the service at `input.startsAt`, stored in the state; `rest` says what kind. */
function added(ctx: BookingContext, service: Service, input: { startsAt: number; person: Person; language: Language }, rest: Pick<Booking, 'status' | 'heldUntil'> & Partial<Booking>): Booking {
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
    ...rest,
  };
  ctx.state.bookings[booking.id] = booking;
  return booking;
}

/**
 * The e-mailed link's button. A hold past its time fails even if the sweeper has not removed it;
 * a second confirm (a double click, two tabs) gets the same code and sends nothing.
 */
export function confirm(ctx: BookingContext, token: string): BookingOutcome<{ booking: Booking; first: boolean }> {
  const { state, now } = ctx;
  const booking = byConfirmToken(state, token);
  if (!booking) return refuse(state.lapsedHolds[token] ? 'holdExpired' : 'unknownLink');
  if (booking.status !== 'held') return { ok: true, data: { booking, first: false } };
  if (booking.heldUntil <= now) return refuse('holdExpired');
  if (isSuspended(state, booking.workplaceId)) return refuse('suspended');
  Object.assign(booking, { status: 'confirmed', code: newCode(ctx), confirmedAt: now });
  return { ok: true, data: { booking, first: true } };
}

/** A code unique among the active bookings. */
function newCode(ctx: BookingContext): string {
  const active = new Set(
    Object.values(ctx.state.bookings)
      .filter((b) => b.status === 'confirmed' && b.code)
      .map((b) => b.code),
  );
  let code = ctx.draw.code();
  while (active.has(code)) code = ctx.draw.code();
  return code;
}

export interface CallerInput {
  serviceId: string;
  startsAt: number;
  person: Person;
  language: Language;
  bookedBy: string;
}

/**
 * A client who phoned or wrote, booked by staff: confirmed at once, into any free place of a slot
 * (staffSlots), also while online booking is suspended (seed: then this is the only way).
 */
export function bookForCaller(ctx: BookingContext, input: CallerInput): BookingOutcome<Booking> {
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
export function reschedule(ctx: BookingContext, booking: Booking, startsAt: number): BookingOutcome<Booking> {
  const { config, state, now } = ctx;
  const open = openOnline(config, state, booking.serviceId);
  if (!open.ok) return open;
  const day = officeDay(startsAt);
  const others: BookingState = { ...state, bookings: Object.fromEntries(Object.entries(state.bookings).filter(([id]) => id !== booking.id)) };
  if (startsAt === booking.startsAt || !daySlots(config, others, open.data, day, now).some((s) => s.startsAt === startsAt)) return refuse('slotUnavailable');
  Object.assign(booking, { startsAt, day, icsSequence: booking.icsSequence + 1, moves: (booking.moves ?? 0) + 1 });
  delete booking.remindedAt;
  return { ok: true, data: booking };
}

/** seed: the booking is deleted; its place returns to the pool. A bare record stays for the statistics. */
export function cancel(ctx: BookingContext, booking: Booking): Booking {
  const before = structuredClone(booking);
  booking.status = 'cancelled';
  booking.cancelledAt = ctx.now;
  booking.icsSequence += 1;
  delete booking.person;
  delete booking.clientKey;
  delete booking.code;
  return { ...before, status: 'cancelled', icsSequence: booking.icsSequence };
}

/** The crisis switch: booking off for the office or some workplaces; optionally cancels what is booked there. */
export function suspend(ctx: BookingContext, request: SuspendRequest): Booking[] {
  const { state, now } = ctx;
  state.suspension = { workplaceIds: request.workplaceIds, notice: request.notice, since: now };
  if (!request.cancelExisting) return [];
  return Object.values(state.bookings)
    .filter((b) => b.status === 'confirmed' && b.startsAt > now && isSuspended(state, b.workplaceId))
    .map((b) => cancel(ctx, b));
}

export function resume(ctx: BookingContext): void {
  ctx.state.suspension = null;
}

/** Marks the booking as the queue engine's record says; whether that changed anything. */
export function markCheckedIn(ctx: BookingContext, bookingId: string, ticketNumber: string): boolean {
  const booking = ctx.state.bookings[bookingId];
  // `lapsed` too: a check-in on the window's last second may reach here after the sweeper ran.
  if (!booking || (booking.status !== 'confirmed' && booking.status !== 'lapsed')) return false;
  // The code stays with the booking, so typing it again is answered "already used", not "unknown".
  Object.assign(booking, { status: 'checkedIn', checkedInAt: ctx.now, ticketNumber });
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
  const keepUntil = (b: Booking) => b.startsAt + config.booking.retentionDays * 86_400_000;
  let changed = false;
  for (const [token, lapsed] of Object.entries(state.lapsedHolds)) {
    if (lapsed.forgetAt > now) continue;
    delete state.lapsedHolds[token];
    changed = true;
  }
  for (const b of Object.values(state.bookings)) {
    if ((b.status === 'held' && b.heldUntil <= now) || keepUntil(b) <= now) {
      if (b.status === 'held') state.lapsedHolds[b.confirmToken] = { serviceId: b.serviceId, startsAt: b.startsAt, forgetAt: now + 7 * 86_400_000 };
      delete state.bookings[b.id];
      changed = true;
    } else if (b.status === 'confirmed' && againstWindow(config, b.startsAt, now) === 'late' && !checkedIn(b.id)) {
      b.status = 'lapsed';
      changed = true;
    }
  }
  return changed;
}
