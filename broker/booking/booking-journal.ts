import type { JournalStore } from '../store/journal-store.ts';
import type { KeyedTable, TableChanges } from '../store/keyed-table.ts';
import { type BookingFile, type BookingState, bookingState, type SmsUsage, type Suspension } from './booking-state.ts';

/** One group commit's changes: the rows each table wrote, and the small parts when they changed. */
export interface BookingJournalEntry {
  seq: number;
  tables: Partial<Record<TableName, TableChanges<object>>>;
  suspension?: Suspension | null;
  smsUsage?: SmsUsage;
}

const tablesOf = (state: BookingState) => ({
  bookings: state.bookings,
  outbox: state.outbox,
  lapsedHolds: state.lapsedHolds,
  smsOutbox: state.sms.outbox,
  smsTickets: state.sms.tickets,
  smsCounts: state.sms.counts,
});
type TableName = keyof ReturnType<typeof tablesOf>;

const smallParts = (state: BookingState) => ({ suspension: state.suspension, smsUsage: state.sms.usage });

/** Below this, a snapshot costs little whatever the journal: Kostelec's bookings compact every few hundred changes. */
const minCompactBytes = 256 * 1024;

/**
 * The bookings' durable form: a snapshot (the state as JSON, the same shape the bookings file had
 * when it was rewritten whole) and a journal of the rows each write changed. A write appends one
 * entry, so a hold costs the same with 50,000 bookings kept as with 100; once the journal has grown
 * as large as the snapshot, the write is a new snapshot instead, which keeps the journal's replay
 * at start short and the cost per change constant on average.
 */
export class BookingJournal {
  private writtenSmallParts = '';

  constructor(private readonly store: JournalStore<BookingJournalEntry>) {}

  /** The durable state; a new one is made durable at once (its salt must not change at the next start). */
  async load(fresh: () => BookingState): Promise<BookingState> {
    const state = durableBookings(await this.store.load());
    if (state) {
      this.writtenSmallParts = JSON.stringify(smallParts(state));
      return state;
    }
    const created = fresh();
    await this.write(created);
    return created;
  }

  /** Writes what changed since the last write, as the state is now (the part before the first await). */
  write(state: BookingState): Promise<void> {
    const tables = Object.entries(tablesOf(state)).flatMap(([name, table]) => {
      const changes = (table as KeyedTable<object>).takeChanges();
      return changes ? [[name, changes] as const] : [];
    });
    const small = smallParts(state);
    const smallText = JSON.stringify(small);
    const smallChanged = smallText !== this.writtenSmallParts;
    this.writtenSmallParts = smallText;
    const sizes = this.store.sizes();
    if (sizes.snapshot === 0 || sizes.journal > Math.max(sizes.snapshot, minCompactBytes)) return this.store.snapshot(JSON.stringify(state));
    const entry: BookingJournalEntry = { seq: state.seq, tables: Object.fromEntries(tables), ...(smallChanged ? small : {}) };
    return this.store.append([entry]);
  }

  /** The last durable state, after a write failed: the changes since are lost together (group-commit.ts). */
  restore(): BookingState | null {
    const state = durableBookings(this.store.durable());
    if (state) this.writtenSmallParts = JSON.stringify(smallParts(state));
    return state;
  }

  close(): Promise<void> {
    return this.store.close();
  }
}

/** The bookings a journal store holds: its snapshot with the entries after it applied; null before the first write. */
export function durableBookings({ snapshot, entries }: { snapshot: string | null; entries: BookingJournalEntry[] }): BookingState | null {
  if (snapshot === null) return null;
  const state = bookingState(JSON.parse(snapshot) as BookingFile);
  const tables = tablesOf(state);
  // Entries up to the snapshot's seq are in it already (a compaction cut short after its snapshot).
  for (const entry of entries) {
    if (entry.seq <= state.seq) continue;
    for (const [name, changes] of Object.entries(entry.tables)) (tables[name as TableName] as KeyedTable<object>).replay(changes);
    if (entry.suspension !== undefined) state.suspension = entry.suspension;
    if (entry.smsUsage) state.sms.usage = entry.smsUsage;
    state.seq = entry.seq;
  }
  return state;
}
