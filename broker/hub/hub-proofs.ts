import { createHash } from 'node:crypto';
import type pg from 'pg';
import type { ProofSecrets, SpentProofs } from '../booking/proof-of-work.ts';

/** The proofs of work spent at any of the hub's processes: the primary key lets exactly one of them take a solution. */
export class SpentInDatabase implements SpentProofs {
  constructor(private readonly pool: pg.Pool) {}

  async spend(signature: string, expiresAt: number): Promise<boolean> {
    const { rowCount } = await this.pool.query('INSERT INTO hub_spent_proofs (signature, expires_at) VALUES ($1, $2) ON CONFLICT DO NOTHING', [signature, expiresAt]);
    return rowCount === 1;
  }
}

/** Both of altcha's signing secrets from the one secret the hub's processes share (a file, a systemd credential). */
export function proofSecretsFrom(secret: string): ProofSecrets {
  if (secret.trim().length < 32) throw new Error('the hub proof-of-work secret must have at least 32 characters');
  const derive = (use: string) => createHash('sha256').update(`${use}/${secret.trim()}`).digest('base64url');
  return { signature: derive('signature'), key: derive('key') };
}
