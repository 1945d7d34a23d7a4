import type { z } from 'zod';
import { counterCommandSchema, counterReplySchema, counterStateSchema } from './counter.ts';
import { type DeviceRole, deviceConfigSchema, deviceHealthSchema } from './device.ts';
import { hallCallsSchema } from './hall.ts';
import { kioskReplySchema, kioskRequestSchema } from './kiosk.ts';
import { idPattern } from './patterns.ts';
import { accepted, type Refusal, type Result } from './result.ts';
import { serviceStatusSchema } from './service.ts';
import { simInputSchema, simOutputSchema } from './simulation.ts';

/** The version is in the tree so a v2 can run beside v1 while devices are upgraded one by one. */
export const topicRoot = 'fronta/v1';

/** The devices, and the virtual office page, which exists only in simulation. */
export type ClientRole = DeviceRole | 'simulator';

/** 'own': only the topic carrying the device's own id; 'any': every id (and the + wildcard). */
type Access = Partial<Record<ClientRole, 'own' | 'any'>>;

interface TopicSpec {
  pattern: string;
  schema: z.ZodType;
  retained: boolean;
  /** Who besides the server may publish; the server publishes everything from inside the broker process. */
  publish: Access;
  subscribe: Access;
  /** Exists only on a server started for simulation; refused to everyone elsewhere. */
  simulationOnly?: true;
}

/** The whole MQTT contract: one topic tree, one schema per message, and who may do what (the ACL is derived from it). */
export const contract = {
  kioskRequest: { pattern: 'kiosk/{id}/request', schema: kioskRequestSchema, retained: false, publish: { kiosk: 'own' }, subscribe: {} },
  kioskReply: { pattern: 'kiosk/{id}/reply', schema: kioskReplySchema, retained: false, publish: {}, subscribe: { kiosk: 'own' } },
  counterCommand: { pattern: 'counter/{id}/command', schema: counterCommandSchema, retained: false, publish: { counter: 'own' }, subscribe: {} },
  counterReply: { pattern: 'counter/{id}/reply', schema: counterReplySchema, retained: false, publish: {}, subscribe: { counter: 'own' } },
  counterState: { pattern: 'counter/{id}/state', schema: counterStateSchema, retained: true, publish: {}, subscribe: { counter: 'own', display: 'any', simulator: 'any' } },
  hallCalls: { pattern: 'hall/calls', schema: hallCallsSchema, retained: true, publish: {}, subscribe: { display: 'any', simulator: 'any' } },
  serviceStatus: { pattern: 'service/{id}/status', schema: serviceStatusSchema, retained: true, publish: {}, subscribe: { kiosk: 'any', counter: 'any', display: 'any', simulator: 'any' } },
  deviceConfig: { pattern: 'device/{id}/config', schema: deviceConfigSchema, retained: true, publish: {}, subscribe: { kiosk: 'own', counter: 'own', display: 'own', simulator: 'any' } },
  deviceHealth: { pattern: 'device/{id}/health', schema: deviceHealthSchema, retained: true, publish: { kiosk: 'own', counter: 'own' }, subscribe: {} },
  simInput: { pattern: 'sim/{id}/input', schema: simInputSchema, retained: false, publish: { simulator: 'any' }, subscribe: { kiosk: 'own', counter: 'own' }, simulationOnly: true },
  simOutput: { pattern: 'sim/{id}/output', schema: simOutputSchema, retained: true, publish: { kiosk: 'own', counter: 'own', display: 'own' }, subscribe: { simulator: 'any' }, simulationOnly: true },
} as const satisfies Record<string, TopicSpec>;

export type TopicName = keyof typeof contract;
export type Message<N extends TopicName> = z.infer<(typeof contract)[N]['schema']>;

/** Payloads larger than this are refused before parsing; the largest real one (hall calls) is under 2 KiB. */
export const maxPayloadBytes = 8 * 1024;

export function topic(name: TopicName, id = ''): string {
  return `${topicRoot}/${contract[name].pattern.replace('{id}', id)}`;
}

/** A subscription filter for every id of a per-device topic: `fronta/v1/service/+/status`. */
export function topicFilter(name: TopicName): string {
  return topic(name, '+');
}

export interface MatchedTopic {
  name: TopicName;
  id: string;
}

const specs = Object.entries(contract).map(([name, spec]) => ({
  name: name as TopicName,
  segments: `${topicRoot}/${spec.pattern}`.split('/'),
}));

/** Which contract topic a concrete topic (or, with `allowPlus`, a filter) is, and the id it carries. */
export function matchTopic(concrete: string, allowPlus = false): MatchedTopic | undefined {
  const parts = concrete.split('/');
  for (const spec of specs) {
    if (spec.segments.length !== parts.length) continue;
    let id = '';
    const fits = spec.segments.every((segment, k) => {
      const part = parts[k]!;
      if (segment !== '{id}') return segment === part;
      id = part;
      return (allowPlus && part === '+') || idPattern.test(part);
    });
    if (fits) return { name: spec.name, id };
  }
  return undefined;
}

const invalid = (detail: string) => ({ ok: false as const, error: { code: 'invalidMessage' as const, detail } });

/** Parses a payload of a contract topic: size, JSON, then the topic's schema. Never throws. */
export function parsePayload<N extends TopicName>(name: N, payload: Uint8Array | string): Result<Message<N>, Refusal<'invalidMessage'> & { detail: string }> {
  const size = typeof payload === 'string' ? payload.length : payload.byteLength;
  if (size > maxPayloadBytes) return invalid(`payload of ${size} bytes exceeds ${maxPayloadBytes}`);
  let json: unknown;
  try {
    json = JSON.parse(typeof payload === 'string' ? payload : new TextDecoder().decode(payload));
  } catch {
    return invalid('payload is not JSON');
  }
  const result = contract[name].schema.safeParse(json);
  if (result.success) return accepted(result.data as Message<N>);
  return invalid(result.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; '));
}
