import type { OfficeConfig } from '../../shared/config/schema.ts';
import type { CounterReply } from '../../shared/contract/counter.ts';
import type { KioskReply } from '../../shared/contract/kiosk.ts';
import { checkIn, lateWalkIn } from './check-in.ts';
import { applyCounterCommand } from './counter-actions.ts';
import type { DayState } from './day-state.ts';
import type { JournalEntry } from './journal-entry.ts';
import type { RuleContext } from './rule-context.ts';
import { issueWalkIn } from './walk-in.ts';

export type Reply = KioskReply | CounterReply;

/**
 * Applies one journal entry to the day: the same function serves a live request and the replay at
 * start-up, which is why everything it depends on (instant, token) is in the entry. On success it
 * also records the answer under the request id and advances the day's sequence.
 */
export function applyEntry(config: OfficeConfig, state: DayState, entry: JournalEntry): Reply {
  const ctx: RuleContext = { config, state, now: entry.at, newToken: () => (entry.kind === 'kiosk' ? entry.token : '') };
  let reply: Reply;
  let key: string;
  if (entry.kind === 'kiosk') {
    const { message } = entry;
    key = `${entry.deviceId}/${message.requestId}`;
    const code = { kioskId: entry.deviceId, pressedAt: message.pressedAt, booking: entry.booking ?? null };
    const outcome =
      message.kind === 'checkIn'
        ? checkIn(ctx, code)
        : message.kind === 'lateWalkIn'
          ? lateWalkIn(ctx, code)
          : issueWalkIn(ctx, { kioskId: entry.deviceId, serviceId: message.serviceId, pressedAt: message.pressedAt });
    reply = outcome.ok ? { requestId: message.requestId, ok: true, data: { ticket: outcome.data } } : { requestId: message.requestId, ok: false, error: outcome.error };
  } else {
    const { message } = entry;
    key = `${entry.deviceId}/${message.commandId}`;
    const outcome = applyCounterCommand(ctx, entry.deviceId, message, entry.expected, entry.clerk);
    reply = outcome.ok ? { commandId: message.commandId, ok: true } : { commandId: message.commandId, ok: false, error: outcome.error };
  }
  if (reply.ok) {
    state.answered[key] = reply;
    state.seq = entry.seq;
  }
  return reply;
}
