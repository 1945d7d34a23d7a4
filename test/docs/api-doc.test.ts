import { readFileSync } from 'node:fs';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { runOffice } from '../support/office-fixture.ts';

// docs/API.md is how anyone calls the server without reading the code: its route tables must be the server's routes.
const page = readFileSync(new URL('../../docs/API.md', import.meta.url), 'utf8');

/** Every route row of the page's tables: `METHOD /path` in the first cell, the second cell kept. */
function documented(): { route: string; who: string }[] {
  const rows: { route: string; who: string }[] = [];
  for (const line of page.split('\n')) {
    const cells = line.split('|').map((c) => c.trim());
    const first = cells[1] ?? '';
    const match = /^`(GET|POST|PUT|PATCH|DELETE)`?(?: \(and `HEAD`\))? ?`?(\/[^`]*)`$/.exec(first);
    if (!match) continue;
    // The page writes parameters as {id} and queries in full; the server as :id.
    const path = match[2]!.replace(/\?.*$/, '').replace(/\{[^}]+\}/g, ':param');
    rows.push({ route: `${match[1]} ${path}`, who: cells[2] ?? '' });
    if (first.includes('`HEAD`')) rows.push({ route: `HEAD ${path}`, who: cells[2] ?? '' });
  }
  return rows;
}

test('every route the server answers under /api and /health is in docs/API.md, every documented route exists, and staff routes name the role they need', async () => {
  const office = await runOffice();
  try {
    const served = office.server.routes
      .filter((r) => r.url.startsWith('/api/') || r.url === '/health')
      // Fastify adds HEAD beside every GET; the page names HEAD only where a link checker uses it.
      .filter((r) => r.method !== 'HEAD' || documented().some((d) => d.route === `HEAD ${r.url.replace(/:[A-Za-z]+/g, ':param')}`))
      .map((r) => ({ route: `${r.method} ${r.url.replace(/:[A-Za-z]+/g, ':param')}`, staffRole: r.staffRole }));
    const docs = documented();
    // A parameter of the server's route may be written out on the page (`/api/cancellations/preview` for `:step`).
    const covers = (route: string, doc: string) => new RegExp(`^${route.replace(/:param/g, '[^/]+')}$`).test(doc);
    assert.equal(
      served.map((r) => r.route).filter((r) => !docs.some((d) => covers(r, d.route))),
      [],
      'served but not documented',
    );
    assert.equal(
      docs.map((d) => d.route).filter((d) => !served.some((r) => covers(r.route, d))),
      [],
      'documented but not served',
    );
    for (const route of served.filter((r) => r.staffRole !== null)) {
      for (const { who } of docs.filter((d) => covers(route.route, d.route))) {
        assert.ok(who.startsWith(route.staffRole!), `${route.route} needs ${route.staffRole}, the page says "${who}"`);
      }
    }
  } finally {
    await office.stop();
  }
});

test.run();
