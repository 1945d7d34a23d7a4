import { z } from 'zod';
import { idPattern } from '../contract/patterns.ts';
import { fieldProblems } from '../texts/issue-texts.ts';
import { localizedText } from './localized.ts';
import { clockTime, dayIntervals, weekHours } from './opening-hours.ts';
import { checkReferences } from './references.ts';

const id = z.string().regex(idPattern, fieldProblems.id.en);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, fieldProblems.day.en);

export const workplaceSchema = z.strictObject({
  id,
  name: localizedText,
  phone: z.string().min(3).max(40),
  email: z.email(),
  /** seed: tickets are issued only until the workplace's daily capacity is used up */
  walkInCapacityPerDay: z.int().min(0).max(10_000),
  /** Overrides the office hours for this workplace (a cash desk often closes earlier). */
  openingHours: weekHours.optional(),
  /** Offices stop issuing tickets a little before closing so the last client can still be served. */
  lastTicketMinutesBeforeClose: z.int().min(0).max(240).default(15),
});

const places = z.int().min(0).max(500).default(0);
const placesPerWeekday = z.strictObject({ mon: places, tue: places, wed: places, thu: places, fri: places, sat: places, sun: places });

/** seed: only a certain number of free places is set aside for online booking on each day. */
export const serviceBookingSchema = z.strictObject({
  /** Appointments start every slotMinutes from each opening of the workplace; a slot must end by closing. */
  slotMinutes: z.int().min(5).max(240),
  /** Online places per weekday (the day's cap, whatever the number of slots). */
  onlinePlaces: placesPerWeekday,
  /** Clients booked into the same slot (the counters that can serve them side by side). */
  placesPerSlot: z.int().min(1).max(20).default(1),
});

export const serviceSchema = z.strictObject({
  id,
  workplaceId: id,
  letter: z.string().regex(/^[A-Z]$/, fieldProblems.letter.en),
  name: localizedText,
  /** Used for the wait estimate until enough clients of the day have been served. */
  typicalServiceMinutes: z.number().min(1).max(240),
  /** Online booking for this service; absent means it cannot be booked online. */
  booking: serviceBookingSchema.optional(),
  /** What to bring (ID card, the old passport, photos, the fee): in the reminder e-mail. */
  bring: localizedText.optional(),
});

export const counterSchema = z.strictObject({
  id,
  /** What the hall screen and the voice say: "přepážka 3". */
  number: z.int().min(1).max(999),
  /** The services this counter serves, in the order the office lists them. */
  serviceIds: z.array(id).min(1),
});

export const kioskSchema = z.strictObject({
  id,
  name: localizedText,
  buttons: z.array(z.strictObject({ button: z.int().min(1).max(32), serviceId: id })).min(1),
});

export const displaySchema = z.strictObject({
  id,
  name: localizedText,
  kind: z.literal('hall'),
  /** The workplaces whose calls this screen shows. */
  workplaceIds: z.array(id).min(1),
});

export const rulesSchema = z.strictObject({
  /** A kiosk request older than this is refused: the citizen has long walked away from the kiosk. */
  maxRequestAgeSeconds: z.int().min(1).max(300).default(15),
  /** issue #2: a counter command that arrives long after the press is refused, not executed */
  maxCommandAgeSeconds: z.int().min(1).max(300).default(10),
  hallCallsKept: z.int().min(1).max(50).default(10),
  /** A booking code left half-typed on a kiosk keypad is forgotten after this pause. */
  codeEntryTimeoutSeconds: z.int().min(1).max(600).default(20),
  /** How many of the day's latest service times feed the wait estimate. */
  serviceTimeSamples: z.int().min(1).max(100).default(10),
  /** The ticket's page alerts its citizen (sound, vibration, notification) when this few wait before them, and at the call. */
  nearTurnAhead: z.int().min(0).max(20).default(3),
});

const smtpSchema = z.strictObject({
  kind: z.literal('smtp'),
  host: z.string().min(1),
  port: z.int().min(1).max(65535),
  /** true for implicit TLS (465); false speaks STARTTLS on a submission port (587). */
  secure: z.boolean().default(false),
  /** Without implicit TLS, send only after STARTTLS succeeded: an attacker on the way cannot strip it
   *  and read the password and the citizens' codes. false only for a relay on the same host. */
  requireTLS: z.boolean().default(true),
  /** The certificate (PEM file) that signed the relay's, when it is the town's own and not a public one. */
  caFile: z.string().min(1).optional(),
  /** The password comes from the file FRONTA_SMTP_PASSWORD_FILE names (or FRONTA_SMTP_PASSWORD), never from this file. */
  user: z.string().optional(),
});
/** Each mail written as files a person can open (the default of the first README command); dir is relative to the data directory. */
const outboxSchema = z.strictObject({ kind: z.literal('outbox'), dir: z.string().min(1).default('outbox') });

