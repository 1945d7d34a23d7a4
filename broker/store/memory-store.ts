import type { DayState } from '../engine/day-state.ts';
import type { QueueStore } from './queue-store.ts';

/** Keeps serialized copies, so callers can never alias what is "stored"; for tests and throwaway demos. */
export class MemoryStore implements QueueStore {
  private today: string | undefined;
  private readonly history = new Map<string, string>();

  async start(): Promise<void> {}
  async stop(): Promise<void> {}

  async loadToday(): Promise<DayState | undefined> {
    return this.lastSaved();
  }

  async saveToday(state: DayState): Promise<void> {
    this.today = JSON.stringify(state);
  }

  lastSaved(): DayState | undefined {
    return this.today === undefined ? undefined : (JSON.parse(this.today) as DayState);
  }

  async archiveDay(state: DayState): Promise<void> {
    this.history.set(state.day, JSON.stringify(state));
  }

  async loadArchivedDay(day: string): Promise<DayState | undefined> {
    const text = this.history.get(day);
    return text === undefined ? undefined : (JSON.parse(text) as DayState);
  }
}
