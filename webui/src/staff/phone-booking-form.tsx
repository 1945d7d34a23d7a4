import { useEffect, useRef, useState } from 'preact/hooks';
import type { BookingSlots } from '../../../shared/contract/booking-api.ts';
import type { StaffBookingRow } from '../../../shared/contract/staff-api.ts';
import { formatAppointment } from '../../../shared/texts/booking-texts.ts';
import { Field } from '../pages/field.tsx';
import { Outcome } from './outcome.tsx';
import { type Refusal, refusal } from './refusal.ts';
import { staffCall } from './staff-call.ts';
import type { StaffPageProps } from './staff-page-props.ts';

/** A client who phoned, wrote or came in: a free time of the day, the name, optional contacts, booked at once. */
/** `listDay`: the day the list above shows, where the form starts; the form's day is its own from then on. */
export function PhoneBookingForm({ t, errors, language, info, listDay, onBooked }: StaffPageProps & { listDay: string; onBooked(): void }) {
  const b = t.bookings;
  // By appointment, not "bookable": a suspension of online booking is exactly when callers are booked here.
  const bookable = info.services.filter((s) => s.byAppointment);
  const [serviceId, setServiceId] = useState(bookable[0]?.id ?? '');
  const [day, setDay] = useState(listDay);
  const [slots, setSlots] = useState<BookingSlots['slots']>([]);
  const [startsAt, setStartsAt] = useState('');
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [phone, setPhone] = useState('');
  const [sms, setSms] = useState(false);
  const [mailLanguage, setMailLanguage] = useState(language);
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);
  const [refused, setRefused] = useState<Refusal | null>(null);
  const [loading, setLoading] = useState(true);
  const latest = useRef(0);
  // The time list is disabled while it loads (from the moment the service or day changes, and only
  // when it does: loading what is already shown would never end), and only the answer to the latest
  // request counts: a time chosen for one service can never be sent with another's.
  const loadSlots = async () => {
    const asked = ++latest.current;
    setLoading(true);
    const r = await staffCall<BookingSlots>('GET', `/api/staff/services/${serviceId}/slots?day=${day}`);
    if (asked !== latest.current) return;
    const free = r.ok ? r.data.slots : [];
    setSlots(free);
    setStartsAt(free[0] ? String(free[0].startsAt) : '');
    setLoading(false);
  };
  useEffect(() => void loadSlots(), [serviceId, day]);
  const submit = async (event: Event) => {
    event.preventDefault();
    const body = { serviceId, startsAt: Number(startsAt), name, language: mailLanguage, ...(email.trim() ? { email } : {}), ...(phone.trim() ? { phone } : {}), ...(sms ? { sms } : {}) };
    const r = await staffCall<StaffBookingRow>('POST', '/api/staff/bookings', body);
    const why = r.ok ? null : refusal(r.error, language, errors, t.failed);
    setRefused(why);
    if (r.ok) {
      setResult({ ok: true, text: b.booked(r.data.code ?? '', formatAppointment(r.data.startsAt, language)) });
      setName('');
      setEmail('');
      setPhone('');
      setSms(false);
      onBooked();
      await loadSlots();
    } else setResult({ ok: false, text: why!.text });
  };
  return (
    <section aria-labelledby="phone-booking" class="no-print panel">
      <h2 id="phone-booking">{b.phoneHeading}</h2>
      <p>{b.phoneHint}</p>
      <form noValidate onSubmit={(e) => void submit(e)}>
        <div class="field">
          <label for="phone-service">{b.pickService}</label>
          <select
            id="phone-service"
            value={serviceId}
            onChange={(e) => {
              const picked = (e.target as HTMLSelectElement).value;
              if (picked !== serviceId) {
                setLoading(true);
                setServiceId(picked);
              }
            }}
          >
            {bookable.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name[language]}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="phone-day">{b.bookingDay}</label>
          <input
            id="phone-day"
            type="date"
            required
            value={day}
            onChange={(e) => {
              const picked = (e.target as HTMLInputElement).value;
              if (/^\d{4}-\d{2}-\d{2}$/.test(picked) && picked !== day) {
                setLoading(true);
                setDay(picked);
              }
            }}
          />
        </div>
        <div class="field">
          <label for="phone-slot">{b.slot}</label>
          {slots.length === 0 ? (
            <p id="phone-slot">{b.noSlots}</p>
          ) : (
            <select id="phone-slot" value={startsAt} disabled={loading} onChange={(e) => setStartsAt((e.target as HTMLSelectElement).value)}>
              {slots.map((s) => (
                <option key={s.startsAt} value={String(s.startsAt)}>
                  {s.time}
                </option>
              ))}
            </select>
          )}
        </div>
        <Field id="phone-name" label={b.clientName} error={refused?.at('name')} input={{ value: name, required: true, onInput: (e) => setName((e.target as HTMLInputElement).value) }} />
        <Field id="phone-email" label={b.email} error={refused?.at('email')} input={{ type: 'email', value: email, onInput: (e) => setEmail((e.target as HTMLInputElement).value) }} />
        <Field id="phone-phone" label={b.phone} error={refused?.at('phone')} input={{ type: 'tel', value: phone, onInput: (e) => setPhone((e.target as HTMLInputElement).value) }} />
        {info.smsOffered ? (
          <label class="check">
            <input type="checkbox" checked={sms} onChange={(e) => setSms((e.target as HTMLInputElement).checked)} /> {b.sms}
          </label>
        ) : null}
        <div class="field">
          <label for="phone-language">{b.language}</label>
          <select id="phone-language" value={mailLanguage} onChange={(e) => setMailLanguage((e.target as HTMLSelectElement).value as typeof language)}>
            <option value="cs">čeština</option>
            <option value="en">English</option>
          </select>
        </div>
        <button type="submit" class="primary" disabled={loading || slots.length === 0}>
          {b.book}
        </button>
      </form>
      <Outcome message={result} />
    </section>
  );
}
