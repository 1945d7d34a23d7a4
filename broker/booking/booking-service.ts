import { createHash, randomBytes, randomInt } from 'node:crypto';
import type { Clock } from '../../shared/clock.ts';
import type { LocalizedText } from '../../shared/config/localized.ts';
import type { OfficeConfig } from '../../shared/config/schema.ts';
import type {
  BookingDays,
  BookingSlots,
  BookingSummary,
  CancelPreview,
  ConfirmReply,
  HoldReply,
  HoldRequest,
  OfficeInfo,
  SuspendRequest,
  SuspensionNotice,
} from '../../shared/contract/booking-api.ts';
import type { PhoneBookingRequest } from '../../shared/contract/staff-api.ts';
import { GroupCommit } from '../engine/group-commit.ts';
import type { BookedRef } from '../engine/journal-entry.ts';
import type { Logger } from '../log.ts';
import type { Mailer, MailMessage } from '../mail/mailer.ts';
import type { DocumentStore } from '../store/document-store.ts';
import { AvailabilityCache } from './availability-cache.ts';
import { cancelMail, codeMail, holdMail } from './booking-mails.ts';
import * as rules from './booking-rules.ts';
import { type Booking, type BookingState, emptyBookingState } from './booking-state.ts';
import { emailKey } from './email-key.ts';
import { MailDelivery } from './mail-delivery.ts';
import { type QueuedMail, queueMail } from './mail-queue.ts';
import { officeInfo, suspensionNotice } from './office-info.ts';
import { ProofOfWorkGate } from './proof-of-work.ts';
import { bookingDays, daySlots, staffSlots } from './slots.ts';

export interface BookingServiceDeps {
  /** The configuration in force, read at each use (OfficeSettings). */
  config: () => OfficeConfig;
  clock: Clock;
  store: DocumentStore;
  mailer: Mailer;
  log: Logger;
  /** false while mail reaches no citizen (a production server with the outbox): online booking stays closed,
   *  since nobody could confirm; staff still book callers, who get their code by phone. */
  mailReady?: boolean;
  /** The queue engine's durable record of today's check-ins (booking id → ticket number): the one that counts. */
  checkIns?: () => Readonly<Record<string, string>>;
  draw?: rules.Draw;
}

type Outcome<T> = rules.BookingOutcome<T>;

const cryptoDraw: rules.Draw = {
  id: () => randomBytes(12).toString('base64url'),
  token: () => randomBytes(16).toString('base64url'),
  code: () => String(randomInt(0, 100_000_000)).padStart(8, '0'),
};

/**
 * The single writer of bookings: each change is applied to the state at once (so two requests for
 * the last place cannot both see it free) and answered only once it is durable. The mails a change
 * causes are queued in the same write (mail-queue.ts) and sent after it: a crash in between leaves
 * them queued, and they go out after the restart, with the same Message-ID.
 */
export class BookingService {
  private state: BookingState = emptyBookingState('');
  private durableText = '';
  private readonly commits: GroupCommit;
  private readonly proof: ProofOfWorkGate;
  private readonly draw: rules.Draw;
  private readonly cache: AvailabilityCache;
  private sweeper: NodeJS.Timeout | undefined;
  private readonly mails: MailDelivery;

  constructor(private readonly deps: BookingServiceDeps) {
    this.commits = new GroupCommit(
      () => this.write(),
      () => this.restore(),
    );
    this.proof = new ProofOfWorkGate(() => this.config.booking.proofOfWork);
    this.draw = deps.draw ?? cryptoDraw;
    this.cache = new AvailabilityCache(deps.clock);
    this.mails = new MailDelivery({
      mailer: deps.mailer,
      log: deps.log,
      clock: deps.clock,
      outbox: () => this.state.outbox,
      change: async (apply) => void (await this.change(() => (apply(this.state.outbox) ? { ok: true, data: null } : { ok: false, code: 'notFound' }))),
    });
  }

  async start(): Promise<void> {
    const loaded = await this.deps.store.read();
    this.state = loaded === null ? emptyBookingState(randomBytes(16).toString('base64url')) : parseState(loaded);
    this.durableText = loaded ?? '';
    if (!loaded) await this.commits.commit();
    await this.sweep();
    const failed = (what: string) => (e: unknown) => this.deps.log.error(what, { error: String(e) });
    // Mails a crash left queued; not awaited, a mail server that is away must not hold the start up.
    void this.sendQueued().catch(failed('queued mails not sent'));
    const everyMs = 60_000 / (this.deps.clock.rate ?? 1);
    // Each minute: lapsed holds and bookings, then the mails due for another try.
    this.sweeper = setInterval(
      () =>
        void this.sweep()
          .then(() => this.sendQueued())
          .catch(failed('booking sweep failed')),
      everyMs,
    );
    this.sweeper.unref();
  }

