import { type FileHandle, mkdir, open, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Low } from 'lowdb';
import { type DayState, freshDay } from '../engine/day-state.ts';
import type { JournalEntry } from '../engine/journal-entry.ts';
import { DurableJsonFile, syncDirectory } from './durable-file.ts';
import { parseJournal } from './journal-text.ts';
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
  private journal: FileHandle | undefined;
  /** The journal's length after the last successful append; a failed append is cut back to it. */
  private goodLength = 0;
  private cutBackDue = false;
  private entries: JournalEntry[] = [];

  private readonly journalPath: string;

  constructor(private readonly dir: string) {
    this.journalPath = join(dir, 'today.journal');
    this.snapshotFile = new DurableJsonFile(join(dir, 'today.json'));
    this.snapshotDb = new Low(this.snapshotFile, freshDay(''));
  }

  async start(): Promise<void> {
    await mkdir(join(this.dir, 'history'), { recursive: true });
    this.journal = await open(this.journalPath, 'a');
    // The journal may have just been created: its directory entry must be durable too.
    await syncDirectory(this.dir);
  }

  async stop(): Promise<void> {
    await this.journal?.close();
    this.journal = undefined;
  }

  async load(): Promise<Durable | undefined> {
    await this.snapshotDb.read();
    if (this.snapshotFile.lastText === undefined) return undefined;
    // By path: a FileHandle's readFile continues from its current position.
    const text = await readFile(this.journalPath, 'utf8');
    this.goodLength = Buffer.byteLength(text);
    this.entries = parseJournal(text).filter((e) => e.seq > this.snapshotDb.data.seq);
    return this.durable();
  }

  async append(entries: JournalEntry[]): Promise<void> {
    const journal = this.journalHandle();
    if (this.cutBackDue) {
      await journal.truncate(this.goodLength);
      await journal.datasync();
      this.cutBackDue = false;
    }
    // Each line starts with a newline, so a torn write before it can never swallow it.
    const text = entries.map((e) => `\n${JSON.stringify(e)}`).join('');
    try {
      await journal.write(text, null, 'utf8');
      await journal.datasync();
    } catch (error) {
      this.cutBackDue = true;
      throw error;
    }
    this.goodLength += Buffer.byteLength(text);
    this.entries.push(...entries);
  }

  async snapshot(state: DayState): Promise<void> {
    this.snapshotDb.data = state;
    await this.snapshotDb.write();
    // Entries up to state.seq are in the snapshot now; should this cut fail, load() skips them by seq.
    const journal = this.journalHandle();
    await journal.truncate(0);
    await journal.datasync();
    this.goodLength = 0;
    this.cutBackDue = false;
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

  private journalHandle(): FileHandle {
    if (!this.journal) throw new Error('FileStore used before start()');
    return this.journal;
  }

  private historyFile(day: string): DurableJsonFile<DayState> {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) throw new Error(`not a day: ${day}`);
    return new DurableJsonFile(join(this.dir, 'history', `${day}.json`));
  }
}
