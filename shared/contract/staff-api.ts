import { z } from 'zod';
import { localizedText } from '../config/localized.ts';
import { fieldProblems } from '../texts/issue-texts.ts';
import { emailSchema, isoDaySchema, languageSchema, personName, phoneSchema, smsChoice } from './booking-api.ts';
import { epochMsSchema } from './common.ts';

/**
 * The staff pages' HTTP API: one schema per body, used by the server to check what arrives and by
 * the staff pages for their types. docs/API.md lists the routes and who may call each.
 */

/** A clerk serves and books; an office administrator also changes settings, accounts and the crisis switch. */
export const staffRoleSchema = z.enum(['clerk', 'admin']);
export type StaffRole = z.infer<typeof staffRoleSchema>;

export const usernameSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9._-]{1,39}$/, fieldProblems.username.en);

/** At least 12 characters (NÚKIB's recommendation for passwords without a second factor). */
export const newPasswordSchema = z.string().min(12, fieldProblems.password.en).max(200);

export const loginRequestSchema = z.strictObject({ username: z.string().max(80), password: z.string().min(1).max(200) });

export const newAccountRequestSchema = z.strictObject({ username: usernameSchema, name: personName, role: staffRoleSchema, password: newPasswordSchema });
export type NewAccountRequest = z.infer<typeof newAccountRequestSchema>;

/** A clerk's own new password: the current one first, so a session left open cannot change it. */
export const ownPasswordRequestSchema = z.strictObject({ currentPassword: z.string().min(1).max(200), newPassword: newPasswordSchema });
/** An administrator (or the command on the server) sets another's password, to tell them in person. */
export const setPasswordRequestSchema = z.strictObject({ newPassword: newPasswordSchema });
/** An administrator changes a colleague's role, or disables the account (it cannot log in; its sessions end) or enables it again. */
export const accountChangeRequestSchema = z
  .strictObject({ role: staffRoleSchema.optional(), disabled: z.boolean().optional() })
  .refine((c) => c.role !== undefined || c.disabled !== undefined, 'say the new role or disabled');

export const staffAccountSchema = z.strictObject({ username: z.string(), name: z.string(), role: staffRoleSchema });
export type StaffAccount = z.infer<typeof staffAccountSchema>;

/** Every request that changes something sends the session's CSRF token in this header. */
export const csrfHeader = 'x-csrf-token';
/** Marks a request a page sends by itself (the dashboard's poll): it does not count as the person acting, so it keeps no idle session alive. */
export const backgroundHeader = 'x-fronta-background';

/**
 * At the hub (docs/HUB.md), where a session opened at one office's pages or at the region's:
 * `officeId`, the account's office (null: the region's staff, who may enter every office); `offices`,
 * those it may enter, for the office picker; `here`, the office whose pages these are (null: the region's).
 */
export const hubStaffPlaceSchema = z.strictObject({
  officeId: z.string().nullable(),
  here: z.string().nullable(),
  offices: z.array(z.strictObject({ id: z.string(), name: localizedText })),
});

/** `today`: the office's Prague day by the server's clock, which the pages start from (a simulation's clock is not the browser's). */
export const staffSessionSchema = z.strictObject({
  account: staffAccountSchema,
  csrfToken: z.string(),
  expiresAt: epochMsSchema,
  counterId: z.string().nullable(),
  today: isoDaySchema,
  hub: hubStaffPlaceSchema.optional(),
});
export type StaffSession = z.infer<typeof staffSessionSchema>;

/** The counter a clerk sits at, shown on the dashboard; null when away. */
export const myCounterRequestSchema = z.strictObject({ counterId: z.string().max(40).nullable() });

export const dayQuerySchema = z.strictObject({ day: isoDaySchema });

/** A client who phoned or wrote: booked directly, confirmed at once, also while online booking is off. */
export const phoneBookingRequestSchema = z
  .strictObject({
    serviceId: z.string().max(40),
    startsAt: epochMsSchema,
    name: personName,
    email: emailSchema.optional(),
    phone: phoneSchema.optional(),
    sms: z.boolean().optional(),
    language: languageSchema,
  })
  .superRefine(smsChoice);
export type PhoneBookingRequest = z.infer<typeof phoneBookingRequestSchema>;

/** The path parameter of a booking's staff routes. */
export const bookingParamsSchema = z.strictObject({ bookingId: z.string().max(64) });

export const staffCancelRequestSchema = z.strictObject({ notify: z.boolean() });

/** Why the dashboard calls for attention: a device away, paper low or out, a device's own error. */
export type DeviceAlertKind = 'offline' | 'paperLow' | 'paperOut' | 'error';

/**
 * Whom Next at a counter calls now: `bookingDue` a booked client at their time, `bookingKeptOnTime`
 * one called a little early because the walk-in would run past their time, `walkIn` the longest
 * waiting walk-in, `bookingEarly` a booked client early because nobody else waits.
 */
/** `number` null: Next calls nobody now although walk-ins wait, keeping the booked time `bookedAt` (heldForBooking). */
export interface UpNext {
  number: string | null;
  reason: 'handedOver' | 'bookingDue' | 'bookingKeptOnTime' | 'walkIn' | 'bookingEarly' | 'heldForBooking';
  bookedAt: number | null;
}

