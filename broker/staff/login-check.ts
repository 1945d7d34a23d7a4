import { accepted, type Refusal, type Result, refused } from '../../shared/contract/result.ts';
import { HashingBusy } from './hashing-queue.ts';
import type { Attempt } from './login-throttle.ts';
import { decoyHash, hashPassword, verifyPassword } from './password.ts';

export const busy = Symbol('busy');
/** A full hashing queue becomes a value to answer "busy" with; any other failure stays an error. */
const busyOr = (error: unknown): typeof busy => {
  if (error instanceof HashingBusy) return busy;
  throw error;
};

/** A new password's hash, or `busy` when too many hashes wait already. */
export const hashOrBusy = (password: string): Promise<string | typeof busy> => hashPassword(password).catch(busyOr);

export type LoginRefusal = Refusal<'badCredentials' | 'lockedOut' | 'busy'> & { retryAt?: number };

/**
 * A login attempt already counted by the throttle, checked against the stored account. An unknown
 * name costs the same hash as a known one, so the time does not tell which names exist; a disabled
 * account is answered as a wrong password, after the same hash.
 */
export async function checkLogin<A extends { passwordHash: string; disabled?: boolean }>(attempt: Attempt, stored: A | undefined, password: string): Promise<Result<A, LoginRefusal>> {
  if (!attempt.ok) return refused('lockedOut', undefined, { retryAt: attempt.retryAt });
  const matches = await verifyPassword(password, stored?.passwordHash ?? (await decoyHash())).catch(busyOr);
  if (matches === busy) {
    await attempt.succeeded();
    return refused('busy');
  }
  if (!stored || !matches || stored.disabled) return refused('badCredentials');
  await attempt.succeeded();
  return accepted(stored);
}
