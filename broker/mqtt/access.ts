import type { OfficeConfig } from '../../shared/config/schema.ts';
import type { DeviceRole } from '../../shared/contract/device.ts';
import { contract, matchTopic } from '../../shared/contract/topics.ts';

/** Which role a device id has in the office configuration; undefined for strangers. */
export function roleOf(config: OfficeConfig, deviceId: string): DeviceRole | undefined {
  if (config.kiosks.some((k) => k.id === deviceId)) return 'kiosk';
  if (config.counters.some((c) => c.id === deviceId)) return 'counter';
  if (config.displays.some((d) => d.id === deviceId)) return 'display';
  return undefined;
}

export interface Identity { deviceId: string; role: DeviceRole }

export type Decision = { allowed: true } | { allowed: false; reason: string };
const allow: Decision = { allowed: true };
const deny = (reason: string): Decision => ({ allowed: false, reason });

/** A device publishes only the contract topics its role may, carrying its own id; retained only where the contract says. */
export function mayPublish(who: Identity, topic: string, retain: boolean): Decision {
  const match = matchTopic(topic);
  if (!match) return deny(`${topic} is not a contract topic`);
  const spec = contract[match.name];
  const access = (spec.publish as Partial<Record<DeviceRole, string>>)[who.role];
  if (!access) return deny(`a ${who.role} may not publish ${match.name}`);
  if (match.id !== who.deviceId) return deny(`${who.deviceId} may not publish for ${match.id}`);
  // A retained request would be replayed to the engine at every restart: refused outright.
  if (retain && !spec.retained) return deny(`${match.name} must not be retained`);
  return allow;
}

/** A device subscribes only to what its role may read; `+` stands for "every id" where it may read every id. */
export function maySubscribe(who: Identity, filter: string): Decision {
  const match = matchTopic(filter, true);
  if (!match) return deny(`${filter} is not a contract topic filter`);
  return mayReadMatch(who, match.name, match.id);
}

/** Checked again on every delivery, retained messages included (aedes issue #200: a refused subscription may still leak retained messages). */
export function mayRead(who: Identity, topic: string): boolean {
  const match = matchTopic(topic);
  return match !== undefined && mayReadMatch(who, match.name, match.id).allowed;
}

function mayReadMatch(who: Identity, name: keyof typeof contract, id: string): Decision {
  const access = (contract[name].subscribe as Partial<Record<DeviceRole, string>>)[who.role];
  if (!access) return deny(`a ${who.role} may not read ${name}`);
  const perDevice = contract[name].pattern.includes('{id}');
  if (access === 'own' && perDevice && id !== who.deviceId) return deny(`${who.deviceId} may read only its own ${name}`);
  return allow;
}
