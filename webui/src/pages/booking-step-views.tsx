import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { BookingDays, BookingSlot, BookingSlots, HoldReply, ResendReply } from '../../../shared/contract/booking-api.ts';
import { formatAppointment, formatDay, formatTime } from '../../../shared/texts/booking-texts.ts';
import { call } from '../api.ts';
import type { PageProps } from '../page-props.ts';
import type { BookingChoice, Step } from './booking-steps.ts';
import { type Details, DetailsForm } from './details-form.tsx';
import { StepHeading } from './heading.tsx';

/** What each step of the booking page is given: the page's props, the choice so far, and how to move on. */
export interface StepProps extends PageProps {
  choice: BookingChoice;
  go: (next: Step, change?: Partial<BookingChoice>) => void;
  /** A refusal or lost connection, worded, shown above the step. */
  fail: (text: string) => void;
  /** "Chosen: service, day, time" as far as the citizen has come. */
  chosen: ComponentChildren;
  /**
   * Times this page's holds were refused as taken: not offered again, though a list up to a few
   * seconds old (the hub's, in each of its processes) may still show them.
   */
  taken: readonly number[];
}

function Back({ t, go, to }: Pick<StepProps, 't' | 'go'> & { to: Step }) {
  return (
    <button type="button" class="back" onClick={() => go(to)}>
      {t.back}
    </button>
  );
}

export function ServiceStep({ t, language, info, go }: StepProps) {
  const bookable = info.services.filter((s) => s.bookable);
  return (
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
  );
}

export function DayStep(props: StepProps) {
  const { t, language, choice, go, fail, chosen } = props;
  const [days, setDays] = useState<BookingDays | null>(null);
  useEffect(() => {
    setDays(null);
    void call<BookingDays>('GET', `/api/services/${choice.serviceId}/days`).then((r) => (r.ok ? setDays(r.data) : fail(t.errors[r.error.code])));
  }, [choice.serviceId]);
  return (
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
      <Back {...props} to="service" />
    </section>
  );
}

export function TimeStep(props: StepProps) {
  const { t, choice, go, fail, chosen, taken } = props;
  const [slots, setSlots] = useState<BookingSlot[] | null>(null);
  useEffect(() => {
    setSlots(null);
    void call<BookingSlots>('GET', `/api/services/${choice.serviceId}/days/${choice.day}`).then((r) => (r.ok ? setSlots(r.data.slots) : fail(t.errors[r.error.code])));
  }, [choice.serviceId, choice.day]);
  // A day the list called free may have no time left by the time it is opened.
  const offered = slots === null ? null : slots.filter((s) => !taken.includes(s.startsAt));
  return (
    <section>
      <StepHeading text={t.stepTime} />
      {chosen}
      {offered === null ? <p role="status">{t.loading}</p> : null}
      {offered?.length === 0 ? <p role="status">{t.noTimes}</p> : null}
      <ul class="slots">
        {offered?.map((s) => (
          <li key={s.startsAt}>
            <button type="button" aria-label={`${s.time}, ${t.free(s.free)}`} onClick={() => go('details', { startsAt: s.startsAt })}>
              {s.time}
            </button>
          </li>
        ))}
      </ul>
      <Back {...props} to="day" />
    </section>
  );
}

export function DetailsStep(props: StepProps & { onSubmit: (details: Details, status: (text: string) => void) => Promise<void> }) {
  return (
    <section>
      <StepHeading text={props.t.stepDetails} />
      {props.chosen}
      <DetailsForm {...props} onSubmit={props.onSubmit} />
      <Back {...props} to="time" />
    </section>
  );
}

export function SentStep({ t, language, info, choice, held }: StepProps & { held: HoldReply }) {
  const service = info.services.find((s) => s.id === choice.serviceId);
  const [resent, setResent] = useState<{ text: string; more: boolean } | null>(null);
  const resend = async () => {
    const r = await call<ResendReply>('POST', `/api/holds/${held.holdId}/resend`);
    setResent(r.ok ? { text: t.resent(r.data.sentTo), more: r.data.resendsLeft > 0 } : { text: t.errors[r.error.code], more: false });
  };
  return (
    <section>
      <StepHeading text={t.sentTitle} />
      <p>
        <strong>{service?.name[language]}</strong>, {formatAppointment(held.startsAt, language)}
      </p>
      <p>{t.sentText(info.holdMinutes, formatTime(held.heldUntil, language))}</p>
      <p>{t.sentTo(held.sentTo)}</p>
      {resent?.more === false ? null : (
        <button type="button" onClick={() => void resend()}>
          {t.resend}
        </button>
      )}
      <p role="status">{resent?.text ?? ''}</p>
    </section>
  );
}
