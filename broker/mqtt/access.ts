import type { OfficeConfig } from '../../shared/config/schema.ts';
import { simulatorId } from '../../shared/contract/simulation.ts';
import { type ClientRole, contract, type MatchedTopic, matchTopic } from '../../shared/contract/topics.ts';

/**
 * Which role a login has: a device's from the office configuration; the virtual office page's only
 * on a server started for simulation. Undefined for strangers.
 */
export function roleOf(config: OfficeConfig, deviceId: string, simulating = false): ClientRole | undefined {
  if (config.kiosks.some((k) => k.id === deviceId)) return 'kiosk';
  if (config.counters.some((c) => c.id === deviceId)) return 'counter';
  if (config.displays.some((d) => d.id === deviceId)) return 'display';
  if (simulating && deviceId === simulatorId) return 'simulator';
  return undefined;
}

/** Who is connected, and whether this server simulates (simulation-only topics exist only then). */
export interface Identity {
  deviceId: string;
  role: ClientRole;
  simulating?: boolean;
}

export type Decision = { allowed: true } | { allowed: false; reason: string };
const allow: Decision = { allowed: true };
const deny = (reason: string): { allowed: false; reason: string } => ({ allowed: false, reason });

const existsFor = (who: Identity, name: keyof typeof contract): Decision =>
  'simulationOnly' in contract[name] && !who.simulating ? deny(`${name} exists only on a server started for simulation`) : allow;

/**
 * A device publishes only the contract topics its role may, carrying its own id; retained only where
 * the contract says. An allowed publish comes with the topic it matched, so nobody matches it again.
 */
export function mayPublish(who: Identity, topic: string, retain: boolean): ({ allowed: true } & MatchedTopic) | { allowed: false; reason: string } {
  const match = matchTopic(topic);
  if (!match) return deny(`${topic} is not a contract topic`);
  const exists = existsFor(who, match.name);
  if (!exists.allowed) return exists;
  const spec = contract[match.name];
  const access = (spec.publish as Partial<Record<ClientRole, string>>)[who.role];
  if (!access) return deny(`a ${who.role} may not publish ${match.name}`);
  if (access === 'own' && match.id !== who.deviceId) return deny(`${who.deviceId} may not publish for ${match.id}`);
  // A retained request would be replayed to the engine at every restart: refused outright.
  if (retain && !spec.retained) return deny(`${match.name} must not be retained`);
  return { allowed: true, ...match };
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
  const exists = existsFor(who, name);
  if (!exists.allowed) return exists;
  const access = (contract[name].subscribe as Partial<Record<ClientRole, string>>)[who.role];
  if (!access) return deny(`a ${who.role} may not read ${name}`);
  const perDevice = contract[name].pattern.includes('{id}');
  if (access === 'own' && perDevice && id !== who.deviceId) return deny(`${who.deviceId} may read only its own ${name}`);
  return allow;
}
