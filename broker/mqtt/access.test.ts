import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { kostelec } from '../../test/support/office-fixture.ts';
import { type Identity, mayPublish, maySubscribe, roleOf } from './access.ts';

const kiosk: Identity = { deviceId: 'kiosk-hala', role: 'kiosk' };
const counter: Identity = { deviceId: 'prepazka-2', role: 'counter' };
const display: Identity = { deviceId: 'obrazovka-hala', role: 'display' };

test('roles come from the office configuration; strangers have none', () => {
  const config = kostelec();
  assert.is(roleOf(config, 'kiosk-chodba'), 'kiosk');
  assert.is(roleOf(config, 'prepazka-7'), 'counter');
  assert.is(roleOf(config, 'obrazovka-chodba'), 'display');
  assert.is(roleOf(config, 'intruder'), undefined);
});

test('a kiosk publishes only its own requests and health', () => {
  assert.ok(mayPublish(kiosk, 'fronta/v1/kiosk/kiosk-hala/request', false).allowed);
  assert.ok(mayPublish(kiosk, 'fronta/v1/device/kiosk-hala/health', true).allowed);
  assert.not.ok(mayPublish(kiosk, 'fronta/v1/kiosk/kiosk-chodba/request', false).allowed);
  assert.not.ok(mayPublish(kiosk, 'fronta/v1/kiosk/kiosk-hala/reply', false).allowed);
  assert.not.ok(mayPublish(kiosk, 'fronta/v1/counter/prepazka-2/command', false).allowed);
  assert.not.ok(mayPublish(kiosk, 'fronta/v1/service/pasy/status', true).allowed);
});

test('a retained request is refused: it would be replayed to the engine at every restart', () => {
  assert.not.ok(mayPublish(kiosk, 'fronta/v1/kiosk/kiosk-hala/request', true).allowed);
});

test('a counter publishes only its own commands; a display publishes nothing', () => {
  assert.ok(mayPublish(counter, 'fronta/v1/counter/prepazka-2/command', false).allowed);
  assert.not.ok(mayPublish(counter, 'fronta/v1/counter/prepazka-3/command', false).allowed);
  assert.not.ok(mayPublish(counter, 'fronta/v1/hall/calls', true).allowed);
  for (const t of ['fronta/v1/hall/calls', 'fronta/v1/device/obrazovka-hala/health', 'fronta/v1/counter/prepazka-2/command', 'anything/else']) {
    assert.not.ok(mayPublish(display, t, false).allowed, t);
  }
});

test('subscriptions: own topics, shared status, and never a wildcard over private ones', () => {
  assert.ok(maySubscribe(kiosk, 'fronta/v1/kiosk/kiosk-hala/reply').allowed);
  assert.ok(maySubscribe(kiosk, 'fronta/v1/service/+/status').allowed);
  assert.ok(maySubscribe(kiosk, 'fronta/v1/device/kiosk-hala/config').allowed);
  assert.not.ok(maySubscribe(kiosk, 'fronta/v1/kiosk/+/reply').allowed);
  assert.not.ok(maySubscribe(kiosk, 'fronta/v1/kiosk/kiosk-chodba/reply').allowed);
  assert.not.ok(maySubscribe(kiosk, 'fronta/v1/device/+/config').allowed);
  assert.not.ok(maySubscribe(kiosk, 'fronta/v1/#').allowed);
  assert.not.ok(maySubscribe(kiosk, '#').allowed);
  assert.ok(maySubscribe(display, 'fronta/v1/hall/calls').allowed);
  assert.ok(maySubscribe(display, 'fronta/v1/counter/+/state').allowed);
  assert.not.ok(maySubscribe(display, 'fronta/v1/kiosk/+/request').allowed);
  assert.not.ok(maySubscribe(counter, 'fronta/v1/counter/prepazka-3/state').allowed);
  assert.not.ok(maySubscribe(counter, 'fronta/v1/device/+/presence').allowed);
});

test.run();