/** The live dashboard (GET /api/staff/dashboard), polled by the staff page. */
export interface Dashboard {
  at: number;
  /** Mails the mail server has refused or not answered, still retried (with backoff, for two days), and since when the oldest waits. */
  mailFailing: { count: number; since: number | null };
  /** Text messages the modem or the gateway refused or did not take, still retried (for a day; "your turn is near" for half an hour). */
  smsFailing: { count: number; since: number | null };
  /** `queue`: the waiting ticket numbers in call order (booked clients first). */
  services: { serviceId: string; name: { cs: string; en: string }; letter: string; open: boolean; waiting: number; queue: string[]; estimatedWaitMinutes: number | null; ticketsLeft: number }[];
  counters: {
    counterId: string;
    number: number;
    status: 'open' | 'paused';
    current: string | null;
    upNext: UpNext | null;
    waiting: number;
    clerk: string | null;
    serviceIds: string[];
    profile: string[] | null;
  }[];
  /** `name`: a kiosk's or screen's place (null for a counter box, which goes by `counterNumber`). */
  devices: {
    deviceId: string;
    role: 'kiosk' | 'counter' | 'display';
    name: { cs: string; en: string } | null;
    counterNumber: number | null;
    online: boolean;
    since: number | null;
    printer: string | null;
    message: string | null;
    alerts: DeviceAlertKind[];
  }[];
}

/** A client as the clerk's workstation shows them; `booking` for a booked client: who, when booked, how to reach them, and when they came. */
export interface ClerkClient {
  number: string;
  serviceId: string;
  issuedAt: number;
  /** From the ticket (or the booked time, for a booked client) to the first call; null while not called. */
  waitedMinutes: number | null;
  calledAt: number | null;
  calls: number;
  outOfOrder: boolean;
  transfers: number;
  booking: { startsAt: number; name: string | null; phone: string | null; email: string | null; arrival: 'early' | 'onTime' | 'late' } | null;
}

/** The clerk's workstation (GET /api/staff/workstation): the counter the session sits at, its client, its lines, what Next calls. */
export interface Workstation {
  at: number;
  counter: { counterId: string; number: number; status: 'open' | 'paused'; pauseReason: 'lunch' | 'meeting' | 'other' | null; serviceIds: string[]; profile: string[] | null };
  current: ClerkClient | null;
  upNext: UpNext | null;
  /** The counter's services' waiting lines in call order (booked clients first), with how long each has waited. */
  lines: { serviceId: string; waiting: { number: string; waitingMinutes: number; bookedAt: number | null }[] }[];
  parked: { number: string; serviceId: string; parkedAt: number }[];
  handedOver: string[];
  /** Confirmed bookings of the counter's services in the next hour, and whether they have checked in (their ticket). */
  dueBookings: { startsAt: number; serviceId: string; name: string | null; ticketNumber: string | null }[];
  /** Where a client can be sent: the other counters, and every service. */
  otherCounters: { counterId: string; number: number }[];
}

/** The mail settings as the administrator sees them (GET /api/staff/mail), never the password. */
export interface MailSummary {
  transport: 'smtp' | 'outbox';
  from: string;
  host: string | null;
  port: number | null;
  /** `tls`: TLS from the first byte (465); `starttls`: required before anything is sent; `none`: plain (an isolated relay). */
  security: 'tls' | 'starttls' | 'none' | null;
  login: string | null;
  reachesCitizens: boolean;
}

/** A booking as the staff's list shows it; `served` once the booked client's ticket is done. */
export type StaffBookingStatus = 'pending' | 'confirmed' | 'checkedIn' | 'served' | 'lapsed' | 'cancelled';
export interface StaffBookingRow {
  id: string;
  serviceId: string;
  startsAt: number;
  time: string;
  status: StaffBookingStatus;
  name: string | null;
  email: string | null;
  phone: string | null;
  code: string | null;
  ticketNumber: string | null;
  bookedBy: string | null;
}

/** A settings change: the whole office configuration (checked by the shared schema), and what to do with the bookings it leaves without an appointment. */
export const settingsChangeRequestSchema = z.strictObject({
  config: z.unknown(),
  cancelAffected: z.boolean().default(false),
  /** Told to the clients of cancelled bookings; a standard text when absent. */
  notice: z.strictObject({ cs: z.string().trim().min(1).max(1000), en: z.string().trim().min(1).max(1000) }).optional(),
});
export const settingsPreviewRequestSchema = z.strictObject({ config: z.unknown() });

/** One group of the statistics (a service, a day, an hour, or a day/service/hour for the CSV); times in minutes. */
export interface StatisticsRow {
  key: string;
  issued: number;
  served: number;
  noShows: number;
  waitMeanMinutes: number | null;
  waitP90Minutes: number | null;
  serviceMeanMinutes: number | null;
  serviceP90Minutes: number | null;
  bookingsMade: number;
  bookingsKept: number;
  bookingsLapsed: number;
  bookingsCancelled: number;
  transfers: number;
  outOfOrder: number;
  parkedMinutes: number;
  lateWalkIns: number;
  remindersSent: number;
  bookingsMoved: number;
  smsSent: number;
  smsDelivered: number;
  smsFailed: number;
  smsLimited: number;
}

export interface StatisticsReport {
  from: string;
  to: string;
  serviceId: string | null;
  byService: StatisticsRow[];
  byDay: StatisticsRow[];
  byHour: StatisticsRow[];
  /** At the hub's region pages: each office's total, keyed by the office's id (docs/HUB.md). */
  byOffice?: StatisticsRow[];
}

export const statisticsQuerySchema = z.strictObject({ from: isoDaySchema, to: isoDaySchema, serviceId: z.string().max(40).optional() });
export type StatisticsQuery = z.infer<typeof statisticsQuerySchema>;
