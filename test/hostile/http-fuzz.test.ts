import fc from 'fast-check';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { bookingClient } from '../support/booking-client.ts';
import { kostelec, runOffice } from '../support/office-fixture.ts';
import { addAccount, adminToken, staffClient } from '../support/staff-client.ts';

/** Bodies that must never change anything: not JSON, wrong shapes, unicode edge cases, near-valid holds. */
const hostileBody = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc.jsonValue({ maxDepth: 3 }).map((j) => JSON.stringify(j) ?? 'null'),
  fc
    .record(
      {
        serviceId: fc.oneof(fc.constantFrom('pasy', 'pokladna', '../etc', ''), fc.string({ unit: 'binary', maxLength: 50 })),
        startsAt: fc.oneof(fc.integer(), fc.double(), fc.string(), fc.constant(1_795_000_000_000)),
        name: fc.string({ unit: 'grapheme-composite', maxLength: 150 }),
        email: fc.oneof(fc.emailAddress(), fc.string({ unit: 'binary', maxLength: 250 })),
        phone: fc.string({ maxLength: 30 }),
        consent: fc.oneof(fc.boolean(), fc.constant('true')),
        language: fc.constantFrom('cs', 'en', 'de', ''),
        code: fc.oneof(fc.stringMatching(/^\d{8}$/), fc.string({ maxLength: 12 })),
        proof: fc.jsonValue({ maxDepth: 2 }),
      },
      { requiredKeys: [] },
    )
    .map((r) => JSON.stringify(r)),
);

const routes = [
  ['POST', '/api/holds'],
  ['POST', '/api/cancellations/preview'],
  ['POST', '/api/cancellations/confirm'],
  ['POST', '/api/confirmations/AAAAAAAAAAAAAAAAAAAAAA'],
  ['PUT', '/api/admin/suspension'],
] as const;

test('hostile HTTP bodies and paths get a clear 4xx with a refusal code, change nothing, and the server stays up', async () => {
  const config = kostelec((c) => {
    c.booking = { limits: { cancelAttemptsPerAddress: 10_000, holdRequestsPerAddress: 10_000 } };
  });
  const office = await runOffice({ config });
  const api = bookingClient(`http://127.0.0.1:${office.server.httpPort}`);
  try {
    const before = JSON.stringify([(await api.days('pasy')).body, office.server.bookings.ledger.bookings()]);
    const bodies = fc.sample(hostileBody, { numRuns: 150, seed: 20261124 });
    for (const [method, path] of routes) {
      for (const body of bodies) {
        const reply = await api.request(method, path, body, { 'content-type': 'application/json' });
        assert.ok(reply.status >= 400 && reply.status < 500, `${method} ${path} ${body} → ${reply.status}`);
        assert.type(reply.body?.error?.code, 'string', `${method} ${path} ${body}`);
      }
    }
    const paths = fc.sample(fc.string({ unit: 'grapheme', maxLength: 40 }), { numRuns: 100, seed: 7 });
    for (const p of paths) {
      const reply = await fetch(`http://127.0.0.1:${office.server.httpPort}/api/services/${encodeURIComponent(p)}/days/${encodeURIComponent(p)}`);
      assert.ok(reply.status >= 400 && reply.status < 500, `${p} → ${reply.status}`);
    }
    const wrongType = await api.request('POST', '/api/holds', 'serviceId=pasy', { 'content-type': 'application/x-www-form-urlencoded' });
    assert.is(wrongType.status, 415);
    assert.is(wrongType.body!.error.code, 'invalidRequest');
    assert.is(JSON.stringify([(await api.days('pasy')).body, office.server.bookings.ledger.bookings()]), before);
    assert.is((await api.request('GET', '/health')).status, 200);
  } finally {
    await office.stop();
  }
});

/** Near-valid staff bodies on top of the booking ones: accounts, settings, callers, counters. */
const hostileStaffBody = fc.oneof(
  hostileBody,
  fc
    .record(
      {
        username: fc.oneof(fc.constantFrom('novak', 'a', '../x', 'Žofie'), fc.string({ unit: 'binary', maxLength: 60 })),
        password: fc.string({ unit: 'grapheme-composite', maxLength: 250 }),
        role: fc.constantFrom('clerk', 'admin', 'root', ''),
        counterId: fc.oneof(fc.constant(null), fc.string({ maxLength: 50 })),
        notify: fc.oneof(fc.boolean(), fc.constant('yes')),
        cancelAffected: fc.oneof(fc.boolean(), fc.integer()),
        config: fc.oneof(fc.jsonValue({ maxDepth: 3 }), fc.constant({ version: 1 })),
      },
      { requiredKeys: [] },
    )
    .map((r) => JSON.stringify(r)),
);

const staffRoutes = [
  ['POST', '/api/staff/login'],
  ['POST', '/api/staff/bookings'],
  ['POST', '/api/staff/bookings/nonexistent/cancel'],
  ['PUT', '/api/staff/my-counter'],
  ['PUT', '/api/staff/suspension'],
  ['POST', '/api/staff/settings/preview'],
  ['PUT', '/api/staff/settings'],
  ['POST', '/api/staff/accounts'],
] as const;

test('hostile bodies to every staff route, from a logged-in administrator: a clear 4xx, the settings, bookings and accounts unchanged', async () => {
  const config = kostelec((c) => {
    c.staff = { lockoutAttempts: 100 };
  });
  const office = await runOffice({ config, adminToken });
  const base = `http://127.0.0.1:${office.server.httpPort}`;
  try {
    await addAccount(base, 'reditelka', 'admin');
    const admin = staffClient(base);
    await admin.login('reditelka');
    const state = () => JSON.stringify([office.server.engine.config, office.server.bookings.ledger.bookings(), office.server.accounts.list(), office.server.bookings.citizens.info().suspension]);
    const before = state();
    const bodies = fc.sample(hostileStaffBody, { numRuns: 120, seed: 20261201 });
    for (const [method, path] of staffRoutes) {
      for (const body of bodies) {
        const reply = await admin.call(method, path, body, { headers: { 'content-type': 'application/json' } });
        assert.ok(reply.status >= 400 && reply.status < 500, `${method} ${path} ${body} → ${reply.status}`);
        assert.type(reply.body?.error?.code, 'string', `${method} ${path} ${body}`);
      }
    }
    for (const query of fc.sample(fc.string({ unit: 'grapheme', maxLength: 30 }), { numRuns: 60, seed: 11 })) {
      const q = encodeURIComponent(query);
      for (const path of [`/api/staff/bookings?day=${q}`, `/api/staff/statistics?from=${q}&to=${q}`, `/api/staff/services/${q}/slots?day=${q}`]) {
        const reply = await admin.call('GET', path);
        assert.ok(reply.status >= 400 && reply.status < 500, `${path} → ${reply.status}`);
      }
    }
    assert.is(state(), before);
    assert.is((await admin.call('GET', '/api/staff/session')).status, 200, 'still logged in, server up');
  } finally {
    await office.stop();
  }
});

test.run();