export const bookingRulesSchema = z.strictObject({
  /** seed: bookings can be made at most 30 days ahead (Prague calendar days; today + 30 is the last). */
  horizonDays: z.int().min(0).max(365).default(30),
  /** When the horizon's new last day opens, Prague time: at midnight by default; 07:00 is fairer to
   *  citizens who sleep than to bots that do not (before it, the horizon is a day shorter). */
  newDaysOpenAt: clockTime.default('00:00'),
  /** A slot must start at least this long after the booking is made. */
  minLeadMinutes: z.int().min(0).max(1440).default(60),
  /** An unconfirmed hold keeps its place this long. */
  holdMinutes: z.int().min(1).max(1440).default(15),
  /** seed: the code is active from 15 minutes before to 15 minutes after the agreed time. */
  checkInEarlyMinutes: z.int().min(0).max(120).default(15),
  checkInLateMinutes: z.int().min(0).max(120).default(15),
  /** A code typed after its window closed is offered an ordinary walk-in ticket on the LCD, while
   *  the workplace still issues them; the booking stays lapsed and counts as late. */
  lateArrivalWalkIn: z.boolean().default(false),
  /**
   * The reminder e-mail: `workingDaysBefore` days the workplace is open before the appointment, at
   * `at` Prague time (default 14:00 the working day before); none for a booking made after that
   * moment, and none while booking is suspended unless `duringSuspension`.
   */
  reminder: z
    .strictObject({
      enabled: z.boolean().default(true),
      workingDaysBefore: z.int().min(1).max(10).default(1),
      at: clockTime.default('14:00'),
      duringSuspension: z.boolean().default(false),
    })
    .default(() => ({ enabled: true, workingDaysBefore: 1, at: '14:00', duringSuspension: false })),
  /** Personal data is deleted this many days after the appointment (after a cancellation: at once). */
  retentionDays: z.int().min(0).max(3650).default(30),
  limits: z
    .strictObject({
      pendingHoldsPerEmail: z.int().min(1).default(2),
      pendingHoldsPerAddress: z.int().min(1).default(6),
      bookingsPerEmail: z.int().min(1).default(3),
      bookingsPerAddress: z.int().min(1).default(20),
      /** Places one client address may hold or book on one day: a family's passports, never a whole day of a service. */
      placesPerAddressPerDay: z.int().min(1).default(3),
      /** Wrong codes per kiosk per minute and per hour (code-attempts.ts); a typo costs one or two. */
      codeAttemptsPerKioskPerMinute: z.int().min(1).default(6),
      codeAttemptsPerKioskPerHour: z.int().min(1).default(30),
      /** Cancellation form submissions per client address per 10 minutes. */
      cancelAttemptsPerAddress: z.int().min(1).default(10),
      /** Hold requests per client address per 10 minutes (a family booking together is a few). */
      holdRequestsPerAddress: z.int().min(1).default(30),
    })
    .default(() => ({
      pendingHoldsPerEmail: 2,
      pendingHoldsPerAddress: 6,
      bookingsPerEmail: 3,
      bookingsPerAddress: 20,
      placesPerAddressPerDay: 3,
      codeAttemptsPerKioskPerMinute: 6,
      codeAttemptsPerKioskPerHour: 30,
      cancelAttemptsPerAddress: 10,
      holdRequestsPerAddress: 30,
    })),
  /** altcha proof of work: SHA-256 rounds the browser must try, drawn in this range (40,000 take 0.8 s in desktop Chromium). */
  proofOfWork: z.strictObject({ minCounter: z.int().min(1), maxCounter: z.int().min(1) }).default(() => ({ minCounter: 10_000, maxCounter: 40_000 })),
});

/** The staff login: how long a session lasts, and how many wrong passwords lock an account for how long. */
export const staffRulesSchema = z.strictObject({
  idleMinutes: z.int().min(1).max(480).default(30),
  sessionHours: z.int().min(1).max(24).default(10),
  lockoutAttempts: z.int().min(1).max(100).default(5),
  lockoutMinutes: z.int().min(1).max(1440).default(15),
});

