import { useEffect, useState } from 'preact/hooks';
import type { BookingSummary, ConfirmReply } from '../../../shared/contract/booking-api.ts';
import { formatAppointment } from '../../../shared/texts/booking-texts.ts';
import { call } from '../api.ts';
import type { PageProps } from '../page-props.ts';
import { serviceName } from '../service-name.ts';
import { onSite } from '../site-base.ts';
import { StepHeading } from './heading.tsx';

/** The e-mail link's page: opening it changes nothing; only its button confirms. */
export function ConfirmPage({ t, language, info, token }: PageProps & { token: string }) {
  const [summary, setSummary] = useState<BookingSummary | null>(null);
  const [done, setDone] = useState<ConfirmReply | null>(null);
  const [problem, setProblem] = useState('');
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    void call<BookingSummary>('GET', `/api/confirmations/${token}`).then((r) => (r.ok ? setSummary(r.data) : setProblem(t.errors[r.error.code])));
  }, [token]);

  const confirm = async () => {
    setBusy(true);
    const reply = await call<ConfirmReply>('POST', `/api/confirmations/${token}`);
    setBusy(false);
    if (reply.ok) setDone(reply.data);
    else setProblem(t.errors[reply.error.code]);
  };
  const nameOf = (id: string) => serviceName(info, id, language);

  if (done) {
    return (
      <>
        <h1>{t.confirmTitle}</h1>
        <StepHeading text={done.alreadyConfirmed ? t.alreadyConfirmed : t.confirmed} />
        <p>
          <strong>{nameOf(done.serviceId)}</strong>, {formatAppointment(done.startsAt, language)}
        </p>
        <p>
          {t.yourCode}:{' '}
          <strong class="code" data-testid="code">
            {done.code}
          </strong>
        </p>
        <p>{t.codeSent}</p>
        <p>{t.visit(info, info.services.find((s) => s.id === done.serviceId)?.checkInKiosk?.[language])}</p>
      </>
    );
  }
  return (
    <>
      <h1>{t.confirmTitle}</h1>
      {problem ? (
        <p role="alert" class="error">
          {problem}
        </p>
      ) : null}
      {summary === null && !problem ? <p role="status">{t.loading}</p> : null}
      {summary ? (
        <>
          <p>
            <strong>{nameOf(summary.serviceId)}</strong>, {formatAppointment(summary.startsAt, language)}
          </p>
          {summary.state === 'expired' ? <p>{t.expired}</p> : null}
          {summary.state === 'confirmed' ? <p>{t.alreadyConfirmed}</p> : null}
          {summary.state !== 'expired' ? (
            <button type="button" class="primary" disabled={busy} onClick={() => void confirm()}>
              {summary.state === 'confirmed' ? t.showCode : t.confirmButton}
            </button>
          ) : null}
        </>
      ) : null}
      <p>
        <a href={onSite('/')}>{summary?.state === 'expired' || problem ? t.newBooking : t.home}</a>
      </p>
    </>
  );
}
