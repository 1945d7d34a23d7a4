import { useEffect, useLayoutEffect, useState } from 'preact/hooks';
import type { BookingDays, BookingSlot, BookingSlots, HoldReply } from '../../../shared/contract/booking-api.ts';
import { formatAppointment, formatDay, formatTime } from '../../../shared/texts/booking-texts.ts';
import { call } from '../api.ts';
import type { PageProps } from '../page-props.ts';
import { proveNotRobot } from '../proof.ts';
import { addressOf, type BookingChoice, choiceFrom, type Step } from './booking-steps.ts';
import { type Details, DetailsForm } from './details-form.tsx';
import { StepHeading } from './heading.tsx';

/** The home page: how booking works, the cancel link, and the steps service → day → time → details → e-mail. */
export function BookingPage(props: PageProps) {
  const { t, language, info } = props;
  const known = (id: string) => info.services.some((s) => s.id === id && s.bookable);
  const [choice, setChoice] = useState<BookingChoice>(() => choiceFrom(location.search, known));
  const { step, serviceId, day, startsAt } = choice;
  const [days, setDays] = useState<BookingDays | null>(null);
  const [slots, setSlots] = useState<BookingSlot[] | null>(null);
  const [held, setHeld] = useState<HoldReply | null>(null);
  const [problem, setProblem] = useState('');
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

  useEffect(() => {
    if (step !== 'day') return;
    setDays(null);
    void call<BookingDays>('GET', `/api/services/${serviceId}/days`).then((r) => (r.ok ? setDays(r.data) : setProblem(t.errors[r.error.code])));
  }, [step, serviceId]);
  useEffect(() => {
    if (step !== 'time') return;
    setSlots(null);
    void call<BookingSlots>('GET', `/api/services/${serviceId}/days/${day}`).then((r) => (r.ok ? setSlots(r.data.slots) : setProblem(t.errors[r.error.code])));
  }, [step, serviceId, day]);

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
      if (reply.error.code === 'slotUnavailable') go('time', { startsAt: null }, true);
      setProblem(t.errors[reply.error.code]);
      return;
    }
    setHeld(reply.data);
    go('sent');
  };

  const bookable = info.services.filter((s) => s.bookable);
  const chosen = service && (
    <p class="chosen">
      {t.chosen}: <strong>{service.name[language]}</strong>
      {day && step !== 'day' ? <>, {formatDay(day, language)}</> : null}
      {startsAt !== null && step === 'details' ? <>, {formatTime(startsAt, language)}</> : null}
    </p>
  );

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
            <a href="/cancel">{t.cancelLink}</a> · <a href="/status">{t.statusLink}</a>
          </p>
        </section>
      ) : null}
      {problem ? (
        <p role="alert" class="error">
          {problem}
        </p>
      ) : null}

      {step === 'service' ? (
        <section>
          <h2>{t.stepService}</h2>
          {bookable.length === 0 ? <p>{t.noServices}</p> : null}
          <ul class="choices">
            {bookable.map((s) => (
              <li key={s.id}>
                <button type="button" onClick={() => go('day', { serviceId: s.id, day: '', startsAt: null })}>
                  {s.name[language]}
                  <span class="sub">{s.workplace[language]}</span>
                </button>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {step === 'day' ? (
        <section>
          <StepHeading text={t.stepDay} />
          {chosen}
          {days === null ? <p role="status">{t.loading}</p> : null}
          <ul class="days">
            {days?.days.map((d) => {
              const why = d.unavailable ? `${t.cannotBook}: ${t.unavailable[d.unavailable]}` : t.free(d.free);
              return (
                <li key={d.day}>
                  {/* Not disabled: a disabled button cannot be focused, and the reason must be heard. */}
                  <button type="button" aria-disabled={d.unavailable ? 'true' : undefined} onClick={() => (d.unavailable ? undefined : go('time', { day: d.day, startsAt: null }))}>
                    {formatDay(d.day, language)},<br />
                    <span class="why">{why}</span>
                  </button>
                </li>
              );
            })}
          </ul>
          <button type="button" class="back" onClick={() => go('service')}>
            {t.back}
          </button>
        </section>
      ) : null}

      {step === 'time' ? (
        <section>
          <StepHeading text={t.stepTime} />
          {chosen}
          {slots === null ? <p role="status">{t.loading}</p> : null}
          <ul class="slots">
            {slots?.map((s) => (
              <li key={s.startsAt}>
                <button type="button" aria-label={`${s.time}, ${t.free(s.free)}`} onClick={() => go('details', { startsAt: s.startsAt })}>
                  {s.time}
                </button>
              </li>
            ))}
          </ul>
          <button type="button" class="back" onClick={() => go('day')}>
            {t.back}
          </button>
        </section>
      ) : null}

      {step === 'details' ? (
        <section>
          <StepHeading text={t.stepDetails} />
          {chosen}
          <DetailsForm {...props} onSubmit={send} />
          <button type="button" class="back" onClick={() => go('time')}>
            {t.back}
          </button>
        </section>
      ) : null}

      {step === 'sent' && held ? (
        <section>
          <StepHeading text={t.sentTitle} />
          <p>
            <strong>{service?.name[language]}</strong>, {formatAppointment(held.startsAt, language)}
          </p>
          <p>{t.sentText(info.holdMinutes, formatTime(held.heldUntil, language))}</p>
        </section>
      ) : null}
    </>
  );
}