  stop(): void {
    clearInterval(this.sweeper);
  }

  private get config(): OfficeConfig {
    return this.deps.config();
  }

  private now(): number {
    return this.deps.clock.now();
  }

  private ctx(): rules.BookingContext {
    return { config: this.config, state: this.state, now: this.now(), draw: this.draw };
  }

  info(): OfficeInfo {
    return officeInfo(this.config, this.state, this.deps.mailReady !== false);
  }

  suspensionNotice(workplaceId?: string): SuspensionNotice | null {
    return suspensionNotice(this.config, this.state, workplaceId);
  }

  days(serviceId: string): Outcome<BookingDays> {
    const service = this.bookableService(serviceId);
    if (!service.ok) return service;
    return { ok: true, data: this.cache.get(`days/${serviceId}`, this.state.seq, this.config, () => ({ serviceId, days: bookingDays(this.config, this.state, service.data, this.now()) })) };
  }

  slots(serviceId: string, day: string): Outcome<BookingSlots> {
    const service = this.bookableService(serviceId);
    if (!service.ok) return service;
    return {
      ok: true,
      data: this.cache.get(`slots/${serviceId}/${day}`, this.state.seq, this.config, () => ({ serviceId, day, slots: daySlots(this.config, this.state, service.data, day, this.now()) })),
    };
  }

  challenge() {
    return this.proof.challenge();
  }

  /** A hold, if the proof of work is good and a place is free; the link goes out before the answer. */
  async hold(request: HoldRequest, clientAddress: string): Promise<Outcome<HoldReply>> {
    if (this.deps.mailReady === false) return { ok: false, code: 'mailNotConfigured' };
    const proof = await this.proof.verify(request.proof);
    if (proof !== 'ok') return { ok: false, code: proof };
    const person = { name: request.name, email: request.email.trim(), emailKey: emailKey(request.email), ...(request.phone ? { phone: request.phone } : {}) };
    const clientKey = createHash('sha256').update(`${this.state.addressSalt}/${clientAddress}`).digest('base64url').slice(0, 22);
    let mailId = '';
    const held = await this.change(() => {
      const outcome = rules.hold(this.ctx(), { serviceId: request.serviceId, startsAt: request.startsAt, person, language: request.language, clientKey });
      if (outcome.ok) mailId = this.queue(holdMail(this.config, outcome.data, person));
      return outcome;
    });
    if (!held.ok) return held;
    const booking = held.data;
    if (!(await this.mails.send(mailId))) {
      // Without the link the hold is useless to the citizen: give the place back and say so.
      await this.change(() => {
        delete this.state.bookings[booking.id];
        delete this.state.outbox[mailId];
        return { ok: true, data: null };
      });
      return { ok: false, code: 'mailFailed' };
    }
    return { ok: true, data: { heldUntil: booking.heldUntil, startsAt: booking.startsAt, serviceId: booking.serviceId } };
  }

  /** What the confirmation page shows: reading it (a mail scanner's GET or HEAD) changes nothing. */
  summary(token: string): Outcome<BookingSummary> {
    const booking = rules.byConfirmToken(this.state, token);
    const lapsed = this.state.lapsedHolds[token];
    if (!booking) return lapsed ? { ok: true, data: { serviceId: lapsed.serviceId, startsAt: lapsed.startsAt, state: 'expired' } } : { ok: false, code: 'unknownLink' };
    const state = booking.status !== 'held' ? 'confirmed' : booking.heldUntil <= this.now() ? 'expired' : 'held';
    return { ok: true, data: { serviceId: booking.serviceId, startsAt: booking.startsAt, state, ...(state === 'held' ? { heldUntil: booking.heldUntil } : {}) } };
  }

  async confirm(token: string): Promise<Outcome<ConfirmReply>> {
    const mails: string[] = [];
    const confirmed = await this.change(() => {
      const outcome = rules.confirm(this.ctx(), token);
      if (outcome.ok && outcome.data.first && outcome.data.booking.person) mails.push(this.queue(codeMail(this.config, outcome.data.booking, outcome.data.booking.person, this.now())));
      return outcome;
    });
    if (!confirmed.ok) return confirmed;
    const { booking, first } = confirmed.data;
    await this.mails.sendEach(mails);
    return { ok: true, data: { serviceId: booking.serviceId, startsAt: booking.startsAt, code: booking.code!, alreadyConfirmed: !first } };
  }

