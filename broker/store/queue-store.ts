import type { DayState } from '../engine/day-state.ts';
import type { JournalEntry } from '../engine/journal-entry.ts';

/** What a store holds durably: the last snapshot of the day and the operations applied since. */
export interface Durable {
  snapshot: DayState;
  entries: JournalEntry[];
}

/**
 * Where the engine keeps its days. Every method resolves only once its data is durable; the engine
 * answers no request before that. A write costs the size of what changed, not of the whole day.
 */
export interface QueueStore {
  start(): Promise<void>;
  stop(): Promise<void>;
  /** The durable state as of the last successful write, or undefined for a new store. */
  load(): Promise<Durable | undefined>;
  /** Appends applied operations after the snapshot. */
  append(entries: JournalEntry[]): Promise<void>;
  /** Replaces snapshot and journal with this state (compaction, and the start of a day). */
  snapshot(state: DayState): Promise<void>;
  /** The same as `load()` would return now, without I/O: what the engine returns to when a write fails. */
  durable(): Durable | undefined;
  /** How many entries follow the snapshot, so the engine knows when to compact. */
  journalLength(): number;
  /** Moves a finished day out of the hot files, so a write costs the same on day 400 as on day 1. */
  archiveDay(state: DayState): Promise<void>;
  loadArchivedDay(day: string): Promise<DayState | undefined>;
}
