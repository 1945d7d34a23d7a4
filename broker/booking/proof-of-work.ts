import { randomBytes } from 'node:crypto';
import { type Challenge, createChallenge, randomInt, verifySolution } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/sha';
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

/**
 * altcha's privacy-friendly proof of work on every hold: the browser spends a fraction of a second,
 * a bot hoarding places spends it on every attempt. Each solved challenge is accepted once.
 * Expiry is checked by altcha against the real time (not the office clock of a simulation).
 */
export class ProofOfWorkGate {
  /** The difficulty in force, read at each challenge: the settings page changes it. */
  constructor(
    private readonly rules: () => BookingRules['proofOfWork'],
    private readonly secrets: ProofSecrets = freshSecrets(),
    private readonly spent: SpentProofs = new SpentInMemory(),
  ) {}

  challenge(): Promise<Challenge> {
    return createChallenge({
      algorithm: 'SHA-256',
      cost: 1,
      counter: randomInt(this.rules().minCounter, this.rules().maxCounter),
      deriveKey,
      expiresAt: new Date(Date.now() + challengeLifetimeMs),
      hmacSignatureSecret: this.secrets.signature,
      hmacKeySignatureSecret: this.secrets.key,
    });
  }

  async verify(proof: ProofOfWork): Promise<'ok' | 'proofFailed' | 'proofReused'> {
    let verified = false;
    try {
      const result = await verifySolution({
        challenge: proof.challenge,
        solution: proof.solution,
        deriveKey,
        hmacSignatureSecret: this.secrets.signature,
        hmacKeySignatureSecret: this.secrets.key,
      });
      verified = result.verified;
    } catch {
      verified = false;
    }
    if (!verified) return 'proofFailed';
    // Recorded only once verified, so made-up signatures cannot fill the record; two copies of one
    // solution sent at once are told apart by the record's single spend.
    return (await this.spent.spend(proof.challenge.signature ?? '', Date.now() + challengeLifetimeMs)) ? 'ok' : 'proofReused';
  }
}
