import { randomBytes, randomInt } from 'node:crypto';
import type { Clock } from '../../shared/clock.ts';
import type { OfficeConfig } from '../../shared/config/schema.ts';
import { refused } from '../../shared/contract/result.ts';
import { GroupCommit } from '../engine/group-commit.ts';
import type { Logger } from '../log.ts';
import type { Mailer, MailMessage } from '../mail/mailer.ts';
import { type Sms, withoutNumbers } from '../sms/sms.ts';
import type { JournalStore } from '../store/journal-store.ts';
import { BookingJournal, type BookingJournalEntry } from './booking-journal.ts';
import type { BookingContext, BookingOutcome, Draw } from './booking-rules.ts';
import { type Booking, type BookingState, emptyBookingState, type SmsCounts } from './booking-state.ts';
import { OutboxDelivery, withoutAddresses } from './outbox-delivery.ts';
import { enqueue, mailGiveUpMs, type QueuedMail, type QueuedSms, type QueuedSmsMessage, type SmsCell, type SmsKind } from './outbox-queue.ts';
import { countSms, smsCellOf, takeAllowance } from './sms-rules.ts';

export interface LedgerDeps {
  /** The configuration in force, read at each use (OfficeSettings). */
  config: () => OfficeConfig;
  clock: Clock;
  store: JournalStore<BookingJournalEntry>;
  mailer: Mailer;
  /** Text messages; none: nothing is sent by SMS, and the pages do not offer it. */
  sms?: Sms;
  log: Logger;
  draw?: Draw;
}

const hour = 3_600_000;
/** "Your turn is near" half an hour late is wrong; the others are still worth a day of tries. */
const smsGiveUpMs = (message: QueuedSmsMessage) => (message.kind === 'nearTurn' ? hour / 2 : 24 * hour);

export const cryptoDraw: Draw = {
  id: () => randomBytes(12).toString('base64url'),
  token: () => randomBytes(16).toString('base64url'),
  code: () => String(randomInt(0, 100_000_000)).padStart(8, '0'),
};

/**
 * The single writer of bookings: each change is applied to the state at once (so two requests for
 * the last place cannot both see it free) and answered only once it is durable. The mails a change
 * causes are queued in the same write (mail-queue.ts) and sent after it: a crash in between leaves
 * them queued, and they go out after the restart, with the same Message-ID. Who may change what is
 * decided by the callers (citizen-bookings.ts, staff-bookings.ts, check-in-lookup.ts) through the
 * pure rules; this class only keeps the state, its file and its mails.
 */
export class BookingLedger {
  private state: BookingState = emptyBookingState('');
  private readonly journal: BookingJournal;
  private readonly commits: GroupCommit;
  private readonly draw: Draw;
  private readonly mails: OutboxDelivery<MailMessage>;
  private readonly texts: OutboxDelivery<QueuedSmsMessage>;
  /** The cell of each message the modem took, until its status report (in memory: a report after a restart is not counted). */
  private readonly awaitingReport = new Map<string, SmsCell>();

  constructor(private readonly deps: LedgerDeps) {
    this.journal = new BookingJournal(deps.store);
    this.commits = new GroupCommit(
      () => this.journal.write(this.state),
      () => {
        this.state = this.journal.restore() ?? emptyBookingState(this.state.addressSalt);
      },
    );
    this.draw = deps.draw ?? cryptoDraw;
    const { mailer, sms, log, clock } = deps;
    const mailChannel = { name: 'mail', deliver: (id: string, message: MailMessage) => mailer.send({ ...message, id }), giveUpAfterMs: () => mailGiveUpMs, redact: withoutAddresses };
    this.mails = new OutboxDelivery({ channel: mailChannel, log, clock, outbox: () => this.state.outbox, change: (apply) => this.changeQueue(() => apply(this.state.outbox)) });
    this.texts = new OutboxDelivery({
      channel: {
        name: 'SMS',
        deliver: async (id, { to, text, about, cell }) => {
          if (!sms) throw new Error('no SMS transport');
          // Before the send: the last part's report can arrive in the same read as its OK.
          this.awaitingReport.set(id, cell);
          if (this.awaitingReport.size > 1000) this.awaitingReport.delete(this.awaitingReport.keys().next().value!);
          await sms.send(id, { to, text, ...(about ? { about } : {}) }).catch((error: unknown) => {
            this.awaitingReport.delete(id);
            throw error;
          });
        },
        giveUpAfterMs: smsGiveUpMs,
        redact: withoutNumbers,
        settled: (queued, outcome) => countSms(this.state, queued.message.cell, outcome === 'sent' ? 'sent' : 'failed'),
      },
      log,
      clock,
      outbox: () => this.state.sms.outbox,
      change: (apply) => this.changeQueue(() => apply(this.state.sms.outbox)),
    });
    sms?.onReport(({ id, outcome }) => {
      const cell = this.awaitingReport.get(id);
      if (!cell) return;
      this.awaitingReport.delete(id);
      void this.changeQueue(() => {
        countSms(this.state, cell, outcome);
        return true;
      });
    });
  }

  private async changeQueue(apply: () => boolean): Promise<void> {
    await this.change(() => (apply() ? { ok: true, data: null } : refused('notFound')));
  }

  async load(): Promise<void> {
    this.state = await this.journal.load(() => emptyBookingState(randomBytes(16).toString('base64url')));
  }

