import type { LocalizedText } from '../../shared/config/localized.ts';
import type { BookingSlots, SuspendRequest } from '../../shared/contract/booking-api.ts';
import { refused } from '../../shared/contract/result.ts';
import type { PhoneBookingRequest } from '../../shared/contract/staff-api.ts';
import type { BookingLedger } from './booking-ledger.ts';
import { cancelMail, codeMail } from './booking-mails.ts';
import { ofDay } from './booking-queries.ts';
import type { BookingContext } from './booking-rules.ts';
import * as rules from './booking-rules.ts';
import type { Booking } from './booking-state.ts';
import { callerOf } from './citizen-replies.ts';
import { staffSlots } from './slots.ts';
import { codeSms, crisisSms } from './sms-texts.ts';

type Outcome<T> = rules.BookingOutcome<T>;
type Failing = { count: number; since: number | null };

/** The queued messages tried at least once, and since when the oldest of them waits. */
function failingOf(queued: readonly { attempts: number; queuedAt: number }[]): Failing {
  const failing = queued.filter((m) => m.attempts > 0);
  return { count: failing.length, since: failing.length === 0 ? null : Math.min(...failing.map((m) => m.queuedAt)) };
}

/**
 * What the staff pages, the settings and the server's own command ask of the bookings: a day's
 * list, a caller's booking, cancelling one or many with a mail, the crisis switch.
 */
export class StaffBookings {
  /** `bookOnlineAt`: in hub mode, this office's pages at the hub, where its online booking and so its crisis switch are. */
  constructor(
    private readonly ledger: BookingLedger,
    private readonly bookOnlineAt: string | null = null,
  ) {}

  /** Mails tried and not accepted yet (the relay refused or is away): the overview says so. */
  failingMails(): Failing {
    return failingOf(this.ledger.queuedMails());
  }

  /** Text messages the modem or gateway refused or did not take, still retried. */
  failingSms(): Failing {
    return failingOf(this.ledger.queuedSms());
  }

  /** Every booking of a Prague day that is still kept, holds and cancelled ones included. */
  dayBookings(day: string): Booking[] {
    return ofDay(this.ledger.context().state, day);
  }

  /** The slots staff may book for a caller on a day (online quota aside, suspension aside). */
  staffSlots(serviceId: string, day: string): Outcome<BookingSlots> {
    const { config, state, now } = this.ledger.context();
    const service = rules.bookableService(config, serviceId);
    if (!service.ok) return service;
    return { ok: true, data: { serviceId, day, slots: staffSlots(config, state, service.data, day, now) } };
  }

  /** A caller's booking, confirmed at once; the code goes by e-mail if the caller gave an address. */
  async bookForCaller(request: PhoneBookingRequest, bookedBy: string): Promise<Outcome<Readonly<Booking>>> {
    const mails: string[] = [];
    const person = callerOf(request);
    const booked = await this.ledger.change((ctx) => {
      const outcome = rules.bookForCaller(ctx, { serviceId: request.serviceId, startsAt: request.startsAt, person, language: request.language, bookedBy, ...(request.sms ? { sms: true } : {}) });
      if (!outcome.ok) return outcome;
      mails.push(this.ledger.queue(codeMail(ctx.config, outcome.data, person, ctx.now)));
      this.ledger.queueBookingSms('code', outcome.data, (b) => codeSms(ctx.config, b));
      return outcome;
    });
    await this.ledger.sendEach(mails);
    this.ledger.sendSmsSoon();
    return booked;
  }

  /**
   * Cancels a confirmed booking still to come; `notify` e-mails the client (with the .ics CANCEL).
   * A copy of the hub's booking is cancelled here at once and reported to the hub, which has the
   * client's address and mails them (hub-copy.ts).
   */
  async cancelById(bookingId: string, notify: boolean): Promise<Outcome<Booking>> {
    const mails: string[] = [];
    const cancelled = await this.ledger.change((ctx) => {
      const outcome = rules.cancelUpcoming(ctx, bookingId);
      if (!outcome.ok) return outcome;
      if (outcome.data.hubVersion !== undefined) ctx.state.bookings.update(bookingId, (b) => Object.assign(b, { hubCancelNotify: notify }));
      else if (notify && outcome.data.person) mails.push(this.ledger.queue(cancelMail(ctx.config, outcome.data, outcome.data.person, ctx.now)));
      return outcome;
    });
    await this.ledger.sendEach(mails);
    return cancelled;
  }

  /** Cancels these bookings, which new settings left without their appointment, e-mailing each client the notice. */
  async cancelMany(bookingIds: string[], notice: LocalizedText): Promise<Outcome<number>> {
    const mails: string[] = [];
    const done = await this.ledger.change((ctx) => {
      const stranded = bookingIds.map((id) => ctx.state.bookings.get(id)).filter((b) => b && (b.status === 'confirmed' || b.status === 'held'));
      const cancelled = stranded.map((b) => rules.cancel(ctx, b!));
      mails.push(...this.noticeEach(ctx, cancelled, notice));
      return { ok: true, data: cancelled.length };
    });
    await this.ledger.sendEach(mails);
    this.ledger.sendSmsSoon();
    return done;
  }

  /** The crisis switch: the staff pages' Rezervace, or `npm run booking -- suspend`. */
  async suspend(request: SuspendRequest): Promise<Outcome<{ cancelled: number }>> {
    // Switched here it would stop nothing (citizens book at the hub) and cancel the hub's bookings behind its back.
    if (this.bookOnlineAt) return refused('suspensionAtHub', `${this.bookOnlineAt}/staff`);
    const mails: string[] = [];
    const done = await this.ledger.change((ctx) => {
      const unknown = request.workplaceIds?.find((id) => !ctx.config.workplaces.some((w) => w.id === id));
      if (unknown) return refused('invalidRequest', `unknown workplace "${unknown}"`);
      const cancelled = rules.suspend(ctx, request);
      mails.push(...this.noticeEach(ctx, cancelled, request.notice));
      return { ok: true, data: { cancelled: cancelled.length } };
    });
    await this.ledger.sendEach(mails);
    this.ledger.sendSmsSoon();
    return done;
  }

  /** Inside a change: the office's notice to each client whose booking it cancelled, by e-mail and by SMS where asked for; the mails' ids. */
  private noticeEach(ctx: BookingContext, cancelled: Booking[], notice: LocalizedText): string[] {
    for (const booking of cancelled) this.ledger.queueBookingSms('crisis', booking, (b) => crisisSms(ctx.config, b, notice));
    return cancelled.filter((b) => b.person).map((b) => this.ledger.queue(cancelMail(ctx.config, b, b.person!, ctx.now, notice)));
  }

  resume(): Promise<Outcome<null>> {
    return this.ledger.change((ctx) => {
      rules.resume(ctx);
      return { ok: true, data: null };
    });
  }
}
