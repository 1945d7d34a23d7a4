import { readFile } from 'node:fs/promises';
import { writeFileDurably } from './durable-file.ts';
import { JournalFile } from './journal-text.ts';

/** What a journal store holds durably: the last snapshot's text (null: none yet) and the entries appended since. */
export interface Journaled<E> {
  snapshot: string | null;
  entries: E[];
}

/**
 * A document kept as a snapshot and a journal of its changes (the bookings): a change costs the
 * size of the change, and the snapshot is rewritten only when the journal has grown as large.
 * Every method resolves only once its data is durable.
 */
export interface JournalStore<E> {
  load(): Promise<Journaled<E>>;
  append(entries: readonly E[]): Promise<void>;
  /** Replaces snapshot and journal (compaction). */
  snapshot(text: string): Promise<void>;
  /** The same as `load()` would return now, without I/O: what the owner returns to when a write fails. */
  durable(): Journaled<E>;
  /** Bytes in the journal and in the snapshot, so the owner knows when to compact. */
  sizes(): { journal: number; snapshot: number };
  close(): Promise<void>;
}

/** In a directory: the snapshot at `path` (written whole and durably), the journal at `path` with `.journal` for `.json`. */
export class FileJournalStore<E> implements JournalStore<E> {
  private readonly journal: JournalFile;
  private snapshotText: string | null = null;
  private entries: E[] = [];

  constructor(readonly path: string) {
    this.journal = new JournalFile(path.replace(/\.json$/, '.journal'));
  }

  async load(): Promise<Journaled<E>> {
    this.snapshotText = await readFile(this.path, 'utf8').catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return null;
      throw error;
    });
    this.entries = await this.journal.read<E>();
    return this.durable();
  }

  async append(entries: readonly E[]): Promise<void> {
    await this.journal.append(entries);
    this.entries.push(...entries);
  }

  async snapshot(text: string): Promise<void> {
    await writeFileDurably(this.path, text);
    this.snapshotText = text;
    // The entries are in the snapshot now; should this cut fail, the owner skips them by their sequence number.
    await this.journal.clear();
    this.entries = [];
  }

  durable(): Journaled<E> {
    return { snapshot: this.snapshotText, entries: [...this.entries] };
  }

  sizes(): { journal: number; snapshot: number } {
    return { journal: this.journal.length, snapshot: this.snapshotText?.length ?? 0 };
  }

  close(): Promise<void> {
    return this.journal.close();
  }
}

export class MemoryJournalStore<E> implements JournalStore<E> {
  snapshotText: string | null = null;
  entries: E[] = [];
  /** Tests set this to make the next writes fail, as a full disk would. */
  failing = false;
  private journalBytes = 0;

  async load(): Promise<Journaled<E>> {
    return this.durable();
  }

  async append(entries: readonly E[]): Promise<void> {
    this.fail();
    // Through JSON, as a file would: nothing of the owner's objects is kept by reference.
    for (const text of entries.map((e) => JSON.stringify(e))) {
      this.entries.push(JSON.parse(text) as E);
      this.journalBytes += text.length + 1;
    }
  }

  async snapshot(text: string): Promise<void> {
    this.fail();
    this.snapshotText = text;
    this.entries = [];
    this.journalBytes = 0;
  }

  durable(): Journaled<E> {
    return { snapshot: this.snapshotText, entries: structuredClone(this.entries) };
  }

  sizes(): { journal: number; snapshot: number } {
    return { journal: this.journalBytes, snapshot: this.snapshotText?.length ?? 0 };
  }

  async close(): Promise<void> {}

  private fail(): void {
    if (this.failing) throw new Error('ENOSPC: no space left on device');
  }
}
