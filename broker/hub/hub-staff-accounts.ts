import type pg from 'pg';
import type { OfficeConfig } from '../../shared/config/schema.ts';
import { accepted, type Refusal, type Result, refused } from '../../shared/contract/result.ts';
import type { NewAccountRequest, StaffAccount } from '../../shared/contract/staff-api.ts';
import { busy, checkLogin, hashOrBusy, type LoginRefusal } from '../staff/login-check.ts';
import { weakPasswordReason } from '../staff/password-policy.ts';
import { HubLoginThrottle } from './hub-login-throttle.ts';

/** A hub account: of one office, or of none (the region's staff, who may enter every office). */
export interface HubAccount extends StaffAccount {
  officeId: string | null;
}

interface Row {
  username: string;
  name: string;
  role: StaffAccount['role'];
  office_id: string | null;
  password_hash: string;
  disabled: boolean;
}

const accountOf = (row: Row): HubAccount => ({ username: row.username, name: row.name, role: row.role, officeId: row.office_id });
const uniqueViolation = '23505';

/**
 * The hub's staff accounts (`hub_staff`), the office's StaffAccounts over PostgreSQL: the same
 * password policy, hashing and login check, with the throttle's counts in the database too. Each
 * account belongs to one office or to the region (`officeId` null), and the lists and changes of
 * an administrator are of one such scope.
 */
export class HubStaffAccounts {
  private readonly throttle: HubLoginThrottle;

  constructor(
    private readonly pool: pg.Pool,
    private readonly deps: { now: () => number; rules: () => OfficeConfig['staff'] },
  ) {
    this.throttle = new HubLoginThrottle(pool, deps.rules);
  }

  async list(officeId: string | null): Promise<(HubAccount & { disabled: boolean; slowed: boolean })[]> {
    const { rows } = await this.pool.query<Row>('SELECT * FROM hub_staff WHERE office_id IS NOT DISTINCT FROM $1 ORDER BY username', [officeId]);
    const slowed = await this.throttle.slowed(
      rows.map((row) => row.username),
      this.deps.now(),
    );
    return rows.map((row) => ({ ...accountOf(row), disabled: row.disabled, slowed: slowed.has(row.username) }));
  }

  async get(username: string): Promise<HubAccount | undefined> {
    const row = await this.row(username);
    return row && accountOf(row);
  }

  async add(request: NewAccountRequest, officeId: string | null): Promise<Result<HubAccount, Refusal<'usernameTaken' | 'weakPassword' | 'busy'>>> {
    if (await this.row(request.username)) return refused('usernameTaken');
    const weak = weakPasswordReason(request.password, request);
    if (weak) return refused('weakPassword', weak);
    const passwordHash = await hashOrBusy(request.password);
    if (passwordHash === busy) return refused('busy');
    try {
      const { rows } = await this.pool.query<Row>('INSERT INTO hub_staff (username, name, role, office_id, password_hash, created_at) VALUES ($1, $2, $3, $4, $5, $6) RETURNING *', [
        request.username,
        request.name,
        request.role,
        officeId,
        passwordHash,
        this.deps.now(),
      ]);
      return accepted(accountOf(rows[0]!));
    } catch (error) {
      // Two requests for one name at once, in two processes: the primary key lets one win.
      if ((error as { code?: string }).code === uniqueViolation) return refused('usernameTaken');
      throw error;
    }
  }

  /** A new password, checked as a new account's is; the caller ends the account's sessions. */
  async setPassword(username: string, password: string): Promise<Result<null, Refusal<'notFound' | 'weakPassword' | 'busy'>>> {
    const stored = await this.row(username);
    if (!stored) return refused('notFound');
    const weak = weakPasswordReason(password, stored);
    if (weak) return refused('weakPassword', weak);
    const passwordHash = await hashOrBusy(password);
    if (passwordHash === busy) return refused('busy');
    const { rowCount } = await this.pool.query('UPDATE hub_staff SET password_hash = $2 WHERE username = $1', [username, passwordHash]);
    if (rowCount === 0) return refused('notFound');
    await this.throttle.clear(username);
    return accepted(null);
  }

  /** A new role, or the account disabled or enabled; false for an unknown name. */
  async change(username: string, change: { role?: StaffAccount['role']; disabled?: boolean }): Promise<boolean> {
    const { rowCount } = await this.pool.query('UPDATE hub_staff SET role = coalesce($2, role), disabled = coalesce($3, disabled) WHERE username = $1', [
      username,
      change.role ?? null,
      change.disabled ?? null,
    ]);
    return rowCount === 1;
  }

  /** Its sessions go with it (ON DELETE CASCADE). */
  async remove(username: string): Promise<boolean> {
    const { rowCount } = await this.pool.query('DELETE FROM hub_staff WHERE username = $1', [username]);
    return rowCount === 1;
  }

  /** `address` is the client's (through a trusted proxy, the proxy's X-Forwarded-For). */
  async login(username: string, password: string, address: string): Promise<Result<HubAccount, LoginRefusal>> {
    const key = username.trim().toLowerCase();
    const attempt = await this.throttle.begin(key, address, this.deps.now());
    const stored = await this.row(key);
    const checked = await checkLogin(attempt, stored && { ...stored, passwordHash: stored.password_hash }, password);
    return checked.ok ? accepted(accountOf(checked.data)) : checked;
  }

  unlock(username: string): Promise<void> {
    return this.throttle.clear(username);
  }

  /** The sweep's: failures old enough to slow nobody any more. */
  forgetOld(now: number): Promise<void> {
    return this.throttle.forgetOld(now);
  }

  private async row(username: string): Promise<Row | undefined> {
    const { rows } = await this.pool.query<Row>('SELECT * FROM hub_staff WHERE username = $1', [username]);
    return rows[0];
  }
}
