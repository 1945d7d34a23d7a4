import { parseArgs } from 'node:util';
import { adminRequest, report } from './lib/admin-client.ts';
import { askHidden } from './lib/ask-hidden.ts';

/**
 * The first office administrator (and any account, when nobody can log in any more), created on the
 * server itself:
 *
 *   npm run staff -- add --username jana --name "Jana Nováková" [--role admin|clerk]
 *   npm run staff -- passwd --username jana      (a new password; every session of the account ends)
 *
 * The password is asked for (at least 12 characters), or read from FRONTA_STAFF_PASSWORD for scripts.
 */
const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: { username: { type: 'string' }, name: { type: 'string' }, role: { type: 'string', default: 'admin' } },
});

const usage = 'usage: npm run staff -- add --username NAME --name "Full Name" [--role admin|clerk]  |  passwd --username NAME';
const command = positionals[0];
if (!values.username || (command !== 'passwd' && (command !== 'add' || !values.name))) throw new Error(usage);
const password = await askHidden(`${command === 'add' ? 'Password' : 'New password'} for ${values.username}: `, 'FRONTA_STAFF_PASSWORD');
await report(
  command === 'add'
    ? await adminRequest('POST', '/api/admin/staff', { username: values.username, name: values.name, role: values.role, password })
    : await adminRequest('PUT', `/api/admin/staff/${encodeURIComponent(values.username)}/password`, { newPassword: password }),
);
