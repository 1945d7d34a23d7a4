import { addDays, officeDay } from '../../shared/calendar/office-calendar.ts';
import type { Clock } from '../../shared/clock.ts';
import type { LocalizedText } from '../../shared/config/localized.ts';
import type { BookingDays, BookingSlots, BookingSummary, CancelPreview, ConfirmReply, HoldReply, HoldRequest, OfficeInfo, ResendReply, SuspensionNotice } from '../../shared/contract/booking-api.ts';
import { accepted, refused } from '../../shared/contract/result.ts';
import type { PhoneBookingRequest } from '../../shared/contract/staff-api.ts';
import { AvailabilityCache } from '../booking/availability-cache.ts';
import { cancelMail, codeMail, holdMail } from '../booking/booking-mails.ts';
import { findForCancel, summaryOf } from '../booking/booking-queries.ts';
import * as rules from '../booking/booking-rules.ts';
import { type Booking, bookingState } from '../booking/booking-state.ts';
import { callerOf, clientKeyOf, confirmReplyOf, holdReplyOf, personOf, placeOf, resendReplyOf } from '../booking/citizen-replies.ts';
import { emailKey } from '../booking/email-key.ts';
import { officeInfo, suspensionNotice } from '../booking/office-info.ts';
import { enqueue } from '../booking/outbox-queue.ts';
import type { ProofOfWorkGate } from '../booking/proof-of-work.ts';
import { bookingDays, daySlots, staffSlots } from '../booking/slots.ts';
import type { CitizenDesk } from '../http/booking-routes.ts';
import type { MailMessage } from '../mail/mailer.ts';
import type { HubBook, HubOffice } from './hub-book.ts';
import type { HubMail } from './hub-mail.ts';

type Outcome<T> = rules.BookingOutcome<T>;

export interface HubDeskDeps {
  officeId: string;
  office: (id: string) => HubOffice;
  book: HubBook;
  mail: HubMail;
  /** Shared by the office desks of a process; its secrets and its spent proofs by all the processes. */
  proof: ProofOfWorkGate;
  clock: Clock;
  /** false while the office's mail reaches no citizen: online booking stays closed. */
  mailReady: () => boolean;
}

/** Inside a change at the hub: the mail goes into the change's own transaction (hub_outbox); its id. */
export function queueMail(ctx: rules.BookingContext, message: MailMessage): string {
  const id = ctx.draw.id();
  enqueue(ctx.state.outbox, id, message, ctx.now);
  return id;
}

/**
 * One office's booking site at the hub: the same answers as an office server's
 * (citizen-bookings.ts), by the same rules, from the bookings in PostgreSQL (hub-book.ts). Text
 * messages are not offered here (the modem is at the office).
 */
export class HubDesk implements CitizenDesk {
  private readonly cache: AvailabilityCache;

  constructor(private readonly deps: HubDeskDeps) {
    this.cache = new AvailabilityCache(deps.clock);
  }

  info(): OfficeInfo {
    const office = this.office();
    return officeInfo(office.config, bare(office), this.deps.mailReady(), false);
  }

  suspensionNotice(workplaceId?: string): SuspensionNotice | null {
    const office = this.office();
    return suspensionNotice(office.config, bare(office), workplaceId);
  }

  /** Reused for the cache's two seconds in each process (there is no change counter across processes). */
  async days(serviceId: string): Promise<Outcome<BookingDays>> {
    const office = this.office();
    const service = rules.openOnline(office.config, bare(office), serviceId);
    if (!service.ok) return service;
    const now = this.deps.clock.now();
    const today = officeDay(now);
    const answer = this.cache.get(`days/${serviceId}`, 0, office.config, async () => {
      const to = addDays(today, office.config.booking.horizonDays + 1);
      const { config, state } = await this.deps.book.read(office, { counts: { serviceId, from: today, to } }, now);
      return { serviceId, days: bookingDays(config, state, service.data, now) };
    });
    return { ok: true, data: await answer };
  }

