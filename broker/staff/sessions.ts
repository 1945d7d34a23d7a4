import { createHash, randomBytes } from 'node:crypto';
import type { Clock } from '../../shared/clock.ts';
import type { OfficeConfig } from '../../shared/config/schema.ts';
import type { StaffAccount } from '../../shared/contract/staff-api.ts';

export interface Session {
  account: StaffAccount;
  csrfToken: string;
  createdAt: number;
  lastSeenAt: number;
  /** The counter the clerk sits at: the dashboard shows it, the workstation acts for it, the box's commands record the clerk. */
  counterId: string | null;
  /** The last time one of the session's pages polled by itself: open staff pages poll every few seconds. */
  pagesSeenAt?: number;
}

/** Staff pages that stopped polling this long ago were closed (the browser, the tab): their seat is free. */
const pagesClosedAfterMs = 60_000;

/** When a session ends: `idleMinutes` after a person's last request, `sessionHours` after the login in any case. */
export function sessionEndsAt(session: Pick<Session, 'createdAt' | 'lastSeenAt'>, { idleMinutes, sessionHours }: OfficeConfig['staff']): number {
  return Math.min(session.lastSeenAt + idleMinutes * 60_000, session.createdAt + sessionHours * 3_600_000);
}

const keyOf = (token: string) => createHash('sha256').update(token).digest('base64url');

/**
 * Staff sessions, in memory: a restart of the server logs everyone out, which is the safe side.
 * The cookie carries a random token; only its hash is kept, so the table itself grants nothing.
 * A session ends after `idleMinutes` without a person's request, and after `sessionHours` in any case.
 */
export class Sessions {
  private readonly byKey = new Map<string, Session>();

  constructor(
    private readonly clock: Clock,
    private readonly config: () => OfficeConfig,
  ) {}

  create(account: StaffAccount): { token: string; session: Session } {
    const now = this.clock.now();
    const token = randomBytes(32).toString('base64url');
    const session: Session = { account, csrfToken: randomBytes(24).toString('base64url'), createdAt: now, lastSeenAt: now, counterId: null };
    this.byKey.set(keyOf(token), session);
    return { token, session };
  }

  /** The live session of a token, touched when a person acted (not a page's own poll); an expired one is forgotten. */
  find(token: string | undefined, touch = true): Session | undefined {
    if (!token) return undefined;
    const key = keyOf(token);
    const session = this.byKey.get(key);
    if (!session) return undefined;
    const now = this.clock.now();
    if (now >= this.expiresAt(session)) {
      this.byKey.delete(key);
      return undefined;
    }
    if (touch) session.lastSeenAt = now;
    else session.pagesSeenAt = now;
    return session;
  }

  expiresAt(session: Session): number {
    return sessionEndsAt(session, this.config().staff);
  }

  end(token: string): void {
    this.byKey.delete(keyOf(token));
  }

  /** A removed account's sessions end at once. */
  endAllOf(username: string): void {
    for (const [key, session] of this.byKey) if (session.account.username === username) this.byKey.delete(key);
  }

  /**
   * Sits the session at a counter (null: at none). One clerk per counter: a counter another clerk's
   * live session sits at is refused, with that session; the same clerk in a second browser may.
   */
  sit(session: Session, counterId: string | null): { ok: true } | { ok: false; holder: Session } {
    const holder = counterId === null ? undefined : this.seated().find((s) => s.counterId === counterId && s.account.username !== session.account.username);
    if (holder) return { ok: false, holder };
    session.counterId = counterId;
    return { ok: true };
  }

  /** Who sits at the counter now (their user name), for the clients it calls. */
  clerkAt(counterId: string): string | undefined {
    return this.seated().find((s) => s.counterId === counterId)?.account.username;
  }

  /**
   * The sessions that hold their counter: live, and with their pages still open. A clerk who closed
   * the browser has left the counter within a minute, although the session lives on until its idle
   * end; one who never had a polling page open (the box alone) holds it for the session's life.
   */
  seated(): Session[] {
    const now = this.clock.now();
    return this.live().filter((s) => s.counterId !== null && (s.pagesSeenAt === undefined || now - s.pagesSeenAt <= pagesClosedAfterMs));
  }

  /** The live sessions, for who sits at which counter. */
  live(): Session[] {
    const now = this.clock.now();
    return [...this.byKey.values()].filter((s) => now < this.expiresAt(s));
  }
}
