import { useEffect, useState } from 'preact/hooks';
import { type Weekday, weekdays } from '../../../shared/config/opening-hours.ts';
import type { OfficeConfig } from '../../../shared/config/schema.ts';
import type { StaffBookingRow } from '../../../shared/contract/staff-api.ts';
import { formatAppointment } from '../../../shared/texts/booking-texts.ts';
import { Field } from '../pages/field.tsx';
import { hoursToText, textToHours } from './hours-text.ts';
import { MailPanel } from './mail-panel.tsx';
import { Outcome } from './outcome.tsx';
import { type Refusal, refusal } from './refusal.ts';
import { SettingsDevices } from './settings-devices.tsx';
import { SettingsLists } from './settings-lists.tsx';
import { NewWorkplace, SettingsOffice } from './settings-office.tsx';
import { SettingsSms } from './settings-sms.tsx';
import { staffCall } from './staff-call.ts';
import type { StaffPageProps } from './staff-page-props.ts';

type Hours = Record<string, string>;
const officeKey = (day: Weekday) => `office/${day}`;
const workplaceKey = (id: string, day: Weekday) => `${id}/${day}`;

/** The hour fields as text, keyed by office or workplace and weekday; a workplace without its own hours has none. */
function hoursTexts(config: OfficeConfig): Hours {
  const texts: Hours = {};
  for (const day of weekdays) texts[officeKey(day)] = hoursToText(config.office.openingHours[day]);
  for (const w of config.workplaces) if (w.openingHours) for (const day of weekdays) texts[workplaceKey(w.id, day)] = hoursToText(w.openingHours[day]);
  return texts;
}

/** The draft with its hour texts read back; the fields that do not read as hours. */
function withHours(draft: OfficeConfig, texts: Hours): { config: OfficeConfig; bad: string[] } {
  const config = structuredClone(draft);
  const bad: string[] = [];
  const read = (key: string) => {
    const hours = textToHours(texts[key] ?? '');
    if (!hours) bad.push(key);
    return hours ?? [];
  };
  config.office.openingHours = Object.fromEntries(weekdays.map((d) => [d, read(officeKey(d))])) as OfficeConfig['office']['openingHours'];
  for (const w of config.workplaces) {
    if (texts[workplaceKey(w.id, 'mon')] === undefined) delete w.openingHours;
    else w.openingHours = Object.fromEntries(weekdays.map((d) => [d, read(workplaceKey(w.id, d))])) as OfficeConfig['office']['openingHours'];
  }
  return { config, bad };
}

/**
 * The office administrator's settings, the whole office: its name and addresses, workplaces with
 * their capacity and hours, services and letters, online places, counters and their services,
 * kiosks and their buttons, hall screens, closed and special days, the hold time; each part added
 * and removed here. Checked
 * first (which bookings it strands), then saved; the devices follow at once.
 */
