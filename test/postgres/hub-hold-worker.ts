import { randomBytes, randomInt } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { emailKey } from '../../broker/booking/email-key.ts';
import { HubHolds } from '../../broker/hub/hub-holds.ts';
import { pgPool } from '../../broker/store/pg/pool.ts';
import { kostelec } from '../support/office-fixture.ts';

/**
 * One stateless booking process of the hub for the race test: POST /holds {serviceId, startsAt,
 * email, clientKey, now} → 201 or the refusal, through HubHolds on the shared database. Prints
 * {"port"} once listening; exits when its parent goes.
 */
const [socketDir, database] = [process.argv[2]!, process.argv[3]!];
const pool = pgPool({ host: socketDir, user: 'fronta', database, max: 20 });
const config = kostelec((c) => {
  for (const s of c.services) if (s.booking) s.booking = { ...s.booking, placesPerSlot: 1, onlinePlaces: { mon: 500, tue: 500, wed: 500, thu: 500, fri: 500 } };
  c.booking = { limits: { holdRequestsPerAddress: 1e6 } };
});
const holds = new HubHolds(pool, {
  id: () => randomBytes(12).toString('base64url'),
  token: () => randomBytes(16).toString('base64url'),
  code: () => String(randomInt(0, 100_000_000)).padStart(8, '0'),
});
const server = createServer((req, res) => {
  let body = '';
  req.on('data', (chunk: Buffer) => {
    body += chunk.toString('utf8');
  });
  req.on('end', async () => {
    const input = JSON.parse(body) as { serviceId: string; startsAt: number; email: string; clientKey: string; now: number };
    const person = { name: 'Závodník', email: input.email, emailKey: emailKey(input.email) };
    const outcome = await holds.hold('kostelec', config, { serviceId: input.serviceId, startsAt: input.startsAt, person, language: 'cs', clientKey: input.clientKey }, input.now);
    res.writeHead(outcome.ok ? 201 : outcome.error.code === 'storageFailed' ? 503 : 409, { 'content-type': 'application/json' });
    res.end(JSON.stringify(outcome.ok ? { id: outcome.data.id } : { error: outcome.error.code }));
  });
});
server.listen(0, '127.0.0.1', () => console.log(JSON.stringify({ port: (server.address() as AddressInfo).port })));
process.on('disconnect', () => {
  server.close();
  void pool.end().then(() => process.exit(0));
});
