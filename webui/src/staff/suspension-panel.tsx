import { useState } from 'preact/hooks';
import type { OfficeInfo } from '../../../shared/contract/booking-api.ts';
import { call } from '../api.ts';
import { refusal } from './refusal.ts';
import { staffCall } from './staff-call.ts';
import type { StaffPageProps } from './staff-page-props.ts';

/** The seed's crisis switch: online booking off for the office or some workplaces, with a notice; or back on. */
export function SuspensionPanel({ t, errors, language, info: initial, session }: StaffPageProps) {
  const s = t.suspension;
  const [info, setInfo] = useState<OfficeInfo>(initial);
  const [cs, setCs] = useState('');
  const [en, setEn] = useState('');
  const [scope, setScope] = useState<string[]>([]);
  const [cancelExisting, setCancelExisting] = useState(false);
  const [message, setMessage] = useState('');
  const workplaces = [...new Map(info.services.map((x) => [x.workplaceId, x.workplace])).entries()];
  const refresh = async () => {
    const r = await call<OfficeInfo>('GET', '/api/office');
    if (r.ok) setInfo(r.data);
  };
  const done = async (result: Awaited<ReturnType<typeof staffCall>>) => {
    setMessage(result.ok ? t.saved : refusal(result.error, language, errors, t.failed).text);
    await refresh();
  };
  const suspend = async (event: Event) => {
    event.preventDefault();
    await done(await staffCall('PUT', '/api/staff/suspension', { workplaceIds: scope.length ? scope : null, notice: { cs, en }, cancelExisting }));
  };
  const toggle = (id: string, on: boolean) => setScope((all) => (on ? [...all, id] : all.filter((x) => x !== id)));
  // An office server in hub mode: citizens book at the hub, and the switch is at the office's pages there.
  if (info.bookOnlineAt && !session.hub)
    return (
      <section aria-labelledby="suspension" class="no-print panel">
        <h2 id="suspension">{s.heading}</h2>
        <p>
          {errors.suspensionAtHub} <a href={`${info.bookOnlineAt}/staff`}>{s.atHubLink}</a>
        </p>
      </section>
    );
  return (
    <section aria-labelledby="suspension" class="no-print panel">
      <h2 id="suspension">{s.heading}</h2>
      <p role="status">
        <strong>{info.suspension ? s.active : s.running}</strong> {info.suspension?.notice[language] ?? ''}
      </p>
      {info.suspension ? (
        <button type="button" class="primary" onClick={() => void staffCall('DELETE', '/api/staff/suspension').then(done)}>
          {s.resume}
        </button>
      ) : (
        <form noValidate onSubmit={(e) => void suspend(e)}>
          <div class="field">
            <label for="notice-cs">{s.noticeCs}</label>
            <textarea id="notice-cs" required value={cs} onInput={(e) => setCs((e.target as HTMLTextAreaElement).value)} />
          </div>
          <div class="field">
            <label for="notice-en">{s.noticeEn}</label>
            <textarea id="notice-en" required value={en} onInput={(e) => setEn((e.target as HTMLTextAreaElement).value)} />
          </div>
          <fieldset>
            <legend>{s.scope}</legend>
            <p class="sub">
              {s.wholeOffice}, {s.orOnly}
            </p>
            {workplaces.map(([id, name]) => (
              <label key={id} class="check">
                <input type="checkbox" checked={scope.includes(id)} onChange={(e) => toggle(id, (e.target as HTMLInputElement).checked)} /> {name[language]}
              </label>
            ))}
          </fieldset>
          <label class="check">
            <input type="checkbox" checked={cancelExisting} onChange={(e) => setCancelExisting((e.target as HTMLInputElement).checked)} /> {s.cancelExisting}
          </label>
          <button type="submit" class="danger">
            {s.suspend}
          </button>
        </form>
      )}
      {message ? <p role="status">{message}</p> : null}
    </section>
  );
}
