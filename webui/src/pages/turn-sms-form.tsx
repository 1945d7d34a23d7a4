import { useState } from 'preact/hooks';
import { call } from '../api.ts';
import type { PageProps } from '../page-props.ts';
import { smsPhoneProblem } from './details-form.tsx';
import { Field } from './field.tsx';

/**
 * "Your turn is near" by SMS, on the ticket's page: a mobile number, no account. The page shows
 * the number masked from the next poll on (`to`), and whether the message went.
 */
export function TurnSmsForm({ t, language, token, sms }: Pick<PageProps, 't' | 'language'> & { token: string; sms: { to: string | null; sent: boolean } }) {
  const [phone, setPhone] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const path = `/api/tickets/${token}/phone`;

  const act = async (method: 'PUT' | 'DELETE') => {
    setBusy(true);
    const reply = await call<null>(method, path, method === 'PUT' ? { phone: phone.trim(), language } : undefined);
    setBusy(false);
    setError(reply.ok ? undefined : t.errors[reply.error.code]);
    if (reply.ok) setPhone('');
  };

  if (sms.to !== null) {
    return (
      <section aria-labelledby="sms-turn">
        <h2 id="sms-turn">{t.smsTurnTitle}</h2>
        <p>{sms.sent ? t.smsTurnSent(sms.to) : t.smsTurnSet(sms.to)}</p>
        {sms.sent ? null : (
          <button type="button" disabled={busy} onClick={() => void act('DELETE')}>
            {t.smsTurnCancel}
          </button>
        )}
        {error ? <p role="alert">{error}</p> : null}
      </section>
    );
  }
  const submit = (event: Event) => {
    event.preventDefault();
    const problem = smsPhoneProblem(t, phone);
    setError(problem);
    if (!problem) void act('PUT');
  };
  return (
    <section aria-labelledby="sms-turn">
      <h2 id="sms-turn">{t.smsTurnTitle}</h2>
      <p>{t.smsTurnIntro}</p>
      <form onSubmit={submit} noValidate>
        <Field id="sms-phone" label={t.smsTurnField} error={error} input={{ type: 'tel', value: phone, autocomplete: 'tel', onInput: (e) => setPhone(e.currentTarget.value) }} />
        <button type="submit" disabled={busy}>
          {t.smsTurnSend}
        </button>
      </form>
    </section>
  );
}
