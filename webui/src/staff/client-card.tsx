import type { Language } from '../../../shared/config/localized.ts';
import type { OfficeInfo } from '../../../shared/contract/booking-api.ts';
import type { ClerkClient } from '../../../shared/contract/staff-api.ts';
import { formatTime } from '../../../shared/texts/booking-texts.ts';
import { serviceName } from '../service-name.ts';
import type { WorkstationTexts } from './workstation-texts.ts';

/** The client at the counter, in full: what the engine and the bookings know, never typed twice. */
export function ClientCard({ client, w, language, info }: { client: ClerkClient | null; w: WorkstationTexts; language: Language; info: OfficeInfo }) {
  if (!client) return <p class="current-number">{w.nobody}</p>;
  const { booking } = client;
  return (
    <div class="client">
      <p class="current-number">{client.number}</p>
      <p>
        <strong>{serviceName(info, client.serviceId, language)}</strong>
      </p>
      <p>
        {w.issued} {formatTime(client.issuedAt, language)}
        {client.waitedMinutes === null ? null : <>, {w.waited(w.minutes(client.waitedMinutes))}</>}
        {client.outOfOrder ? <>, {w.outOfOrder}</> : null}
        {client.transfers > 0 ? <>, {w.transfers(client.transfers)}</> : null}
      </p>
      {booking ? (
        <dl class="booked-client" aria-label={w.booked}>
          <dt>{w.booked}</dt>
          <dd>
            <strong>{booking.name ?? '—'}</strong>, {w.bookedFor(formatTime(booking.startsAt, language))}, {w.arrival[booking.arrival]}
          </dd>
          <dt>{w.phone}</dt>
          <dd>{booking.phone ? <a href={`tel:${booking.phone}`}>{booking.phone}</a> : '—'}</dd>
          <dt>{w.email}</dt>
          <dd>{booking.email ? <a href={`mailto:${booking.email}`}>{booking.email}</a> : '—'}</dd>
        </dl>
      ) : null}
    </div>
  );
}
