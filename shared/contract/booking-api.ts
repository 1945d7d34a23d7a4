import { z } from 'zod';
import { localizedText } from '../config/localized.ts';
import { type FieldIssue, fieldProblems } from '../texts/issue-texts.ts';
import { epochMsSchema } from './common.ts';
import { phonePattern } from './patterns.ts';
import { normalisePhone, takesSms } from './phone-number.ts';

/**
 * The booking site's HTTP API: one schema per body and per answer, used by the server to check
 * what arrives and by the web UI for its types. docs/API.md lists the routes.
 */

export const isoDaySchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, fieldProblems.day.en);
export const languageSchema = z.enum(['cs', 'en']);
/** Links in the e-mails carry these: 128 random bits, base64url. */
/** The path parameter of a service's routes. */
export const serviceParamsSchema = z.strictObject({ serviceId: z.string().max(40) });

export const linkTokenSchema = z.string().regex(/^[A-Za-z0-9_-]{22}$/, 'expected a 22-character link token');
export const bookingCodeSchema = z.string().regex(/^\d{8}$/, fieldProblems.bookingCode.en);
/** Surrounding spaces (a copied address) are forgiven; the rest must be an e-mail address. */
export const emailSchema = z.string().trim().max(200).pipe(z.email(fieldProblems.email.en));

/**
 * A line a person types (a name): no control characters, line breaks included, which would let the
 * text end a header or a calendar line and start another one of its own.
 */
export const typedLine = (min: number, max: number, tooShort?: string) =>
  z
    .string()
    .trim()
    .min(min, tooShort)
    .max(max)
    .regex(/^[^\p{Cc}\u2028\u2029]*$/u, fieldProblems.typedLine.en);

/** A person's name, as the booking forms and the staff pages take it. */
export const personName = typedLine(2, 100, fieldProblems.name.en);

/** Why a day cannot be booked; the day buttons say it in words. */
export const dayUnavailableSchema = z.enum(['past', 'holiday', 'closedDay', 'closed', 'noOnlinePlaces', 'full']);
export type DayUnavailable = z.infer<typeof dayUnavailableSchema>;

export const bookingDaySchema = z.strictObject({ day: isoDaySchema, free: z.int().min(0), unavailable: dayUnavailableSchema.optional() });
export const bookingDaysSchema = z.strictObject({ serviceId: z.string(), days: z.array(bookingDaySchema) });
export type BookingDay = z.infer<typeof bookingDaySchema>;
export type BookingDays = z.infer<typeof bookingDaysSchema>;

export const bookingSlotSchema = z.strictObject({ startsAt: epochMsSchema, time: z.string(), free: z.int().min(0) });
export const bookingSlotsSchema = z.strictObject({ serviceId: z.string(), day: isoDaySchema, slots: z.array(bookingSlotSchema) });
export type BookingSlot = z.infer<typeof bookingSlotSchema>;
export type BookingSlots = z.infer<typeof bookingSlotsSchema>;

const contacts = z.strictObject({ workplaceId: z.string(), name: localizedText, phone: z.string(), email: z.string() });
export const suspensionNoticeSchema = z.strictObject({
  /** null: the whole office; otherwise the workplaces whose booking is off. */
  workplaceIds: z.array(z.string()).nullable(),
  notice: localizedText,
  contacts: z.array(contacts),
});
export type SuspensionNotice = z.infer<typeof suspensionNoticeSchema>;

export const officeInfoSchema = z.strictObject({
  name: localizedText,
  horizonDays: z.int(),
  /** When each day the horizon's new last day opens (HH:MM, Prague time). */
  newDaysOpenAt: z.string(),
  holdMinutes: z.int(),
  checkInEarlyMinutes: z.int(),
  checkInLateMinutes: z.int(),
  retentionDays: z.int(),
  services: z.array(
    z.strictObject({
      id: z.string(),
      name: localizedText,
      workplaceId: z.string(),
      workplace: localizedText,
      /** Where its booking codes are typed: the name of the kiosk that takes them (null: none does). */
      checkInKiosk: localizedText.nullable(),
      /** Takes appointments at all (staff book callers for it even while online booking is suspended). */
      byAppointment: z.boolean(),
      /** Can be booked online now. */
      bookable: z.boolean(),
    }),
  ),
  suspension: suspensionNoticeSchema.nullable(),
  /** false while the server sends no e-mail to citizens (no mail server configured): online booking is closed. */
  mailReady: z.boolean(),
  /** The form offers the code and the reminder by text message too. */
  smsOffered: z.boolean(),
  /** An office in hub mode: its online booking is the hub's, at this address (docs/HUB.md); null: here. */
  bookOnlineAt: z.url().nullable(),
});
export type OfficeInfo = z.infer<typeof officeInfoSchema>;

/** An altcha v2 challenge and its solution, as the browser returns them. */
export const proofOfWorkSchema = z.strictObject({
  challenge: z.strictObject({
    parameters: z.strictObject({
      algorithm: z.string().max(40),
      nonce: z.string().max(200),
      salt: z.string().max(200),
      cost: z.int().min(1),
      keyLength: z.int().min(1).max(64),
      keyPrefix: z.string().max(128),
      keySignature: z.string().max(200).optional(),
      expiresAt: z.int().optional(),
      data: z.record(z.string().max(40), z.union([z.string().max(200), z.number(), z.boolean(), z.null()])).optional(),
    }),
    signature: z.string().max(200).optional(),
  }),
  solution: z.strictObject({ counter: z.int().min(0), derivedKey: z.string().max(200), time: z.number().optional() }),
});
export type ProofOfWork = z.infer<typeof proofOfWorkSchema>;

