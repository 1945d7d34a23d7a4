import type { Clock } from '../../shared/clock.ts';
import type { OfficeConfig } from '../../shared/config/schema.ts';
import { accepted, type Refusal, type Result, refused } from '../../shared/contract/result.ts';
import type { NewAccountRequest, StaffAccount } from '../../shared/contract/staff-api.ts';
import type { DocumentStore } from '../store/document-store.ts';
import { busy, checkLogin, hashOrBusy, type LoginRefusal } from './login-check.ts';
import { LoginThrottle } from './login-throttle.ts';
import { weakPasswordReason } from './password-policy.ts';

interface StoredAccount extends StaffAccount {
  passwordHash: string;
  createdAt: number;
  /** A disabled account cannot log in; it is kept, so its name stays on the day's records. */
  disabled?: boolean;
}
interface StaffFile {
  accounts: Record<string, StoredAccount>;
}

export type LoginOutcome = Result<StaffAccount, LoginRefusal>;

const publicView = ({ username, name, role }: StoredAccount): StaffAccount => ({ username, name, role });

/**
 * The office's staff accounts (`staff.json`, written whole and durably). Wrong passwords slow the
 * name from the address that tried (login-throttle.ts), known name or not, so a slowed account and
 * an unknown one answer alike.
 */
export class StaffAccounts {
  private file: StaffFile = { accounts: {} };
  private readonly throttle: LoginThrottle;
  private writing: Promise<void> = Promise.resolve();

  constructor(private readonly deps: { store: DocumentStore; clock: Clock; config: () => OfficeConfig }) {
    this.throttle = new LoginThrottle(() => deps.config().staff);
  }

  async start(): Promise<void> {
    const text = await this.deps.store.read();
    if (text) this.file = JSON.parse(text) as StaffFile;
  }

  list(): StaffAccount[] {
    return Object.values(this.file.accounts)
      .map(publicView)
      .sort((a, b) => a.username.localeCompare(b.username));
  }

  get(username: string): StaffAccount | undefined {
    const stored = this.file.accounts[username];
    return stored && publicView(stored);
  }

  async add(request: NewAccountRequest): Promise<Result<StaffAccount, Refusal<'usernameTaken' | 'weakPassword' | 'busy'>>> {
    if (this.file.accounts[request.username]) return refused('usernameTaken');
    const weak = weakPasswordReason(request.password, request);
    if (weak) return refused('weakPassword', weak);
    const passwordHash = await hashOrBusy(request.password);
    if (passwordHash === busy) return refused('busy');
    const stored: StoredAccount = { username: request.username, name: request.name, role: request.role, passwordHash, createdAt: this.deps.clock.now() };
    // Checked again after the slow hash: two requests for one name must not both win.
    if (this.file.accounts[request.username]) return refused('usernameTaken');
    await this.save({ accounts: { ...this.file.accounts, [stored.username]: stored } });
    return accepted(publicView(stored));
  }

  /** A new password for an existing account, checked as a new account's is. */
  async setPassword(username: string, password: string): Promise<Result<null, Refusal<'notFound' | 'weakPassword' | 'busy'>>> {
    const stored = this.file.accounts[username];
    if (!stored) return refused('notFound');
    const weak = weakPasswordReason(password, stored);
    if (weak) return refused('weakPassword', weak);
    const passwordHash = await hashOrBusy(password);
    if (passwordHash === busy) return refused('busy');
    const current = this.file.accounts[username];
    if (!current) return refused('notFound');
    await this.save({ accounts: { ...this.file.accounts, [username]: { ...current, passwordHash } } });
    this.throttle.clear(username);
    return accepted(null);
  }

  /** Whether the account may not log in. */
  disabled(username: string): boolean {
    return this.file.accounts[username]?.disabled === true;
  }

  /** A new role, or the account disabled or enabled; false for an unknown name. */
  async change(username: string, change: { role?: StaffAccount['role']; disabled?: boolean }): Promise<boolean> {
    const stored = this.file.accounts[username];
    if (!stored) return false;
    const { disabled: _was, ...rest } = { ...stored, ...(change.role ? { role: change.role } : {}) };
    const disabled = change.disabled ?? stored.disabled === true;
    await this.save({ accounts: { ...this.file.accounts, [username]: { ...rest, ...(disabled ? { disabled: true } : {}) } } });
    return true;
  }

  async remove(username: string): Promise<boolean> {
    if (!this.file.accounts[username]) return false;
    const { [username]: _removed, ...rest } = this.file.accounts;
    await this.save({ accounts: rest });
    return true;
  }

  /** `address` is the client's (through a trusted proxy, the proxy's X-Forwarded-For). */
  async login(username: string, password: string, address: string): Promise<LoginOutcome> {
    const key = username.trim().toLowerCase();
    const checked = await checkLogin(this.throttle.begin(key, address, this.deps.clock.now()), this.file.accounts[key], password);
    return checked.ok ? accepted(publicView(checked.data)) : checked;
  }

  /** An administrator lets a slowed name log in again from everywhere. */
  unlock(username: string): void {
    this.throttle.clear(username);
  }

  /** Whether wrong passwords slow this name somewhere now, for the accounts page. */
  slowed(username: string): boolean {
    return this.throttle.slowed(username, this.deps.clock.now());
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
