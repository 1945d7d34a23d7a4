import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { Low } from 'lowdb';
import { type DayState, freshDay } from '../engine/day-state.ts';
import type { JournalEntry } from '../engine/journal-entry.ts';
import { DurableJsonFile } from './durable-file.ts';
import { JournalFile } from './journal-text.ts';
import type { Durable, QueueStore } from './queue-store.ts';

/**
 * The office server's store, in one directory:
 * - `today.json`: a snapshot of the day (lowdb over a durable adapter), rewritten at the start of
 *   each day and when the journal has grown long;
 * - `today.journal`: every change since, one JSON line each, appended and fsynced per group commit,
 *   so a write costs the size of the change, not of the day;
 * - `history/YYYY-MM-DD.json`: each finished day, written once.
 */
export class FileStore implements QueueStore {
  private readonly snapshotFile: DurableJsonFile<DayState>;
  private readonly snapshotDb: Low<DayState>;
  private readonly journal: JournalFile;
  private entries: JournalEntry[] = [];

  constructor(private readonly dir: string) {
    this.journal = new JournalFile(join(dir, 'today.journal'));
    this.snapshotFile = new DurableJsonFile(join(dir, 'today.json'));
    this.snapshotDb = new Low(this.snapshotFile, freshDay(''));
  }

  async start(): Promise<void> {
    await mkdir(join(this.dir, 'history'), { recursive: true });
    await this.journal.open();
  }

  async stop(): Promise<void> {
    await this.journal.close();
  }

  async load(): Promise<Durable | undefined> {
    await this.snapshotDb.read();
    if (this.snapshotFile.lastText === undefined) return undefined;
    this.entries = (await this.journal.read<JournalEntry>()).filter((e) => e.seq > this.snapshotDb.data.seq);
    return this.durable();
  }

  async append(entries: JournalEntry[]): Promise<void> {
    await this.journal.append(entries);
    this.entries.push(...entries);
  }

  async snapshot(state: DayState): Promise<void> {
    this.snapshotDb.data = state;
    await this.snapshotDb.write();
    // Entries up to state.seq are in the snapshot now; should this cut fail, load() skips them by seq.
    await this.journal.clear();
    this.entries = [];
  }

  durable(): Durable | undefined {
    const text = this.snapshotFile.lastText;
    return text === undefined ? undefined : { snapshot: JSON.parse(text) as DayState, entries: [...this.entries] };
  }

  journalLength(): number {
    return this.entries.length;
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
