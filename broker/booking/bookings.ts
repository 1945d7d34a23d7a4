import { accepted, refused } from '../../shared/contract/result.ts';
import { BookingLedger, type LedgerDeps } from './booking-ledger.ts';
import { reminderMail } from './booking-mails.ts';
import { sweep } from './booking-rules.ts';
import { CheckInLookup } from './check-in-lookup.ts';
import { CitizenBookings } from './citizen-bookings.ts';
import { dueReminders } from './reminders.ts';
import { sweepSms } from './sms-rules.ts';
import { reminderSms } from './sms-texts.ts';
import { StaffBookings } from './staff-bookings.ts';

export interface BookingsDeps extends LedgerDeps {
  /** false: online booking stays closed (citizen-bookings.ts). */
  mailReady?: boolean;
  /** The queue engine's durable record of today's check-ins (booking id → ticket number): the one that counts. */
  checkIns?: () => Readonly<Record<string, string>>;
  /** Hub mode: citizens book this office online at the hub, at this address; its own page sends them there. */
  bookOnlineAt?: string;
  /** After each sweep (hub mode: the no-shows it found are reported). */
  afterSweep?: () => Promise<void>;
}

/**
 * The bookings, one writer (the ledger) and its verbs grouped by who asks: citizens, staff, the
 * queue side. Each minute lapsed holds and no-shows are swept, the reminders due are queued, and
 * the mails due (for another try too) are sent.
 */
export class Bookings {
  readonly ledger: BookingLedger;
  readonly citizens: CitizenBookings;
  readonly staff: StaffBookings;
  readonly checkIns: CheckInLookup;
  private sweeper: NodeJS.Timeout | undefined;

  constructor(private readonly deps: BookingsDeps) {
    this.ledger = new BookingLedger(deps);
    this.citizens = new CitizenBookings(this.ledger, deps.clock, deps.mailReady !== false, deps.bookOnlineAt ?? null);
    this.staff = new StaffBookings(this.ledger, deps.bookOnlineAt ?? null);
    this.checkIns = new CheckInLookup(this.ledger);
  }

  async start(): Promise<void> {
    await this.ledger.load();
    await this.sweep();
    const failed = (what: string) => (e: unknown) => this.deps.log.error(what, { error: String(e) });
    // Mails a crash left queued; not awaited, a mail server that is away must not hold the start up.
    void this.ledger.sendDue().catch(failed('queued mails not sent'));
    const everyMs = 60_000 / (this.deps.clock.rate ?? 1);
    this.sweeper = setInterval(
      () =>
        void this.sweep()
          .then(() => this.ledger.sendDue())
          .catch(failed('booking sweep failed')),
      everyMs,
    );
    this.sweeper.unref();
  }

  stop(): Promise<void> {
    clearInterval(this.sweeper);
    return this.ledger.close();
  }

  /** Lapsed holds and bookings, judged against the engine's record of check-ins; then the reminders due. */
  async sweep(): Promise<void> {
    const checkIns = this.deps.checkIns?.() ?? {};
    let forgotten: string[] = [];
    await this.ledger.change((ctx) => {
      const swept = sweep(ctx, (id) => id in checkIns);
      const sms = sweepSms(ctx.state, ctx.now, ctx.config.booking.retentionDays);
      forgotten = sms.forgotten;
      return swept || sms.changed ? accepted(null) : refused('notFound');
    });
    await this.ledger.forgetSmsCopies(forgotten);
    await this.deps.afterSweep?.();
    await this.remind();
  }

  /**
   * Each reminder due is queued in the same write that records it as sent: a crash before the write
   * sends it at the next sweep, one after it sends the queued mail (under one Message-ID), never twice.
   */
  private async remind(): Promise<void> {
    await this.ledger.change((ctx) => {
      const due = dueReminders(ctx);
      for (const { id } of due) {
        const booking = ctx.state.bookings.update(id, (b) => {
          b.remindedAt = ctx.now;
        })!;
        if (booking.person?.email) this.ledger.queue(reminderMail(ctx.config, booking, booking.person));
        this.ledger.queueBookingSms('reminder', booking, (b) => reminderSms(ctx.config, b));
      }
      return due.length > 0 ? accepted(null) : refused('notFound');
    });
  }
}
