/** What the throttle knows of one name, one address, or one name from one address. */
export interface Failures {
  count: number;
  lastAt: number;
}

export interface ThrottleRules {
  lockoutAttempts: number;
  lockoutMinutes: number;
}

/** An attempt counted: the caller says when the password was right, which gives its count back. */
export type Attempt = { ok: true; succeeded(): void | Promise<void> } | { ok: false; retryAt: number };

/** How many times the free attempts of one address may a name fail from everywhere before it is slowed for failing addresses too. */
const nameWideFactor = 4;
/** Failures older than this are forgotten. */
export const failureMemoryMs = 24 * 3_600_000;

function retryAt(rules: ThrottleRules, failures: Failures | undefined, free: number): number {
  if (!failures || failures.count < free) return 0;
  const delay = Math.min(rules.lockoutMinutes * 60_000, 1000 * 2 ** (failures.count - free));
  return failures.lastAt + delay;
}

/**
 * Until when an attempt of a name from an address must wait (0: not at all): the name's failures
 * from this address, and its failures from everywhere once this address has itself failed.
 */
export function waitUntil(rules: ThrottleRules, failures: { pair?: Failures; name?: Failures; addressFailed: boolean }): number {
  const waits = [retryAt(rules, failures.pair, rules.lockoutAttempts)];
  if (failures.addressFailed) waits.push(retryAt(rules, failures.name, rules.lockoutAttempts * nameWideFactor));
  return Math.max(...waits);
}

/** Whether a name is slowed anywhere now: from everywhere, or from one of the addresses it failed from. */
export function slowedNow(rules: ThrottleRules, name: Failures | undefined, pairs: Iterable<Failures>, now: number): boolean {
  if (retryAt(rules, name, rules.lockoutAttempts * nameWideFactor) > now) return true;
  for (const failures of pairs) if (retryAt(rules, failures, rules.lockoutAttempts) > now) return true;
  return false;
}

/**
 * Wrong staff passwords, slowed instead of locked. Each name from each address gets
 * `lockoutAttempts` free failures; after that every further attempt waits a delay that doubles
 * with each failure, up to `lockoutMinutes`. A name failing from many addresses is slowed for every
 * address that has itself failed, never for one that has not: whoever tries a name from elsewhere
 * cannot keep its owner out. An attempt is counted when it starts, before the slow hash, so a burst
 * sent at once is counted one by one; a success gives its count back. An administrator can clear a
 * name. In memory: a restart forgets the counts, which is not something an attacker from outside can
 * cause. The hub keeps the same counts in PostgreSQL (hub-login-throttle.ts).
 */
export class LoginThrottle {
  private readonly byPair = new Map<string, Failures>();
  private readonly byName = new Map<string, Failures>();
  private readonly byAddress = new Map<string, Failures>();
  private sweptAt = 0;

  constructor(private readonly rules: () => ThrottleRules) {}

  /** Counts an attempt of `name` from `address` now, or says until when it must wait. */
  begin(name: string, address: string, now: number): Attempt {
    this.forgetOld(now);
    const pairKey = `${name}\n${address}`;
    const wait = waitUntil(this.rules(), { pair: this.byPair.get(pairKey), name: this.byName.get(name), addressFailed: this.byAddress.has(address) });
    if (wait > now) return { ok: false, retryAt: wait };
    for (const [map, key] of [
      [this.byPair, pairKey],
      [this.byName, name],
      [this.byAddress, address],
    ] as const)
      bump(map, key, now);
    return {
      ok: true,
      succeeded: () => {
        this.byPair.delete(pairKey);
        for (const [map, key] of [
          [this.byName, name],
          [this.byAddress, address],
        ] as const) {
          const record = map.get(key);
          if (record && --record.count <= 0) map.delete(key);
        }
      },
    };
  }

  /** An administrator lets the name in again from everywhere. */
  clear(name: string): void {
    this.byName.delete(name);
    for (const key of this.byPair.keys()) if (key.startsWith(`${name}\n`)) this.byPair.delete(key);
  }

  /** Whether a name is being slowed anywhere, for the accounts page. */
  slowed(name: string, now: number): boolean {
    const pairs = [...this.byPair].filter(([key]) => key.startsWith(`${name}\n`)).map(([, failures]) => failures);
    return slowedNow(this.rules(), this.byName.get(name), pairs, now);
  }

  private forgetOld(now: number): void {
    if (now - this.sweptAt < 60_000) return;
    this.sweptAt = now;
    for (const map of [this.byPair, this.byName, this.byAddress]) {
      for (const [key, failures] of map) if (failures.lastAt < now - failureMemoryMs) map.delete(key);
    }
  }
}

function bump(map: Map<string, Failures>, key: string, now: number): Failures {
  const record = map.get(key);
  if (!record) {
    const fresh = { count: 1, lastAt: now };
    map.set(key, fresh);
    return fresh;
  }
  record.count += 1;
  record.lastAt = now;
  return record;
}