  close(): Promise<void> {
    return this.journal.close();
  }

  /** The rules' view of now: the configuration in force and the current state, to read, or to change inside `change`. */
  context(): BookingContext {
    return { config: this.deps.config(), state: this.state, now: this.deps.clock.now(), draw: this.draw };
  }

  /** Applies a rule at once and answers when it is durable; a refusal changed nothing and writes nothing. */
  async change<T>(apply: (ctx: BookingContext) => BookingOutcome<T>): Promise<BookingOutcome<T>> {
    const { bookings } = this.state;
    const { result: outcome, before: touched } = bookings.touches(() => apply(this.context()));
    if (!outcome.ok) return outcome;
    this.state.seq += 1;
    try {
      await this.commits.commit();
      // Bookings that were there and have gone, or lost their personal data (cancelled, a lapsed hold).
      const forgotten = [...touched].filter(([id, before]) => before && (!bookings.get(id) || (before.person && !bookings.get(id)!.person)));
      await this.forgetMails(forgotten.map(([id]) => id));
      return outcome;
    } catch (error) {
      // The error names the data directory: it goes to the log, the citizen learns only that nothing was saved.
      this.deps.log.error('booking change not stored', { error: String(error) });
      return refused('storageFailed');
    }
  }

  /** Inside a change: the mail goes into the same write as the change that causes it; its id. */
  queue(message: MailMessage): string {
    const id = this.draw.id();
    enqueue(this.state.outbox, id, message, this.deps.clock.now());
    return id;
  }

  /** Whether text messages reach anyone (a transport is set and the office has not switched the kind off). */
  smsOn(kind: SmsKind): boolean {
    return this.deps.sms !== undefined && this.deps.config().sms.send[kind];
  }

  /**
   * Inside a change: a text message, if its kind is on and today's limits allow it (a refusal is
   * counted, not queued); its id, or null. Sent after the change, never inside a request's answer.
   */
  queueSms(kind: SmsKind, to: string, text: string, cell: SmsCell, about?: string): string | null {
    const { now } = this.context();
    if (!this.smsOn(kind) || !takeAllowance(this.state, this.deps.config().sms.limits, to, cell, now)) return null;
    const id = this.draw.id();
    enqueue(this.state.sms.outbox, id, { kind, to, text, cell, ...(about ? { about } : {}) }, now);
    return id;
  }

  /** Inside a change: the booking's message of this kind, if its citizen asked for SMS (`sms`) at a number. */
  queueBookingSms(kind: SmsKind, booking: Booking, text: (booking: Booking) => string): string | null {
    const phone = booking.person?.phone;
    return booking.sms && phone && this.smsOn(kind) ? this.queueSms(kind, phone, text(booking), smsCellOf(booking), booking.id) : null;
  }

  /** The text messages due, sent behind the request's answer: a modem takes seconds per part. */
  sendSmsSoon(): void {
    void this.texts.sendDue().catch((error) => this.deps.log.error('SMS not sent', { error: withoutNumbers(String(error)) }));
  }

  /** One attempt at one queued mail, after its change is durable; whether the mail server took it. */
  send(mailId: string): Promise<boolean> {
    return this.mails.send(mailId);
  }

  /** The mails a change queued, in order; one that fails stays queued for the next try. */
  sendEach(mailIds: string[]): Promise<void> {
    return this.mails.sendEach(mailIds);
  }

  /** Every queued mail and text message whose time has come (the sweeper's retries, the start's leftovers). */
  async sendDue(): Promise<void> {
    await this.mails.sendDue();
    await this.texts.sendDue();
  }

  /** Every booking kept (statistics, the settings' preview of stranded bookings, tests). */
  bookings(): readonly Readonly<Booking>[] {
    return [...this.state.bookings.values()];
  }

  /** The mails still waiting to be sent. */
  queuedMails(): readonly Readonly<QueuedMail>[] {
    return [...this.state.outbox.values()];
  }

  /** A day's text message counts, by `${serviceId}/${hour}`. */
  smsCounts(day: string): Readonly<Record<string, SmsCounts>> {
    return this.state.sms.counts.get(day) ?? {};
  }

  /** The text messages still waiting to be sent (the staff overview shows those that failed). */
  queuedSms(): readonly Readonly<QueuedSms>[] {
    return [...this.state.sms.outbox.values()];
  }

  /** Changes since the start: the availability cache keys on it. */
  get seq(): number {
    return this.state.seq;
  }

  /**
   * Bookings whose personal data this change deleted (cancelled, a lapsed hold), or whose record
   * went (past retention): the mailer's copies of their mails go too (the outbox folder's files).
   * Before the change's own mails are sent, so a cancellation's mail is the one file left until
   * the bare record goes.
   */
  private async forgetMails(ids: string[]): Promise<void> {
    for (const id of ids) await this.deps.mailer.forget?.(id).catch((error) => this.deps.log.error('mail copies not deleted', { bookingId: id, error: String(error) }));
    await this.forgetSmsCopies(ids);
  }

  /** The outbox's copies of the messages about these (tickets' numbers at the day's end). */
  async forgetSmsCopies(abouts: string[]): Promise<void> {
    for (const about of abouts) await this.deps.sms?.forget?.(about).catch((error) => this.deps.log.error('SMS copies not deleted', { error: String(error) }));
  }
}
