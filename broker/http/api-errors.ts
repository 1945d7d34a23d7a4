import type { FastifyReply } from 'fastify';
import type { z } from 'zod';
import { formatIssues } from '../../shared/config/validate.ts';
import type { BookingRefusal, FieldIssue, SuspensionNotice } from '../../shared/contract/booking-api.ts';
import { fieldIssues } from '../../shared/texts/issue-texts.ts';

/** The HTTP status of each refusal; the body always says the code, which the web UI words. */
const statusOf: Record<BookingRefusal, number> = {
  invalidRequest: 400,
  proofFailed: 400,
  proofReused: 400,
  unauthorized: 401,
  badCredentials: 401,
  lockedOut: 429,
  busy: 503,
  weakPassword: 400,
  forbidden: 403,
  csrfFailed: 403,
  usernameTaken: 409,
  counterTaken: 409,
  notSeated: 409,
  unknownService: 404,
  notBookable: 404,
  unknownLink: 404,
  notFound: 404,
  unknownCode: 404,
  slotUnavailable: 409,
  holdExpired: 410,
  tooManyHolds: 429,
  tooManyBookings: 429,
  rateLimited: 429,
  mailFailed: 502,
  mailNotConfigured: 503,
  bookOnlineElsewhere: 409,
  settingsAtHub: 409,
  suspensionAtHub: 409,
  suspended: 503,
  storageFailed: 503,
  smsOff: 409,
};

export function sendRefusal(reply: FastifyReply, code: BookingRefusal, detail?: string, suspension?: SuspensionNotice | null, issues?: FieldIssue[]): FastifyReply {
  return reply.code(statusOf[code]).send({ error: { code, ...(detail === undefined ? {} : { detail }), ...(issues ? { issues } : {}), ...(suspension ? { suspension } : {}) } });
}

/** Parses a body or parameters by its schema; on failure answers 400 with every problem and returns undefined. */
export function parseOr400<T>(schema: z.ZodType<T>, input: unknown, reply: FastifyReply): T | undefined {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  sendRefusal(reply, 'invalidRequest', formatIssues(result.error).join('; '), null, fieldIssues(result.error.issues));
  return undefined;
}
