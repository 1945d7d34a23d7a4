import { useState } from 'preact/hooks';
import type { Language } from '../../../shared/config/localized.ts';
import { weekdays } from '../../../shared/config/opening-hours.ts';
import type { OfficeConfig } from '../../../shared/config/schema.ts';
import { printable, unprintable } from '../../../shared/escpos/printable.ts';
import { Field } from '../pages/field.tsx';
import { hoursToText, textToHours } from './hours-text.ts';
import type { StaffTexts } from './staff-texts.ts';

/** `at`: the problem the server found at a path of the configuration, shown beside its field. */
interface Props {
  t: StaffTexts;
  language: Language;
  draft: OfficeConfig;
  edit(change: (config: OfficeConfig) => void): void;
  at(...path: (string | number)[]): string | undefined;
}

const value = (e: Event) => (e.target as HTMLInputElement).value;

/** The services with their letters and online places, the counters with their services, the closed and special days. */
export function SettingsLists({ t, language, draft, edit, at }: Props) {
  const s = t.settings;
  // A name the ticket printer cannot print as typed is saved, but the administrator sees what the paper will say.
  const printWarning = (name: string) => {
    const missing = unprintable(name);
    return missing.length === 0 ? undefined : s.printsAs(missing.join(' '), printable(name));
  };
  const [closedDate, setClosedDate] = useState('');
  const [specialDate, setSpecialDate] = useState('');
  const [specialHours, setSpecialHours] = useState('08:00-11:00');
  return (
    <>
      <h2>{s.services}</h2>
      {draft.services.map((service, k) => (
        <fieldset key={service.id}>
          <legend>{service.name[language]}</legend>
          <div class="row">
            <Field
              id={`letter-${service.id}`}
              label={s.letter}
              error={at('services', k, 'letter')}
              input={{ maxLength: 1, size: 2, value: service.letter, onInput: (e) => edit((c) => (c.services[k]!.letter = value(e).toUpperCase())) }}
            />
            <Field
              id={`name-cs-${service.id}`}
              label={s.nameCs}
              error={at('services', k, 'name', 'cs')}
              warning={printWarning(service.name.cs)}
              input={{ value: service.name.cs, onInput: (e) => edit((c) => (c.services[k]!.name.cs = value(e))) }}
            />
            <Field
              id={`name-en-${service.id}`}
              label={s.nameEn}
              error={at('services', k, 'name', 'en')}
              warning={printWarning(service.name.en)}
              input={{ value: service.name.en, onInput: (e) => edit((c) => (c.services[k]!.name.en = value(e))) }}
            />
          </div>
          {service.booking ? (
            <>
              <Field
                id={`slot-${service.id}`}
                label={s.slotMinutes}
                error={at('services', k, 'booking', 'slotMinutes')}
                input={{ type: 'number', min: '5', value: service.booking.slotMinutes, onInput: (e) => edit((c) => (c.services[k]!.booking!.slotMinutes = Number(value(e)))) }}
              />
              <fieldset class="week">
                <legend>{s.onlinePlaces}</legend>
                {weekdays.map((d) => (
                  <div class="field" key={d}>
                    <label for={`online-${service.id}-${d}`}>{s.weekdays[d]}</label>
                    <input
                      id={`online-${service.id}-${d}`}
                      type="number"
                      min="0"
                      value={service.booking!.onlinePlaces[d]}
                      onInput={(e) => edit((c) => (c.services[k]!.booking!.onlinePlaces[d] = Number(value(e))))}
                    />
                  </div>
                ))}
              </fieldset>
            </>
          ) : null}
        </fieldset>
      ))}

      <h2>{s.counters}</h2>
      {draft.counters.map((counter, k) => (
        <fieldset key={counter.id}>
          <legend>
            {t.dashboard.counter} {counter.number}
          </legend>
          {draft.services.map((service) => (
            <label key={service.id} class="check">
              <input
                type="checkbox"
                checked={counter.serviceIds.includes(service.id)}
                onChange={(e) =>
                  edit((c) => {
                    const ids = c.counters[k]!.serviceIds.filter((id) => id !== service.id);
                    c.counters[k]!.serviceIds = (e.target as HTMLInputElement).checked ? [...ids, service.id] : ids;
                  })
                }
              />{' '}
              {service.name[language]}
            </label>
          ))}
        </fieldset>
      ))}

      <h2>{s.closedDates}</h2>
      <DatedList
        removeLabel={s.remove}
        items={draft.office.closedDates.map((date) => ({ date, text: date }))}
        remove={(date) => edit((c) => (c.office.closedDates = c.office.closedDates.filter((x) => x !== date)))}
      />
      <div class="row">
        <div class="field">
          <label for="closed-date">{s.date}</label>
          <input id="closed-date" type="date" value={closedDate} onInput={(e) => setClosedDate(value(e))} />
        </div>
        <button type="button" disabled={!closedDate} onClick={() => edit((c) => (c.office.closedDates = [...new Set([...c.office.closedDates, closedDate])].sort()))}>
          {s.add}
        </button>
      </div>

      <h2>{s.specialDays}</h2>
      <DatedList
        removeLabel={s.remove}
        items={draft.office.specialDays.map((day) => ({ date: day.date, text: `${day.date}: ${hoursToText(day.hours) || t.dashboard.closed}` }))}
        remove={(date) => edit((c) => (c.office.specialDays = c.office.specialDays.filter((x) => x.date !== date)))}
      />
      <div class="row">
        <div class="field">
          <label for="special-date">{s.date}</label>
          <input id="special-date" type="date" value={specialDate} onInput={(e) => setSpecialDate(value(e))} />
        </div>
        <div class="field">
          <label for="special-hours">{s.hours}</label>
          <input id="special-hours" value={specialHours} aria-describedby="hours-hint" onInput={(e) => setSpecialHours(value(e))} />
        </div>
        <button
          type="button"
          disabled={!specialDate || !textToHours(specialHours)}
          onClick={() =>
            edit(
              (c) =>
                (c.office.specialDays = [...c.office.specialDays.filter((x) => x.date !== specialDate), { date: specialDate, hours: textToHours(specialHours)! }].sort((a, b) =>
                  a.date.localeCompare(b.date),
                )),
            )
          }
        >
          {s.add}
        </button>
      </div>
    </>
  );
}

/** Dates listed one per line, each with its own labelled remove button. */
function DatedList({ items, removeLabel, remove }: { items: { date: string; text: string }[]; removeLabel: string; remove(date: string): void }) {
  return (
    <ul>
      {items.map((item) => (
        <li key={item.date}>
          {item.text}{' '}
          <button type="button" aria-label={`${removeLabel} ${item.date}`} onClick={() => remove(item.date)}>
            {removeLabel}
          </button>
        </li>
      ))}
    </ul>
  );
}