  /** The cancellation form's first step; a wrong e-mail is answered exactly like an unknown code. */
  cancelPreview(code: string, email: string): Outcome<CancelPreview> {
    const booking = rules.findForCancel(this.state, code, emailKey(email));
    return booking ? { ok: true, data: { serviceId: booking.serviceId, startsAt: booking.startsAt } } : { ok: false, code: 'notFound' };
  }

  async cancel(code: string, email: string): Promise<Outcome<CancelPreview>> {
    const mails: string[] = [];
    const cancelled = await this.change(() => {
      const booking = rules.findForCancel(this.state, code, emailKey(email));
      if (!booking) return { ok: false, code: 'notFound' };
      const before = rules.cancel(this.ctx(), booking);
      mails.push(this.queue(cancelMail(this.config, before, before.person!, this.now())));
      return { ok: true, data: before };
    });
    if (!cancelled.ok) return cancelled;
    const before = cancelled.data;
    await this.mails.sendEach(mails);
    return { ok: true, data: { serviceId: before.serviceId, startsAt: before.startsAt } };
  }

  /** The crisis switch: the staff pages' Rezervace, or `npm run booking -- suspend`. */
  async suspend(request: SuspendRequest): Promise<Outcome<{ cancelled: number }>> {
    const unknown = request.workplaceIds?.find((id) => !this.config.workplaces.some((w) => w.id === id));
    if (unknown) return { ok: false, code: 'invalidRequest', detail: `unknown workplace "${unknown}"` };
    const mails: string[] = [];
    const done = await this.change(() => {
      const cancelled = rules.suspend(this.ctx(), request);
      for (const booking of cancelled) if (booking.person) mails.push(this.queue(cancelMail(this.config, booking, booking.person, this.now(), request.notice)));
      return { ok: true, data: cancelled };
    });
    if (!done.ok) return done;
    await this.mails.sendEach(mails);
    return { ok: true, data: { cancelled: done.data.length } };
  }

  resume(): Promise<Outcome<null>> {
    return this.change(() => {
      rules.resume(this.ctx());
      return { ok: true, data: null };
    });
  }

  /** Staff: the slots they may book for a caller on a day (online quota aside, suspension aside). */
  staffSlots(serviceId: string, day: string): Outcome<BookingSlots> {
    const service = this.bookableService(serviceId);
    if (!service.ok) return service;
    return { ok: true, data: { serviceId, day, slots: staffSlots(this.config, this.state, service.data, day, this.now()) } };
  }

  /** Staff: a caller's booking, confirmed at once; the code goes by e-mail if the caller gave an address. */
  async bookForCaller(request: PhoneBookingRequest, bookedBy: string): Promise<Outcome<Booking>> {
    const mails: string[] = [];
    const person = { name: request.name, email: request.email ?? '', emailKey: request.email ? emailKey(request.email) : '', ...(request.phone ? { phone: request.phone } : {}) };
    const booked = await this.change(() => {
      const outcome = rules.bookForCaller(this.ctx(), { serviceId: request.serviceId, startsAt: request.startsAt, person, language: request.language, bookedBy });
      if (outcome.ok) mails.push(this.queue(codeMail(this.config, outcome.data, person, this.now())));
      return outcome;
    });
    await this.mails.sendEach(mails);
    return booked;
  }

  /** Staff: cancels a confirmed booking still to come; `notify` e-mails the client (with the .ics CANCEL). */
  async cancelById(bookingId: string, notify: boolean): Promise<Outcome<Booking>> {
    const mails: string[] = [];
    const cancelled = await this.change(() => {
      const booking = this.state.bookings[bookingId];
      if (booking?.status !== 'confirmed' || booking.startsAt <= this.now()) return { ok: false, code: 'notFound' };
      const before = rules.cancel(this.ctx(), booking);
      if (notify && before.person) mails.push(this.queue(cancelMail(this.config, before, before.person, this.now())));
      return { ok: true, data: before };
    });
    await this.mails.sendEach(mails);
    return cancelled;
  }

