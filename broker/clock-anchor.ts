import { readFile } from 'node:fs/promises';
import { writeFileDurably } from './store/durable-file.ts';

/**
 * The real instant at which this data directory's clock first read `FRONTA_START_AT`. Kept in
 * `clock-anchor.json`: a restart (the office script's, or after a crash) with the same start goes
 * on from where the clock was instead of rewinding to the start, which left the server minutes
 * behind its devices and stamped new tickets earlier than old ones. A new start instant starts anew.
 */
export async function clockEpoch(path: string, startAt: string | undefined, now = Date.now()): Promise<string | undefined> {
  if (!startAt) return undefined;
  try {
    const kept = JSON.parse(await readFile(path, 'utf8')) as { startAt: string; epochMs: number };
    if (kept.startAt === startAt) return String(kept.epochMs);
  } catch {
    // none yet, or unreadable: this start is the first
  }
  await writeFileDurably(path, `${JSON.stringify({ startAt, epochMs: now })}\n`);
  return String(now);
}
