import { parseArgs } from 'node:util';
import { adminRequest, report } from './lib/admin-client.ts';

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
const password = process.env.FRONTA_STAFF_PASSWORD ?? (await askHidden(`${command === 'add' ? 'Password' : 'New password'} for ${values.username}: `));
await report(
  command === 'add'
    ? await adminRequest('POST', '/api/admin/staff', { username: values.username, name: values.name, role: values.role, password })
    : await adminRequest('PUT', `/api/admin/staff/${encodeURIComponent(values.username)}/password`, { newPassword: password }),
);

/** Reads a line without echoing it: the terminal in raw mode, each key handled here. */
async function askHidden(prompt: string): Promise<string> {
  if (!process.stdin.isTTY) throw new Error('no terminal to ask on: set FRONTA_STAFF_PASSWORD');
  process.stdout.write(prompt);
  process.stdin.setRawMode(true);
  let answer = '';
  try {
    for await (const chunk of process.stdin) {
      for (const key of (chunk as Buffer).toString('utf8')) {
        if (key === '\r' || key === '\n') return answer;
        if (key === '\u0003') process.exit(130); // Ctrl+C
        answer = key === '\u007f' ? answer.slice(0, -1) : answer + key;
      }
    }
    return answer;
  } finally {
    process.stdin.setRawMode(false);
    process.stdin.pause();
    process.stdout.write('\n');
  }
}
