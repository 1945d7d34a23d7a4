import { useState } from 'preact/hooks';
import { Field } from '../pages/field.tsx';
import { newId } from './new-id.ts';
import { type SettingsPartProps, value } from './settings-lists.tsx';

/** The office's name, its building's address and its public address (the links in e-mails and the tickets' QR codes). */
export function SettingsOffice({ t, draft, edit, at }: SettingsPartProps) {
  const u = t.setup;
  return (
    <>
      <h2>{u.office}</h2>
      <div class="row">
        <Field id="office-name-cs" label={u.officeNameCs} error={at('office', 'name', 'cs')} input={{ value: draft.office.name.cs, onInput: (e) => edit((c) => (c.office.name.cs = value(e))) }} />
        <Field id="office-name-en" label={u.officeNameEn} error={at('office', 'name', 'en')} input={{ value: draft.office.name.en, onInput: (e) => edit((c) => (c.office.name.en = value(e))) }} />
      </div>
      <Field
        id="office-address"
        label={u.address}
        error={at('office', 'address')}
        input={{
          value: draft.office.address ?? '',
          onInput: (e) =>
            edit((c) => {
              if (value(e).trim() === '') delete c.office.address;
              else c.office.address = value(e);
            }),
        }}
      />
      <Field
        id="office-public-address"
        label={u.publicAddress}
        error={at('office', 'publicBaseUrl')}
        warning={draft.office.publicBaseUrl ? undefined : u.publicAddressHint}
        input={{
          type: 'url',
          value: draft.office.publicBaseUrl ?? '',
          onInput: (e) =>
            edit((c) => {
              if (value(e).trim() === '') delete c.office.publicBaseUrl;
              else c.office.publicBaseUrl = value(e).trim();
            }),
        }}
      />
    </>
  );
}

/** A new workplace, named; its capacity, contacts and hours start as the first workplace's, to be changed below it. */
export function NewWorkplace({ t, draft, edit }: SettingsPartProps) {
  const u = t.setup;
  const [cs, setCs] = useState('');
  const [en, setEn] = useState('');
  const add = () => {
    const model = draft.workplaces[0]!;
    edit((c) =>
      c.workplaces.push({
        id: newId(cs, c.workplaces),
        name: { cs, en: en || cs },
        phone: model.phone,
        email: model.email,
        walkInCapacityPerDay: model.walkInCapacityPerDay,
        lastTicketMinutesBeforeClose: model.lastTicketMinutesBeforeClose,
      }),
    );
    setCs('');
    setEn('');
  };
  return (
    <fieldset>
      <legend>{u.addWorkplace}</legend>
      <div class="row">
        <Field id="new-workplace-cs" label={u.workplaceNameCs} input={{ value: cs, onInput: (e) => setCs(value(e)) }} />
        <Field id="new-workplace-en" label={u.workplaceNameEn} input={{ value: en, onInput: (e) => setEn(value(e)) }} />
      </div>
      <button type="button" disabled={cs.trim() === ''} onClick={add}>
        {u.addWorkplace}
      </button>
    </fieldset>
  );
}
