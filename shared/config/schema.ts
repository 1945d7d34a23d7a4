import { z } from 'zod';
import { localizedText } from './localized.ts';
import { weekHours } from './opening-hours.ts';
import { checkReferences } from './references.ts';

const id = z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'expected a lowercase id: letters, digits and dashes');
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD');

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

export const serviceSchema = z.strictObject({
  id,
  workplaceId: id,
  letter: z.string().regex(/^[A-Z]$/, 'expected one capital letter A-Z'),
  name: localizedText,
  /** Used for the wait estimate until enough clients of the day have been served. */
  typicalServiceMinutes: z.number().min(1).max(240),
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
});

export const officeConfigSchema = z
  .strictObject({
    version: z.literal(1),
    office: z.strictObject({
      id,
      name: localizedText,
      timeZone: z.literal('Europe/Prague'),
      country: z.literal('CZ'),
      openingHours: weekHours,
      /** One-off closures on top of the public holidays (31 December, say). */
      closedDates: z.array(isoDate).default([]),
      /** The ticket's QR code opens `${publicBaseUrl}/t/{token}`. */
      publicBaseUrl: z.url(),
    }),
    workplaces: z.array(workplaceSchema).min(1),
    services: z.array(serviceSchema).min(1),
    counters: z.array(counterSchema).min(1),
    kiosks: z.array(kioskSchema).default([]),
    displays: z.array(displaySchema).default([]),
    rules: rulesSchema.default(rulesSchema.parse({})),
  })
  .superRefine(checkReferences);

export type OfficeConfig = z.infer<typeof officeConfigSchema>;
export type Workplace = OfficeConfig['workplaces'][number];
export type Service = OfficeConfig['services'][number];
export type Counter = OfficeConfig['counters'][number];
export type Kiosk = OfficeConfig['kiosks'][number];
export type Display = OfficeConfig['displays'][number];
export type OfficeInput = z.input<typeof officeConfigSchema>;
