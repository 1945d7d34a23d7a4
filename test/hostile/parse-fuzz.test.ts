import fc from 'fast-check';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { contract, maxPayloadBytes, parsePayload, type TopicName } from '../../shared/contract/topics.ts';

const names = Object.keys(contract) as TopicName[];

/** Strings that break naive code: control characters, lone surrogates, right-to-left marks, huge numbers in text. */
const nasty = fc.oneof(fc.string({ unit: 'binary', maxLength: 60 }), fc.constantFrom('\u0000', '\ud800', '\u202e', '%s%n', '__proto__', 'constructor', '9'.repeat(400)));
const anyJson = fc.oneof(
  fc.jsonValue({ maxDepth: 4 }),
  fc.dictionary(nasty, fc.jsonValue({ maxDepth: 2 })),
  fc.array(fc.anything({ maxDepth: 2 })).map((a) => a as unknown),
);

test('no payload makes any message parser throw: random JSON, random bytes, oversized', () => {
  for (const name of names) {
    fc.assert(
      fc.property(
        fc.oneof(
          anyJson.map((j) => JSON.stringify(j) ?? 'null'),
          fc.uint8Array({ maxLength: 300 }),
          fc.string({ minLength: maxPayloadBytes + 1, maxLength: maxPayloadBytes + 50 }),
        ),
        (payload) => {
          const result = parsePayload(name, payload);
          return typeof result.ok === 'boolean' && (result.ok || result.error.detail.length > 0);
        },
      ),
      { numRuns: 300 },
    );
  }
});

test('a valid request with any one field wrongly typed, or one key too many, is refused', () => {
  const valid = { kind: 'walkIn', requestId: 'fuzzing-id-0001', pressedAt: 1_795_500_000_000, serviceId: 'pasy' } as Record<string, unknown>;
  fc.assert(
    fc.property(
      fc.constantFrom(...Object.keys(valid)),
      fc.oneof(
        fc.integer(),
        fc.boolean(),
        fc.constant(null),
        fc.array(fc.integer()),
        nasty.filter((s) => s.length > 64),
      ),
      (field, value) => {
        if (field === 'serviceId' && typeof value === 'string') return true; // any short string is a service id to look up
        return !parsePayload('kioskRequest', JSON.stringify({ ...valid, [field]: value })).ok;
      },
    ),
    { numRuns: 300 },
  );
  fc.assert(
    fc.property(
      nasty.filter((k) => !(k in valid)),
      fc.jsonValue(),
      (key, value) => !parsePayload('kioskRequest', JSON.stringify({ ...valid, [key]: value })).ok,
    ),
    { numRuns: 200 },
  );
});

test('__proto__ and constructor keys do not pollute prototypes', () => {
  parsePayload('counterCommand', '{"__proto__": {"polluted": true}, "action": "next", "commandId": "abcdefgh", "pressedAt": 1795500000000}');
  assert.is(({} as Record<string, unknown>).polluted, undefined);
});

test.run();
