import { randomBytes } from 'node:crypto';
import { type Challenge, createChallenge, randomInt, verifySolution } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/sha';
import type { BookingRules } from '../../shared/config/schema.ts';
import type { ProofOfWork } from '../../shared/contract/booking-api.ts';

/** A challenge is good for this long; a person fills the form in well within it. */
const lifetimeMs = 20 * 60_000;

/**
 * altcha's privacy-friendly proof of work on every hold: the browser spends a fraction of a second,
 * a bot hoarding places spends it on every attempt. Each solved challenge is accepted once.
 * Expiry is checked by altcha against the real time (not the office clock of a simulation).
 */
export class ProofOfWorkGate {
  private readonly secret = randomBytes(32).toString('base64url');
  private readonly keySecret = randomBytes(32).toString('base64url');
  /** Signatures of accepted solutions, with when their challenge expires; in memory, as a restart also renews the secrets. */
  private readonly used = new Map<string, number>();

  /** The difficulty in force, read at each challenge: the settings page changes it. */
  constructor(private readonly rules: () => BookingRules['proofOfWork']) {}

  challenge(): Promise<Challenge> {
    return createChallenge({
      algorithm: 'SHA-256',
      cost: 1,
      counter: randomInt(this.rules().minCounter, this.rules().maxCounter),
      deriveKey,
      expiresAt: new Date(Date.now() + lifetimeMs),
      hmacSignatureSecret: this.secret,
      hmacKeySignatureSecret: this.keySecret,
    });
  }

  async verify(proof: ProofOfWork): Promise<'ok' | 'proofFailed' | 'proofReused'> {
    const now = Date.now();
    // Kept in the order accepted, all with one lifetime: the expired ones are at the front.
    for (const [signature, expires] of this.used) {
      if (expires >= now) break;
      this.used.delete(signature);
    }
    const signature = proof.challenge.signature ?? '';
    if (this.used.has(signature)) return 'proofReused';
    let verified = false;
    try {
      const result = await verifySolution({
        challenge: proof.challenge,
        solution: proof.solution,
        deriveKey,
        hmacSignatureSecret: this.secret,
        hmacKeySignatureSecret: this.keySecret,
      });
      verified = result.verified;
    } catch {
      verified = false;
    }
    if (!verified) return 'proofFailed';
    // Checked again after the await: two copies of one solution sent at once must not both pass.
    if (this.used.has(signature)) return 'proofReused';
    this.used.set(signature, now + lifetimeMs);
    return 'ok';
  }
}
