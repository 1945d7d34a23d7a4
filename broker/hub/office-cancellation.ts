import type pg from 'pg';
import type { HubReport } from '../../shared/contract/hub.ts';
import { accepted, refused } from '../../shared/contract/result.ts';
import { cryptoDraw } from '../booking/booking-ledger.ts';
import { cancelMail } from '../booking/booking-mails.ts';
import * as rules from '../booking/booking-rules.ts';
import { HubBook } from './hub-book.ts';
import { queueMail } from './hub-desk.ts';
import { wakeMailSenders } from './hub-mail-wakeup.ts';
import { readOffice } from './hub-offices.ts';

/**
 * A booking of the hub's that the office's staff cancelled (a caller asked at the office): cancelled
 * at the hub by the same rule, at the time the office did it, once (one cancelled already, by the
 * citizen or by this report delivered twice, is left as it is). The client is mailed from the
 * hub's outbox when the office asked for it and the appointment is still ahead, and the booking
 * processes are told to send it at once (hub-mail-wakeup.ts). The change's copy goes back to the
 * office through the feed, as any change does.
 */
export async function cancelFromOffice(pool: pg.Pool, officeId: string, report: Extract<HubReport, { kind: 'cancelled' }>): Promise<void> {
  const office = await readOffice(pool, officeId);
  if (!office) return;
  let mailId: string | undefined;
  const done = await new HubBook(pool, cryptoDraw).change(office, { find: { id: report.bookingId } }, report.cancelledAt, (ctx) => {
    const booking = ctx.state.bookings.get(report.bookingId);
    if (booking?.status !== 'confirmed') return refused('notFound');
    const before = rules.cancel(ctx, booking);
    if (report.notify && before.person && before.startsAt > ctx.now) mailId = queueMail(ctx, cancelMail(ctx.config, before, before.person, ctx.now));
    return accepted(null);
  });
  // Not stored: the report stays unacknowledged and comes again.
  if (!done.ok && done.error.code === 'storageFailed') throw new Error(done.error.detail ?? 'the cancellation was not stored');
  // After the commit: lost between the two (a crash, the database away), the mail waits for a sweep.
  if (done.ok && mailId) await wakeMailSenders(pool, mailId);
}
