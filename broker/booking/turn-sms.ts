import { officeDay, officeHour } from '../../shared/calendar/office-calendar.ts';
import type { Language } from '../../shared/config/localized.ts';
import { accepted, refused } from '../../shared/contract/result.ts';
import type { TicketStatus } from '../../shared/contract/ticket-status.ts';
import type { BookingLedger } from './booking-ledger.ts';
import type { BookingOutcome } from './booking-rules.ts';
import type { TicketPhone } from './booking-state.ts';
import { ticketAbout } from './sms-rules.ts';
import { turnSms } from './sms-texts.ts';

/**
 * "Your turn is near" by SMS, for a walk-in who typed a number on the ticket's page (no account):
 * one message, when `alertAhead` or fewer wait before the ticket, or at the call if that comes
 * first. The number is kept in the bookings file until the day's end (sweepSms), with the outbox's
 * copy of the message.
 */
export class TurnSms {
  private checking: Promise<void> | undefined;
  private again = false;

  constructor(
    private readonly ledger: BookingLedger,
    private readonly status: (token: string) => TicketStatus | undefined,
  ) {}

  /** What the ticket's page shows of it: the number as masked, and whether the message went; null: none typed. */
  of(token: string): { phone: string; queued: boolean } | null {
    const { tickets } = this.ledger.context().state.sms;
    const ticket = tickets.get(token);
    return ticket ? { phone: ticket.phone, queued: ticket.queuedAt !== undefined } : null;
  }

  async register(token: string, phone: string, language: Language): Promise<BookingOutcome<null>> {
    const status = this.status(token);
    if (status?.state !== 'waiting') return refused('notFound');
    if (!this.ledger.smsOn('nearTurn')) return refused('smsOff');
    const done = await this.ledger.change((ctx) => {
      ctx.state.sms.tickets.set(token, { phone, language, serviceId: status.serviceId, day: officeDay(ctx.now), registeredAt: ctx.now });
      return accepted(null);
    });
    // Typed when already near: the message goes now.
    if (done.ok) await this.check();
    return done;
  }

  forget(token: string): Promise<BookingOutcome<null>> {
    return this.ledger.change((ctx) => {
      if (!ctx.state.sms.tickets.delete(token)) return refused('notFound');
      return accepted(null);
    });
  }

  /** After each change of the queue: the messages now due. One check at a time; a change during it checks again. */
  check(): Promise<void> {
    if (this.checking) {
      this.again = true;
      return this.checking;
    }
    this.checking = this.run().finally(() => {
      this.checking = undefined;
      if (this.again) {
        this.again = false;
        void this.check();
      }
    });
    return this.checking;
  }

  /** The ticket's status when its message is due now (near or called, not yet sent); undefined otherwise. */
  private due(token: string, ticket: Readonly<TicketPhone>): TicketStatus | undefined {
    if (ticket.queuedAt !== undefined) return undefined;
    const status = this.status(token);
    return status && (status.state === 'called' || (status.state === 'waiting' && status.ahead <= status.alertAhead)) ? status : undefined;
  }

  private async run(): Promise<void> {
    // Looked at before the change, so that a queue move with nobody near writes nothing.
    if (![...this.ledger.context().state.sms.tickets.entries()].some(([token, ticket]) => this.due(token, ticket))) return;
    await this.ledger.change((ctx) => {
      let changed = false;
      for (const [token, ticket] of [...ctx.state.sms.tickets.entries()]) {
        const status = this.due(token, ticket);
        if (!status) continue;
        ctx.state.sms.tickets.set(token, { ...ticket, queuedAt: ctx.now });
        const cell = { day: ticket.day, serviceId: ticket.serviceId, hour: officeHour(ticket.registeredAt) };
        this.ledger.queueSms('nearTurn', ticket.phone, turnSms(status.number, ticket.language, status), cell, ticketAbout(token));
        changed = true;
      }
      return changed ? accepted(null) : refused('notFound');
    });
    this.ledger.sendSmsSoon();
  }
}
