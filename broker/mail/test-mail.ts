import type { OfficeConfig } from '../../shared/config/schema.ts';
import type { MailSummary } from '../../shared/contract/staff-api.ts';
import { escapeHtml, type MailMessage } from './mailer.ts';

export function mailSummary(mail: OfficeConfig['mail'], reachesCitizens: boolean): MailSummary {
  const t = mail.transport;
  if (t.kind !== 'smtp') return { transport: 'outbox', from: mail.from, host: null, port: null, security: null, login: null, reachesCitizens };
  return { transport: 'smtp', from: mail.from, host: t.host, port: t.port, security: t.secure ? 'tls' : t.requireTLS ? 'starttls' : 'none', login: t.user ?? null, reachesCitizens };
}

/** The settings page's "send a test e-mail": what a citizen's mail goes through, to the administrator's own address. */
export function testMail(config: OfficeConfig, to: string, sentBy: string): MailMessage {
  const cs = `Zkušební e-mail ze systému Fronta (${config.office.name.cs}). Odeslal(a) ${sentBy} ze stránek pro zaměstnance. Dorazil-li, občané dostanou své odkazy a kódy stejnou cestou.`;
  const en = `A test e-mail from Fronta (${config.office.name.en}), sent by ${sentBy} from the staff pages. If it arrived, citizens get their links and codes the same way.`;
  return {
    to,
    subject: 'Fronta: zkušební e-mail / test e-mail',
    text: `${cs}\n\n----------\n\n${en}`,
    html: `<!doctype html><html lang="cs"><head><meta charset="utf-8"><title>Fronta</title></head><body><p>${escapeHtml(cs)}</p><hr><p lang="en">${escapeHtml(en)}</p></body></html>`,
  };
}
