import { randomBytes } from 'node:crypto';
import type pg from 'pg';
import type { OfficeConfig } from '../../shared/config/schema.ts';
import { validateOfficeConfig } from '../../shared/config/validate.ts';
import type { Suspension } from '../booking/booking-state.ts';
import type { HubOffice } from './hub-book.ts';

/** How stale a booking process's view of an office's settings and crisis switch may be. */
export const officesRefreshMs = 5_000;

/** Adds an office to the hub, or gives it a new configuration (validated as an office server's file is); its address salt stays. */
export async function putOffice(pool: pg.Pool, id: string, config: unknown): Promise<void> {
  await pool.query('INSERT INTO hub_offices (id, config, address_salt) VALUES ($1, $2, $3) ON CONFLICT (id) DO UPDATE SET config = EXCLUDED.config', [
    id,
    JSON.stringify(valid(id, config)),
    randomBytes(16).toString('base64url'),
  ]);
}

/** The crisis switch of an office at the hub (null: booking runs); every process has it within `officesRefreshMs`. */
export async function setSuspension(pool: pg.Pool, id: string, suspension: Suspension | null): Promise<void> {
  await pool.query('UPDATE hub_offices SET suspension = $2 WHERE id = $1', [id, suspension === null ? null : JSON.stringify(suspension)]);
}

interface OfficeRow {
  id: string;
  config: OfficeConfig;
  suspension: Suspension | null;
  address_salt: string;
}

/** One office as it is in the database now (the link process's, which reads one at a time); undefined for an unknown id. */
export async function readOffice(pool: pg.Pool, id: string): Promise<HubOffice | undefined> {
  const { rows } = await pool.query<OfficeRow>('SELECT id, config, suspension, address_salt FROM hub_offices WHERE id = $1', [id]);
  const row = rows[0];
  return row && { id: row.id, config: valid(row.id, row.config), suspension: row.suspension, addressSalt: row.address_salt };
}

/**
 * The offices as one booking process sees them, read again every few seconds: a new configuration
 * or a crisis switch set in another process reaches this one within `officesRefreshMs`, and so does
 * a new office.
 */
export class HubOffices {
  private byId = new Map<string, HubOffice>();
  /** Each office's configuration as last read, to see whether it changed (jsonb orders keys its own way, so not the parsed one). */
  private raw = new Map<string, string>();
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly pool: pg.Pool) {}

  async start(): Promise<void> {
    await this.reload();
    this.timer = setInterval(() => void this.reload().catch(() => {}), officesRefreshMs);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
  }

  list(): HubOffice[] {
    return [...this.byId.values()];
  }

  has(id: string): boolean {
    return this.byId.has(id);
  }

  /** The office as last read; the routes ask only for one `has` found. */
  get(id: string): HubOffice {
    return this.byId.get(id)!;
  }

  /** Read again now (also after this process changed an office: its own next answer shows it). */
  async reload(): Promise<void> {
    const { rows } = await this.pool.query<OfficeRow>('SELECT id, config, suspension, address_salt FROM hub_offices ORDER BY id');
    const next = new Map<string, HubOffice>();
    const raw = new Map<string, string>();
    for (const row of rows) {
      // The same object while nothing changed: the availability cache keys on the configuration's identity.
      const text = JSON.stringify(row.config);
      const old = this.byId.get(row.id);
      const config = old && this.raw.get(row.id) === text ? old.config : valid(row.id, row.config);
      next.set(row.id, { id: row.id, config, suspension: row.suspension, addressSalt: row.address_salt });
      raw.set(row.id, text);
    }
    this.byId = next;
    this.raw = raw;
  }
}

/** Checked when put and again when read: a newer version of the schema fills in its defaults. */
function valid(id: string, config: unknown): OfficeConfig {
  const result = validateOfficeConfig(config);
  if (!result.ok) throw new Error(`invalid configuration for office ${id}:\n  ${result.error.errors.join('\n  ')}`);
  return result.data;
}
