import type { MailMessage } from '../mail/mailer.ts';

/** A mail a booking change caused, kept in the bookings file with that change until it is sent. */
export interface QueuedMail {
  /** Also the Message-ID: a mail sent again after a crash between SMTP's acceptance and our record is recognised as one. */
  id: string;
  message: MailMessage;
  queuedAt: number;
  attempts: number;
  /** Not tried again before this. */
  nextAttemptAt: number;
}

const minute = 60_000;
/** A mail still not accepted after two days is about an appointment that has mostly passed: given up, and logged. */
export const giveUpAfterMs = 2 * 24 * 60 * minute;

/** Retries after 1, 2, 4 … minutes, at most an hour apart. */
export const nextAttempt = (attempts: number, now: number): number => now + Math.min(60 * minute, minute * 2 ** Math.max(0, attempts - 1));

export function queueMail(outbox: Record<string, QueuedMail>, id: string, message: MailMessage, now: number): void {
  if (message.to) outbox[id] = { id, message, queuedAt: now, attempts: 0, nextAttemptAt: now };
}

export const dueMails = (outbox: Record<string, QueuedMail>, now: number): QueuedMail[] =>
  Object.values(outbox)
    .filter((m) => m.nextAttemptAt <= now)
    .sort((a, b) => a.queuedAt - b.queuedAt);
