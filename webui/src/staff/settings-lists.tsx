import { useState } from 'preact/hooks';
import type { Language } from '../../../shared/config/localized.ts';
import { weekdays } from '../../../shared/config/opening-hours.ts';
import type { OfficeConfig } from '../../../shared/config/schema.ts';
import { printable, unprintable } from '../../../shared/escpos/printable.ts';
import { Field } from '../pages/field.tsx';
import { hoursToText, textToHours } from './hours-text.ts';
import { newId } from './new-id.ts';
import type { StaffTexts } from './staff-texts.ts';

/** `at`: the problem the server found at a path of the configuration, shown beside its field. */
export interface SettingsPartProps {
  t: StaffTexts;
  language: Language;
  draft: OfficeConfig;
  edit(change: (config: OfficeConfig) => void): void;
  at(...path: (string | number)[]): string | undefined;
}

export const value = (e: Event) => (e.target as HTMLInputElement).value;

/** The services (added, removed, with their letters, times and online places), the closed and special days. */
export function SettingsLists({ t, language, draft, edit, at }: SettingsPartProps) {
  const s = t.settings;
  const u = t.setup;
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
          <div class="row">
            <Field
              id={`bring-cs-${service.id}`}
              label={u.bringCs}
              error={at('services', k, 'bring', 'cs')}
              input={{ value: service.bring?.cs ?? '', onInput: (e) => edit((c) => setBring(c.services[k]!, 'cs', value(e))) }}
            />
            <Field
              id={`bring-en-${service.id}`}
              label={u.bringEn}
              error={at('services', k, 'bring', 'en')}
              input={{ value: service.bring?.en ?? '', onInput: (e) => edit((c) => setBring(c.services[k]!, 'en', value(e))) }}
            />
          </div>
          <Field
            id={`typical-${service.id}`}
            label={u.typicalMinutes}
            error={at('services', k, 'typicalServiceMinutes')}
            input={{ type: 'number', min: '1', value: service.typicalServiceMinutes, onInput: (e) => edit((c) => (c.services[k]!.typicalServiceMinutes = Number(value(e)))) }}
          />
          <label class="check">
            <input
              type="checkbox"
              checked={service.booking !== undefined}
              onChange={(e) =>
                edit((c) => {
                  if ((e.target as HTMLInputElement).checked) c.services[k]!.booking = { slotMinutes: 15, placesPerSlot: 1, onlinePlaces: { mon: 0, tue: 0, wed: 0, thu: 0, fri: 0, sat: 0, sun: 0 } };
                  else delete c.services[k]!.booking;
                })
              }
            />{' '}
            {u.bookable}
          </label>
          {service.booking ? (
            <>
              <Field
                id={`places-per-slot-${service.id}`}
                label={u.placesPerSlot}
                error={at('services', k, 'booking', 'placesPerSlot')}
                input={{ type: 'number', min: '1', value: service.booking.placesPerSlot, onInput: (e) => edit((c) => (c.services[k]!.booking!.placesPerSlot = Number(value(e)))) }}
              />
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
          <button type="button" onClick={() => edit((c) => removeService(c, service.id))}>
            {u.removeService(service.name[language])}
          </button>
        </fieldset>
      ))}
      <NewService {...{ t, language, draft, edit, at }} />

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

/** The reminder's "what to bring": both languages or none (an empty English one is the Czech). */
function setBring(service: OfficeConfig['services'][number], language: 'cs' | 'en', text: string): void {
  const bring = { cs: service.bring?.cs ?? '', en: service.bring?.en ?? '', [language]: text };
  if (bring.cs.trim() === '' && bring.en.trim() === '') delete service.bring;
  else service.bring = { cs: bring.cs || bring.en, en: bring.en || bring.cs };
}

/** A service goes, and with it its place on the counters and the kiosk buttons (the server still refuses it while people wait for it). */
function removeService(config: OfficeConfig, id: string): void {
  config.services = config.services.filter((s) => s.id !== id);
  for (const counter of config.counters) counter.serviceIds = counter.serviceIds.filter((s) => s !== id);
  for (const kiosk of config.kiosks) kiosk.buttons = kiosk.buttons.filter((b) => b.serviceId !== id);
}

/** A new service: its names, letter and workplace; its id from the Czech name. Served nowhere until a counter serves it. */
function NewService({ t, language, draft, edit }: SettingsPartProps) {
  const s = t.settings;
  const u = t.setup;
  const [cs, setCs] = useState('');
  const [en, setEn] = useState('');
  const [letter, setLetter] = useState('');
  const [workplaceId, setWorkplaceId] = useState(draft.workplaces[0]!.id);
  const add = () => {
    edit((c) => c.services.push({ id: newId(cs, c.services), workplaceId, letter, name: { cs, en: en || cs }, typicalServiceMinutes: 10 }));
    setCs('');
    setEn('');
    setLetter('');
  };
  return (
    <fieldset>
      <legend>{u.addService}</legend>
      <div class="row">
        <Field id="new-service-cs" label={u.newNameCs} input={{ value: cs, onInput: (e) => setCs(value(e)) }} />
        <Field id="new-service-en" label={u.newNameEn} input={{ value: en, onInput: (e) => setEn(value(e)) }} />
        <Field id="new-service-letter" label={s.letter} input={{ maxLength: 1, size: 2, value: letter, onInput: (e) => setLetter(value(e).toUpperCase()) }} />
        <div class="field">
          <label for="new-service-workplace">{u.workplace}</label>
          <select id="new-service-workplace" value={workplaceId} onChange={(e) => setWorkplaceId((e.target as HTMLSelectElement).value)}>
            {draft.workplaces.map((w) => (
              <option key={w.id} value={w.id}>
                {w.name[language]}
              </option>
            ))}
          </select>
        </div>
      </div>
      <button type="button" disabled={cs.trim() === '' || !/^[A-Z]$/.test(letter)} onClick={add}>
        {u.addService}
      </button>
    </fieldset>
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