export const mailSchema = z.strictObject({
  from: z.string().min(3),
  transport: z.discriminatedUnion('kind', [smtpSchema, outboxSchema]),
});

const smsModemSchema = z.strictObject({
  kind: z.literal('modem'),
  /** The modem's serial port: /dev/ttyUSB2 for most USB sticks, /dev/serial0 for a Pi HAT (docs/SMS.md). */
  path: z.string().min(1),
  baudRate: z.int().min(1200).default(115200),
});
/** An HTTP gateway's request (broker/sms/http-gateway.ts): `{to}`, `{number}`, `{text}`, `{id}` and `{secret}` are replaced in the values. */
const smsGatewaySchema = z.strictObject({
  kind: z.literal('http'),
  url: z.url(),
  method: z.enum(['GET', 'POST']).default('POST'),
  encoding: z.enum(['query', 'form', 'json']).default('json'),
  fields: z.record(z.string().min(1), z.string()),
  headers: z.record(z.string().min(1), z.string()).default(() => ({})),
  /** For a gateway that answers 200 with an error in its body: the body must match this to count as sent. */
  acceptPattern: z.string().optional(),
});

/**
 * Text messages, each kind switchable: the code once confirmed and the reminder (for citizens who
 * gave a mobile number and asked for SMS), "your turn is near" (a number typed on the ticket's
 * page), the crisis notice. Each costs money, hence the limits per office and per number per day.
 */
export const smsSchema = z.strictObject({
  // Each default a new object (zod hands out the very value it was given): a change to one office's configuration is never another's.
  transport: z.discriminatedUnion('kind', [outboxSchema, smsModemSchema, smsGatewaySchema]).default(() => ({ kind: 'outbox' as const, dir: 'outbox' })),
  send: z
    .strictObject({ code: z.boolean().default(true), reminder: z.boolean().default(true), nearTurn: z.boolean().default(true), crisis: z.boolean().default(true) })
    .default(() => ({ code: true, reminder: true, nearTurn: true, crisis: true })),
  limits: z.strictObject({ perDay: z.int().min(0).max(100_000).default(300), perNumberPerDay: z.int().min(1).max(100).default(4) }).default(() => ({ perDay: 300, perNumberPerDay: 4 })),
});

export const officeConfigSchema = z
  .strictObject({
    version: z.literal(1),
    office: z.strictObject({
      id,
      name: localizedText,
      /** The building's postal address, one line ("Palackého náměstí 38, 517 41 Kostelec nad Orlicí"): in the code e-mail and the calendar entry. */
      address: z.string().trim().min(5).max(200).optional(),
      timeZone: z.literal('Europe/Prague'),
      country: z.literal('CZ'),
      openingHours: weekHours,
      /** One-off closures on top of the public holidays. */
      closedDates: z.array(isoDate).default(() => []),
      /** One-off hours for a date, for every workplace (31 December, say: 8:00–11:00). */
      specialDays: z.array(z.strictObject({ date: isoDate, hours: dayIntervals })).default(() => []),
      /**
       * Where citizens reach the server (the ticket's QR code opens `${publicBaseUrl}/t/{token}`, the
       * e-mails link here). Unless set, the server derives it from how it was started (its host and
       * HTTP port: shared/config/public-address.ts); an office behind a TLS proxy sets its https name.
       */
      publicBaseUrl: z.url().optional(),
    }),
    workplaces: z.array(workplaceSchema).min(1),
    services: z.array(serviceSchema).min(1),
    counters: z.array(counterSchema).min(1),
    kiosks: z.array(kioskSchema).default(() => []),
    displays: z.array(displaySchema).default(() => []),
    rules: rulesSchema.default(() => rulesSchema.parse({})),
    booking: bookingRulesSchema.default(() => bookingRulesSchema.parse({})),
    staff: staffRulesSchema.default(() => staffRulesSchema.parse({})),
    mail: mailSchema.default(() => ({ from: 'Fronta <fronta@localhost>', transport: { kind: 'outbox' as const, dir: 'outbox' } })),
    sms: smsSchema.default(() => smsSchema.parse({})),
  })
  .superRefine(checkReferences);

export type OfficeConfig = z.infer<typeof officeConfigSchema>;
export type Workplace = OfficeConfig['workplaces'][number];
export type Service = OfficeConfig['services'][number];
export type Counter = OfficeConfig['counters'][number];
export type Kiosk = OfficeConfig['kiosks'][number];
export type BookingRules = OfficeConfig['booking'];
export type OfficeInput = z.input<typeof officeConfigSchema>;
