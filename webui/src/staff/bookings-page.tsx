import { useEffect, useState } from 'preact/hooks';
import type { StaffBookingRow } from '../../../shared/contract/staff-api.ts';
import { serviceName } from '../service-name.ts';
import { onSite } from '../site-base.ts';
import { DataTable } from './data-table.tsx';
import { PhoneBookingForm } from './phone-booking-form.tsx';
import { refusal } from './refusal.ts';
import { staffCall } from './staff-call.ts';
import type { StaffPageProps } from './staff-page-props.ts';
import { SuspensionPanel } from './suspension-panel.tsx';

/** A day's bookings: print, export, cancel; booking a caller; the crisis switch for administrators. */
export function BookingsPage(props: StaffPageProps) {
  const { t, language, info, session, errors } = props;
  const b = t.bookings;
  const [day, setDay] = useState(session.today);
  const [rows, setRows] = useState<StaffBookingRow[] | null>(null);
  const [message, setMessage] = useState('');
  const [notify, setNotify] = useState(true);
  const load = async () => {
    const r = await staffCall<{ bookings: StaffBookingRow[] }>('GET', `/api/staff/bookings?day=${day}`);
    setRows(r.ok ? r.data.bookings : []);
  };
  useEffect(() => void load(), [day]);
  const nameOf = (id: string) => serviceName(info, id, language);
  const cancel = async (row: StaffBookingRow) => {
    if (!confirm(b.cancelConfirm(row.name ?? '', row.time))) return;
    const r = await staffCall('POST', `/api/staff/bookings/${row.id}/cancel`, { notify });
    setMessage(r.ok ? b.cancelled : refusal(r.error, language, errors, t.failed).text);
    await load();
  };
  return (
    <>
      <h1>{b.heading}</h1>
      <div class="toolbar no-print">
        <label>
          {b.day} <input type="date" value={day} onChange={(e) => setDay((e.target as HTMLInputElement).value)} />
        </label>
        <button type="button" onClick={() => print()}>
          {b.print}
        </button>
        <a href={onSite(`/api/staff/bookings.csv?day=${day}`)} download>
          {b.csv}
        </a>
        <label>
          <input type="checkbox" checked={notify} onChange={(e) => setNotify((e.target as HTMLInputElement).checked)} /> {b.notify}
        </label>
      </div>
      {session.hub ? <p>{t.hub.bookingsHere}</p> : null}
      {message ? <p role="status">{message}</p> : null}
      {rows === null ? (
        <p role="status">{t.loading}</p>
      ) : rows.length === 0 ? (
        <p>{b.none}</p>
      ) : (
        <DataTable
          class="bookings"
          caption={`${b.heading} ${new Date(`${day}T12:00:00`).toLocaleDateString(language === 'cs' ? 'cs-CZ' : 'en-GB', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' })}`}
          rows={rows}
          rowKey={(row) => row.id}
          columns={[
            { heading: b.time, cell: (row) => row.time },
            { heading: b.service, cell: (row) => nameOf(row.serviceId) },
            { heading: b.status, cell: (row) => b.statuses[row.status] },
            { heading: b.name, cell: (row) => row.name ?? '—' },
            { heading: b.contact, cell: (row) => [row.email, row.phone].filter(Boolean).join(', ') || '—' },
            { heading: b.code, cell: (row) => row.code ?? '—' },
            { heading: b.ticket, cell: (row) => row.ticketNumber ?? '—' },
            { heading: b.bookedBy, cell: (row) => row.bookedBy ?? b.online },
            {
              heading: <span class="visually-hidden">{b.cancel}</span>,
              class: 'no-print',
              cell: (row) =>
                row.status === 'confirmed' ? (
                  <button type="button" onClick={() => void cancel(row)} aria-label={`${b.cancel}: ${row.name ?? ''} ${row.time}`}>
                    {b.cancel}
                  </button>
                ) : null,
            },
          ]}
        />
      )}
      <PhoneBookingForm {...props} listDay={day} onBooked={() => void load()} />
      {session.account.role === 'admin' ? <SuspensionPanel {...props} /> : null}
    </>
  );
}
