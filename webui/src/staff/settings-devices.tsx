import { useState } from 'preact/hooks';
import type { OfficeConfig } from '../../../shared/config/schema.ts';
import { idPattern } from '../../../shared/contract/patterns.ts';
import { Field } from '../pages/field.tsx';
import { type SettingsPartProps, value } from './settings-lists.tsx';

const checked = (e: Event) => (e.target as HTMLInputElement).checked;
/** A list with `item` in or out, as a checkbox says. */
const toggled = (list: string[], item: string, on: boolean) => (on ? [...list.filter((x) => x !== item), item] : list.filter((x) => x !== item));

/** The counters and the services each serves, the kiosks and which button is which service, the hall screens and what they show; each added or removed. */
export function SettingsDevices({ t, language, draft, edit, at }: SettingsPartProps) {
  const s = t.settings;
  const u = t.setup;
  const [counterNumber, setCounterNumber] = useState('');
  const [kioskId, setKioskId] = useState('');
  const [kioskName, setKioskName] = useState('');
  const [displayId, setDisplayId] = useState('');
  const [displayName, setDisplayName] = useState('');
  const nameFields = (key: string, part: 'kiosks' | 'displays', k: number, item: { name: { cs: string; en: string } }) => (
    <div class="row">
      <Field id={`${key}-cs`} label={s.nameCs} error={at(part, k, 'name', 'cs')} input={{ value: item.name.cs, onInput: (e) => edit((c) => (c[part][k]!.name.cs = value(e))) }} />
      <Field id={`${key}-en`} label={s.nameEn} error={at(part, k, 'name', 'en')} input={{ value: item.name.en, onInput: (e) => edit((c) => (c[part][k]!.name.en = value(e))) }} />
    </div>
  );
  const firstService = draft.services[0]!.id;
  const addCounter = () =>
    edit((c: OfficeConfig) => {
      const number = Number(counterNumber);
      c.counters.push({ id: `prepazka-${number}`, number, serviceIds: [firstService] });
    });
  return (
    <>
      <p class="sub">{u.newDevicesHint}</p>
      <h2>{s.counters}</h2>
      {draft.counters.map((counter, k) => (
        <fieldset key={counter.id}>
          <legend>
            {t.dashboard.counter} {counter.number} <span class="sub">({counter.id})</span>
          </legend>
          <Field
            id={`counter-number-${counter.id}`}
            label={u.counterNumber}
            error={at('counters', k, 'number')}
            input={{ type: 'number', min: '1', value: counter.number, onInput: (e) => edit((c) => (c.counters[k]!.number = Number(value(e)))) }}
          />
          {at('counters', k, 'serviceIds') ? <p class="error">{at('counters', k, 'serviceIds')}</p> : null}
          {draft.services.map((service) => (
            <label key={service.id} class="check">
              <input
                type="checkbox"
                checked={counter.serviceIds.includes(service.id)}
                onChange={(e) => edit((c) => (c.counters[k]!.serviceIds = toggled(c.counters[k]!.serviceIds, service.id, checked(e))))}
              />{' '}
              {service.name[language]}
            </label>
          ))}
          <button type="button" onClick={() => edit((c) => c.counters.splice(k, 1))}>
            {u.removeCounter(counter.number)}
          </button>
        </fieldset>
      ))}
      <div class="row">
        <div class="field">
          <label for="new-counter-number">{u.counterNumber}</label>
          <input id="new-counter-number" type="number" min="1" value={counterNumber} onInput={(e) => setCounterNumber(value(e))} />
        </div>
        <button type="button" disabled={!(Number(counterNumber) >= 1) || draft.counters.some((c) => c.id === `prepazka-${Number(counterNumber)}`)} onClick={addCounter}>
          {u.addCounter}
        </button>
      </div>

      <h2>{u.kiosks}</h2>
      {draft.kiosks.map((kiosk, k) => (
        <fieldset key={kiosk.id}>
          <legend>
            {kiosk.name[language]} <span class="sub">({kiosk.id})</span>
          </legend>
          {nameFields(`kiosk-${kiosk.id}`, 'kiosks', k, kiosk)}
          {kiosk.buttons.map((button, b) => (
            <div class="row" key={button.button}>
              <div class="field">
                <label for={`kiosk-${kiosk.id}-button-${button.button}`}>{u.button(button.button)}</label>
                <select
                  id={`kiosk-${kiosk.id}-button-${button.button}`}
                  value={button.serviceId}
                  onChange={(e) => edit((c) => (c.kiosks[k]!.buttons[b]!.serviceId = (e.target as HTMLSelectElement).value))}
                >
                  {draft.services.map((service) => (
                    <option key={service.id} value={service.id}>
                      {service.letter} – {service.name[language]}
                    </option>
                  ))}
                </select>
              </div>
              <button type="button" onClick={() => edit((c) => c.kiosks[k]!.buttons.splice(b, 1))}>
                {u.removeButton(button.button)}
              </button>
            </div>
          ))}
          {at('kiosks', k, 'buttons') ? <p class="error">{at('kiosks', k, 'buttons')}</p> : null}
          <button type="button" onClick={() => edit((c) => c.kiosks[k]!.buttons.push({ button: Math.max(0, ...c.kiosks[k]!.buttons.map((x) => x.button)) + 1, serviceId: firstService }))}>
            {u.addButton}
          </button>{' '}
          <button type="button" onClick={() => edit((c) => c.kiosks.splice(k, 1))}>
            {u.removeKiosk(kiosk.name[language])}
          </button>
        </fieldset>
      ))}
      <NewDevice
        label={u.deviceId}
        nameLabel={s.nameCs}
        id={kioskId}
        name={kioskName}
        setId={setKioskId}
        setName={setKioskName}
        prefix="new-kiosk"
        taken={[...draft.kiosks, ...draft.counters, ...draft.displays]}
        action={u.addKiosk}
        add={() => edit((c) => c.kiosks.push({ id: kioskId, name: { cs: kioskName, en: kioskName }, buttons: [{ button: 1, serviceId: firstService }] }))}
      />

      <h2>{u.displays}</h2>
      {draft.displays.map((display, k) => (
        <fieldset key={display.id}>
          <legend>
            {display.name[language]} <span class="sub">({display.id})</span>
          </legend>
          {nameFields(`display-${display.id}`, 'displays', k, display)}
          {at('displays', k, 'workplaceIds') ? <p class="error">{at('displays', k, 'workplaceIds')}</p> : null}
          {draft.workplaces.map((w) => (
            <label key={w.id} class="check">
              <input
                type="checkbox"
                checked={display.workplaceIds.includes(w.id)}
                onChange={(e) => edit((c) => (c.displays[k]!.workplaceIds = toggled(c.displays[k]!.workplaceIds, w.id, checked(e))))}
              />{' '}
              {w.name[language]}
            </label>
          ))}
          <button type="button" onClick={() => edit((c) => c.displays.splice(k, 1))}>
            {u.removeDisplay(display.name[language])}
          </button>
        </fieldset>
      ))}
      <NewDevice
        label={u.deviceId}
        nameLabel={s.nameCs}
        id={displayId}
        name={displayName}
        setId={setDisplayId}
        setName={setDisplayName}
        prefix="new-display"
        taken={[...draft.kiosks, ...draft.counters, ...draft.displays]}
        action={u.addDisplay}
        add={() => edit((c) => c.displays.push({ id: displayId, name: { cs: displayName, en: displayName }, kind: 'hall', workplaceIds: [draft.workplaces[0]!.id] }))}
      />
    </>
  );
}

interface NewDeviceProps {
  label: string;
  nameLabel: string;
  id: string;
  name: string;
  setId(id: string): void;
  setName(name: string): void;
  prefix: string;
  taken: { id: string }[];
  action: string;
  add(): void;
}

/** A device's id and Czech name, and the button that adds it (the id is what its enrolment and its topics name). */
function NewDevice({ label, nameLabel, id, name, setId, setName, prefix, taken, action, add }: NewDeviceProps) {
  const free = idPattern.test(id) && !taken.some((d) => d.id === id);
  return (
    <div class="row">
      <div class="field">
        <label for={`${prefix}-id`}>{label}</label>
        <input id={`${prefix}-id`} value={id} onInput={(e) => setId(value(e).trim())} />
      </div>
      <div class="field">
        <label for={`${prefix}-name`}>{nameLabel}</label>
        <input id={`${prefix}-name`} value={name} onInput={(e) => setName(value(e))} />
      </div>
      <button
        type="button"
        disabled={!free || name.trim() === ''}
        onClick={() => {
          add();
          setId('');
          setName('');
        }}
      >
        {action}
      </button>
    </div>
  );
}
