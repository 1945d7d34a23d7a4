import { useEffect, useRef, useState } from 'preact/hooks';
import type { Dashboard, StaffSession, UpNext } from '../../../shared/contract/staff-api.ts';
import { formatTime } from '../../../shared/texts/booking-texts.ts';
import { chime } from '../hall/sound.ts';
import { usePolling } from '../pages/polling.ts';
import { serviceName } from '../service-name.ts';
import { DataTable } from './data-table.tsx';
import { refusal } from './refusal.ts';
import { staffCall, staffPoll } from './staff-call.ts';
import type { StaffPageProps } from './staff-page-props.ts';

/** The office at a glance, refreshed every 3 s; a new device problem rings and heads the page in red. */
export function DashboardPage({ t, language, info, session, setSession, errors }: StaffPageProps) {
  const [seatProblem, setSeatProblem] = useState('');
  const result = usePolling<Dashboard>('/api/staff/dashboard', 3000, staffPoll<Dashboard>);
  const board = result?.ok ? result.data : null;
  const alerts = board?.devices.flatMap((device) => device.alerts.map((kind) => ({ deviceId: device.deviceId, device, kind }))) ?? [];
  const known = useRef(new Set<string>());
  useEffect(() => {
    const keys = alerts.map((a) => `${a.deviceId}/${a.kind}`);
    const fresh = keys.some((k) => !known.current.has(k));
    known.current = new Set(keys);
    if (fresh) void chime().catch(() => {});
    document.title = keys.length > 0 ? `(${keys.length}) ${t.title}` : t.title;
  }, [alerts.map((a) => `${a.deviceId}/${a.kind}`).join()]);

  const d = t.dashboard;
  const upNextText = (next: UpNext) => {
    const why = d.why[next.reason](next.bookedAt === null ? '' : formatTime(next.bookedAt, language));
    return next.number === null ? why : `${next.number} (${why})`;
  };
  const nameOf = (id: string) => serviceName(info, id, language);
  // Staff know a device by where it stands; its id is what a technician looks for in the logs.
  const place = (device: Dashboard['devices'][number]) => device.name?.[language] ?? `${d.counter} ${device.counterNumber}`;
  const sitAt = async (counterId: string) => {
    const r = await staffCall<StaffSession>('PUT', '/api/staff/my-counter', { counterId: counterId || null });
    if (r.ok) setSession(r.data);
    setSeatProblem(r.ok ? '' : refusal(r.error, language, errors, t.failed).text);
  };
  if (!board) return <p role="status">{t.loading}</p>;
  return (
    <>
      <h1>{d.heading}</h1>
      <section aria-labelledby="alerts" class={alerts.length > 0 || board.mailFailing.count > 0 || board.smsFailing.count > 0 ? 'alerts active' : 'alerts'}>
        <h2 id="alerts">{d.alerts}</h2>
        <div role="alert">
          {info.mailReady ? null : <p class="error">{d.mailMissing}</p>}
          {board.mailFailing.count > 0 ? <p class="error">{d.mailFailing(board.mailFailing.count, formatTime(board.mailFailing.since!, language))}</p> : null}
          {board.smsFailing.count > 0 ? <p class="error">{d.smsFailing(board.smsFailing.count, formatTime(board.smsFailing.since!, language))}</p> : null}
          {alerts.length === 0 ? (
            <p>{d.noAlerts}</p>
          ) : (
            <ul>
              {alerts.map((a) => (
                <li key={`${a.deviceId}/${a.kind}`}>
                  <strong>{place(a.device)}</strong> ({a.deviceId}): {d.alert[a.kind]}
                </li>
              ))}
            </ul>
          )}
        </div>
      </section>
      <label class="my-counter">
        {d.myCounter}{' '}
        <select value={session.counterId ?? ''} onChange={(e) => void sitAt((e.target as HTMLSelectElement).value)}>
          <option value="">{d.away}</option>
          {board.counters.map((c) => (
            <option key={c.counterId} value={c.counterId}>
              {c.number}
            </option>
          ))}
        </select>
      </label>
      {seatProblem ? <p role="alert">{seatProblem}</p> : null}
      <h2>{d.services}</h2>
      <DataTable
        rows={board.services}
        rowKey={(s) => s.serviceId}
        columns={[
          { heading: d.service, cell: (s) => `${s.letter} – ${s.name[language]}` },
          { heading: d.open, cell: (s) => (s.open ? d.opened : d.closed) },
          { heading: d.waiting, cell: (s) => d.people(s.waiting) },
          { heading: d.queue, class: 'queue', cell: (s) => (s.queue.length === 0 ? '—' : s.queue.slice(0, 12).join(' ') + (s.queue.length > 12 ? ' …' : '')) },
          { heading: d.estimate, cell: (s) => (s.estimatedWaitMinutes === null ? '—' : d.minutes(s.estimatedWaitMinutes)) },
          { heading: d.ticketsLeft, cell: (s) => s.ticketsLeft },
        ]}
      />
      <h2>{d.counters}</h2>
      <DataTable
        rows={board.counters}
        rowKey={(c) => c.counterId}
        columns={[
          { heading: d.counter, cell: (c) => c.number },
          { heading: d.current, cell: (c) => (c.status === 'paused' ? d.paused : (c.current ?? d.nobody)) },
          { heading: d.upNext, cell: (c) => (c.upNext ? upNextText(c.upNext) : d.nobody) },
          { heading: d.waiting, cell: (c) => d.people(c.waiting) },
          { heading: d.clerk, cell: (c) => c.clerk ?? d.nobody },
          { heading: d.service, cell: (c) => (c.profile ? `${c.profile.map(nameOf).join(', ')} (${d.profile})` : c.serviceIds.map(nameOf).join(', ')) },
        ]}
      />
      <h2>{d.devices}</h2>
      <DataTable
        rows={board.devices}
        rowKey={(device) => device.deviceId}
        rowClass={(device) => (device.alerts.length > 0 ? 'problem' : undefined)}
        columns={[
          {
            heading: d.device,
            cell: (device) => (
              <>
                {place(device)}{' '}
                <span class="sub">
                  ({d.roles[device.role]}, {device.deviceId})
                </span>
              </>
            ),
          },
          { heading: d.condition, cell: (device) => (device.alerts.length === 0 ? d.ok : device.alerts.map((a) => d.alert[a]).join(', ')) },
        ]}
      />
    </>
  );
}
