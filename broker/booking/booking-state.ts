import type { Language, LocalizedText } from '../../shared/config/localized.ts';
import { KeyedTable, MultiIndex } from '../store/keyed-table.ts';
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
  /** A copy of a booking made at the hub (hub-copy.ts): the version of the hub's message it follows. */
  hubVersion?: number;
  /** The status last reported to the hub (a check-in, a no-show, the office staff's cancellation): reported once each. */
  hubReported?: 'checkedIn' | 'lapsed' | 'cancelled';
  /** Of a hub's booking the office staff cancelled: whether the hub, which has the address, e-mails the client. */
  hubCancelNotify?: boolean;
  /** In hub mode, of a booking the office made itself: the state last reported to the hub (`officeBookingState`). */
  hubReportedState?: string;
}

/**
 * The bookings, with the indexes the rules ask by: a hold reads its day's bookings and the
 * citizen's own, never all of them, so it costs the same with 50,000 bookings kept as with 100.
 */
export class BookingTable extends KeyedTable<Booking> {
  private readonly days = new MultiIndex();
  private readonly serviceDays = new MultiIndex();
  private readonly tokens = new MultiIndex();
  private readonly codes = new MultiIndex();
  private readonly emails = new MultiIndex();
  private readonly clients = new MultiIndex();

  /** Every booking of a Prague day, holds and cancelled ones included. */
  onDay(day: string): Readonly<Booking>[] {
    return this.rowsOf(this.days.keys(day));
  }

  /** One service's bookings of a day: what its free places are counted from, at every hold and every look at its days. */
  ofServiceOnDay(serviceId: string, day: string): Readonly<Booking>[] {
    return this.rowsOf(this.serviceDays.keys(`${serviceId}/${day}`));
  }

  withToken(token: string): Readonly<Booking>[] {
    return this.rowsOf(this.tokens.keys(token));
  }

  withCode(code: string): Readonly<Booking>[] {
    return this.rowsOf(this.codes.keys(code));
  }

  /** By the normalised e-mail the limits count (email-key.ts). */
  ofEmail(emailKey: string): Readonly<Booking>[] {
    return this.rowsOf(this.emails.keys(emailKey));
  }

  /** By the keyed client address the limits count. */
  ofClient(clientKey: string): Readonly<Booking>[] {
    return this.rowsOf(this.clients.keys(clientKey));
  }

  protected override index(key: string, b: Readonly<Booking>): void {
    this.follow(key, b, 'add');
  }

  protected override unindex(key: string, b: Readonly<Booking>): void {
    this.follow(key, b, 'remove');
  }

  private follow(key: string, b: Readonly<Booking>, how: 'add' | 'remove'): void {
    this.days[how](b.day, key);
    this.serviceDays[how](`${b.serviceId}/${b.day}`, key);
    this.tokens[how](b.confirmToken, key);
    this.codes[how](b.code, key);
    this.emails[how](b.person?.emailKey, key);
    this.clients[how](b.clientKey, key);
  }

  private rowsOf(keys: ReadonlySet<string>): Readonly<Booking>[] {
    return [...keys].map((key) => this.get(key)!);
  }
}

export interface Suspension {
  workplaceIds: string[] | null;
  notice: LocalizedText;
  since: number;
}

/**
 * Every booking still within its retention, the suspension switch, and what the changes queued.
 * Kept as a snapshot (this shape, as JSON) and a journal of the rows each change wrote
 * (booking-journal.ts).
 */
export interface BookingState {
  seq: number;
  /** Keys client addresses (citizen-bookings.ts): the limits can count them without storing them. */
  addressSalt: string;
  bookings: BookingTable;
  suspension: Suspension | null;
  /** Mails the changes above caused and that are not sent yet (outbox-queue.ts). */
  outbox: KeyedTable<QueuedMail>;
  /** The links of holds that lapsed and were swept, by confirmation token, for a week: their page
   *  still says "your time ran out", not "unknown link". No personal data. */
  lapsedHolds: KeyedTable<LapsedHold>;
  /** Text messages: their queue, the numbers typed on tickets' pages, the day's use against the limits, the counts. */
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

/** Today's messages, against the limits: in all, and per number keyed with the address salt (never the number itself). */
export interface SmsUsage {
  day: string;
  total: number;
  perNumber: Record<string, number>;
}

export interface SmsState {
  outbox: KeyedTable<QueuedSms>;
  /** By the ticket's token. */
  tickets: KeyedTable<TicketPhone>;
  usage: SmsUsage;
  /** By day, then by `${serviceId}/${hour}` (the statistics' cells); kept as long as the bookings. */
  counts: KeyedTable<Record<string, SmsCounts>>;
}

export interface LapsedHold {
  serviceId: string;
  startsAt: number;
  forgetAt: number;
}

/** The snapshot's form: each table as a plain object by key. Files of before lack the later parts. */
export interface BookingFile {
  seq: number;
  addressSalt: string;
  bookings: Record<string, Booking>;
  suspension: Suspension | null;
  outbox?: Record<string, QueuedMail>;
  lapsedHolds?: Record<string, LapsedHold>;
  sms?: { outbox: Record<string, QueuedSms>; tickets: Record<string, TicketPhone>; usage: SmsUsage; counts: Record<string, Record<string, SmsCounts>> };
}

/** The state a snapshot holds; an empty one with this salt when there is none. */
export function bookingState(file: BookingFile): BookingState {
  return {
    seq: file.seq,
    addressSalt: file.addressSalt,
    bookings: new BookingTable().fill(file.bookings),
    suspension: file.suspension,
    outbox: new KeyedTable<QueuedMail>().fill(file.outbox),
    lapsedHolds: new KeyedTable<LapsedHold>().fill(file.lapsedHolds),
    sms: {
      outbox: new KeyedTable<QueuedSms>().fill(file.sms?.outbox),
      tickets: new KeyedTable<TicketPhone>().fill(file.sms?.tickets),
      usage: file.sms?.usage ?? { day: '', total: 0, perNumber: {} },
      counts: new KeyedTable<Record<string, SmsCounts>>().fill(file.sms?.counts),
    },
  };
}

export const emptyBookingState = (addressSalt: string): BookingState => bookingState({ seq: 0, addressSalt, bookings: {}, suspension: null });

/** Whether a booking takes a place at `now`: a live hold, a confirmed or a checked-in booking. */
export function occupies(booking: Readonly<Booking>, now: number): boolean {
  if (booking.status === 'held') return booking.heldUntil > now;
  return booking.status === 'confirmed' || booking.status === 'checkedIn';
}
