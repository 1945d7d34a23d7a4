import type { AddressInfo } from 'node:net';
import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { createLogger } from '../../broker/log.ts';
import { createMailer, type Mailer } from '../../broker/mail/mailer.ts';

export interface SmtpInbox {
  mails: ParsedMail[];
  /** A real nodemailer SMTP mailer pointed at this server. */
  mailer: Mailer;
  /** Makes the server refuse every mail (as a full mailbox or a dead relay would). */
  refuse: boolean;
  stop(): Promise<void>;
}

/** A real SMTP server (smtp-server) on an OS-chosen port; every mail it receives is parsed with mailparser. */
export async function smtpInbox(): Promise<SmtpInbox> {
  const inbox = { mails: [] as ParsedMail[], refuse: false } as SmtpInbox;
  const server = new SMTPServer({
    disabledCommands: ['STARTTLS', 'AUTH'],
    authOptional: true,
    logger: false,
    onData(stream, _session, callback) {
      if (inbox.refuse) {
        stream.resume();
        return callback(Object.assign(new Error('mailbox unavailable'), { responseCode: 550 }));
      }
      simpleParser(stream)
        .then((mail) => {
          inbox.mails.push(mail);
          callback();
        })
        .catch(callback);
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  inbox.mailer = createMailer(
    { from: 'Městský úřad <podatelna@example.cz>', transport: { kind: 'smtp', host: '127.0.0.1', port, secure: false, requireTLS: false } },
    '.',
    createLogger('mail', () => {}),
  );
  inbox.stop = async () => {
    inbox.mailer.close();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  };
  return inbox;
}

/** A mail's .ics invitation or cancellation, as text. */
export const calendarOf = (mail: { attachments: { contentType: string; content: Buffer }[] }): string =>
  mail.attachments.find((a) => a.contentType.startsWith('text/calendar'))!.content.toString('utf8');
