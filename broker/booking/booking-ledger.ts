import { randomBytes, randomInt } from 'node:crypto';
import type { Clock } from '../../shared/clock.ts';
import type { OfficeConfig } from '../../shared/config/schema.ts';
import { refused } from '../../shared/contract/result.ts';
import { GroupCommit } from '../engine/group-commit.ts';
import type { Logger } from '../log.ts';
import type { Mailer, MailMessage } from '../mail/mailer.ts';
import type { DocumentStore } from '../store/document-store.ts';
import type { BookingContext, BookingOutcome, Draw } from './booking-rules.ts';
import { type Booking, type BookingState, emptyBookingState } from './booking-state.ts';
import { MailDelivery } from './mail-delivery.ts';
import { type QueuedMail, queueMail } from './mail-queue.ts';

export interface LedgerDeps {
  /** The configuration in force, read at each use (OfficeSettings). */
  config: () => OfficeConfig;
  clock: Clock;
  store: DocumentStore;
  mailer: Mailer;
  log: Logger;
  draw?: Draw;
}

const cryptoDraw: Draw = {
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
  private durableText = '';
  private readonly commits: GroupCommit;
  private readonly draw: Draw;
  private readonly mails: MailDelivery;

  constructor(private readonly deps: LedgerDeps) {
    this.commits = new GroupCommit(
      () => this.write(),
      () => this.restore(),
    );
    this.draw = deps.draw ?? cryptoDraw;
    this.mails = new MailDelivery({
      mailer: deps.mailer,
      log: deps.log,
      clock: deps.clock,
      outbox: () => this.state.outbox,
      change: async (apply) => void (await this.change(() => (apply(this.state.outbox) ? { ok: true, data: null } : refused('notFound')))),
    });
  }

  async load(): Promise<void> {
    const loaded = await this.deps.store.read();
    this.state = loaded === null ? emptyBookingState(randomBytes(16).toString('base64url')) : parseState(loaded);
    this.durableText = loaded ?? '';
    if (!loaded) await this.commits.commit();
  }

  /** The rules' view of now: the configuration in force and the current state, to read, or to change inside `change`. */
  context(): BookingContext {
    return { config: this.deps.config(), state: this.state, now: this.deps.clock.now(), draw: this.draw };
  }

  /** Applies a rule at once and answers when it is durable; a refusal changed nothing and writes nothing. */
  async change<T>(apply: (ctx: BookingContext) => BookingOutcome<T>): Promise<BookingOutcome<T>> {
    const before = this.deps.mailer.forget ? this.personalData() : new Map<string, boolean>();
    const outcome = apply(this.context());
    if (!outcome.ok) return outcome;
    this.state.seq += 1;
    try {
      await this.commits.commit();
      await this.forgetMails([...before].filter(([id, had]) => !this.state.bookings[id] || (had && !this.state.bookings[id]!.person)).map(([id]) => id));
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
    queueMail(this.state.outbox, id, message, this.deps.clock.now());
    return id;
  }

  /** One attempt at one queued mail, after its change is durable; whether the mail server took it. */
  send(mailId: string): Promise<boolean> {
    return this.mails.send(mailId);
  }

  /** The mails a change queued, in order; one that fails stays queued for the next try. */
  sendEach(mailIds: string[]): Promise<void> {
    return this.mails.sendEach(mailIds);
  }

  /** Every queued mail whose time has come (the sweeper's retries, the start's leftovers). */
  sendDue(): Promise<void> {
    return this.mails.sendDue();
  }

  /** Every booking kept (statistics, the settings' preview of stranded bookings, tests). */
  bookings(): readonly Booking[] {
    return Object.values(this.state.bookings);
  }

  /** The mails still waiting to be sent. */
  queuedMails(): readonly QueuedMail[] {
    return Object.values(this.state.outbox);
  }

  /** Changes since the start: the availability cache keys on it. */
  get seq(): number {
    return this.state.seq;
  }

  /** Each booking, and whether it still holds personal data. */
  private personalData(): Map<string, boolean> {
    return new Map(Object.values(this.state.bookings).map((b) => [b.id, b.person !== undefined]));
  }

  /**
   * Bookings whose personal data this change deleted (cancelled, a lapsed hold), or whose record
   * went (past retention): the mailer's copies of their mails go too (the outbox folder's files).
   * Before the change's own mails are sent, so a cancellation's mail is the one file left until
   * the bare record goes.
   */
  private async forgetMails(ids: string[]): Promise<void> {
    for (const id of ids) await this.deps.mailer.forget!(id).catch((error) => this.deps.log.error('mail copies not deleted', { bookingId: id, error: String(error) }));
  }

  private async write(): Promise<void> {
    const text = JSON.stringify(this.state);
    await this.deps.store.write(text);
    this.durableText = text;
  }

  private restore(): void {
    this.state = this.durableText ? parseState(this.durableText) : emptyBookingState(this.state.addressSalt);
  }
}

/** A bookings file; one written before mails were queued in it has no outbox. */
function parseState(text: string): BookingState {
  const state = JSON.parse(text) as BookingState;
  state.outbox ??= {};
  state.lapsedHolds ??= {};
  return state;
}
