import type { Language, LocalizedText } from '../../shared/config/localized.ts';
import type { QueuedMail, QueuedSms } from './outbox-queue.ts';

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
  /** The citizen asked for text messages (the code, the reminder, the crisis notice) at `person.phone`. */
  sms?: boolean;
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
  /** Mails the changes above caused and that are not sent yet (outbox-queue.ts); absent in files of before. */
  outbox: Record<string, QueuedMail>;
  /** The links of holds that lapsed and were swept, by confirmation token, for a week: their page
   *  still says "your time ran out", not "unknown link". No personal data. */
  lapsedHolds: Record<string, LapsedHold>;
  /** Text messages: their queue, the numbers typed on tickets' pages, the day's use against the limits, the counts. Absent in files of before. */
  sms: SmsState;
}

/** A number typed on a ticket's page for "your turn is near"; deleted at the day's end. */
export interface TicketPhone {
  phone: string;
  day: string;
  serviceId: string;
  language: Language;
  registeredAt: number;
  /** When the message went into the queue: one per ticket. */
  queuedAt?: number;
}

/** Per service and hour of a day: queued and taken by the modem or gateway, reported delivered, given up or reported undelivered, not sent for a limit. */
export interface SmsCounts {
  sent: number;
  delivered: number;
  failed: number;
  limited: number;
}

export interface SmsState {
  outbox: Record<string, QueuedSms>;
  /** By the ticket's token. */
  tickets: Record<string, TicketPhone>;
  /** Today's messages, against the limits: in all, and per number keyed with the address salt (never the number itself). */
  usage: { day: string; total: number; perNumber: Record<string, number> };
  /** By day, then by `${serviceId}/${hour}` (the statistics' cells); kept as long as the bookings. */
  counts: Record<string, Record<string, SmsCounts>>;
}

export const emptySmsState = (): SmsState => ({ outbox: {}, tickets: {}, usage: { day: '', total: 0, perNumber: {} }, counts: {} });

export interface LapsedHold {
  serviceId: string;
  startsAt: number;
  forgetAt: number;
}

export const emptyBookingState = (addressSalt: string): BookingState => ({ seq: 0, addressSalt, bookings: {}, suspension: null, outbox: {}, lapsedHolds: {}, sms: emptySmsState() });

/** Whether a booking takes a place at `now`: a live hold, a confirmed or a checked-in booking. */
export function occupies(booking: Booking, now: number): boolean {
  if (booking.status === 'held') return booking.heldUntil > now;
  return booking.status === 'confirmed' || booking.status === 'checkedIn';
}
