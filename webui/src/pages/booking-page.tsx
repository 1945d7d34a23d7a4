import { useLayoutEffect, useState } from 'preact/hooks';
import type { HoldReply } from '../../../shared/contract/booking-api.ts';
import { formatDay, formatTime } from '../../../shared/texts/booking-texts.ts';
import { call } from '../api.ts';
import type { PageProps } from '../page-props.ts';
import { proveNotRobot } from '../proof.ts';
import { onSite, siteBase } from '../site-base.ts';
import { DayStep, DetailsStep, SentStep, ServiceStep, type StepProps, TimeStep } from './booking-step-views.tsx';
import { addressOf, type BookingChoice, choiceFrom, type Step } from './booking-steps.ts';
import type { Details } from './details-form.tsx';

/** The home page: how booking works, the cancel link, and the steps service → day → time → details → e-mail (booking-step-views.tsx). */
export function BookingPage(props: PageProps) {
  const { t, language, info } = props;
  const known = (id: string) => info.services.some((s) => s.id === id && s.bookable);
  const [choice, setChoice] = useState<BookingChoice>(() => choiceFrom(location.search, known));
  const { step, serviceId, day, startsAt } = choice;
  const [held, setHeld] = useState<HoldReply | null>(null);
  const [problem, setProblem] = useState('');
  const [taken, setTaken] = useState<number[]>([]);
  const service = info.services.find((s) => s.id === serviceId);

  // The browser's Back and Forward move between the steps; the address is the truth. Listening from the
  // render itself (not after the next paint): a Back pressed as soon as the step shows must not be missed.
  useLayoutEffect(() => {
    const moved = () => {
      setProblem('');
      setChoice(choiceFrom(location.search, known));
    };
    addEventListener('popstate', moved);
    return () => removeEventListener('popstate', moved);
  }, [info]);

  /** A new step is a new history entry; a step that corrects the current one (a taken slot) replaces it. */
  const go = (next: Step, change: Partial<BookingChoice> = {}, replace = false) => {
    const moved = { ...choice, ...change, step: next };
    history[replace ? 'replaceState' : 'pushState'](null, '', addressOf(moved, location.search));
    setProblem('');
    setChoice(moved);
  };

  const send = async (details: Details, status: (text: string) => void): Promise<void> => {
    setProblem('');
    status(t.proving);
    const proof = await proveNotRobot();
    if (!proof.ok) {
      status('');
      setProblem(t.errors[proof.error.code]);
      return;
    }
    status(t.sending);
    const reply = await call<HoldReply>('POST', '/api/holds', { serviceId, startsAt: startsAt!, ...details, language, proof: proof.data });
    status('');
    if (!reply.ok) {
      if (reply.error.code === 'slotUnavailable') {
        const lost = startsAt!;
        setTaken((before) => [...before, lost]);
        go('time', { startsAt: null }, true);
      }
      setProblem(t.errors[reply.error.code]);
      return;
    }
    setHeld(reply.data);
    go('sent');
  };

  const chosen = service && (
    <p class="chosen">
      {t.chosen}: <strong>{service.name[language]}</strong>
      {day && step !== 'day' ? <>, {formatDay(day, language)}</> : null}
      {startsAt !== null && step === 'details' ? <>, {formatTime(startsAt, language)}</> : null}
    </p>
  );
  const stepProps: StepProps = { ...props, choice, go, fail: setProblem, chosen, taken };

  return (
    <>
      <h1>{t.title}</h1>
      {step === 'service' ? (
        <section aria-labelledby="how">
          <h2 id="how">{t.how}</h2>
          <ol>
            {t.steps(info).map((s) => (
              <li key={s}>{s}</li>
            ))}
          </ol>
          <p>
            <a href={onSite('/cancel')}>{t.cancelLink}</a>
            {/* The queues' live status is the office server's own (its engine), not the hub's. */}
            {siteBase ? null : (
              <>
                {' · '}
                <a href="/status">{t.statusLink}</a>
              </>
            )}
          </p>
        </section>
      ) : null}
      {problem ? (
        <p role="alert" class="error">
          {problem}
        </p>
      ) : null}
      {step === 'service' ? <ServiceStep {...stepProps} /> : null}
      {step === 'day' ? <DayStep {...stepProps} /> : null}
      {step === 'time' ? <TimeStep {...stepProps} /> : null}
      {step === 'details' ? <DetailsStep {...stepProps} onSubmit={send} /> : null}
      {step === 'sent' && held ? <SentStep {...stepProps} held={held} /> : null}
    </>
  );
}