  async slots(serviceId: string, day: string): Promise<Outcome<BookingSlots>> {
    const office = this.office();
    const service = rules.openOnline(office.config, bare(office), serviceId);
    if (!service.ok) return service;
    const now = this.deps.clock.now();
    const answer = this.cache.get(`slots/${serviceId}/${day}`, 0, office.config, async () => {
      const { config, state } = await this.deps.book.read(office, { counts: { serviceId, from: day, to: day } }, now);
      return { serviceId, day, slots: daySlots(config, state, service.data, day, now) };
    });
    return { ok: true, data: await answer };
  }

  challenge() {
    return this.deps.proof.challenge();
  }

  async hold(request: HoldRequest, clientAddress: string): Promise<Outcome<HoldReply>> {
    const office = this.office();
    const open = rules.openOnline(office.config, bare(office), request.serviceId);
    if (!open.ok) return open;
    if (!this.deps.mailReady()) return refused('mailNotConfigured');
    const proof = await this.deps.proof.verify(request.proof);
    if (proof !== 'ok') return refused(proof);
    const person = personOf(request);
    const clientKey = clientKeyOf(office.addressSalt, clientAddress);
    const day = officeDay(request.startsAt);
    let mailId = '';
    const held = await this.deps.book.change(office, { counts: { serviceId: request.serviceId, from: day, to: day, emailKey: person.emailKey, clientKey } }, this.deps.clock.now(), (ctx) => {
      const outcome = rules.hold(ctx, { serviceId: request.serviceId, startsAt: request.startsAt, person, language: request.language, clientKey });
      if (outcome.ok) mailId = queueMail(ctx, holdMail(ctx.config, outcome.data, person));
      return outcome;
    });
    if (!held.ok) return held;
    if (!(await this.deps.mail.send(mailId, true))) {
      // Without the link the hold is useless to the citizen: give the place back and say so.
      await this.deps.mail.drop(mailId);
      await this.change({ find: { id: held.data.id } }, (ctx) => (ctx.state.bookings.delete(held.data.id) ? accepted(null) : refused('notFound')));
      return refused('mailFailed');
    }
    return { ok: true, data: holdReplyOf(held.data, person) };
  }

  async resendLink(holdId: string): Promise<Outcome<ResendReply>> {
    let mailId = '';
    const resent = await this.change({ find: { id: holdId } }, (ctx) => {
      const outcome = rules.resendLink(ctx, holdId);
      if (outcome.ok) mailId = queueMail(ctx, holdMail(ctx.config, outcome.data, outcome.data.person));
      return outcome;
    });
    if (!resent.ok) return resent;
    if (!(await this.deps.mail.send(mailId, true))) return refused('mailFailed');
    return { ok: true, data: resendReplyOf(resent.data) };
  }

  async summary(token: string): Promise<Outcome<BookingSummary>> {
    const { state, now } = await this.deps.book.read(this.office(), { find: { token } }, this.deps.clock.now());
    const summary = summaryOf(state, token, now);
    return summary ? { ok: true, data: summary } : refused('unknownLink');
  }

  async confirm(token: string): Promise<Outcome<ConfirmReply>> {
    let mailId: string | undefined;
    const confirmed = await this.change({ find: { token } }, (ctx) => {
      const outcome = rules.confirm(ctx, token);
      const { booking, first } = outcome.ok ? outcome.data : { booking: undefined, first: false };
      if (first && booking?.person) mailId = queueMail(ctx, codeMail(ctx.config, booking, booking.person, ctx.now));
      return outcome;
    });
    if (!confirmed.ok) return confirmed;
    if (mailId) await this.deps.mail.send(mailId, true);
    return { ok: true, data: confirmReplyOf(confirmed.data.booking, confirmed.data.first) };
  }

  async cancelPreview(code: string, email: string): Promise<Outcome<CancelPreview>> {
    const { state } = await this.deps.book.read(this.office(), { find: { code } }, this.deps.clock.now());
    const booking = findForCancel(state, code, emailKey(email));
    return booking ? { ok: true, data: placeOf(booking) } : refused('notFound');
  }

