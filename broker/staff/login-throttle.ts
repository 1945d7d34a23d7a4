/** What the throttle knows of one name, one address, or one name from one address. */
interface Failures {
  count: number;
  lastAt: number;
}

export interface ThrottleRules {
  lockoutAttempts: number;
  lockoutMinutes: number;
}

/** How many times the free attempts of one address may a name fail from everywhere before it is slowed for failing addresses too. */
const nameWideFactor = 4;
/** Failures older than this are forgotten. */
const memoryMs = 24 * 3_600_000;

/**
 * Wrong staff passwords, slowed instead of locked. Each name from each address gets
 * `lockoutAttempts` free failures; after that every further attempt waits a delay that doubles
 * with each failure, up to `lockoutMinutes`. A name failing from many addresses is slowed for every
 * address that has itself failed, never for one that has not: whoever tries a name from elsewhere
 * cannot keep its owner out. An attempt is counted when it starts, before the slow hash, so a burst
 * sent at once is counted one by one; a success gives its count back. An administrator can clear a
 * name. In memory: a restart forgets the counts, which is not something an attacker from outside can cause.
 */
export class LoginThrottle {
  private readonly byPair = new Map<string, Failures>();
  private readonly byName = new Map<string, Failures>();
  private readonly byAddress = new Map<string, Failures>();
  private sweptAt = 0;

  constructor(private readonly rules: () => ThrottleRules) {}

  /** Counts an attempt of `name` from `address` now, or says until when it must wait. */
  begin(name: string, address: string, now: number): { ok: true; succeeded(): void } | { ok: false; retryAt: number } {
    this.forgetOld(now);
    const pairKey = `${name}\n${address}`;
    const { lockoutAttempts } = this.rules();
    const waits = [this.retryAt(this.byPair.get(pairKey), lockoutAttempts)];
    if (this.byAddress.has(address)) waits.push(this.retryAt(this.byName.get(name), lockoutAttempts * nameWideFactor));
    const retryAt = Math.max(...waits);
    if (retryAt > now) return { ok: false, retryAt };
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
    const { lockoutAttempts } = this.rules();
    if (this.retryAt(this.byName.get(name), lockoutAttempts * nameWideFactor) > now) return true;
    for (const [key, failures] of this.byPair) if (key.startsWith(`${name}\n`) && this.retryAt(failures, lockoutAttempts) > now) return true;
    return false;
  }

  private retryAt(failures: Failures | undefined, free: number): number {
    if (!failures || failures.count < free) return 0;
    const delay = Math.min(this.rules().lockoutMinutes * 60_000, 1000 * 2 ** (failures.count - free));
    return failures.lastAt + delay;
  }

  private forgetOld(now: number): void {
    if (now - this.sweptAt < 60_000) return;
    this.sweptAt = now;
    for (const map of [this.byPair, this.byName, this.byAddress]) {
      for (const [key, failures] of map) if (failures.lastAt < now - memoryMs) map.delete(key);
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
