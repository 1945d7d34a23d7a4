import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { matchTopic, maxPayloadBytes, parsePayload, topic } from './topics.ts';

const request = { kind: 'walkIn', requestId: 'abcdefgh1234', pressedAt: Date.parse('2026-11-24T09:00:00+01:00'), serviceId: 'pasy' };

test('topics are built and recognised from the one contract table', () => {
  assert.is(topic('kioskRequest', 'kiosk-hala'), 'fronta/v1/kiosk/kiosk-hala/request');
  assert.equal(matchTopic('fronta/v1/kiosk/kiosk-hala/request'), { name: 'kioskRequest', id: 'kiosk-hala' });
  assert.equal(matchTopic('fronta/v1/hall/calls'), { name: 'hallCalls', id: '' });
  assert.is(matchTopic('fronta/v1/kiosk/+/request'), undefined);
  assert.equal(matchTopic('fronta/v1/service/+/status', true), { name: 'serviceStatus', id: '+' });
  assert.is(matchTopic('fronta/v2/kiosk/kiosk-hala/request'), undefined);
  assert.is(matchTopic('fronta/v1/kiosk/Kiosk Hala/request'), undefined);
});

test('a valid request parses', () => {
  assert.ok(parsePayload('kioskRequest', JSON.stringify(request)).ok);
});

test('malformed, oversized, wrongly typed and over-complete payloads are refused with a reason', () => {
  const reasons = [
    parsePayload('kioskRequest', '{"kind": "walkIn",'),
    parsePayload('kioskRequest', JSON.stringify({ ...request, padding: 'x'.repeat(maxPayloadBytes) })),
    parsePayload('kioskRequest', JSON.stringify({ ...request, pressedAt: '2026-11-24' })),
    parsePayload('kioskRequest', JSON.stringify({ ...request, extra: true })),
    parsePayload('kioskRequest', JSON.stringify({ ...request, requestId: 'short' })),
    parsePayload('kioskRequest', JSON.stringify([request])),
    parsePayload('counterCommand', JSON.stringify({ action: 'transfer', commandId: 'abcdefgh1234', pressedAt: request.pressedAt })),
  ].map((r) => (r.ok ? 'accepted' : r.error.detail));
  assert.match(reasons[0]!, 'not JSON');
  assert.match(reasons[1]!, 'exceeds');
  assert.match(reasons[2]!, 'pressedAt');
  assert.match(reasons[3]!, 'extra');
  assert.match(reasons[4]!, 'requestId');
  assert.not.ok(reasons.includes('accepted'), reasons.join('\n'));
});

test.run();
