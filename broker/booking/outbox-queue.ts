import type { MailMessage } from '../mail/mailer.ts';
import type { SmsMessage } from '../sms/sms.ts';
import type { KeyedTable } from '../store/keyed-table.ts';

/** A mail or a text message a change caused, kept in the bookings file with that change until it is sent. */
export interface Queued<M> {
  /** Also the mail's Message-ID: a mail sent again after a crash between SMTP's acceptance and our record is recognised as one. */
  id: string;
  message: M;
  queuedAt: number;
  attempts: number;
  /** Not tried again before this. */
  nextAttemptAt: number;
}
export type QueuedMail = Queued<MailMessage>;
export type QueuedSms = Queued<QueuedSmsMessage>;

/** What the statistics count a text message under: the service, and the Prague day and hour of its booking or ticket. */
export interface SmsCell {
  day: string;
  serviceId: string;
  hour: number;
}
export type SmsKind = 'code' | 'reminder' | 'nearTurn' | 'crisis';
export interface QueuedSmsMessage extends SmsMessage {
  kind: SmsKind;
  cell: SmsCell;
}

const minute = 60_000;

/** A mail still not accepted after two days is about an appointment that has mostly passed. */
export const mailGiveUpMs = 48 * 60 * minute;

/** Retries after 1, 2, 4 … minutes, at most an hour apart. */
export const nextAttempt = (attempts: number, now: number): number => now + Math.min(60 * minute, minute * 2 ** Math.max(0, attempts - 1));

/** Nothing is queued for nobody (a caller booked without an address). */
export function enqueue<M extends { to: string }>(outbox: KeyedTable<Queued<M>>, id: string, message: M, now: number): void {
  if (message.to) outbox.set(id, { id, message, queuedAt: now, attempts: 0, nextAttemptAt: now });
}

export const dueItems = <M>(outbox: KeyedTable<Queued<M>>, now: number): Readonly<Queued<M>>[] => [...outbox.values()].filter((m) => m.nextAttemptAt <= now).sort((a, b) => a.queuedAt - b.queuedAt);