export function SettingsPage(props: StaffPageProps) {
  const { t, language, errors } = props;
  const s = t.settings;
  const [draft, setDraft] = useState<OfficeConfig | null>(null);
  const [hours, setHours] = useState<Hours>({});
  const [affected, setAffected] = useState<StaffBookingRow[] | null>(null);
  const [cancelAffected, setCancelAffected] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [refused, setRefused] = useState<Refusal | null>(null);
  const at = (...path: (string | number)[]) => refused?.at('config', ...path);
  const load = async () => {
    const r = await staffCall<{ config: OfficeConfig }>('GET', '/api/staff/settings');
    if (!r.ok) return;
    setDraft(r.data.config);
    setHours(hoursTexts(r.data.config));
    setAffected(null);
  };
  useEffect(() => void load(), []);
  if (!draft) return <p role="status">{t.loading}</p>;

  const edit = (change: (config: OfficeConfig) => void) => {
    const next = structuredClone(draft);
    change(next);
    setDraft(next);
    setAffected(null);
  };
  const setHour = (key: string, text: string) => {
    setHours({ ...hours, [key]: text });
    setAffected(null);
  };
  const failure = (error: Parameters<typeof refusal>[0]) => {
    const why = refusal(error, language, errors, t.failed);
    setRefused(why);
    return { ok: false, text: why.text };
  };
  const checked = () => {
    const result = withHours(draft, hours);
    if (result.bad.length > 0) setMessage({ ok: false, text: s.badHours });
    return result.bad.length > 0 ? null : result.config;
  };
  const preview = async () => {
    const config = checked();
    if (!config) return;
    const r = await staffCall<{ affected: StaffBookingRow[] }>('POST', '/api/staff/settings/preview', { config });
    if (r.ok) {
      setAffected(r.data.affected);
      setMessage(null);
      setRefused(null);
    } else setMessage(failure(r.error));
  };
  const save = async () => {
    const config = checked();
    if (!config) return;
    const r = await staffCall<{ affected: number; cancelled: number }>('PUT', '/api/staff/settings', { config, cancelAffected });
    if (r.ok) {
      setRefused(null);
      setMessage({ ok: true, text: s.savedWith(r.data.cancelled) });
      await load();
    } else setMessage(failure(r.error));
  };
  const part = { t, language, draft, edit, at };
  const hourField = (key: string, label: string) => (
    <div class="field hours" key={key}>
      <label for={`h-${key}`}>{label}</label>
      <input
        id={`h-${key}`}
        value={hours[key] ?? ''}
        aria-describedby="hours-hint"
        aria-invalid={textToHours(hours[key] ?? '') ? 'false' : 'true'}
        onInput={(e) => setHour(key, (e.target as HTMLInputElement).value)}
      />
    </div>
  );

  return (
    <>
      <h1>{s.heading}</h1>
      <p>{s.intro}</p>
      <p id="hours-hint" class="sub">
        {s.hoursHint}
      </p>

      <SettingsOffice {...part} />

      <h2>{s.officeHours}</h2>
      <div class="week">{weekdays.map((d) => hourField(officeKey(d), s.weekdays[d]))}</div>

      <h2>{s.workplaces}</h2>
      {draft.workplaces.map((w, k) => (
        <fieldset key={w.id}>
          <legend>{w.name[language]}</legend>
          <div class="row">
            <Field
              id={`workplace-cs-${w.id}`}
              label={t.setup.workplaceNameCs}
              error={at('workplaces', k, 'name', 'cs')}
              input={{ value: w.name.cs, onInput: (e) => edit((c) => (c.workplaces[k]!.name.cs = (e.target as HTMLInputElement).value)) }}
            />
            <Field
              id={`workplace-en-${w.id}`}
              label={t.setup.workplaceNameEn}
              error={at('workplaces', k, 'name', 'en')}
              input={{ value: w.name.en, onInput: (e) => edit((c) => (c.workplaces[k]!.name.en = (e.target as HTMLInputElement).value)) }}
            />
          </div>
          <Field
            id={`capacity-${w.id}`}
            label={s.capacity}
            error={at('workplaces', k, 'walkInCapacityPerDay')}
            input={{ type: 'number', min: '0', value: w.walkInCapacityPerDay, onInput: (e) => edit((c) => (c.workplaces[k]!.walkInCapacityPerDay = Number((e.target as HTMLInputElement).value))) }}
          />
          <div class="row">
            <Field
              id={`phone-${w.id}`}
              label={s.phone}
              error={at('workplaces', k, 'phone')}
              input={{ type: 'tel', value: w.phone, onInput: (e) => edit((c) => (c.workplaces[k]!.phone = (e.target as HTMLInputElement).value)) }}
            />
            <Field
              id={`email-${w.id}`}
              label={s.email}
              error={at('workplaces', k, 'email')}
              input={{ type: 'email', value: w.email, onInput: (e) => edit((c) => (c.workplaces[k]!.email = (e.target as HTMLInputElement).value)) }}
            />
          </div>
          <label class="check">
            <input
              type="checkbox"
              checked={hours[workplaceKey(w.id, 'mon')] !== undefined}
              onChange={(e) => {
                const on = (e.target as HTMLInputElement).checked;
                const next = { ...hours };
                for (const d of weekdays) {
                  if (on) next[workplaceKey(w.id, d)] = hours[officeKey(d)] ?? '';
                  else delete next[workplaceKey(w.id, d)];
                }
                setHours(next);
                setAffected(null);
              }}
            />{' '}
            {s.ownHours}
          </label>
          {hours[workplaceKey(w.id, 'mon')] !== undefined ? <div class="week">{weekdays.map((d) => hourField(workplaceKey(w.id, d), `${w.name[language]}: ${s.weekdays[d]}`))}</div> : null}
          <button type="button" onClick={() => edit((c) => c.workplaces.splice(k, 1))}>
            {t.setup.removeWorkplace(w.name[language])}
          </button>
        </fieldset>
      ))}
      <NewWorkplace {...part} />

      <SettingsLists {...part} />
      <SettingsDevices {...part} />

      <Field
        id="hold-minutes"
        label={s.holdMinutes}
        error={at('booking', 'holdMinutes')}
        input={{ type: 'number', min: '1', value: draft.booking.holdMinutes, onInput: (e) => edit((c) => (c.booking.holdMinutes = Number((e.target as HTMLInputElement).value))) }}
      />
      <Field
        id="new-days-open"
        label={t.setup.newDaysOpenAt}
        error={at('booking', 'newDaysOpenAt')}
        input={{ value: draft.booking.newDaysOpenAt, onInput: (e) => edit((c) => (c.booking.newDaysOpenAt = (e.target as HTMLInputElement).value)) }}
      />
      <label class="check">
        <input type="checkbox" checked={draft.booking.lateArrivalWalkIn} onChange={(e) => edit((c) => (c.booking.lateArrivalWalkIn = (e.target as HTMLInputElement).checked))} /> {t.setup.lateArrival}
      </label>

      <fieldset>
        <legend>{t.setup.reminder}</legend>
        <label class="check">
          <input type="checkbox" checked={draft.booking.reminder.enabled} onChange={(e) => edit((c) => (c.booking.reminder.enabled = (e.target as HTMLInputElement).checked))} /> {t.setup.reminderOn}
        </label>
        <div class="row">
          <Field
            id="reminder-days"
            label={t.setup.reminderDays}
            error={at('booking', 'reminder', 'workingDaysBefore')}
            input={{
              type: 'number',
              min: '1',
              max: '10',
              value: draft.booking.reminder.workingDaysBefore,
              onInput: (e) => edit((c) => (c.booking.reminder.workingDaysBefore = Number((e.target as HTMLInputElement).value))),
            }}
          />
          <Field
            id="reminder-at"
            label={t.setup.reminderAt}
            error={at('booking', 'reminder', 'at')}
            input={{ value: draft.booking.reminder.at, onInput: (e) => edit((c) => (c.booking.reminder.at = (e.target as HTMLInputElement).value)) }}
          />
        </div>
        <label class="check">
          <input type="checkbox" checked={draft.booking.reminder.duringSuspension} onChange={(e) => edit((c) => (c.booking.reminder.duringSuspension = (e.target as HTMLInputElement).checked))} />{' '}
          {t.setup.reminderSuspended}
        </label>
      </fieldset>
      <SettingsSms t={t} draft={draft} edit={edit} at={at} />

      <div class="toolbar">
        <button type="button" onClick={() => void preview()}>
          {s.preview}
        </button>
      </div>
      {affected ? (
        <section aria-labelledby="affected" class="panel">
          <h2 id="affected">{affected.length === 0 ? s.noneAffected : s.affected(affected.length)}</h2>
          {affected.length > 0 ? (
            <>
              <ul>
                {affected.map((b) => (
                  <li key={b.id}>
                    {formatAppointment(b.startsAt, language)} – {b.name ?? '—'} ({[b.email, b.phone].filter(Boolean).join(', ') || '—'})
                  </li>
                ))}
              </ul>
              <label class="check">
                <input type="checkbox" checked={cancelAffected} onChange={(e) => setCancelAffected((e.target as HTMLInputElement).checked)} /> {s.cancelAffected}
              </label>
            </>
          ) : null}
          <button type="button" class="primary" onClick={() => void save()}>
            {s.save}
          </button>
        </section>
      ) : null}
      <Outcome message={message} />
      <MailPanel {...props} />
    </>
  );
}
