import { useEffect, useRef } from 'preact/hooks';
import type { Dashboard, StaffSession, UpNext } from '../../../shared/contract/staff-api.ts';
import { formatTime } from '../../../shared/texts/booking-texts.ts';
import { chime } from '../hall/sound.ts';
import { usePolling } from '../pages/polling.ts';
import { serviceName } from '../service-name.ts';
import { staffCall, staffPoll } from './staff-call.ts';
import type { StaffPageProps } from './staff-page-props.ts';

/** The office at a glance, refreshed every 3 s; a new device problem rings and heads the page in red. */
export function DashboardPage({ t, language, info, session, setSession }: StaffPageProps) {
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
  };
  if (!board) return <p role="status">{t.loading}</p>;
  return (
    <>
      <h1>{d.heading}</h1>
      <section aria-labelledby="alerts" class={alerts.length > 0 ? 'alerts active' : 'alerts'}>
        <h2 id="alerts">{d.alerts}</h2>
        <div role="alert">
          {info.mailReady ? null : <p class="error">{d.mailMissing}</p>}
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
      <h2>{d.services}</h2>
      <table class="data">
        <thead>
          <tr>
            <th scope="col">{d.service}</th>
            <th scope="col">{d.open}</th>
            <th scope="col">{d.waiting}</th>
            <th scope="col">{d.queue}</th>
            <th scope="col">{d.estimate}</th>
            <th scope="col">{d.ticketsLeft}</th>
          </tr>
        </thead>
        <tbody>
          {board.services.map((s) => (
            <tr key={s.serviceId}>
              <th scope="row">
                {s.letter} – {s.name[language]}
              </th>
              <td>{s.open ? d.opened : d.closed}</td>
              <td>{d.people(s.waiting)}</td>
              <td class="queue">{s.queue.length === 0 ? '—' : s.queue.slice(0, 12).join(' ') + (s.queue.length > 12 ? ' …' : '')}</td>
              <td>{s.estimatedWaitMinutes === null ? '—' : d.minutes(s.estimatedWaitMinutes)}</td>
              <td>{s.ticketsLeft}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>{d.counters}</h2>
      <table class="data">
        <thead>
          <tr>
            <th scope="col">{d.counter}</th>
            <th scope="col">{d.current}</th>
            <th scope="col">{d.upNext}</th>
            <th scope="col">{d.waiting}</th>
            <th scope="col">{d.clerk}</th>
            <th scope="col">{d.service}</th>
          </tr>
        </thead>
        <tbody>
          {board.counters.map((c) => (
            <tr key={c.counterId}>
              <th scope="row">{c.number}</th>
              <td>{c.status === 'paused' ? d.paused : (c.current ?? d.nobody)}</td>
              <td>{c.upNext ? upNextText(c.upNext) : d.nobody}</td>
              <td>{d.people(c.waiting)}</td>
              <td>{c.clerk ?? d.nobody}</td>
              <td>{c.serviceIds.map(nameOf).join(', ')}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>{d.devices}</h2>
      <table class="data">
        <thead>
          <tr>
            <th scope="col">{d.device}</th>
            <th scope="col">{d.condition}</th>
          </tr>
        </thead>
        <tbody>
          {board.devices.map((device) => (
            <tr key={device.deviceId} class={device.alerts.length > 0 ? 'problem' : undefined}>
              <th scope="row">
                {place(device)}{' '}
                <span class="sub">
                  ({d.roles[device.role]}, {device.deviceId})
                </span>
              </th>
              <td>{device.alerts.length === 0 ? d.ok : device.alerts.map((a) => d.alert[a]).join(', ')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
