import { open, rename, rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { Adapter } from 'lowdb';

/**
 * Replaces `path` with `text` so that after a power cut the file holds either the old or the new
 * text, never a mix: write a temp file, fsync it, rename it over, fsync the directory (the rename
 * is durable only once the directory is). lowdb's own TextFile adapter skips both fsyncs.
 */
export async function writeFileDurably(path: string, text: string, mode = 0o666): Promise<void> {
  const temp = `${path}.tmp`;
  // The temp file is made anew with `mode` (a secret's 0600 from its first byte).
  await rm(temp, { force: true });
  const file = await open(temp, 'w', mode);
  try {
    await file.writeFile(text, 'utf8');
    await file.sync();
  } finally {
    await file.close();
  }
  await rename(temp, path);
  await syncDirectory(dirname(path));
}

/** fsync of a directory: makes a file created or renamed in it durable. */
export async function syncDirectory(path: string): Promise<void> {
  const dir = await open(path, 'r');
  try {
    await dir.sync();
  } finally {
    await dir.close();
  }
}

/** A lowdb adapter over one JSON file, written durably; remembers the last text it read or wrote. */
export class DurableJsonFile<T> implements Adapter<T> {
  lastText: string | undefined;

  constructor(readonly path: string) {}

  async read(): Promise<T | null> {
    let text: string;
    try {
      const file = await open(this.path, 'r');
      try {
        text = await file.readFile('utf8');
      } finally {
        await file.close();
      }
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
    this.lastText = text;
    return JSON.parse(text) as T;
  }

  async write(data: T): Promise<void> {
    const text = JSON.stringify(data);
    await writeFileDurably(this.path, text);
    this.lastText = text;
  }
}
