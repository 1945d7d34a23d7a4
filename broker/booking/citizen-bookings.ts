import type { Clock } from '../../shared/clock.ts';
import type { BookingDays, BookingSlots, BookingSummary, CancelPreview, ConfirmReply, HoldReply, HoldRequest, OfficeInfo, ResendReply, SuspensionNotice } from '../../shared/contract/booking-api.ts';
import { refused } from '../../shared/contract/result.ts';
import { AvailabilityCache } from './availability-cache.ts';
import type { BookingLedger } from './booking-ledger.ts';
import { cancelMail, codeMail, holdMail } from './booking-mails.ts';
import { findForCancel, summaryOf } from './booking-queries.ts';
import * as rules from './booking-rules.ts';
import { clientKeyOf, confirmReplyOf, holdReplyOf, personOf, placeOf, resendReplyOf } from './citizen-replies.ts';
import { emailKey } from './email-key.ts';
import { officeInfo, suspensionNotice } from './office-info.ts';
import { ProofOfWorkGate } from './proof-of-work.ts';
import { bookingDays, daySlots } from './slots.ts';
import { codeSms } from './sms-texts.ts';

type Outcome<T> = rules.BookingOutcome<T>;

/**
 * What the booking site asks (booking-routes.ts): the office, free days and times, a hold behind a
 * proof of work, the e-mailed link's confirmation, the cancellation form. Every decision is the
 * rules'; changes go through the ledger.
 */
export class CitizenBookings {
  private readonly proof: ProofOfWorkGate;
  private readonly cache: AvailabilityCache;

  /** `mailReady` false while mail reaches no citizen (a production server with the outbox): online
   *  booking stays closed, since nobody could confirm; staff still book callers, who get their code by phone.
   *  `bookOnlineAt`: in hub mode, where citizens book this office online instead (the hub's count of
   *  places does not see holds made here). */
  constructor(
    private readonly ledger: BookingLedger,
    clock: Clock,
    private readonly mailReady: boolean,
    private readonly bookOnlineAt: string | null = null,
  ) {
    this.proof = new ProofOfWorkGate(() => ledger.context().config.booking.proofOfWork);
    this.cache = new AvailabilityCache(clock);
  }

  info(): OfficeInfo {
    const { config, state } = this.ledger.context();
    return officeInfo(config, state, this.mailReady, this.ledger.smsOn('code'), this.bookOnlineAt);
  }

  suspensionNotice(workplaceId?: string): SuspensionNotice | null {
    const { config, state } = this.ledger.context();
    return suspensionNotice(config, state, workplaceId);
  }

  days(serviceId: string): Outcome<BookingDays> {
    const { config, state, now } = this.ledger.context();
    const service = rules.openOnline(config, state, serviceId);
    if (!service.ok) return service;
    return { ok: true, data: this.cache.get(`days/${serviceId}`, state.seq, config, () => ({ serviceId, days: bookingDays(config, state, service.data, now) })) };
  }

  slots(serviceId: string, day: string): Outcome<BookingSlots> {
    const { config, state, now } = this.ledger.context();
    const service = rules.openOnline(config, state, serviceId);
    if (!service.ok) return service;
    return { ok: true, data: this.cache.get(`slots/${serviceId}/${day}`, state.seq, config, () => ({ serviceId, day, slots: daySlots(config, state, service.data, day, now) })) };
  }

  challenge() {
    return this.proof.challenge();
  }

  /** A hold, if the service is open, the proof of work good and a place free; the link goes out before the answer. */
  async hold(request: HoldRequest, clientAddress: string): Promise<Outcome<HoldReply>> {
    const { config, state } = this.ledger.context();
    // Before the proof is spent: a suspended service is told so without costing the citizen a new challenge.
    const open = rules.openOnline(config, state, request.serviceId);
    if (!open.ok) return open;
    if (!this.mailReady) return refused('mailNotConfigured');
    if (this.bookOnlineAt) return refused('bookOnlineElsewhere', this.bookOnlineAt);
    const proof = await this.proof.verify(request.proof);
    if (proof !== 'ok') return refused(proof);
    const person = personOf(request);
    const clientKey = clientKeyOf(state.addressSalt, clientAddress);
    let mailId = '';
    const held = await this.ledger.change((ctx) => {
      const sms = request.sms && this.ledger.smsOn('code');
      const outcome = rules.hold(ctx, { serviceId: request.serviceId, startsAt: request.startsAt, person, language: request.language, clientKey, ...(sms ? { sms } : {}) });
      if (!outcome.ok) return outcome;
      mailId = this.ledger.queue(holdMail(ctx.config, outcome.data, person));
      return outcome;
    });
    if (!held.ok) return held;
    const booking = held.data;
    if (!(await this.ledger.send(mailId))) {
      // Without the link the hold is useless to the citizen: give the place back and say so.
      await this.ledger.change((ctx) => {
        ctx.state.bookings.delete(booking.id);
        ctx.state.outbox.delete(mailId);
        return { ok: true, data: null };
      });
      return refused('mailFailed');
    }
    return { ok: true, data: holdReplyOf(booking, person) };
  }

