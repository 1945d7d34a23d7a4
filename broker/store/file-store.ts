import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { Low } from 'lowdb';
import { freshDay, type DayState } from '../engine/day-state.ts';
import type { QueueStore } from './queue-store.ts';
import { DurableJsonFile } from './durable-file.ts';

/**
 * The office server's store: today's queue alone in `today.json` (the hot file, rewritten on every
 * change), each finished day in `history/YYYY-MM-DD.json`, written once.
 */
export class FileStore implements QueueStore {
  private readonly todayFile: DurableJsonFile<DayState>;
  private readonly today: Low<DayState>;

  constructor(private readonly dir: string) {
    this.todayFile = new DurableJsonFile(join(dir, 'today.json'));
    this.today = new Low(this.todayFile, freshDay(''));
  }

  async start(): Promise<void> {
    await mkdir(join(this.dir, 'history'), { recursive: true });
  }

  async stop(): Promise<void> {}

  async loadToday(): Promise<DayState | undefined> {
    await this.today.read();
    return this.todayFile.lastText === undefined ? undefined : this.today.data;
  }

  async saveToday(state: DayState): Promise<void> {
    this.today.data = state;
    await this.today.write();
  }

  lastSaved(): DayState | undefined {
    return this.todayFile.lastText === undefined ? undefined : (JSON.parse(this.todayFile.lastText) as DayState);
  }

  async archiveDay(state: DayState): Promise<void> {
    await this.historyFile(state.day).write(state);
  }

  async loadArchivedDay(day: string): Promise<DayState | undefined> {
    return (await this.historyFile(day).read()) ?? undefined;
  }

  private historyFile(day: string): DurableJsonFile<DayState> {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) throw new Error(`not a day: ${day}`);
    return new DurableJsonFile(join(this.dir, 'history', `${day}.json`));
  }
}
