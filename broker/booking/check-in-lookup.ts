import type { HubBooking, HubReport } from '../../shared/contract/hub.ts';
import { accepted, refused } from '../../shared/contract/result.ts';
import type { BookedRef } from '../engine/journal-entry.ts';
import type { BookingLedger } from './booking-ledger.ts';
import { dueBetween, findByCode } from './booking-queries.ts';
import { markCheckedIn } from './booking-rules.ts';
import { applyHubBooking, bookingReports, markReported } from './hub-copy.ts';

/**
 * What the queue side asks of the bookings: the booking a typed code belongs to (looked up before
 * the engine runs the request, and carried in its journal entry), the bookings due soon (for the
 * call order), and the bookings file brought in line with the engine's record of check-ins, which
 * is the one that counts (the staff list and the sweeper read that record).
 */
export class CheckInLookup {
  constructor(private readonly ledger: BookingLedger) {}

  find(code: string): BookedRef | null {
    return findByCode(this.ledger.context().state, code) ?? null;
  }

  due(serviceIds: readonly string[], from: number, to: number): BookedRef[] {
    return dueBetween(this.ledger.context().state, serviceIds, from, to);
  }

  /** After a check-in, and at start for those a crash kept from this file: its copy follows the engine's record. */
  async follow(checkIns: Readonly<Record<string, string>>): Promise<void> {
    await this.ledger.change((ctx) => {
      let changed = false;
      for (const [bookingId, ticketNumber] of Object.entries(checkIns)) changed = markCheckedIn(ctx, bookingId, ticketNumber) || changed;
      return changed ? { ok: true, data: null } : refused('notFound');
    });
  }

  /** In hub mode: the check-ins and no-shows of the hub's bookings of `days` not yet reported. */
  toReport(days: readonly string[]): HubReport[] {
    return bookingReports(this.ledger.context(), days);
  }

  /** In hub mode: the reports are in the uplink's outbox; a failure to note it only reports them again. */
  async reported(reports: readonly HubReport[]): Promise<void> {
    await this.ledger.change((ctx) => (markReported(ctx, reports) ? accepted(null) : refused('notFound')));
  }

  /** In hub mode: a booking from the hub, copied if it is newer; rejects when the copy could not be stored, so the message comes again. */
  async fromHub(message: HubBooking): Promise<void> {
    const outcome = await this.ledger.change((ctx) => (applyHubBooking(ctx, message) ? accepted(null) : refused('notFound')));
    if (!outcome.ok && outcome.error.code === 'storageFailed') throw new Error('the booking from the hub was not stored');
  }
}
