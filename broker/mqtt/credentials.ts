import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { writeFileDurably } from '../store/durable-file.ts';

/**
 * Device secrets are 256 random bits, so a plain SHA-256 of them cannot be brute-forced; a slow,
 * memory-hard hash is for human passwords (staff logins), not for these.
 */
export const credentialsSchema = z.record(z.string(), z.string().regex(/^[0-9a-f]{64}$/));
export type Credentials = z.infer<typeof credentialsSchema>;

export const newSecret = (): string => randomBytes(32).toString('base64url');
export const hashSecret = (secret: string): string => createHash('sha256').update(secret).digest('hex');

export function secretMatches(credentials: Credentials, deviceId: string, secret: Buffer | undefined): boolean {
  const stored = credentials[deviceId];
  if (!stored || !secret) return false;
  return timingSafeEqual(Buffer.from(stored, 'hex'), Buffer.from(hashSecret(secret.toString('utf8')), 'hex'));
}

export async function readCredentials(path: string): Promise<Credentials> {
  return credentialsSchema.parse(JSON.parse(await readFile(path, 'utf8')));
}

export async function writeCredentials(path: string, credentials: Credentials): Promise<void> {
  await writeFileDurably(path, `${JSON.stringify(credentials, null, 2)}\n`);
}
