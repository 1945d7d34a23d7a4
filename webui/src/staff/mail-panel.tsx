import { useEffect, useState } from 'preact/hooks';
import type { MailSummary } from '../../../shared/contract/staff-api.ts';
import { Field } from '../pages/field.tsx';
import { Outcome } from './outcome.tsx';
import { refusal } from './refusal.ts';
import { staffCall } from './staff-call.ts';
import type { StaffPageProps } from './staff-page-props.ts';

/** Nastavení → Pošta: how the citizens' mails leave the server, and a test e-mail to prove it. */
export function MailPanel({ t, language, errors, session }: Pick<StaffPageProps, 't' | 'language' | 'errors' | 'session'>) {
  const m = t.mail;
  const [mail, setMail] = useState<MailSummary | null>(null);
  const [to, setTo] = useState('');
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | null>(null);
  useEffect(() => void staffCall<MailSummary>('GET', '/api/staff/mail').then((r) => r.ok && setMail(r.data)), [session.account.username]);
  const send = async (event: Event) => {
    event.preventDefault();
    setOutcome({ ok: true, text: m.sending });
    const r = await staffCall('POST', '/api/staff/mail/test', { to });
    setOutcome(
      r.ok ? { ok: true, text: m.sent(to) } : { ok: false, text: `${refusal(r.error, language, errors, t.failed).text}${'detail' in r.error && r.error.detail ? ` (${r.error.detail})` : ''}` },
    );
  };
  if (!mail) return null;
  return (
    <form noValidate class="panel" onSubmit={(e) => void send(e)} aria-labelledby="mail-heading">
      <h2 id="mail-heading">{m.heading}</h2>
      <p>{mail.transport === 'smtp' ? m.smtp(mail.host!, mail.port!, m.security[mail.security!], mail.login) : m.outbox}</p>
      <p>
        {m.from} <strong>{mail.from}</strong>
      </p>
      {mail.reachesCitizens ? null : <p class="error">{m.notReaching}</p>}
      <p>{m.where}</p>
      <Field id="mail-test-to" label={m.to} input={{ type: 'email', value: to, required: true, autocomplete: 'email', onInput: (e) => setTo((e.target as HTMLInputElement).value) }} />
      <button type="submit">{m.send}</button>
      <Outcome message={outcome} />
    </form>
  );
}
