import { createHash, createHmac, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import type { Challenge } from 'altcha-lib';
import type { BookingRules } from '../../shared/config/schema.ts';
import type { ProofOfWork } from '../../shared/contract/booking-api.ts';

/** A challenge is good for this long; a person fills the form in well within it. */
export const challengeLifetimeMs = 20 * 60_000;

/** The solutions already accepted, by their challenge's signature: each is accepted once. */
export interface SpentProofs {
  /** Records the signature; false when it was spent already (also by a call still running). */
  spend(signature: string, expiresAt: number): Promise<boolean>;
}

/** The secrets challenges are signed with: a hub's booking processes share them, so a challenge from one is verified by another. */
export interface ProofSecrets {
  signature: string;
  key: string;
}

/**
 * In memory, for one office server: a restart renews the secrets too, so what was spent before
 * cannot be verified again anyway.
 */
export class SpentInMemory implements SpentProofs {
  /** In the order accepted, all with one lifetime: the expired ones are at the front. */
  private readonly used = new Map<string, number>();

  async spend(signature: string, expiresAt: number): Promise<boolean> {
    const now = Date.now();
    for (const [spent, expires] of this.used) {
      if (expires >= now) break;
      this.used.delete(spent);
    }
    if (this.used.has(signature)) return false;
    this.used.set(signature, expiresAt);
    return true;
  }
}

const freshSecrets = (): ProofSecrets => ({ signature: randomBytes(32).toString('base64url'), key: randomBytes(32).toString('base64url') });

/** Every challenge is SHA-256 at cost 1 over a 32-byte key: the difficulty is the counter alone. */
const keyLength = 32;
const maxCounter = 0xffffffff;

/**
 * altcha's privacy-friendly proof of work on every hold: the browser spends a fraction of a second,
 * a bot hoarding places spends it on every attempt. Each solved challenge is accepted once.
 * Expiry is checked against the real time (not the office clock of a simulation).
 *
 * The challenges are altcha's v2 format in its deterministic mode, which altcha-lib's solver in the
 * page solves, made and checked here with node:crypto's synchronous hashes: altcha-lib's own
 * server functions go through WebCrypto, importing a key for every HMAC, and cost 0.58 ms of CPU a
 * challenge and 0.32 ms a check, a tenth of an opening rush's work (docs/PERFORMANCE.md); these
 * cost 0.14 and 0.07 ms. proof-of-work.test.ts holds them to altcha-lib's, both ways.
 */
export class ProofOfWorkGate {
  /** The difficulty in force, read at each challenge: the settings page changes it. */
  constructor(
    private readonly rules: () => BookingRules['proofOfWork'],
    private readonly secrets: ProofSecrets = freshSecrets(),
    private readonly spent: SpentProofs = new SpentInMemory(),
  ) {}

  async challenge(): Promise<Challenge> {
    const { minCounter, maxCounter: most } = this.rules();
    const nonce = randomBytes(16);
    const salt = randomBytes(16);
    const key = derivedKey(salt, nonce, randomInt(minCounter, most + 1));
    // The solver counts up from 0 until its key starts with the first half of this one.
    const parameters = sortedKeys({
      algorithm: 'SHA-256',
      cost: 1,
      expiresAt: Math.floor((Date.now() + challengeLifetimeMs) / 1000),
      keyLength,
      keyPrefix: key.subarray(0, keyLength / 2).toString('hex'),
      keySignature: hmacHex(this.secrets.key, key),
      nonce: nonce.toString('hex'),
      salt: salt.toString('hex'),
    });
    return { parameters, signature: hmacHex(this.secrets.signature, JSON.stringify(parameters)) };
  }

  async verify(proof: ProofOfWork): Promise<'ok' | 'proofFailed' | 'proofReused'> {
    if (!this.solved(proof)) return 'proofFailed';
    // Recorded only once verified, so made-up signatures cannot fill the record; two copies of one
    // solution sent at once are told apart by the record's single spend.
    return (await this.spent.spend(proof.challenge.signature ?? '', Date.now() + challengeLifetimeMs)) ? 'ok' : 'proofReused';
  }

  /**
   * Ours (its parameters as signed), not expired, and solved: the key found is the one whose
   * signature the challenge carries, which only the counter's work or this server's secret gives.
   */
  private solved({ challenge, solution }: ProofOfWork): boolean {
    const { parameters, signature } = challenge;
    if (!signature || !parameters.keySignature || parameters.expiresAt === undefined || parameters.expiresAt < Date.now() / 1000) return false;
    if (!sameHex(signature, hmacHex(this.secrets.signature, JSON.stringify(sortedKeys(parameters))))) return false;
    if (!/^(?:[0-9a-f]{2})+$/.test(solution.derivedKey) || !Number.isInteger(solution.counter) || solution.counter > maxCounter) return false;
    return sameHex(parameters.keySignature, hmacHex(this.secrets.key, Buffer.from(solution.derivedKey, 'hex')));
  }
}

/** altcha's SHA-256 key at cost 1: one SHA-256 over the salt, then the nonce with the counter as four bytes, big-endian. */
function derivedKey(salt: Buffer, nonce: Buffer, counter: number): Buffer {
  const password = Buffer.alloc(nonce.length + 4);
  nonce.copy(password);
  password.writeUInt32BE(counter, nonce.length);
  return createHash('sha256').update(salt).update(password).digest();
}

const hmacHex = (secret: string, data: string | Buffer): string => createHmac('sha256', secret).update(data).digest('hex');

// Compared as bytes: a string of the right length may still hold characters of several bytes.
function sameHex(a: string, b: string): boolean {
  const [x, y] = [Buffer.from(a), Buffer.from(b)];
  return x.length === y.length && timingSafeEqual(x, y);
}

/** What altcha signs: the parameters as JSON with their keys in order, at every level, and nothing undefined. */
function sortedKeys<T extends object>(value: T): T {
  const sorted = (v: unknown): unknown =>
    typeof v !== 'object' || v === null || Array.isArray(v)
      ? v
      : Object.fromEntries(
          Object.keys(v)
            .sort()
            .flatMap((k) => ((v as Record<string, unknown>)[k] === undefined ? [] : [[k, sorted((v as Record<string, unknown>)[k])]])),
        );
  return sorted(value) as T;
}