  /** New settings: what can be booked changes at once. */
  /** Staff: cancels these bookings, which new settings left without their appointment, e-mailing each client the notice. */
  async cancelMany(bookingIds: string[], notice: LocalizedText): Promise<Outcome<number>> {
    const mails: string[] = [];
    const done = await this.change(() => {
      const stranded = bookingIds.map((id) => this.state.bookings[id]).filter((b) => b && (b.status === 'confirmed' || b.status === 'held'));
      const cancelled = stranded.map((b) => rules.cancel(this.ctx(), b!));
      for (const booking of cancelled) if (booking.person) mails.push(this.queue(cancelMail(this.config, booking, booking.person, this.now(), notice)));
      return { ok: true, data: cancelled };
    });
    if (!done.ok) return done;
    await this.mails.sendEach(mails);
    return { ok: true, data: done.data.length };
  }

  /** Every booking of a Prague day that is still kept, holds and cancelled ones included. */
  dayBookings(day: string): Booking[] {
    return Object.values(this.state.bookings)
      .filter((b) => b.day === day)
      .sort((a, b) => a.startsAt - b.startsAt || a.createdAt - b.createdAt);
  }

  /** For the kiosk: the booking a code belongs to, if it is confirmed, used or lapsed. */
  findByCode(code: string): BookedRef | undefined {
    let found: Booking | undefined;
    for (const b of Object.values(this.state.bookings)) {
      if (b.code !== code) continue;
      if (b.status === 'confirmed') return { id: b.id, serviceId: b.serviceId, startsAt: b.startsAt };
      // Used or lapsed: the kiosk says "already used" or "too late", not "unknown".
      if (b.status === 'checkedIn' || b.status === 'lapsed') found = b;
    }
    return found && { id: found.id, serviceId: found.serviceId, startsAt: found.startsAt };
  }

  /** Confirmed bookings of these services whose time is in (from, to]: the queue engine keeps their times. */
  due(serviceIds: readonly string[], from: number, to: number): BookedRef[] {
    return Object.values(this.state.bookings)
      .filter((b) => b.status === 'confirmed' && b.startsAt > from && b.startsAt <= to && serviceIds.includes(b.serviceId))
      .map((b) => ({ id: b.id, serviceId: b.serviceId, startsAt: b.startsAt }));
  }

  /**
   * Brings this file in line with the queue engine's record of check-ins: after each check-in, and
   * at start for those a crash kept from reaching it. Until then the sweeper already reads the record.
   */
  async checkedIn(checkIns: Readonly<Record<string, string>>): Promise<void> {
    await this.change(() => {
      let changed = false;
      for (const [bookingId, ticketNumber] of Object.entries(checkIns)) changed = rules.markCheckedIn(this.ctx(), bookingId, ticketNumber) || changed;
      return changed ? { ok: true, data: null } : { ok: false, code: 'notFound' };
    });
  }

  bookings(): readonly Booking[] {
    return Object.values(this.state.bookings);
  }

  async sweep(): Promise<void> {
    const checkIns = this.deps.checkIns?.() ?? {};
    await this.change(() => (rules.sweep(this.ctx(), (id) => id in checkIns) ? { ok: true, data: null } : { ok: false, code: 'notFound' }));
  }

  /** The mails still waiting to be sent, for the tests and the staff overview. */
  queuedMails(): readonly QueuedMail[] {
    return Object.values(this.state.outbox);
  }

  private bookableService(serviceId: string): Outcome<OfficeConfig['services'][number]> {
    const service = this.config.services.find((s) => s.id === serviceId);
    if (!service) return { ok: false, code: 'unknownService' };
    if (!service.booking) return { ok: false, code: 'notBookable' };
    return { ok: true, data: service };
  }

  /** Inside a change: the mail goes into the same write as the change that causes it. */
  private queue(message: MailMessage): string {
    const id = this.draw.id();
    queueMail(this.state.outbox, id, message, this.now());
    return id;
  }

  /** Every queued mail whose time has come (the sweeper's retries, the start's leftovers). */
  sendQueued(): Promise<void> {
    return this.mails.sendDue();
  }

  /** Applies a rule at once and answers when it is durable; a refusal changed nothing and writes nothing. */
  private async change<T>(apply: () => Outcome<T>): Promise<Outcome<T>> {
    const outcome = apply();
    if (!outcome.ok) return outcome;
    this.state.seq += 1;
    try {
      await this.commits.commit();
      return outcome;
    } catch (error) {
      // The error names the data directory: it goes to the log, the citizen learns only that nothing was saved.
      this.deps.log.error('booking change not stored', { error: String(error) });
      return { ok: false, code: 'storageFailed' };
    }
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
