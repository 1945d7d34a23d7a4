import { officeDay, officeHour } from '../../shared/calendar/office-calendar.ts';
import type { Language } from '../../shared/config/localized.ts';
import { accepted, refused } from '../../shared/contract/result.ts';
import type { TicketStatus } from '../../shared/contract/ticket-status.ts';
import type { BookingLedger } from './booking-ledger.ts';
import type { BookingOutcome } from './booking-rules.ts';
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
    const ticket = Object.hasOwn(this.ledger.context().state.sms.tickets, token) ? this.ledger.context().state.sms.tickets[token] : undefined;
    return ticket ? { phone: ticket.phone, queued: ticket.queuedAt !== undefined } : null;
  }

  async register(token: string, phone: string, language: Language): Promise<BookingOutcome<null>> {
    const status = this.status(token);
    if (status?.state !== 'waiting') return refused('notFound');
    if (!this.ledger.smsOn('nearTurn')) return refused('smsOff');
    const done = await this.ledger.change((ctx) => {
      ctx.state.sms.tickets[token] = { phone, language, serviceId: status.serviceId, day: officeDay(ctx.now), registeredAt: ctx.now };
      return accepted(null);
    });
    // Typed when already near: the message goes now.
    if (done.ok) await this.check();
    return done;
  }

  forget(token: string): Promise<BookingOutcome<null>> {
    return this.ledger.change((ctx) => {
      if (!Object.hasOwn(ctx.state.sms.tickets, token)) return refused('notFound');
      delete ctx.state.sms.tickets[token];
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

  private async run(): Promise<void> {
    const { state } = this.ledger.context();
    const due = Object.entries(state.sms.tickets).filter(([token, t]) => {
      const status = t.queuedAt === undefined ? this.status(token) : undefined;
      return status && (status.state === 'called' || (status.state === 'waiting' && status.ahead <= status.alertAhead));
    });
    if (due.length === 0) return;
    await this.ledger.change((ctx) => {
      let changed = false;
      for (const [token, ticket] of due) {
        const status = this.status(token);
        if (ticket.queuedAt === undefined && status && (status.state === 'called' || status.state === 'waiting')) {
          ticket.queuedAt = ctx.now;
          const cell = { day: ticket.day, serviceId: ticket.serviceId, hour: officeHour(ticket.registeredAt) };
          this.ledger.queueSms('nearTurn', ticket.phone, turnSms(status.number, ticket.language, status), cell, ticketAbout(token));
          changed = true;
        }
      }
      return changed ? accepted(null) : refused('notFound');
    });
    this.ledger.sendSmsSoon();
  }
}
