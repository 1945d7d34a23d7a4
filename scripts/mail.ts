import { execFileSync } from 'node:child_process';
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { writeFileDurably } from '../broker/store/durable-file.ts';
import { validateOfficeConfig } from '../shared/config/validate.ts';
import { askHidden } from './lib/ask-hidden.ts';

/**
 * The office's mail relay, set on the server without editing JSON (deploy/README.md, "Mail"):
 *
 *   sudo npm run mail -- --from "Městský úřad Kostelec nad Orlicí <objednavky@mesto.cz>" \
 *     --host mail.mesto.cz --port 587 --user objednavky [--tls] [--ca /etc/fronta/relay-ca.pem]
 *
 * Writes the `mail` part of the server's configuration (--config, /etc/fronta/office.json), checked
 * by the same schema as the whole file; asks for the relay's password (or reads FRONTA_SMTP_PASSWORD)
 * and keeps it in its own file readable by the server only (--password-file), named to the server's
 * unit by a drop-in (--unit-dir). Then `systemctl daemon-reload && systemctl restart fronta-server`.
 * Nothing is written when anything is wrong.
 */
const { values } = parseArgs({
  options: {
    config: { type: 'string', default: '/etc/fronta/office.json' },
    from: { type: 'string' },
    host: { type: 'string' },
    port: { type: 'string', default: '587' },
    tls: { type: 'boolean', default: false },
    user: { type: 'string' },
    ca: { type: 'string' },
    'password-file': { type: 'string', default: '/etc/fronta/smtp-password' },
    'unit-dir': { type: 'string', default: '/etc/systemd/system/fronta-server.service.d' },
  },
});
if (!values.from || !values.host) {
  console.error('usage: npm run mail -- --from "Name <address>" --host HOST [--port 587] [--tls] [--user NAME] [--ca FILE] [--config FILE]');
  process.exit(2);
}
const config = JSON.parse(await readFile(values.config, 'utf8')) as Record<string, unknown>;
const transport = {
  kind: 'smtp',
  host: values.host,
  port: Number(values.port),
  secure: values.tls,
  ...(values.ca ? { caFile: values.ca } : {}),
  ...(values.user ? { user: values.user } : {}),
};
config.mail = { from: values.from, transport };
const checked = validateOfficeConfig(config);
if (!checked.ok) {
  console.error(`not written, the mail settings are not valid:\n  ${checked.error.errors.join('\n  ')}`);
  process.exit(1);
}
const password = values.user ? await askHidden(`Password of ${values.user} on ${values.host}: `, 'FRONTA_SMTP_PASSWORD') : undefined;
await writeFileDurably(values.config, `${JSON.stringify(config, null, 2)}\n`);
if (password !== undefined) {
  const file = values['password-file'];
  await writeFileDurably(file, `${password}\n`, 0o600);
  // Readable by the server's user only; where there is none (a test, a laptop), by whoever ran this.
  try {
    execFileSync('chown', ['fronta', file], { stdio: 'ignore' });
  } catch {
    console.error(`${file}: left owned by you (no user fronta here)`);
  }
  await mkdir(values['unit-dir'], { recursive: true });
  await writeFileDurably(join(values['unit-dir'], 'mail.conf'), `[Service]\nEnvironment=FRONTA_SMTP_PASSWORD_FILE=${file}\n`);
}
console.log(`mail: ${values.from} through ${values.host}:${values.port} (${values.tls ? 'TLS' : 'STARTTLS required'}). Now: sudo systemctl daemon-reload && sudo systemctl restart fronta-server`);
