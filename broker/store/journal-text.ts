import { type FileHandle, open, readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { syncDirectory } from './durable-file.ts';

/**
 * The journal's entries, in order. A line that does not parse is the torn end of a write that
 * failed or was cut by a power loss: it was never acknowledged, so it is skipped.
 */
export function parseJournal<T>(text: string): T[] {
  const entries: T[] = [];
  for (const line of text.split('\n')) {
    if (!line) continue;
    try {
      entries.push(JSON.parse(line) as T);
    } catch {
      // torn, unacknowledged: see above
    }
  }
  return entries;
}

/**
 * A journal file: JSON lines appended and fsynced, each write all or nothing. A write that failed
 * is cut back before the next one, so a line the caller was told failed never becomes durable
 * behind a later one.
 */
export class JournalFile {
  private handle: FileHandle | undefined;
  /** The length after the last successful append; a failed append is cut back to it. */
  private goodLength = 0;
  private cutBackDue = false;

  constructor(readonly path: string) {}

  async open(): Promise<void> {
    this.handle = await open(this.path, 'a');
    // The journal may have just been created: its directory entry must be durable too.
    await syncDirectory(dirname(this.path));
  }

  async close(): Promise<void> {
    await this.handle?.close();
    this.handle = undefined;
  }

  /** The entries on disk, torn ones skipped; also where the next append starts. */
  async read<T>(): Promise<T[]> {
    // By path: a FileHandle's readFile continues from its current position.
    const text = await readFile(this.path, 'utf8').catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return '';
      throw error;
    });
    this.goodLength = Buffer.byteLength(text);
    return parseJournal<T>(text);
  }

  /** Bytes since the journal was last cleared. */
  get length(): number {
    return this.goodLength;
  }

  async append(entries: readonly unknown[]): Promise<void> {
    const journal = await this.opened();
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
  }

  /** Empties the journal (its entries are in a new snapshot now). */
  async clear(): Promise<void> {
    const journal = await this.opened();
    await journal.truncate(0);
    await journal.datasync();
    this.goodLength = 0;
    this.cutBackDue = false;
  }

  private async opened(): Promise<FileHandle> {
    if (!this.handle) await this.open();
    return this.handle!;
  }
}
