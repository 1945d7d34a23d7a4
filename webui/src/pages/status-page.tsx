import type { ServiceStatus } from '../../../shared/contract/service.ts';
import { formatTime } from '../../../shared/texts/booking-texts.ts';
import type { PageProps } from '../page-props.ts';
import { serviceName } from '../service-name.ts';
import { usePolling } from './polling.ts';

/** The office's queues for anyone: open or closed, people waiting, estimated wait, tickets left today. */
export function StatusPage({ t, language, info }: PageProps) {
  const result = usePolling<{ day: string; services: ServiceStatus[] }>('/api/status');
  const name = (id: string) => serviceName(info, id, language);
  return (
    <>
      <h1>{t.statusTitle}</h1>
      {result === null ? <p role="status">{t.loading}</p> : null}
      {result && !result.ok ? <p role="alert">{t.errors[result.error.code]}</p> : null}
      {result?.ok ? (
        <>
          <table class="status">
            <thead>
              <tr>
                <th scope="col">{t.serviceCol}</th>
                <th scope="col">{t.stateCol}</th>
                <th scope="col">{t.waitingCol}</th>
                <th scope="col">{t.waitCol}</th>
                <th scope="col">{t.leftCol}</th>
              </tr>
            </thead>
            <tbody>
              {result.data.services.map((s) => (
                <tr key={s.serviceId}>
                  <th scope="row">{name(s.serviceId)}</th>
                  {/* data-label: on a phone each row is a card that names its values (style.css) */}
                  <td data-label={t.stateCol}>{s.open ? t.open : t.closedReasons[s.closedReason ?? 'closed']}</td>
                  <td data-label={t.waitingCol}>{t.people(s.waiting)}</td>
                  <td data-label={t.waitCol}>{s.open ? t.minutes(s.estimatedWaitMinutes) : '–'}</td>
                  <td data-label={t.leftCol}>{s.ticketsLeft}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p role="status">{t.updated(formatTime(Math.max(...result.data.services.map((s) => s.updatedAt)), language))}</p>
        </>
      ) : null}
    </>
  );
}
