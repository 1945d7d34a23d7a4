import { officeHour } from '../../shared/calendar/office-calendar.ts';
import type { Booking, SmsCounts } from '../booking/booking-state.ts';
import type { DayState } from '../engine/day-state.ts';

/** Durations by the minute: mean and 90th percentile of any range come from merging these. */
export interface Histogram {
  n: number;
  sumMs: number;
  minutes: Record<number, number>;
}

/** One service in one hour of one day. */
export interface Cell {
  issued: number;
  served: number;
  noShows: number;
  wait: Histogram;
  service: Histogram;
  bookingsMade: number;
  bookingsKept: number;
  bookingsLapsed: number;
  bookingsCancelled: number;
  /** The clerk's workstation: tickets sent to another service or counter, called out of order, and the time clients spent parked. Absent in aggregates of before. */
  transfers?: number;
  outOfOrder?: number;
  parkedMs?: number;
  /** Between booking and counter: late codes that took a walk-in ticket, reminders sent, appointments moved. Absent in aggregates of before. */
  lateWalkIns?: number;
  remindersSent?: number;
  bookingsMoved?: number;
  /** Text messages (SmsCounts): taken by the modem or gateway, reported delivered, failed, not sent for a daily limit. Absent in aggregates of before. */
  smsSent?: number;
  smsDelivered?: number;
  smsFailed?: number;
  smsLimited?: number;
}

/** A finished day, kept for the statistics long after its tickets and bookings are gone. Cells by `${serviceId}/${hour}`. */
export interface DayAggregate {
  day: string;
  cells: Record<string, Cell>;
}

export const emptyHistogram = (): Histogram => ({ n: 0, sumMs: 0, minutes: {} });
export const emptyCell = (): Cell => ({
  issued: 0,
  served: 0,
  noShows: 0,
  wait: emptyHistogram(),
  service: emptyHistogram(),
  bookingsMade: 0,
  bookingsKept: 0,
  bookingsLapsed: 0,
  bookingsCancelled: 0,
  transfers: 0,
  outOfOrder: 0,
  parkedMs: 0,
  lateWalkIns: 0,
  remindersSent: 0,
  bookingsMoved: 0,
  smsSent: 0,
  smsDelivered: 0,
  smsFailed: 0,
  smsLimited: 0,
});

export function addDuration(histogram: Histogram, ms: number): void {
  const clamped = Math.max(0, ms);
  const minute = Math.floor(clamped / 60_000);
  histogram.n += 1;
  histogram.sumMs += clamped;
  histogram.minutes[minute] = (histogram.minutes[minute] ?? 0) + 1;
}

/**
 * A day's tickets and bookings, counted per service and hour (Prague time): tickets by the hour
 * they were issued, bookings by their appointment. Waiting runs from the ticket's issue (for a
 * booking checked in early, from its booked time) to the first call; service from the call to done.
 */
export function aggregateDay(state: DayState, bookings: readonly Booking[], sms: Readonly<Record<string, SmsCounts>> = {}): DayAggregate {
  const cells: Record<string, Cell> = {};
  const cell = (serviceId: string, at: number) => (cells[`${serviceId}/${officeHour(at)}`] ??= emptyCell());
  for (const ticket of Object.values(state.tickets)) {
    const c = cell(ticket.serviceId, ticket.issuedAt);
    c.issued += 1;
    if (ticket.calledAt !== undefined) addDuration(c.wait, ticket.calledAt - Math.max(ticket.issuedAt, ticket.queuedAt));
    if (ticket.status === 'done') {
      c.served += 1;
      if (ticket.calledAt !== undefined && ticket.finishedAt !== undefined) addDuration(c.service, ticket.finishedAt - ticket.calledAt);
    }
    if (ticket.status === 'noShow') c.noShows += 1;
    c.transfers = (c.transfers ?? 0) + (ticket.transfers ?? 0);
    if (ticket.outOfOrder) c.outOfOrder = (c.outOfOrder ?? 0) + 1;
    if (ticket.lateFor) c.lateWalkIns = (c.lateWalkIns ?? 0) + 1;
    // The time until each call back; a client still parked when the day ended never came back and counts nothing.
    c.parkedMs = (c.parkedMs ?? 0) + (ticket.parkedMs ?? 0);
  }
  for (const booking of bookings) {
    if (booking.day !== state.day || booking.status === 'held') continue;
    const c = cell(booking.serviceId, booking.startsAt);
    c.bookingsMade += 1;
    if (booking.status === 'checkedIn') c.bookingsKept += 1;
    if (booking.status === 'lapsed') c.bookingsLapsed += 1;
    if (booking.status === 'cancelled') c.bookingsCancelled += 1;
    if (booking.remindedAt !== undefined) c.remindersSent = (c.remindersSent ?? 0) + 1;
    c.bookingsMoved = (c.bookingsMoved ?? 0) + (booking.moves ?? 0);
  }
  for (const [key, counts] of Object.entries(sms)) {
    const c = (cells[key] ??= emptyCell());
    c.smsSent = (c.smsSent ?? 0) + counts.sent;
    c.smsDelivered = (c.smsDelivered ?? 0) + counts.delivered;
    c.smsFailed = (c.smsFailed ?? 0) + counts.failed;
    c.smsLimited = (c.smsLimited ?? 0) + counts.limited;
  }
  return { day: state.day, cells };
}