  async reschedule(code: string, email: string, startsAt: number): Promise<Outcome<CancelPreview>> {
    const office = this.office();
    // Which service's day to count is known only from the booking: found first, then locked and read again.
    const { state } = await this.deps.book.read(office, { find: { code } }, this.deps.clock.now());
    const found = findForCancel(state, code, emailKey(email));
    if (!found) return refused('notFound');
    const day = officeDay(startsAt);
    let mailId = '';
    const moved = await this.change({ counts: { serviceId: found.serviceId, from: day, to: day }, find: { code } }, (ctx) => {
      const booking = findForCancel(ctx.state, code, emailKey(email));
      if (!booking) return refused('notFound');
      const outcome = rules.reschedule(ctx, booking, startsAt);
      if (outcome.ok) mailId = queueMail(ctx, codeMail(ctx.config, outcome.data, booking.person!, ctx.now, true));
      return outcome;
    });
    if (!moved.ok) return moved;
    await this.deps.mail.send(mailId, true);
    return { ok: true, data: placeOf(moved.data) };
  }

  async cancel(code: string, email: string): Promise<Outcome<CancelPreview>> {
    let mailId = '';
    const cancelled = await this.change({ find: { code } }, (ctx) => {
      const booking = findForCancel(ctx.state, code, emailKey(email));
      if (!booking) return refused('notFound');
      const before = rules.cancel(ctx, booking);
      mailId = queueMail(ctx, cancelMail(ctx.config, before, before.person!, ctx.now));
      return { ok: true, data: before };
    });
    if (!cancelled.ok) return cancelled;
    await this.deps.mail.send(mailId, true);
    return { ok: true, data: placeOf(cancelled.data) };
  }

  /** The times the hub's staff may book for a caller on a day (online quota and suspension aside, as at an office). */
  async staffSlots(serviceId: string, day: string): Promise<Outcome<BookingSlots>> {
    const office = this.office();
    const service = rules.bookableService(office.config, serviceId);
    if (!service.ok) return service;
    const { config, state, now } = await this.deps.book.read(office, { counts: { serviceId, from: day, to: day } }, this.deps.clock.now());
    return { ok: true, data: { serviceId, day, slots: staffSlots(config, state, service.data, day, now) } };
  }

  /**
   * A caller booked by the hub's staff (a region's call centre, an office's clerk at the hub's
   * pages): confirmed at once, the code mailed if the caller gave an address; the office gets it by
   * its feed like any booking made here. Text messages go from the office's modem, so none is
   * offered here.
   */
  async bookForCaller(request: PhoneBookingRequest, bookedBy: string): Promise<Outcome<Readonly<Booking>>> {
    if (request.sms) return refused('invalidRequest', 'text messages are sent by the office server, not the hub');
    const person = callerOf(request);
    const day = officeDay(request.startsAt);
    let mailId = '';
    const booked = await this.change({ counts: { serviceId: request.serviceId, from: day, to: day } }, (ctx) => {
      const outcome = rules.bookForCaller(ctx, { serviceId: request.serviceId, startsAt: request.startsAt, person, language: request.language, bookedBy });
      if (outcome.ok) mailId = queueMail(ctx, codeMail(ctx.config, outcome.data, person, ctx.now));
      return outcome;
    });
    if (booked.ok) await this.deps.mail.send(mailId, true);
    return booked;
  }

  /**
   * The staff's cancellation at the hub's pages (`notify`: the client is e-mailed, with the crisis
   * `notice` when the crisis switch cancels it); the office hears of it by its feed.
   */
  async cancelById(bookingId: string, notify: boolean, notice?: LocalizedText): Promise<Outcome<Readonly<Booking>>> {
    let mailId: string | undefined;
    const cancelled = await this.change({ find: { id: bookingId } }, (ctx) => {
      const outcome = rules.cancelUpcoming(ctx, bookingId);
      if (outcome.ok && notify && outcome.data.person) mailId = queueMail(ctx, cancelMail(ctx.config, outcome.data, outcome.data.person, ctx.now, notice));
      return outcome;
    });
    if (mailId) await this.deps.mail.send(mailId, true);
    return cancelled;
  }

  private office(): HubOffice {
    return this.deps.office(this.deps.officeId);
  }

  private change<T>(scope: Parameters<HubBook['change']>[1], apply: (ctx: rules.BookingContext) => Outcome<T>): Promise<Outcome<T>> {
    return this.deps.book.change(this.office(), scope, this.deps.clock.now(), apply);
  }
}

/** The office's switches without its bookings: whether a service is open, the crisis notice. */
const bare = (office: HubOffice) => bookingState({ seq: 0, addressSalt: office.addressSalt, bookings: {}, suspension: office.suspension });
