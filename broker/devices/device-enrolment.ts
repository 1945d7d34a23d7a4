import { randomInt } from 'node:crypto';
import type { Clock } from '../../shared/clock.ts';
import type { OfficeConfig } from '../../shared/config/schema.ts';
import { type DeviceAccess, type DeviceRow, type Enrolment, type EnrolmentOffer, enrolmentAlphabet, enrolmentCodeLength, shownCode } from '../../shared/contract/enrolment.ts';
import { accepted, type Refusal, type Result, refused } from '../../shared/contract/result.ts';
import type { Logger } from '../log.ts';
import type { DeviceKeys } from './device-keys.ts';

/** Long enough to walk from the staff PC to the device and type it; short enough that a code on a note is soon worth nothing. */
export const offerValidMs = 2 * 60 * 60_000;

/** Where a device reaches the broker, given the host name by which it reached this server. */
export type BrokerAddress = (hostname: string) => Pick<DeviceAccess, 'broker' | 'brokerCa'>;

export interface EnrolmentDeps {
  keys: DeviceKeys;
  clock: Clock;
  config: () => OfficeConfig;
  /** Closes the device's live connections (mqtt-broker.ts). */
  disconnect: (deviceId: string) => number;
  online: (deviceId: string) => boolean;
  brokerAddress: BrokerAddress;
  log: Logger;
}

const newCode = () => Array.from({ length: enrolmentCodeLength }, () => enrolmentAlphabet[randomInt(enrolmentAlphabet.length)]).join('');

/**
 * Enrolling, replacing and revoking one device while the office runs (docs/DEVICES.md). A code is
 * offered for one configured device; used once, it gives that device a new secret (any earlier one,
 * a broken Pi's, stops working and its connection is closed) and nothing changes for the others.
 * Offers live in memory only: a restart of the server voids them, and the administrator asks again.
 */
export class DeviceEnrolment {
  private readonly offers = new Map<string, { deviceId: string; expiresAt: number }>();

  constructor(private readonly deps: EnrolmentDeps) {}

  rows(): DeviceRow[] {
    const { config, keys, online } = this.deps;
    const { kiosks, counters, displays } = config();
    const row = (deviceId: string, role: DeviceRow['role'], name: DeviceRow['name'], counterNumber: number | null): DeviceRow => ({
      deviceId,
      role,
      name,
      counterNumber,
      enrolled: keys.has(deviceId),
      online: online(deviceId),
      offer: this.offerOf(deviceId),
    });
    return [...kiosks.map((k) => row(k.id, 'kiosk', k.name, null)), ...counters.map((c) => row(c.id, 'counter', null, c.number)), ...displays.map((d) => row(d.id, 'display', d.name, null))];
  }

  /** A new code for this device; an earlier one for it stops working. */
  offer(deviceId: string): Result<EnrolmentOffer, Refusal<'notFound'>> {
    if (!this.configured(deviceId)) return refused('notFound', `no device ${deviceId} in the office's settings`);
    this.dropOffers((o) => o.deviceId === deviceId);
    const code = newCode();
    const expiresAt = this.deps.clock.now() + offerValidMs;
    this.offers.set(code, { deviceId, expiresAt });
    this.deps.log.info('enrolment code offered', { deviceId, expiresAt });
    return accepted({ code: shownCode(code), expiresAt });
  }

  /** `code` as normalised by its schema. The secret is made now, saved, and told to this caller only. */
  async redeem(code: string, hostname: string): Promise<Result<Enrolment, Refusal<'unknownCode' | 'storageFailed'>>> {
    this.dropExpired();
    const offer = this.offers.get(code);
    const role = offer && this.roleOf(offer.deviceId);
    if (!offer || !role) return refused('unknownCode', 'the code is wrong, used or expired: ask the staff page for a new one');
    this.offers.delete(code);
    const { keys, disconnect, brokerAddress, log } = this.deps;
    let secret: string;
    try {
      secret = await keys.issue(offer.deviceId);
    } catch (error) {
      log.error('enrolment: the device secret was not saved', { deviceId: offer.deviceId, error: String(error) });
      return refused('storageFailed');
    }
    const replaced = disconnect(offer.deviceId);
    log.info('device enrolled', { deviceId: offer.deviceId, replacedConnections: replaced });
    return accepted({ role, access: { ...brokerAddress(hostname), deviceId: offer.deviceId, secret } });
  }

  /** The device's secret stops working and its connections are closed at once. */
  async revoke(deviceId: string): Promise<Result<{ disconnected: number }, Refusal<'notFound' | 'storageFailed'>>> {
    this.dropOffers((o) => o.deviceId === deviceId);
    try {
      if (!(await this.deps.keys.revoke(deviceId)) && !this.configured(deviceId)) return refused('notFound', `no device ${deviceId}`);
    } catch (error) {
      this.deps.log.error('revoking: the device keys were not saved', { deviceId, error: String(error) });
      return refused('storageFailed');
    }
    const disconnected = this.deps.disconnect(deviceId);
    this.deps.log.info('device secret revoked', { deviceId, disconnected });
    return accepted({ disconnected });
  }

  /** After a settings change: a device no longer in the office loses its secret and its connection. */
  async forgetRemoved(before: OfficeConfig): Promise<void> {
    const ids = (c: OfficeConfig) => [...c.kiosks, ...c.counters, ...c.displays].map((d) => d.id);
    const now = new Set(ids(this.deps.config()));
    for (const id of ids(before)) if (!now.has(id)) await this.revoke(id);
  }

  private configured(deviceId: string): boolean {
    return this.roleOf(deviceId) !== undefined;
  }

  private roleOf(deviceId: string): DeviceRow['role'] | undefined {
    return this.rows().find((r) => r.deviceId === deviceId)?.role;
  }

  private offerOf(deviceId: string): EnrolmentOffer | null {
    this.dropExpired();
    for (const [code, offer] of this.offers) if (offer.deviceId === deviceId) return { code: shownCode(code), expiresAt: offer.expiresAt };
    return null;
  }

  private dropExpired(): void {
    const now = this.deps.clock.now();
    this.dropOffers((o) => o.expiresAt <= now);
  }

  private dropOffers(which: (offer: { deviceId: string; expiresAt: number }) => boolean): void {
    for (const [code, offer] of this.offers) if (which(offer)) this.offers.delete(code);
  }
}
