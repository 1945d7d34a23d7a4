import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import type { DocumentStore } from '../store/document-store.ts';

/**
 * Device secrets are 256 random bits, so a plain SHA-256 of them cannot be brute-forced; a slow,
 * memory-hard hash is for human passwords (staff logins), not for these.
 */
export const credentialsSchema = z.record(z.string(), z.string().regex(/^[0-9a-f]{64}$/));
export type Credentials = z.infer<typeof credentialsSchema>;

export const newSecret = (): string => randomBytes(32).toString('base64url');
export const hashSecret = (secret: string): string => createHash('sha256').update(secret).digest('hex');

/**
 * The hash of each device's secret (`credentials.json`), read by the broker at every login. A
 * device gets a secret of its own (enrolment), or loses it (revoked, or removed from the office),
 * without any other device's changing. One writer: changes are saved one after another, whole.
 */
export class DeviceKeys {
  private hashes: Credentials = {};
  private saving: Promise<unknown> = Promise.resolve();

  constructor(private readonly store: DocumentStore) {}

  /** A missing file is an office with no device enrolled yet. */
  async start(): Promise<void> {
    const text = await this.store.read();
    this.hashes = text === null ? {} : credentialsSchema.parse(JSON.parse(text));
  }

  has(deviceId: string): boolean {
    return Object.hasOwn(this.hashes, deviceId);
  }

  matches(deviceId: string, secret: Buffer | undefined): boolean {
    const stored = this.has(deviceId) ? this.hashes[deviceId] : undefined;
    if (!stored || !secret) return false;
    return timingSafeEqual(Buffer.from(stored, 'hex'), Buffer.from(hashSecret(secret.toString('utf8')), 'hex'));
  }

  /** A new secret for this device only, saved before it is returned; the old one no longer logs in. */
  async issue(deviceId: string): Promise<string> {
    const secret = newSecret();
    await this.change((hashes) => ({ ...hashes, [deviceId]: hashSecret(secret) }));
    return secret;
  }

  /** Whether the device had a secret. */
  async revoke(deviceId: string): Promise<boolean> {
    if (!this.has(deviceId)) return false;
    await this.change(({ [deviceId]: _gone, ...rest }) => rest);
    return true;
  }

  private change(next: (hashes: Credentials) => Credentials): Promise<void> {
    const run = this.saving.then(async () => {
      const hashes = next(this.hashes);
      await this.store.write(`${JSON.stringify(hashes, null, 2)}\n`);
      this.hashes = hashes;
    });
    this.saving = run.catch(() => undefined);
    return run;
  }
}
