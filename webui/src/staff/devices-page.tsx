import { useEffect, useState } from 'preact/hooks';
import type { DeviceRow } from '../../../shared/contract/enrolment.ts';
import { formatTime } from '../../../shared/texts/booking-texts.ts';
import { DataTable } from './data-table.tsx';
import { Outcome } from './outcome.tsx';
import { refusal } from './refusal.ts';
import { staffCall } from './staff-call.ts';
import type { StaffPageProps } from './staff-page-props.ts';

/**
 * The office's devices, for administrators: whether each has its key and is connected; a one-time
 * code for a new or replaced device, with the command to type on it; revoking a key.
 */
export function DevicesPage({ t, errors, language }: StaffPageProps) {
  const d = t.devices;
  const [rows, setRows] = useState<DeviceRow[]>([]);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const load = async () => {
    const r = await staffCall<{ devices: DeviceRow[] }>('GET', '/api/staff/devices');
    if (r.ok) setRows(r.data.devices);
  };
  useEffect(() => void load(), []);
  const nameOf = (row: DeviceRow) => (row.counterNumber === null ? (row.name?.[language] ?? row.deviceId) : d.counter(row.counterNumber));
  const act = async (r: Awaited<ReturnType<typeof staffCall>>, done: string | null) => {
    setMessage(r.ok ? (done ? { ok: true, text: done } : null) : { ok: false, text: refusal(r.error, language, errors, t.failed).text });
    await load();
  };
  const offer = async (row: DeviceRow) => act(await staffCall('POST', `/api/staff/devices/${row.deviceId}/enrolment`), null);
  const revoke = async (row: DeviceRow) => {
    if (!confirm(d.revokeConfirm(nameOf(row)))) return;
    await act(await staffCall('DELETE', `/api/staff/devices/${row.deviceId}/secret`), d.revoked(nameOf(row)));
  };
  return (
    <>
      <h1>{d.heading}</h1>
      <p>{d.intro}</p>
      <DataTable
        rows={rows}
        rowKey={(row) => row.deviceId}
        columns={[
          {
            heading: d.device,
            cell: (row) => (
              <>
                {nameOf(row)} <span class="sub">({row.deviceId})</span>
              </>
            ),
          },
          { heading: d.kind, cell: (row) => d.kinds[row.role] },
          { heading: d.state, cell: (row) => (row.enrolled ? `${d.enrolled}, ${row.online ? d.online : d.offline}` : d.notEnrolled) },
          {
            heading: <span class="visually-hidden">{d.offer}</span>,
            cell: (row) =>
              row.offer ? (
                <div class="enrolment">
                  <p>
                    <strong>{d.code(row.offer.code, formatTime(row.offer.expiresAt, language))}</strong>
                  </p>
                  <p>{d.typeOn}</p>
                  <pre>{`curl -fsS ${location.origin}/device/install.sh | sudo bash -s -- ${row.offer.code}`}</pre>
                </div>
              ) : (
                <RowButton label={row.enrolled ? d.offerAgain : d.offer} device={nameOf(row)} onClick={() => void offer(row)} />
              ),
          },
          {
            heading: <span class="visually-hidden">{d.revoke}</span>,
            cell: (row) => (row.enrolled ? <RowButton label={d.revoke} device={nameOf(row)} onClick={() => void revoke(row)} /> : null),
          },
        ]}
      />
      <Outcome message={message} />
    </>
  );
}

/** A row's button names its device for a screen reader, after its visible text (WCAG 2.5.3). */
function RowButton({ label, device, onClick }: { label: string; device: string; onClick: () => void }) {
  return (
    <button type="button" aria-label={`${label}: ${device}`} onClick={onClick}>
      {label}
    </button>
  );
}