  /** "Nepřišel e-mail?": the same link again, to the same address, a few times per hold while it lives. */
  async resendLink(holdId: string): Promise<Outcome<ResendReply>> {
    let mailId = '';
    const resent = await this.ledger.change((ctx) => {
      const outcome = rules.resendLink(ctx, holdId);
      if (!outcome.ok) return outcome;
      mailId = this.ledger.queue(holdMail(ctx.config, outcome.data, outcome.data.person));
      return { ok: true, data: resendReplyOf(outcome.data) };
    });
    if (!resent.ok) return resent;
    if (!(await this.ledger.send(mailId))) return refused('mailFailed');
    return resent;
  }

  /** What the confirmation page shows: reading it (a mail scanner's GET or HEAD) changes nothing. */
  summary(token: string): Outcome<BookingSummary> {
    const { state, now } = this.ledger.context();
    const summary = summaryOf(state, token, now);
    return summary ? { ok: true, data: summary } : refused('unknownLink');
  }

  async confirm(token: string): Promise<Outcome<ConfirmReply>> {
    const mails: string[] = [];
    const confirmed = await this.ledger.change((ctx) => {
      const outcome = rules.confirm(ctx, token);
      if (outcome.ok && outcome.data.first && outcome.data.booking.person) {
        mails.push(this.ledger.queue(codeMail(ctx.config, outcome.data.booking, outcome.data.booking.person, ctx.now)));
        this.ledger.queueBookingSms('code', outcome.data.booking, (b) => codeSms(ctx.config, b));
      }
      return outcome;
    });
    if (!confirmed.ok) return confirmed;
    const { booking, first } = confirmed.data;
    await this.ledger.sendEach(mails);
    this.ledger.sendSmsSoon();
    return { ok: true, data: confirmReplyOf(booking, first) };
  }

  /** The cancellation form's first step; a wrong e-mail is answered exactly like an unknown code. */
  cancelPreview(code: string, email: string): Outcome<CancelPreview> {
    const booking = findForCancel(this.ledger.context().state, code, emailKey(email));
    return booking ? { ok: true, data: placeOf(booking) } : refused('notFound');
  }

  /** The booking moved to `startsAt`, its new code e-mail and calendar entry sent; a wrong e-mail is answered like an unknown code. */
  async reschedule(code: string, email: string, startsAt: number): Promise<Outcome<CancelPreview>> {
    const mails: string[] = [];
    const moved = await this.ledger.change((ctx) => {
      const booking = findForCancel(ctx.state, code, emailKey(email));
      if (!booking) return refused('notFound');
      const outcome = rules.reschedule(ctx, booking, startsAt);
      if (!outcome.ok) return outcome;
      mails.push(this.ledger.queue(codeMail(ctx.config, outcome.data, booking.person!, ctx.now, true)));
      this.ledger.queueBookingSms('code', outcome.data, (b) => codeSms(ctx.config, b, true));
      return outcome;
    });
    if (!moved.ok) return moved;
    await this.ledger.sendEach(mails);
    this.ledger.sendSmsSoon();
    return { ok: true, data: placeOf(moved.data) };
  }

  async cancel(code: string, email: string): Promise<Outcome<CancelPreview>> {
    const mails: string[] = [];
    const cancelled = await this.ledger.change((ctx) => {
      const booking = findForCancel(ctx.state, code, emailKey(email));
      if (!booking) return refused('notFound');
      const before = rules.cancel(ctx, booking);
      mails.push(this.ledger.queue(cancelMail(ctx.config, before, before.person!, ctx.now)));
      return { ok: true, data: before };
    });
    if (!cancelled.ok) return cancelled;
    await this.ledger.sendEach(mails);
    return { ok: true, data: placeOf(cancelled.data) };
  }
}