/** As typed on the pages (phonePattern), kept in E.164 (phone-number.ts). */
export const phoneSchema = z
  .string()
  .trim()
  .regex(phonePattern, fieldProblems.phone.en)
  .transform((typed, ctx) => {
    const e164 = normalisePhone(typed);
    if (e164 === null) ctx.addIssue({ code: 'custom', message: fieldProblems.phone.en });
    return e164 ?? z.NEVER;
  });

/** `sms`: the code and the reminder also by text message, which needs a mobile number. */
export const smsChoice = <T extends { phone?: string | undefined; sms?: boolean | undefined }>(body: T, ctx: z.RefinementCtx): void => {
  if (body.sms && !(body.phone && takesSms(body.phone))) ctx.addIssue({ code: 'custom', path: ['phone'], message: fieldProblems.smsPhone.en });
};

export const holdRequestSchema = z
  .strictObject({
    serviceId: z.string().max(40),
    startsAt: epochMsSchema,
    name: personName,
    email: emailSchema,
    phone: phoneSchema.optional(),
    sms: z.boolean().optional(),
    /** The consent to process the personal data; the form cannot be sent without it. */
    consent: z.literal(true, 'consent is required'),
    language: languageSchema,
    proof: proofOfWorkSchema,
  })
  .superRefine(smsChoice);
export type HoldRequest = z.infer<typeof holdRequestSchema>;

/** `holdId` asks for the link again ("Nepřišel e-mail?"); `sentTo` is the address as typed, shown back so a typo shows. */
export const holdReplySchema = z.strictObject({ heldUntil: epochMsSchema, startsAt: epochMsSchema, serviceId: z.string(), holdId: z.string(), sentTo: z.string() });
/** How many times a hold's link is sent again at most: a typo is fixed by a new booking, not by more mail. */
export const maxLinkResends = 3;
export const resendReplySchema = z.strictObject({ sentTo: z.string(), resendsLeft: z.int().min(0) });
export type ResendReply = z.infer<typeof resendReplySchema>;
export type HoldReply = z.infer<typeof holdReplySchema>;

/** What the confirmation page shows before its button is pressed: reading it changes nothing. */
export const bookingSummarySchema = z.strictObject({
  serviceId: z.string(),
  startsAt: epochMsSchema,
  state: z.enum(['held', 'confirmed', 'expired']),
  heldUntil: epochMsSchema.optional(),
});
export type BookingSummary = z.infer<typeof bookingSummarySchema>;

export const confirmReplySchema = z.strictObject({ serviceId: z.string(), startsAt: epochMsSchema, code: bookingCodeSchema, alreadyConfirmed: z.boolean() });
export type ConfirmReply = z.infer<typeof confirmReplySchema>;

export const cancelRequestSchema = z.strictObject({ code: bookingCodeSchema, email: emailSchema });
/** "Změnit termín": the booking by its code and e-mail, and the new time (one the booking site offers for its service). */
export const rescheduleRequestSchema = cancelRequestSchema.extend({ startsAt: epochMsSchema });
export const cancelPreviewSchema = z.strictObject({ serviceId: z.string(), startsAt: epochMsSchema });
export type CancelPreview = z.infer<typeof cancelPreviewSchema>;

export const suspendRequestSchema = z.strictObject({
  workplaceIds: z.array(z.string()).min(1).nullable(),
  notice: localizedText,
  /** Cancel the confirmed bookings still to come in the suspended scope, e-mailing each client. */
  cancelExisting: z.boolean().default(false),
});
export type SuspendRequest = z.infer<typeof suspendRequestSchema>;

/** Refusals of the booking API; the web UI words each one. */
export const bookingRefusals = [
  'invalidRequest',
  'unknownService',
  'notBookable',
  'slotUnavailable',
  'tooManyHolds',
  'tooManyBookings',
  'proofFailed',
  'proofReused',
  'unknownLink',
  'holdExpired',
  'notFound',
  'suspended',
  'rateLimited',
  'mailFailed',
  'mailNotConfigured',
  'bookOnlineElsewhere',
  'settingsAtHub',
  'suspensionAtHub',
  'storageFailed',
  'unauthorized',
  // The staff pages (staff-api.ts):
  'badCredentials',
  'lockedOut',
  'busy',
  'weakPassword',
  'forbidden',
  'csrfFailed',
  'usernameTaken',
  // The clerk's workstation:
  'counterTaken',
  'notSeated',
  // Enrolling a device:
  'unknownCode',
  // A number for "your turn is near" on a ticket's page, while the office sends no such SMS:
  'smsOff',
] as const;
export const bookingRefusalSchema = z.enum(bookingRefusals);
export type BookingRefusal = z.infer<typeof bookingRefusalSchema>;

/** One problem of a request's body: where (the field's path) and what, Czech and English. */
export const fieldIssueSchema: z.ZodType<FieldIssue> = z.strictObject({ path: z.array(z.union([z.string(), z.int()])), message: localizedText });
export type { FieldIssue };

export const apiErrorSchema = z.strictObject({
  /** `issues`: with invalidRequest, each field's problem in both languages, for the page to show at the field. */
  error: z.strictObject({ code: bookingRefusalSchema, detail: z.string().optional(), issues: z.array(fieldIssueSchema).optional(), suspension: suspensionNoticeSchema.optional() }),
});
export type ApiError = z.infer<typeof apiErrorSchema>;
