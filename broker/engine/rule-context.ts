import type { OfficeConfig } from '../../shared/config/schema.ts';
import type { EngineRefusal, RefusalCode } from '../../shared/contract/common.ts';
import { type Result, refused } from '../../shared/contract/result.ts';
import type { DayState } from './day-state.ts';

/** What every rule sees: no clock, no store, no I/O; the instant and the fresh token are handed in. */
export interface RuleContext {
  config: OfficeConfig;
  state: DayState;
  now: number;
  newToken: () => string;
}

/** A rule's answer, in the shape it goes on the wire with (result.ts). */
export type Outcome<T> = Result<T, EngineRefusal>;

export const refuse = (code: RefusalCode, detail?: string, fields?: Omit<EngineRefusal, 'code' | 'detail'>) => refused(code, detail, fields);

/** issue #2: a press that reaches the engine long after it happened (a box that was offline) is refused. */
export function staleness(pressedAt: number, now: number, maxAgeSeconds: number): string | undefined {
  const age = now - pressedAt;
  if (age > maxAgeSeconds * 1000) return `pressed ${Math.round(age / 1000)} s ago, limit ${maxAgeSeconds} s`;
  if (age < -maxAgeSeconds * 1000) return `pressed ${Math.round(-age / 1000)} s in the future: check the device's clock`;
  return undefined;
}
