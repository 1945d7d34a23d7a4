import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { bookingClient } from '../support/booking-client.ts';
import { startCaddy } from '../support/caddy-proxy.ts';
import { requestFrom } from '../support/from-address.ts';
import { kostelecEasyProof, runOffice } from '../support/office-fixture.ts';

const badCancel = { code: '00000000', email: 'nikdo@example.cz' };
const tenAm = Date.parse('2026-11-25T10:00:00+01:00');

/** Uses up one address's allowance of cancel attempts; answers the status of the attempt after it. */
async function exhaustCancels(from: string, url: string, limit: number, headers: Record<string, string> = {}) {
  for (let i = 0; i < limit; i++) assert.is.not((await requestFrom(from, `${url}/api/cancellations/preview`, 'POST', badCancel, headers)).status, 429, `attempt ${i + 1} of ${limit}`);
  return (await requestFrom(from, `${url}/api/cancellations/preview`, 'POST', badCancel, headers)).status;
}

test('behind the trusted Caddy proxy, one address using up its limits leaves every other citizen their own', async () => {
  const office = await runOffice({ config: kostelecEasyProof(), trustProxy: ['127.0.0.1'] });
  const caddy = await startCaddy(office.server.httpPort);
  try {
    const limit = office.config.booking.limits.cancelAttemptsPerAddress;
    assert.is(await exhaustCancels('127.0.0.2', caddy.url, limit), 429, 'the attacker is limited');
    // Caddy replaces a client's own X-Forwarded-For: naming another address does not renew the allowance.
    assert.is((await requestFrom('127.0.0.2', `${caddy.url}/api/cancellations/preview`, 'POST', badCancel, { 'x-forwarded-for': '198.51.100.7' })).status, 429);
    assert.is((await requestFrom('127.0.0.3', `${caddy.url}/api/cancellations/preview`, 'POST', badCancel)).status, 404, 'another citizen still cancels');

    // 30 empty holds from one address, then a real citizen's hold from another.
    const holds = office.config.booking.limits.holdRequestsPerAddress;
    for (let i = 0; i < holds; i++) await requestFrom('127.0.0.4', `${caddy.url}/api/holds`, 'POST', {});
    assert.is((await requestFrom('127.0.0.4', `${caddy.url}/api/holds`, 'POST', {})).status, 429);
    const proof = await bookingClient(caddy.url).proof();
    const hold = await requestFrom('127.0.0.5', `${caddy.url}/api/holds`, 'POST', {
      serviceId: 'pasy',
      startsAt: tenAm,
      name: 'Jana Nováková',
      email: 'jana@example.cz',
      language: 'cs',
      consent: true,
      proof,
    });
    assert.is(hold.status, 201, JSON.stringify(hold.body));
  } finally {
    await caddy.stop();
    await office.stop();
  }
});

test('a server that trusts no proxy ignores X-Forwarded-For: a client cannot name itself a fresh address', async () => {
  const office = await runOffice();
  try {
    const url = `http://127.0.0.1:${office.server.httpPort}`;
    const limit = office.config.booking.limits.cancelAttemptsPerAddress;
    let status = 0;
    for (let i = 0; i <= limit; i++) status = (await requestFrom('127.0.0.6', `${url}/api/cancellations/preview`, 'POST', badCancel, { 'x-forwarded-for': `198.51.100.${i}` })).status;
    assert.is(status, 429);
  } finally {
    await office.stop();
  }
});

test('the admin token works only from the server itself, with the exact Bearer scheme: not through the proxy, not bare', async () => {
  const adminToken = 'proxy-test-admin-token-0123456789';
  const office = await runOffice({ adminToken, trustProxy: ['127.0.0.1'] });
  const caddy = await startCaddy(office.server.httpPort);
  try {
    const suspend = { workplaceIds: null, notice: { cs: 'Mimo provoz.', en: 'Out of service.' } };
    const direct = `http://127.0.0.1:${office.server.httpPort}/api/admin/suspension`;
    assert.is((await requestFrom('127.0.0.1', `${caddy.url}/api/admin/suspension`, 'PUT', suspend, { authorization: `Bearer ${adminToken}` })).status, 401, 'through the proxy');
    assert.is((await requestFrom('127.0.0.1', direct, 'PUT', suspend, { authorization: adminToken })).status, 401, 'without the scheme');
    assert.is((await requestFrom('127.0.0.1', direct, 'PUT', suspend, { authorization: `bearer  ${adminToken}` })).status, 401, 'another spelling');
    assert.is(office.server.bookings.citizens.info().suspension, null, 'nothing was suspended');
    assert.is((await requestFrom('127.0.0.1', direct, 'PUT', suspend, { authorization: `Bearer ${adminToken}` })).status, 200, 'on the server itself');
  } finally {
    await caddy.stop();
    await office.stop();
  }
});

test.run();
