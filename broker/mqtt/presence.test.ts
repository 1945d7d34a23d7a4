import { EventEmitter } from 'node:events';
import type { Aedes, Client } from 'aedes';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { ManualClock } from '../../shared/clock.ts';
import type { DevicePresence } from '../../shared/contract/device.ts';
import { kostelec } from '../../test/support/office-fixture.ts';
import { createLogger } from '../log.ts';
import { Presence } from './presence.ts';

/** The broker's two events, as Aedes emits them: each connection is its own client object. */
function presenceOn(broker: EventEmitter) {
  const seen = new Map<string, DevicePresence>();
  const presence = new Presence(
    broker as unknown as Aedes,
    () => kostelec(),
    new ManualClock(1_000),
    createLogger('test', () => {}),
    (id, p) => seen.set(id, p),
  );
  presence.start();
  return { seen, presence };
}
const connection = (id: string) => ({ id }) as Client;

test('every device starts offline, goes online with its connection and offline when it drops', () => {
  const broker = new EventEmitter();
  const { seen } = presenceOn(broker);
  assert.equal(seen.get('kiosk-hala'), { online: false, since: 1_000 });
  assert.equal(seen.get('obrazovka-hala'), { online: false, since: 1_000 }, 'displays too');
  const kiosk = connection('kiosk-hala');
  broker.emit('clientReady', kiosk);
  assert.is(seen.get('kiosk-hala')!.online, true);
  broker.emit('clientDisconnect', kiosk);
  assert.is(seen.get('kiosk-hala')!.online, false);
});

test('a device that reconnected before its old connection dropped stays online; a tool beside it counts for nothing', () => {
  const broker = new EventEmitter();
  const { seen, presence } = presenceOn(broker);
  const old = connection('prepazka-3');
  const fresh = connection('prepazka-3');
  broker.emit('clientReady', old);
  broker.emit('clientReady', fresh);
  broker.emit('clientDisconnect', old);
  assert.is(seen.get('prepazka-3')!.online, true, 'the old connection going is not the device going');
  broker.emit('clientReady', connection('prepazka-3~check'));
  assert.not.ok(seen.has('prepazka-3~check'));
  presence.stop();
  broker.emit('clientDisconnect', fresh);
  assert.is(seen.get('prepazka-3')!.online, true, 'stopped: no longer listening');
});

test.run();
