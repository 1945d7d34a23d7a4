import type { OfficeConfig } from '../../../shared/config/schema.ts';
import { Field } from '../pages/field.tsx';
import type { StaffPageProps } from './staff-page-props.ts';

type Kind = keyof OfficeConfig['sms']['send'];
const kinds: Kind[] = ['code', 'reminder', 'nearTurn', 'crisis'];

/**
 * What goes by text message, and the day's limits (each message costs money). The transport (the
 * modem or the gateway) belongs to whoever runs the server: shown here, set in its configuration.
 */
export function SettingsSms({
  t,
  draft,
  edit,
  at,
}: Pick<StaffPageProps, 't'> & { draft: OfficeConfig; edit: (change: (c: OfficeConfig) => void) => void; at: (...path: (string | number)[]) => string | undefined }) {
  const s = t.setup;
  const transport = draft.sms.transport;
  const label: Record<Kind, string> = { code: s.smsCode, reminder: s.smsReminder, nearTurn: s.smsNearTurn, crisis: s.smsCrisis };
  const limit = (id: string, key: keyof OfficeConfig['sms']['limits'], text: string) => (
    <Field
      id={id}
      label={text}
      error={at('sms', 'limits', key)}
      input={{ type: 'number', min: key === 'perDay' ? '0' : '1', value: draft.sms.limits[key], onInput: (e) => edit((c) => (c.sms.limits[key] = Number((e.target as HTMLInputElement).value))) }}
    />
  );
  return (
    <fieldset>
      <legend>{s.sms}</legend>
      <p>{transport.kind === 'outbox' ? s.smsTransport.outbox : transport.kind === 'modem' ? s.smsTransport.modem(transport.path) : s.smsTransport.http(new URL(transport.url).host)}</p>
      {kinds.map((kind) => (
        <label class="check" key={kind}>
          <input type="checkbox" checked={draft.sms.send[kind]} onChange={(e) => edit((c) => (c.sms.send[kind] = (e.target as HTMLInputElement).checked))} /> {label[kind]}
        </label>
      ))}
      <div class="row">
        {limit('sms-per-day', 'perDay', s.smsPerDay)}
        {limit('sms-per-number', 'perNumberPerDay', s.smsPerNumber)}
      </div>
    </fieldset>
  );
}
