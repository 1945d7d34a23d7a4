import { readFileSync } from 'node:fs';
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import nodemailer, { type SendMailOptions } from 'nodemailer';
import type { OfficeConfig } from '../../shared/config/schema.ts';
import type { Logger } from '../log.ts';
import { envSecret } from '../settings/env-secret.ts';

export interface MailMessage {
  /** Becomes the Message-ID, so that the same mail sent twice is recognisably one. */
  id?: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  calendar?: { method: 'REQUEST' | 'CANCEL'; content: string };
  /** The booking the mail is about: the outbox deletes its files with the booking's personal data. */
  about?: string;
}

export interface Mailer {
  /** false for the outbox folder: the mail stays on the server, no citizen gets it. */
  readonly reachesCitizens: boolean;
  send(message: MailMessage): Promise<void>;
  /** The booking's personal data is gone (cancelled, lapsed, past its retention): so are the copies this mailer keeps of its mails. */
  forget?(about: string): Promise<void>;
  close(): void;
}

/**
 * SMTP in production; by default every mail is written to an outbox folder instead, as an .eml
 * file (opens in any mail program) and an .html copy (opens in a browser, links clickable).
 */
export function createMailer(settings: OfficeConfig['mail'], dataDir: string, log: Logger, env: NodeJS.ProcessEnv = process.env): Mailer {
  const { transport } = settings;
  if (transport.kind === 'smtp') {
    const smtp = nodemailer.createTransport({
      host: transport.host,
      port: transport.port,
      secure: transport.secure,
      requireTLS: !transport.secure && transport.requireTLS,
      ...(transport.caFile ? { tls: { ca: readFileSync(transport.caFile) } } : {}),
      auth: transport.user ? { user: transport.user, pass: smtpPassword(env) } : undefined,
    });
    return {
      reachesCitizens: true,
      async send(message) {
        await smtp.sendMail(envelope(settings.from, message));
      },
      close: () => smtp.close(),
    };
  }
  const dir = resolve(dataDir, transport.dir);
  const stream = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  let count = 0;
  log.info('mail goes to the outbox folder', { dir });
  return {
    reachesCitizens: false,
    async send(message) {
      const info = await stream.sendMail(envelope(settings.from, message));
      await mkdir(dir, { recursive: true });
      // Named by the booking first, so that its files go with it (forget).
      const name = `${message.about ? `${message.about}--` : ''}${new Date().toISOString().replace(/[:.]/g, '-')}-${++count}`;
      await writeFile(join(dir, `${name}.eml`), info.message as Buffer);
      const heading = `<p><b>To:</b> ${escapeHtml(message.to)}<br><b>Subject:</b> ${escapeHtml(message.subject)}</p><hr>`;
      await writeFile(join(dir, `${name}.html`), message.html.replace('<body>', `<body>${heading}`));
      // The file, not the address or the subject (which carries the code): those are the citizen's.
      log.info('mail written to the outbox', { file: join(dir, `${name}.html`) });
    },
    async forget(about) {
      const files = await readdir(dir).catch(() => [] as string[]);
      await Promise.all(files.filter((f) => f.startsWith(`${about}--`)).map((f) => rm(join(dir, f), { force: true })));
    },
    close: () => stream.close(),
  };
}

/** The relay's password: from a file only its owner reads (a systemd credential), or the environment. */
function smtpPassword(env: NodeJS.ProcessEnv): string {
  const password = envSecret(env, 'FRONTA_SMTP_PASSWORD');
  if (password) return password;
  throw new Error('mail.transport.user is set: give its password in the file FRONTA_SMTP_PASSWORD_FILE names, or in FRONTA_SMTP_PASSWORD');
}

function envelope(from: string, message: MailMessage): SendMailOptions {
  const domain = /@([^>\s]+)/.exec(from)?.[1] ?? 'fronta.invalid';
  return {
    from,
    ...(message.id ? { messageId: `<${message.id}@${domain}>` } : {}),
    to: message.to,
    subject: message.subject,
    text: message.text,
    html: message.html,
    attachments: message.calendar ? [{ filename: 'rezervace.ics', content: message.calendar.content, contentType: `text/calendar; charset=utf-8; method=${message.calendar.method}` }] : [],
  };
}

export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
