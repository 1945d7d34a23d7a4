import { type Challenge, createChallenge, solveChallenge, verifySolution } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/sha';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { ProofOfWork } from '../../shared/contract/booking-api.ts';
import { ProofOfWorkGate } from './proof-of-work.ts';

const secrets = { signature: 's'.repeat(43), key: 'k'.repeat(43) };
const altchaSecrets = { hmacSignatureSecret: secrets.signature, hmacKeySignatureSecret: secrets.key };
const gate = (minCounter = 5, maxCounter = 50) => new ProofOfWorkGate(() => ({ minCounter, maxCounter }), secrets);

async function solved(challenge: Challenge): Promise<ProofOfWork> {
  const solution = await solveChallenge({ challenge, deriveKey });
  if (!solution) throw new Error('not solved');
  return { challenge, solution } as ProofOfWork;
}

test("the gate's challenges are altcha's: altcha-lib's solver solves them, and altcha-lib's own check accepts the solution", async () => {
  const proof = await solved(await gate().challenge());
  assert.is(await gate().verify(proof), 'ok');
  assert.ok((await verifySolution({ ...proof, deriveKey, ...altchaSecrets })).verified);
});

test("altcha-lib's challenges, signed with the same secrets, pass the gate's check once solved", async () => {
  const challenge = await createChallenge({ algorithm: 'SHA-256', cost: 1, counter: 30, deriveKey, expiresAt: new Date(Date.now() + 60_000), ...altchaSecrets });
  assert.is(await gate().verify(await solved(challenge)), 'ok');
});

test('the difficulty is the counter the settings allow: every solution found counts within minCounter and maxCounter', async () => {
  const counters = new Set<number>();
  for (let k = 0; k < 40; k++) counters.add((await solved(await gate(3, 6).challenge())).solution.counter);
  assert.equal(
    [...counters].sort((a, b) => a - b),
    [3, 4, 5, 6],
  );
});

test('a key not found by the work, parameters changed after signing, a signature not in hex, another server, an expired challenge: each refused', async () => {
  const proof = await solved(await gate().challenge());
  const wrongKey = { ...proof, solution: { ...proof.solution, derivedKey: proof.solution.derivedKey.replace(/^./, (c) => (c === '0' ? '1' : '0')) } };
  assert.is(await gate().verify(wrongKey), 'proofFailed', 'a key not found by the work');
  const easier = { ...proof, challenge: { ...proof.challenge, parameters: { ...proof.challenge.parameters, keyPrefix: '00' } } };
  assert.is(await gate().verify(easier), 'proofFailed', 'a prefix changed after signing');
  const accented = { ...proof, challenge: { ...proof.challenge, signature: 'é'.repeat(proof.challenge.signature!.length) } };
  assert.is(await gate().verify(accented), 'proofFailed', 'a signature of the right length in characters of two bytes');
  const unsigned = { ...proof, challenge: { parameters: proof.challenge.parameters } };
  assert.is(await gate().verify(unsigned), 'proofFailed', 'no signature');
  assert.is(await new ProofOfWorkGate(() => ({ minCounter: 5, maxCounter: 50 })).verify(proof), 'proofFailed', 'another server (its own secrets)');
  const expired = await createChallenge({ algorithm: 'SHA-256', cost: 1, counter: 7, deriveKey, expiresAt: new Date(Date.now() - 1_000), ...altchaSecrets });
  assert.is(await gate().verify(await solved(expired)), 'proofFailed', 'expired');
  assert.is(await gate().verify(proof), 'ok', 'the proof itself still good after all that');
});

test('a solution is accepted once: the same proof again is proofReused', async () => {
  const once = gate();
  const proof = await solved(await once.challenge());
  assert.is(await once.verify(proof), 'ok');
  assert.is(await once.verify(proof), 'proofReused');
});

test.run();
