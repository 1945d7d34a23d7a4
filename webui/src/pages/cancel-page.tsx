import { useState } from 'preact/hooks';
import type { CancelPreview } from '../../../shared/contract/booking-api.ts';
import { formatAppointment } from '../../../shared/texts/booking-texts.ts';
import { call } from '../api.ts';
import type { PageProps } from '../page-props.ts';
import { serviceName } from '../service-name.ts';
import { onSite } from '../site-base.ts';
import { ErrorSummary, Field } from './field.tsx';
import { StepHeading } from './heading.tsx';
import { NewTime } from './new-time.tsx';

/** seed: "Cancel booking": code and e-mail, then an explicit confirming step; or another time of the same service ("Změnit termín"). */
export function CancelPage({ t, language, info }: PageProps) {
  const [code, setCode] = useState('');
  const [email, setEmail] = useState('');
  const [errors, setErrors] = useState<{ code?: string; email?: string }>({});
  const [found, setFound] = useState<CancelPreview | null>(null);
  const [cancelled, setCancelled] = useState(false);
  const [changing, setChanging] = useState(false);
  const [moved, setMoved] = useState<CancelPreview | null>(null);
  const [problem, setProblem] = useState('');
  const [busy, setBusy] = useState(false);

  const ask = async (path: string) => {
    setBusy(true);
    setProblem('');
    const reply = await call<CancelPreview>('POST', path, { code: code.trim(), email: email.trim() });
    setBusy(false);
    if (!reply.ok) {
      setFound(null);
      setProblem(t.errors[reply.error.code]);
      return null;
    }
    return reply.data;
  };
  const find = async (event: Event) => {
    event.preventDefault();
    const bad = { ...(/^\d{8}$/.test(code.trim()) ? {} : { code: t.errCode }), ...(/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email.trim()) ? {} : { email: t.errEmail }) };
    setErrors(bad);
    if (Object.keys(bad).length === 0) setFound(await ask('/api/cancellations/preview'));
  };
  const cancel = async () => {
    if (await ask('/api/cancellations/confirm')) setCancelled(true);
  };
  const nameOf = (id: string) => serviceName(info, id, language);

  return (
    <>
      <h1>{t.cancelTitle}</h1>
      {problem ? (
        <p role="alert" class="error">
          {problem}
        </p>
      ) : null}
      {moved ? (
        <>
          <StepHeading text={t.movedTo(formatAppointment(moved.startsAt, language))} />
          <p>
            <a href={onSite('/')}>{t.home}</a>
          </p>
        </>
      ) : cancelled ? (
        <>
          <StepHeading text={t.cancelled} />
          <p>
            <a href={onSite('/')}>{t.home}</a>
          </p>
        </>
      ) : found ? (
        <section>
          <StepHeading text={t.yourBooking} />
          <p>
            <strong>{nameOf(found.serviceId)}</strong>, {formatAppointment(found.startsAt, language)}
          </p>
          {changing ? (
            <NewTime t={t} language={language} found={found} code={code.trim()} email={email.trim()} moved={setMoved} failed={setProblem} />
          ) : (
            <button type="button" onClick={() => setChanging(true)}>
              {t.changeButton}
            </button>
          )}
          <h3>{t.reallyCancel}</h3>
          <button type="button" class="danger" disabled={busy} onClick={() => void cancel()}>
            {t.cancelButton}
          </button>{' '}
          <button type="button" class="back" onClick={() => setFound(null)}>
            {t.keep}
          </button>
        </section>
      ) : (
        <form onSubmit={(e) => void find(e)} noValidate>
          <p>{t.cancelIntro}</p>
          <ErrorSummary heading={t.fixErrors} errors={[errors.code, errors.email]} />
          <Field id="code" label={t.codeField} error={errors.code} input={{ value: code, inputMode: 'numeric', autocomplete: 'off', onInput: (e) => setCode(e.currentTarget.value) }} />
          <Field id="email" label={t.emailField} error={errors.email} input={{ type: 'email', value: email, autocomplete: 'email', onInput: (e) => setEmail(e.currentTarget.value) }} />
          <button type="submit" class="primary" disabled={busy}>
            {t.find}
          </button>
        </form>
      )}
    </>
  );
}
