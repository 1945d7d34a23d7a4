import { type Challenge, solveChallenge } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/web/sha';
import type { ProofOfWork } from '../../shared/contract/booking-api.ts';
import { type ApiResult, call } from './api.ts';

/** altcha's proof of work, solved in the page with Web Crypto: no third-party service, no tracking. */
export async function proveNotRobot(): Promise<ApiResult<ProofOfWork>> {
  const challenge = await call<Challenge>('GET', '/api/challenge');
  if (!challenge.ok) return challenge;
  const solution = await solveChallenge({ challenge: challenge.data, deriveKey });
  if (!solution) return { ok: false, error: { code: 'proofFailed' } };
  return { ok: true, data: { challenge: challenge.data as ProofOfWork['challenge'], solution } };
}
