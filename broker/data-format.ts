import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileDurably } from './store/durable-file.ts';

/**
 * The layout of the data directory this server reads and writes (the queue's day and history, the
 * bookings, staff, settings and statistics files), recorded in `format.json`. A newer server
 * migrates an older directory step by step at start, recording each step, so a crash in between
 * resumes where it stopped; a directory from a newer server is refused: reading it could lose
 * what that server wrote. Bump `dataFormat` and add the step whenever a file's meaning changes.
 */
export const dataFormat = 2;

type Migration = (dataDir: string) => Promise<void>;

/**
 * Each step from format k to k + 1. Format 0 is a directory of before the format was recorded:
 * its files are the same as format 1's (older files without newer fields are read with defaults:
 * the bookings' outbox and lapsed holds, the statistics' workstation counts).
 */
const migrations: Record<number, Migration> = {
  0: async () => {},
  // The bookings file becomes the snapshot of bookings.json and bookings.journal: the same shape,
  // so nothing is rewritten; the step is recorded because a server of format 1 would read the
  // snapshot without the journal, and lose what came after it.
  1: async () => {},
};

const file = (dataDir: string) => join(dataDir, 'format.json');

/** The directory's format: recorded, 0 for data without a record, or this server's for an empty directory (not yet recorded). */
async function formatOf(dataDir: string): Promise<{ format: number; recorded: boolean }> {
  try {
    const recorded = JSON.parse(await readFile(file(dataDir), 'utf8')) as { format?: unknown };
    if (typeof recorded.format !== 'number' || !Number.isInteger(recorded.format) || recorded.format < 0) throw new Error(`${file(dataDir)}: no format number in it`);
    return { format: recorded.format, recorded: true };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    const present = await readdir(dataDir).catch(() => [] as string[]);
    const hasData = present.some((name) => ['queue', 'bookings.json', 'staff.json', 'settings.json', 'statistics.json'].includes(name));
    return { format: hasData ? 0 : dataFormat, recorded: false };
  }
}

/** Brings the data directory to this server's format, or refuses it with what to do; returns the steps taken. */
export async function prepareDataDir(dataDir: string): Promise<number[]> {
  const { format: found, recorded } = await formatOf(dataDir);
  if (found > dataFormat)
    throw new Error(
      `the data directory ${dataDir} was written by a newer Fronta (data format ${found}; this server reads up to ${dataFormat}): run that version, or restore a backup this version made`,
    );
  const steps: number[] = [];
  for (let format = found; format < dataFormat; format++) {
    await migrations[format]!(dataDir);
    await writeFileDurably(file(dataDir), `${JSON.stringify({ format: format + 1 })}\n`);
    steps.push(format);
  }
  if (found === dataFormat && !recorded) await writeFileDurably(file(dataDir), `${JSON.stringify({ format: dataFormat })}\n`);
  return steps;
}
