import { readFile } from 'node:fs/promises';
import { writeFileDurably } from '../store/durable-file.ts';

/**
 * A small document kept as one JSON text, replaced whole and durably on every change: the staff
 * accounts, the office settings, the statistics. Each changes at most a few hundred times a day
 * and stays small, so a journal would buy nothing here; the bookings, which a city fills with
 * tens of thousands, have one (journal-store.ts).
 */
export interface DocumentStore {
  read(): Promise<string | null>;
  write(text: string): Promise<void>;
}

export class FileDocumentStore implements DocumentStore {
  constructor(readonly path: string) {}

  async read(): Promise<string | null> {
    try {
      return await readFile(this.path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  }

  write(text: string): Promise<void> {
    return writeFileDurably(this.path, text);
  }
}

export class MemoryDocumentStore implements DocumentStore {
  text: string | null = null;
  /** Tests set this to make the next writes fail, as a full disk would. */
  failing = false;

  async read(): Promise<string | null> {
    return this.text;
  }

  async write(text: string): Promise<void> {
    if (this.failing) throw new Error('ENOSPC: no space left on device');
    this.text = text;
  }
}
