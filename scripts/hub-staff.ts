import { parseArgs } from 'node:util';
import pg from 'pg';
import { HubSessions } from '../broker/hub/hub-sessions.ts';
import { HubStaffAccounts } from '../broker/hub/hub-staff-accounts.ts';
import { staffRulesSchema } from '../shared/config/schema.ts';
import { newAccountRequestSchema, usernameSchema } from '../shared/contract/staff-api.ts';
import { askHidden } from './lib/ask-hidden.ts';

/**
 * The hub's first administrator (and any account, when nobody can log in any more), straight into
 * its PostgreSQL by the PG* variables (docs/HUB.md):
 *
 *   npm run hub-staff -- add --username jana --name "Jana Nováková" [--role admin|clerk] [--office kostelec]
 *   npm run hub-staff -- passwd --username jana      (a new password; every session of the account ends)
 *
 * Without --office the account is the region's: it enters every office's staff pages. The password
 * is asked for (at least 12 characters), or read from FRONTA_STAFF_PASSWORD for scripts.
 */
const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: { username: { type: 'string' }, name: { type: 'string' }, role: { type: 'string', default: 'admin' }, office: { type: 'string' } },
});
const usage = 'usage: npm run hub-staff -- add --username NAME --name "Full Name" [--role admin|clerk] [--office ID]  |  passwd --username NAME';
const command = positionals[0];
if (!values.username || (command !== 'passwd' && (command !== 'add' || !values.name))) throw new Error(usage);

const pool = new pg.Pool({ max: 2 });
const rules = staffRulesSchema.parse({});
const deps = { now: () => Date.now(), rules: () => rules };
const accounts = new HubStaffAccounts(pool, deps);
try {
  const officeId = values.office ?? null;
  if (officeId !== null && (await pool.query('SELECT 1 FROM hub_offices WHERE id = $1', [officeId])).rowCount !== 1) throw new Error(`no office ${officeId} at the hub (npm run hub-office -- list)`);
  const username = usernameSchema.parse(values.username);
  const password = await askHidden(`${command === 'add' ? 'Password' : 'New password'} for ${username}: `, 'FRONTA_STAFF_PASSWORD');
  if (command === 'add') {
    const request = newAccountRequestSchema.safeParse({ username, name: values.name, role: values.role, password });
    if (!request.success) throw new Error(request.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; '));
    const added = await accounts.add(request.data, officeId);
    if (!added.ok) throw new Error(`not added: ${added.error.code}${added.error.detail ? ` (${added.error.detail})` : ''}`);
    console.log(`Account ${username} added: ${added.data.role} of ${officeId ?? 'the region (every office)'}.`);
  } else {
    const changed = await accounts.setPassword(username, password);
    if (!changed.ok) throw new Error(`not changed: ${changed.error.code}${changed.error.detail ? ` (${changed.error.detail})` : ''}`);
    await new HubSessions(pool, deps).endAllOf(username);
    console.log(`New password for ${username}; its sessions have ended.`);
  }
} finally {
  await pool.end();
}
