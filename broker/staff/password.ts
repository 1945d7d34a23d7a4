import { randomBytes, type ScryptOptions, scrypt, timingSafeEqual } from 'node:crypto';
import { HashingQueue } from './hashing-queue.ts';

/**
 * Staff passwords with scrypt, the memory-hard function built into Node (no native module to
 * approve): N = 2^15, r = 8 takes 32 MiB and tens of milliseconds per guess, which is what makes
 * a stolen staff file expensive to crack. Stored as `scrypt$N$r$p$salt$hash` so the cost can rise later.
 */
const cost = { N: 2 ** 15, r: 8, p: 1 };
const keyLength = 32;

const hashing = new HashingQueue();

/** Throws HashingBusy when too many hashes wait already. */
const derive = (password: string, salt: Buffer, options: ScryptOptions, length: number) =>
  hashing.run(
    () =>
      new Promise<Buffer>((resolve, reject) =>
        scrypt(password.normalize('NFC'), salt, length, { ...options, maxmem: 256 * options.N! * options.r! }, (error, key) => (error ? reject(error) : resolve(key))),
      ),
  );

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, cost, keyLength);
  return ['scrypt', cost.N, cost.r, cost.p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [kind, n, r, p, salt, hash] = stored.split('$');
  if (kind !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64url');
  const key = await derive(password, Buffer.from(salt, 'base64url'), { N: Number(n), r: Number(r), p: Number(p) }, expected.length);
  return timingSafeEqual(key, expected);
}

let decoy: Promise<string> | undefined;

/** Checked against when the user name is unknown, so that the answer takes as long as for a known one. */
export function decoyHash(): Promise<string> {
  // A busy hashing queue refuses the first one: it is made again next time, not kept as a failure.
  decoy ??= hashPassword(randomBytes(16).toString('hex')).catch((error: unknown) => {
    decoy = undefined;
    throw error;
  });
  return decoy;
}
