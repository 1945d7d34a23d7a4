import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { HashingBusy, HashingQueue } from '../../broker/staff/hashing-queue.ts';
import { FileStore } from '../../broker/store/file-store.ts';
import { eventually } from '../support/eventually.ts';
import { requestFrom } from '../support/from-address.ts';
import { collect, connectAs } from '../support/mqtt-client.ts';
import { runOffice } from '../support/office-fixture.ts';
import { tempDir } from '../support/temp-dir.ts';

test('the hashing queue runs one hash at a time and refuses beyond its waiting room at once', async () => {
  const queue = new HashingQueue(1, 2);
  let running = 0;
  let most = 0;
  const releases: (() => void)[] = [];
  const work = () =>
    queue.run(
      () =>
        new Promise<void>((resolve) => {
          most = Math.max(most, ++running);
          releases.push(() => {
            running--;
            resolve();
          });
        }),
    );
  const accepted = [work(), work(), work()];
  assert.ok(
    await work().then(
      () => false,
      (error: unknown) => error instanceof HashingBusy,
    ),
    'the fourth is refused',
  );
  for (let k = 1; k <= accepted.length; k++) {
    await eventually(`hash ${k} to start`, () => releases.length > 0);
    releases.shift()!();
  }
  await Promise.all(accepted);
  assert.is(most, 1);
});

test('160 logins at once, from 160 addresses: the queue is answered busy beyond its room, and a kiosk press is answered before the burst is', async () => {
  const data = await tempDir();
  const office = await runOffice({ store: new FileStore(join(data.path, 'queue')) });
  try {
    const kiosk = await connectAs(office.devices.find((d) => d.deviceId === 'kiosk-hala')!);
    const replies = await collect(kiosk, 'fronta/v1/kiosk/kiosk-hala/reply');
    const base = `http://127.0.0.1:${office.server.httpPort}`;
    let loginsAnswered = 0;
    const burst = Array.from({ length: 160 }, (_, k) =>
      requestFrom(`127.0.${1 + Math.floor(k / 200)}.${(k % 200) + 10}`, `${base}/api/staff/login`, 'POST', { username: `nikdo${k}`, password: 'cokoliv-dlouheho' }).finally(() => loginsAnswered++),
    );
    await eventually('the first login answers', () => loginsAnswered > 0, 30_000);
    await kiosk.publishAsync('fronta/v1/kiosk/kiosk-hala/request', JSON.stringify({ kind: 'walkIn', requestId: 'during-burst-1', pressedAt: office.clock.now(), serviceId: 'pasy' }), { qos: 1 });
    await eventually('the ticket', () => replies.length > 0, 30_000);
    const answeredBeforeTicket = loginsAnswered;
    const answers = await Promise.all(burst);
    assert.ok((replies[0]!.payload as { ok: boolean }).ok, 'the ticket was issued');
    assert.ok(answeredBeforeTicket < 160, `the press waited for ${answeredBeforeTicket} of 160 logins`);
    const busy = answers.filter((a) => a.status === 503 && a.body.error.code === 'busy').length;
    assert.ok(busy > 0, 'logins beyond the waiting room are refused without hashing');
    assert.ok(answers.every((a) => a.status === 503 || a.status === 401));
    await kiosk.endAsync();
  } finally {
    await office.stop();
    await data.remove();
  }
});

test.run();
