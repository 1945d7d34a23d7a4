import type { JournalEntry } from '../engine/journal-entry.ts';

/**
 * The journal's entries, in order. A line that does not parse is the torn end of a write that
 * failed or was cut by a power loss: it was never acknowledged, so it is skipped.
 */
export function parseJournal(text: string): JournalEntry[] {
  const entries: JournalEntry[] = [];
  for (const line of text.split('\n')) {
    if (!line) continue;
    try {
      entries.push(JSON.parse(line) as JournalEntry);
    } catch {
      // torn, unacknowledged: see above
    }
  }
  return entries;
}
