import type { Language, LocalizedText } from '../../shared/config/localized.ts';
import type { QueuedMail } from './mail-queue.ts';

/** Personal data: kept only while needed (cancellation and the retention sweep delete it). */
export interface Person {
  name: string;
  /** Empty for a caller booked by staff without an address: nothing is mailed to them. */
  email: string;
  /** The normalised e-mail the limits count by (email-key.ts). */
  emailKey: string;
  phone?: string;
}

/** `lapsed`: confirmed but not checked in by the end of its window; a no-show. */
export type BookingStatus = 'held' | 'confirmed' | 'checkedIn' | 'lapsed' | 'cancelled';

export interface Booking {
  /** Also the calendar event's UID. */
  id: string;
  serviceId: string;
  workplaceId: string;
  /** The Prague day of the appointment. */
  day: string;
  startsAt: number;
  status: BookingStatus;
  createdAt: number;
  /** A hold that is not confirmed by then lapses, whether or not the sweeper has removed it yet. */
  heldUntil: number;
  /** The e-mailed confirmation link's token. */
  confirmToken: string;
  language: Language;
  code?: string;
  confirmedAt?: number;
  checkedInAt?: number;
  ticketNumber?: string;
  cancelledAt?: number;
  /** How many times the hold's link was sent again (citizen-bookings.ts, at most maxLinkResends). */
  resends?: number;
  /** When the reminder e-mail was queued (reminders.ts): it goes once, also across restarts. */
  remindedAt?: number;
  /** How many times the citizen moved the appointment (reschedule), for the statistics. */
  moves?: number;
  /** The .ics SEQUENCE: a cancellation sends a higher one with the same UID. */
  icsSequence: number;
  /** The client address, keyed (never stored plain), for the per-address limits. */
  clientKey?: string;
  /** The staff member who booked it for a caller; absent for an online booking. */
  bookedBy?: string;
  person?: Person;
}

export interface Suspension {
  workplaceIds: string[] | null;
  notice: LocalizedText;
  since: number;
}

/** Every booking still within its retention, and the suspension switch: one file, written whole. */
export interface BookingState {
  seq: number;
  /** Keys client addresses (citizen-bookings.ts): the limits can count them without storing them. */
  addressSalt: string;
  bookings: Record<string, Booking>;
  suspension: Suspension | null;
  /** Mails the changes above caused and that are not sent yet (mail-queue.ts); absent in files of before. */
  outbox: Record<string, QueuedMail>;
  /** The links of holds that lapsed and were swept, by confirmation token, for a week: their page
   *  still says "your time ran out", not "unknown link". No personal data. */
  lapsedHolds: Record<string, LapsedHold>;
}

export interface LapsedHold {
  serviceId: string;
  startsAt: number;
  forgetAt: number;
}

export const emptyBookingState = (addressSalt: string): BookingState => ({ seq: 0, addressSalt, bookings: {}, suspension: null, outbox: {}, lapsedHolds: {} });

/** Whether a booking takes a place at `now`: a live hold, a confirmed or a checked-in booking. */
export function occupies(booking: Booking, now: number): boolean {
  if (booking.status === 'held') return booking.heldUntil > now;
  return booking.status === 'confirmed' || booking.status === 'checkedIn';
}
