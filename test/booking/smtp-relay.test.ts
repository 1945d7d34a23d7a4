import { execFile } from 'node:child_process';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { loadOfficeConfig } from '../../broker/config-file.ts';
import { createLogger } from '../../broker/log.ts';
import { createMailer } from '../../broker/mail/mailer.ts';
import { kostelecOffice } from '../../shared/config/kostelec.ts';
import { tempDir } from '../support/temp-dir.ts';

const run = promisify(execFile);
const root = new URL('../..', import.meta.url).pathname;
const message = { to: 'jana@example.cz', subject: 'Rezervace potvrzena: kód 12345678', text: 'Kód 12345678', html: '<p>Kód 12345678</p>' };
const quiet = createLogger('mail', () => {});

/** A relay as a town's mail server is set up: STARTTLS on the submission port, then a login, then the mail. */
async function relay(options: { startTls: boolean }, dir: string) {
  await run('bash', [join(root, 'deploy/make-mqtt-cert.sh'), dir, '127.0.0.1']);
  const received: { user: string; text: string; secure: boolean }[] = [];
  const server = new SMTPServer({
    logger: false,
    key: readFileSync(join(dir, 'mqtt-key.pem')),
    cert: readFileSync(join(dir, 'mqtt-cert.pem')),
    ...(options.startTls ? {} : { disabledCommands: ['STARTTLS'] }),
    // The relay would let a login over plain text through: the client must be the one that refuses.
    allowInsecureAuth: true,
    onAuth(auth, _session, callback) {
      if (auth.username === 'objednavky' && auth.password === 'heslo-z-tajneho-souboru') return callback(null, { user: auth.username });
      callback(Object.assign(new Error('535 5.7.8 authentication failed'), { responseCode: 535 }));
    },
    onData(stream, session, callback) {
      void simpleParser(stream).then((mail) => {
        received.push({ user: String(session.user), text: mail.text ?? '', secure: session.secure });
        callback();
      }, callback);
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return { server, port, received, ca: join(dir, 'mqtt-cert.pem') };
}

test("mail goes to the relay over STARTTLS with the login from a password file, checking the relay by the town's own certificate", async () => {
  const dir = await tempDir();
  const { server, port, received, ca } = await relay({ startTls: true }, dir.path);
  const passwordFile = join(dir.path, 'smtp-password');
  writeFileSync(passwordFile, 'heslo-z-tajneho-souboru\n', { mode: 0o600 });
  const transport = { kind: 'smtp' as const, host: '127.0.0.1', port, secure: false, requireTLS: true, caFile: ca, user: 'objednavky' };
  try {
    const mailer = createMailer({ from: 'Městský úřad <objednavky@example.cz>', transport }, dir.path, quiet, { FRONTA_SMTP_PASSWORD_FILE: passwordFile });
    await mailer.send(message);
    mailer.close();
    assert.equal(received, [{ user: 'objednavky', text: 'Kód 12345678', secure: true }]);

    const wrong = createMailer({ from: 'Městský úřad <objednavky@example.cz>', transport }, dir.path, quiet, { FRONTA_SMTP_PASSWORD: 'spatne' });
    const refused = await wrong.send(message).then(
      () => 'sent',
      (e: Error) => e.message,
    );
    wrong.close();
    assert.match(refused, /535|auth/i, 'a wrong password is a failed send, retried later by the mail queue');
    assert.is(received.length, 1);

    assert.throws(() => createMailer({ from: 'x <x@example.cz>', transport }, dir.path, quiet, {}), /FRONTA_SMTP_PASSWORD_FILE/, 'a login without a password stops the start, saying where it goes');
  } finally {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await dir.remove();
  }
});

test('`npm run mail` sets the relay without editing JSON: the mail part checked by the schema, the password in a file only its owner reads, named to the unit; the server then mails through it; a bad setting writes nothing', async () => {
  const dir = await tempDir();
  const { server, port, received, ca } = await relay({ startTls: true }, dir.path);
  const configPath = join(dir.path, 'office.json');
  const passwordFile = join(dir.path, 'smtp-password');
  const unitDir = join(dir.path, 'fronta-server.service.d');
  writeFileSync(configPath, JSON.stringify(kostelecOffice));
  const setMail = (...args: string[]) =>
    run(process.execPath, ['--import', 'tsx', join(root, 'scripts/mail.ts'), '--config', configPath, '--password-file', passwordFile, '--unit-dir', unitDir, ...args], {
      cwd: root,
      env: { ...process.env, FRONTA_SMTP_PASSWORD: 'heslo-z-tajneho-souboru' },
    });
  try {
    const refused = await setMail('--from', 'bez adresy', '--host', '127.0.0.1', '--port', 'není číslo').then(
      () => 'written',
      (e: { stderr: string }) => e.stderr,
    );
    assert.match(refused, 'not written');
    assert.equal(JSON.parse(readFileSync(configPath, 'utf8')), kostelecOffice, 'nothing written');

    await setMail('--from', 'Městský úřad <objednavky@example.cz>', '--host', '127.0.0.1', '--port', String(port), '--user', 'objednavky', '--ca', ca);
    assert.is((statSync(passwordFile).mode & 0o777).toString(8), '600');
    const dropIn = readFileSync(join(unitDir, 'mail.conf'), 'utf8');
    assert.is(dropIn, `[Service]\nEnvironment=FRONTA_SMTP_PASSWORD_FILE=${passwordFile}\n`);
    const config = await loadOfficeConfig(configPath);
    const mailer = createMailer(config.mail, dir.path, quiet, { FRONTA_SMTP_PASSWORD_FILE: /FRONTA_SMTP_PASSWORD_FILE=(.*)/.exec(dropIn)![1] });
    await mailer.send(message);
    mailer.close();
    assert.equal(received, [{ user: 'objednavky', text: 'Kód 12345678', secure: true }]);
  } finally {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await dir.remove();
  }
});

test('a relay that does not offer STARTTLS gets neither the password nor the mail', async () => {
  const dir = await tempDir();
  const { server, port, received, ca } = await relay({ startTls: false }, dir.path);
  try {
    const transport = { kind: 'smtp' as const, host: '127.0.0.1', port, secure: false, requireTLS: true, caFile: ca, user: 'objednavky' };
    const mailer = createMailer({ from: 'Městský úřad <objednavky@example.cz>', transport }, dir.path, quiet, { FRONTA_SMTP_PASSWORD: 'heslo-z-tajneho-souboru' });
    const refused = await mailer.send(message).then(
      () => 'sent',
      (e: Error) => e.message,
    );
    mailer.close();
    assert.match(refused, /STARTTLS/i);
    assert.equal(received, []);
  } finally {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await dir.remove();
  }
});

test.run();
