import type { DayState } from '../engine/day-state.ts';
import type { JournalEntry } from '../engine/journal-entry.ts';
import type { Durable, QueueStore } from './queue-store.ts';

/** Keeps serialized copies, so callers can never alias what is "stored"; for tests and throwaway demos. */
export class MemoryStore implements QueueStore {
  private snapshotText: string | undefined;
  private entries: string[] = [];
  private readonly history = new Map<string, string>();

  async start(): Promise<void> {}
  async stop(): Promise<void> {}

  async load(): Promise<Durable | undefined> {
    return this.durable();
  }

  async append(entries: JournalEntry[]): Promise<void> {
    this.entries.push(...entries.map((e) => JSON.stringify(e)));
  }

  async snapshot(state: DayState): Promise<void> {
    this.snapshotText = JSON.stringify(state);
    this.entries = [];
  }

  durable(): Durable | undefined {
    if (this.snapshotText === undefined) return undefined;
    return { snapshot: JSON.parse(this.snapshotText) as DayState, entries: this.entries.map((e) => JSON.parse(e) as JournalEntry) };
  }

  journalLength(): number {
    return this.entries.length;
  }

  async archiveDay(state: DayState): Promise<void> {
    this.history.set(state.day, JSON.stringify(state));
  }

  async loadArchivedDay(day: string): Promise<DayState | undefined> {
    const text = this.history.get(day);
    return text === undefined ? undefined : (JSON.parse(text) as DayState);
  }
}
