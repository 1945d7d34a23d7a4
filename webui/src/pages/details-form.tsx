import { useState } from 'preact/hooks';
import { phonePattern } from '../../../shared/contract/patterns.ts';
import { normalisePhone, takesSms } from '../../../shared/contract/phone-number.ts';
import type { PageProps } from '../page-props.ts';
import { ErrorSummary, Field } from './field.tsx';

export interface Details {
  name: string;
  email: string;
  phone?: string;
  sms?: true;
  consent: true;
}
type Errors = Partial<Record<'name' | 'email' | 'phone' | 'consent', string>>;

/** The number's problem for text messages: none, not a number, or not a mobile one. */
export function smsPhoneProblem(t: PageProps['t'], typed: string): string | undefined {
  const e164 = phonePattern.test(typed.trim()) ? normalisePhone(typed) : null;
  if (e164 === null) return t.errPhone;
  return takesSms(e164) ? undefined : t.errSmsPhone;
}

/** Name, e-mail, optional phone and consent; checked here for the citizen's sake, and again by the server's schema. */
export function DetailsForm({ t, info, onSubmit }: PageProps & { onSubmit: (d: Details, status: (s: string) => void) => Promise<void> }) {
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [phone, setPhone] = useState('');
  const [sms, setSms] = useState(false);
  const [consent, setConsent] = useState(false);
  const [errors, setErrors] = useState<Errors>({});
  const [status, setStatus] = useState('');

  const submit = (event: Event) => {
    event.preventDefault();
    const found: Errors = {};
    if (name.trim().length < 2) found.name = t.errName;
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email.trim())) found.email = t.errEmail;
    if (phone.trim() && !phonePattern.test(phone.trim())) found.phone = t.errPhone;
    else if (sms) found.phone = smsPhoneProblem(t, phone);
    if (!found.phone) delete found.phone;
    if (!consent) found.consent = t.errConsent;
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    void onSubmit({ name: name.trim(), email: email.trim(), ...(phone.trim() ? { phone: phone.trim() } : {}), ...(sms ? { sms: true as const } : {}), consent: true }, setStatus);
  };

  return (
    <form onSubmit={submit} noValidate>
      <ErrorSummary heading={t.fixErrors} errors={Object.values(errors)} />
      <Field id="name" label={t.name} error={errors.name} input={{ value: name, autocomplete: 'name', required: true, onInput: (e) => setName(e.currentTarget.value) }} />
      <Field id="email" label={t.emailField} error={errors.email} input={{ type: 'email', value: email, autocomplete: 'email', required: true, onInput: (e) => setEmail(e.currentTarget.value) }} />
      <Field id="phone" label={t.phoneField} error={errors.phone} input={{ type: 'tel', value: phone, autocomplete: 'tel', onInput: (e) => setPhone(e.currentTarget.value) }} />
      {info.smsOffered ? (
        <div class="field check">
          <input type="checkbox" id="sms" checked={sms} onChange={(e) => setSms(e.currentTarget.checked)} />
          <label for="sms">{t.smsChoice}</label>
        </div>
      ) : null}
      <div class="field check">
        <input
          type="checkbox"
          id="consent"
          checked={consent}
          aria-invalid={errors.consent ? 'true' : 'false'}
          aria-describedby={errors.consent ? 'consent-error' : undefined}
          onChange={(e) => setConsent(e.currentTarget.checked)}
        />
        <label for="consent">{t.consent(info)}</label>
        {errors.consent ? (
          <p class="error" id="consent-error">
            {errors.consent}
          </p>
        ) : null}
      </div>
      <p role="status" aria-live="polite">
        {status}
      </p>
      <button type="submit" class="primary" disabled={status !== ''}>
        {t.send}
      </button>
    </form>
  );
}
