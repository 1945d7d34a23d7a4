import type pg from 'pg';
import type { DayState } from '../../engine/day-state.ts';
import type { JournalEntry } from '../../engine/journal-entry.ts';
import type { Durable, QueueStore } from '../queue-store.ts';
import { inTransaction } from './transaction.ts';

/**
 * One office's queue in PostgreSQL: the day's snapshot in `queue_days`, the journal since in
 * `queue_journal` (one row per entry, appended in one transaction per group commit), finished days in
 * `queue_archive`. A write costs its own rows, whatever the size of the day. The durable state is
 * also kept in memory, as FileStore keeps it, for the engine to return to when a write fails.
 */
export class PgQueueStore implements QueueStore {
  private state: Durable | undefined;

  constructor(
    private readonly pool: pg.Pool,
    readonly officeId: string,
  ) {}

  async start(): Promise<void> {
    this.state = await this.read();
  }

  async stop(): Promise<void> {}

  async load(): Promise<Durable | undefined> {
    return this.state && structuredClone(this.state);
  }

  durable(): Durable | undefined {
    return this.state && structuredClone(this.state);
  }

  journalLength(): number {
    return this.state?.entries.length ?? 0;
  }

  async append(entries: JournalEntry[]): Promise<void> {
    if (!this.state) throw new Error('append before the first snapshot');
    await this.transaction(async (client) => {
      // A row left by a commit whose answer was lost was never acknowledged: the entry that takes its number replaces it.
      for (const entry of entries)
        await client.query('INSERT INTO queue_journal (office_id, seq, entry) VALUES ($1, $2, $3) ON CONFLICT (office_id, seq) DO UPDATE SET entry = EXCLUDED.entry', [
          this.officeId,
          entry.seq,
          JSON.stringify(entry),
        ]);
    });
    this.state.entries.push(...structuredClone(entries));
  }

  async snapshot(state: DayState): Promise<void> {
    await this.transaction(async (client) => {
      await client.query('INSERT INTO queue_days (office_id, snapshot) VALUES ($1, $2) ON CONFLICT (office_id) DO UPDATE SET snapshot = EXCLUDED.snapshot', [this.officeId, JSON.stringify(state)]);
      await client.query('DELETE FROM queue_journal WHERE office_id = $1', [this.officeId]);
    });
    this.state = { snapshot: structuredClone(state), entries: [] };
  }

  async archiveDay(state: DayState): Promise<void> {
    await this.pool.query('INSERT INTO queue_archive (office_id, day, state) VALUES ($1, $2, $3) ON CONFLICT (office_id, day) DO UPDATE SET state = EXCLUDED.state', [
      this.officeId,
      state.day,
      JSON.stringify(state),
    ]);
  }

  async loadArchivedDay(day: string): Promise<DayState | undefined> {
    const { rows } = await this.pool.query<{ state: DayState }>('SELECT state FROM queue_archive WHERE office_id = $1 AND day = $2', [this.officeId, day]);
    return rows[0]?.state;
  }

  private async read(): Promise<Durable | undefined> {
    const day = await this.pool.query<{ snapshot: DayState }>('SELECT snapshot FROM queue_days WHERE office_id = $1', [this.officeId]);
    if (!day.rows[0]) return undefined;
    const journal = await this.pool.query<{ entry: JournalEntry }>('SELECT entry FROM queue_journal WHERE office_id = $1 ORDER BY seq', [this.officeId]);
    return { snapshot: day.rows[0].snapshot, entries: journal.rows.map((r) => r.entry) };
  }

  private transaction(work: (client: pg.PoolClient) => Promise<void>): Promise<void> {
    return inTransaction(this.pool, async (client) => ({ commit: true, value: await work(client) }));
  }
}
