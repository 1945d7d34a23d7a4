import type { OfficeConfig } from '../../shared/config/schema.ts';
import type { RefusalCode } from '../../shared/contract/common.ts';
import type { DayState } from './day-state.ts';

/** What every rule sees: no clock, no store, no I/O; the instant and the fresh token are handed in. */
export interface RuleContext {
  config: OfficeConfig;
  state: DayState;
  now: number;
  newToken: () => string;
}

export type Outcome<T> = { ok: true; data: T } | { ok: false; code: RefusalCode; detail?: string };

/** A refusal as it goes on the wire: the code, and a detail only when there is one. */
export const refusalError = (code: RefusalCode, detail?: string): { code: RefusalCode; detail?: string } => (detail === undefined ? { code } : { code, detail });

export const refuse = (code: RefusalCode, detail?: string): { ok: false; code: RefusalCode; detail?: string } => ({ ok: false, ...refusalError(code, detail) });

/** issue #2: a press that reaches the engine long after it happened (a box that was offline) is refused. */
export function staleness(pressedAt: number, now: number, maxAgeSeconds: number): string | undefined {
  const age = now - pressedAt;
  if (age > maxAgeSeconds * 1000) return `pressed ${Math.round(age / 1000)} s ago, limit ${maxAgeSeconds} s`;
  if (age < -maxAgeSeconds * 1000) return `pressed ${Math.round(-age / 1000)} s in the future: check the device's clock`;
  return undefined;
}
