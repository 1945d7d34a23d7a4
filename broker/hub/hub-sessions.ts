import { createHash, randomBytes } from 'node:crypto';
import type pg from 'pg';
import type { OfficeConfig } from '../../shared/config/schema.ts';
import { type Session, sessionEndsAt } from '../staff/sessions.ts';
import type { HubAccount } from './hub-staff-accounts.ts';

/** A hub session: at no counter, since the counters are at the offices. */
export interface HubSession extends Session {
  account: HubAccount;
  counterId: null;
}

interface Row {
  username: string;
  name: string;
  role: HubAccount['role'];
  office_id: string | null;
  csrf_token: string;
  created_at: string;
  last_seen_at: string;
}

const keyOf = (token: string) => createHash('sha256').update(token).digest('base64url');

/**
 * The hub's staff sessions (`hub_staff_sessions`), as the office's (sessions.ts) but in the database,
 * since any booking process answers the next request: the cookie's random token, of which only the
 * hash is stored; an end after `idleMinutes` without a person's request and after `sessionHours` in
 * any case. A disabled account's sessions end at once.
 */
export class HubSessions {
  constructor(
    private readonly pool: pg.Pool,
    private readonly deps: { now: () => number; rules: () => OfficeConfig['staff'] },
  ) {}

  async create(account: HubAccount): Promise<{ token: string; session: HubSession }> {
    const now = this.deps.now();
    const token = randomBytes(32).toString('base64url');
    const csrfToken = randomBytes(24).toString('base64url');
    await this.pool.query('INSERT INTO hub_staff_sessions (key, username, csrf_token, created_at, last_seen_at) VALUES ($1, $2, $3, $4, $4)', [keyOf(token), account.username, csrfToken, now]);
    return { token, session: { account, csrfToken, createdAt: now, lastSeenAt: now, counterId: null } };
  }

  /** The live session of a token, touched when a person acted (not a page's own poll); an expired one is removed. */
  async find(token: string | undefined, touch = true): Promise<HubSession | undefined> {
    if (!token) return undefined;
    const key = keyOf(token);
    const { rows } = await this.pool.query<Row>(
      `SELECT a.username, a.name, a.role, a.office_id, s.csrf_token, s.created_at, s.last_seen_at
         FROM hub_staff_sessions s JOIN hub_staff a USING (username) WHERE s.key = $1 AND NOT a.disabled`,
      [key],
    );
    const row = rows[0];
    if (!row) return undefined;
    const now = this.deps.now();
    const session: HubSession = {
      account: { username: row.username, name: row.name, role: row.role, officeId: row.office_id },
      csrfToken: row.csrf_token,
      createdAt: Number(row.created_at),
      lastSeenAt: Number(row.last_seen_at),
      counterId: null,
    };
    if (now >= this.expiresAt(session)) {
      await this.pool.query('DELETE FROM hub_staff_sessions WHERE key = $1', [key]);
      return undefined;
    }
    if (touch) {
      await this.pool.query('UPDATE hub_staff_sessions SET last_seen_at = greatest(last_seen_at, $2) WHERE key = $1', [key, now]);
      session.lastSeenAt = now;
    } else session.pagesSeenAt = now;
    return session;
  }

  expiresAt(session: Pick<Session, 'createdAt' | 'lastSeenAt'>): number {
    return sessionEndsAt(session, this.deps.rules());
  }

  async end(token: string): Promise<void> {
    await this.pool.query('DELETE FROM hub_staff_sessions WHERE key = $1', [keyOf(token)]);
  }

  /** A new password, role or removal ends every session of the account. */
  async endAllOf(username: string): Promise<void> {
    await this.pool.query('DELETE FROM hub_staff_sessions WHERE username = $1', [username]);
  }

  /** The minute sweep's: sessions past their longest life. */
  async forgetOld(now: number): Promise<void> {
    await this.pool.query('DELETE FROM hub_staff_sessions WHERE created_at < $1', [now - this.deps.rules().sessionHours * 3_600_000]);
  }
}
