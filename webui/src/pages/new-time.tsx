import { useEffect, useState } from 'preact/hooks';
import type { BookingDays, BookingSlot, BookingSlots, CancelPreview } from '../../../shared/contract/booking-api.ts';
import { formatAppointment, formatDay } from '../../../shared/texts/booking-texts.ts';
import { call } from '../api.ts';
import type { PageProps } from '../page-props.ts';
import { StepHeading } from './heading.tsx';

interface NewTimeProps extends Pick<PageProps, 't' | 'language'> {
  found: CancelPreview;
  code: string;
  email: string;
  moved(to: CancelPreview): void;
  failed(text: string): void;
}

/** "Změnit termín": a free day, a free time of the same service, then the button that moves the booking there. */
export function NewTime({ t, language, found, code, email, moved, failed }: NewTimeProps) {
  const [days, setDays] = useState<BookingDays | null>(null);
  const [day, setDay] = useState<string | null>(null);
  const [slots, setSlots] = useState<BookingSlot[] | null>(null);
  const [startsAt, setStartsAt] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    void call<BookingDays>('GET', `/api/services/${found.serviceId}/days`).then((r) => (r.ok ? setDays(r.data) : failed(t.errors[r.error.code])));
  }, [found.serviceId]);
  useEffect(() => {
    setSlots(null);
    setStartsAt(null);
    if (day)
      void call<BookingSlots>('GET', `/api/services/${found.serviceId}/days/${day}`).then((r) =>
        r.ok ? setSlots(r.data.slots.filter((s) => s.startsAt !== found.startsAt)) : failed(t.errors[r.error.code]),
      );
  }, [day]);
  const move = async () => {
    setBusy(true);
    const r = await call<CancelPreview>('POST', '/api/reschedule', { code, email, startsAt });
    setBusy(false);
    if (r.ok) moved(r.data);
    else failed(t.errors[r.error.code]);
  };
  return (
    <section>
      <StepHeading text={t.changeHeading} />
      {days === null ? <p role="status">{t.loading}</p> : null}
      <ul class="days">
        {days?.days
          .filter((d) => !d.unavailable)
          .map((d) => (
            <li key={d.day}>
              <button type="button" aria-pressed={d.day === day ? 'true' : 'false'} onClick={() => setDay(d.day)}>
                {formatDay(d.day, language)},<br />
                <span class="why">{t.free(d.free)}</span>
              </button>
            </li>
          ))}
      </ul>
      {slots ? (
        <ul class="slots">
          {slots.map((s) => (
            <li key={s.startsAt}>
              <button type="button" aria-pressed={s.startsAt === startsAt ? 'true' : 'false'} aria-label={`${s.time}, ${t.free(s.free)}`} onClick={() => setStartsAt(s.startsAt)}>
                {s.time}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      {startsAt ? (
        <button type="button" class="primary" disabled={busy} onClick={() => void move()}>
          {t.moveTo(formatAppointment(startsAt, language))}
        </button>
      ) : null}
    </section>
  );
}
