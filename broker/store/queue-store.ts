import type { DayState } from '../engine/day-state.ts';

/**
 * Where the engine keeps its days. `saveToday` and `archiveDay` resolve only once the data is
 * durable; the engine answers no request before that.
 */
export interface QueueStore {
  start(): Promise<void>;
  stop(): Promise<void>;
  loadToday(): Promise<DayState | undefined>;
  saveToday(state: DayState): Promise<void>;
  /** The state as of the last successful `saveToday`: what the engine returns to when a write fails. */
  lastSaved(): DayState | undefined;
  /** Moves a finished day out of the hot file, so a write costs the same on day 400 as on day 1. */
  archiveDay(state: DayState): Promise<void>;
  loadArchivedDay(day: string): Promise<DayState | undefined>;
}
