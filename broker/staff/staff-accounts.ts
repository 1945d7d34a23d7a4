import type { Clock } from '../../shared/clock.ts';
import type { OfficeConfig } from '../../shared/config/schema.ts';
import type { NewAccountRequest, StaffAccount } from '../../shared/contract/staff-api.ts';
import type { DocumentStore } from '../store/document-store.ts';
import { decoyHash, hashPassword, verifyPassword } from './password.ts';

interface StoredAccount extends StaffAccount { passwordHash: string; createdAt: number }
interface StaffFile { accounts: Record<string, StoredAccount> }

export type LoginOutcome = { ok: true; account: StaffAccount } | { ok: false; code: 'badCredentials' | 'lockedOut'; retryAt?: number };

interface Failures { count: number; lockedUntil: number }

const publicView = ({ username, name, role }: StoredAccount): StaffAccount => ({ username, name, role });

/**
 * The office's staff accounts (`staff.json`, written whole and durably). Wrong passwords are
 * counted per user name, known or not, so a locked account and an unknown one answer alike;
 * the counts live in memory, since a restart is not something an attacker from outside can cause.
 */
export class StaffAccounts {
  private file: StaffFile = { accounts: {} };
  private readonly failures = new Map<string, Failures>();
  private writing: Promise<void> = Promise.resolve();

  constructor(private readonly deps: { store: DocumentStore; clock: Clock; config: () => OfficeConfig }) {}

  async start(): Promise<void> {
    const text = await this.deps.store.read();
    if (text) this.file = JSON.parse(text) as StaffFile;
  }

  list(): StaffAccount[] {
    return Object.values(this.file.accounts).map(publicView).sort((a, b) => a.username.localeCompare(b.username));
  }

  get(username: string): StaffAccount | undefined {
    const stored = this.file.accounts[username];
    return stored && publicView(stored);
  }

  async add(request: NewAccountRequest): Promise<{ ok: true; account: StaffAccount } | { ok: false; code: 'usernameTaken' }> {
    if (this.file.accounts[request.username]) return { ok: false, code: 'usernameTaken' };
    const stored: StoredAccount = { username: request.username, name: request.name, role: request.role, passwordHash: await hashPassword(request.password), createdAt: this.deps.clock.now() };
    // Checked again after the slow hash: two requests for one name must not both win.
    if (this.file.accounts[request.username]) return { ok: false, code: 'usernameTaken' };
    await this.save({ accounts: { ...this.file.accounts, [stored.username]: stored } });
    return { ok: true, account: publicView(stored) };
  }

  async remove(username: string): Promise<boolean> {
    if (!this.file.accounts[username]) return false;
    const { [username]: _removed, ...rest } = this.file.accounts;
    await this.save({ accounts: rest });
    return true;
  }

  async login(username: string, password: string): Promise<LoginOutcome> {
    const key = username.trim().toLowerCase();
    const now = this.deps.clock.now();
    const failures = this.failures.get(key);
    if (failures && failures.lockedUntil > now) return { ok: false, code: 'lockedOut', retryAt: failures.lockedUntil };
    const stored = this.file.accounts[key];
    // An unknown name costs the same hash as a known one: the time does not tell which names exist.
    const matches = await verifyPassword(password, stored?.passwordHash ?? (await decoyHash()));
    if (stored && matches) {
      this.failures.delete(key);
      return { ok: true, account: publicView(stored) };
    }
    const { lockoutAttempts, lockoutMinutes } = this.deps.config().staff;
    const count = (failures && failures.lockedUntil > 0 && failures.lockedUntil <= now ? 0 : (failures?.count ?? 0)) + 1;
    const lockedUntil = count >= lockoutAttempts ? now + lockoutMinutes * 60_000 : 0;
    this.failures.set(key, { count: lockedUntil ? 0 : count, lockedUntil });
    return lockedUntil ? { ok: false, code: 'lockedOut', retryAt: lockedUntil } : { ok: false, code: 'badCredentials' };
  }

  /** One write at a time, in order; the file on disk changes only after the previous write finished. */
  private save(next: StaffFile): Promise<void> {
    const write = this.writing.then(() => this.deps.store.write(`${JSON.stringify(next, null, 2)}\n`));
    this.writing = write.catch(() => {});
    return write.then(() => {
      this.file = next;
    });
  }
}
