import { useEffect, useState } from 'preact/hooks';
import type { Language } from '../../../shared/config/localized.ts';
import type { StatisticsReport, StatisticsRow } from '../../../shared/contract/staff-api.ts';
import { serviceName } from '../service-name.ts';
import { onSite } from '../site-base.ts';
import { Chart } from './chart.tsx';
import { DataTable } from './data-table.tsx';
import { staffCall } from './staff-call.ts';
import type { PlacePageProps } from './staff-page-props.ts';
import type { StaffTexts } from './staff-texts.ts';

const columns = [
  'issued',
  'served',
  'noShows',
  'waitMean',
  'waitP90',
  'serviceMean',
  'serviceP90',
  'bookingsMade',
  'bookingsKept',
  'bookingsLapsed',
  'bookingsCancelled',
  'transfers',
  'outOfOrder',
  'parkedMinutes',
  'lateWalkIns',
  'remindersSent',
  'bookingsMoved',
  'smsSent',
  'smsDelivered',
  'smsFailed',
  'smsLimited',
] as const;
const value = (row: StatisticsRow, column: (typeof columns)[number]) =>
  ({
    issued: row.issued,
    served: row.served,
    noShows: row.noShows,
    waitMean: row.waitMeanMinutes,
    waitP90: row.waitP90Minutes,
    serviceMean: row.serviceMeanMinutes,
    serviceP90: row.serviceP90Minutes,
    bookingsMade: row.bookingsMade,
    bookingsKept: row.bookingsKept,
    bookingsLapsed: row.bookingsLapsed,
    bookingsCancelled: row.bookingsCancelled,
    transfers: row.transfers,
    outOfOrder: row.outOfOrder,
    parkedMinutes: row.parkedMinutes,
    lateWalkIns: row.lateWalkIns,
    remindersSent: row.remindersSent,
    bookingsMoved: row.bookingsMoved,
    smsSent: row.smsSent,
    smsDelivered: row.smsDelivered,
    smsFailed: row.smsFailed,
    smsLimited: row.smsLimited,
  })[column];

const numbers: Record<Language, Intl.NumberFormat> = { cs: new Intl.NumberFormat('cs-CZ'), en: new Intl.NumberFormat('en-GB') };

interface TableProps {
  t: StaffTexts;
  language: Language;
  caption: string;
  keyHeading: string;
  rows: StatisticsRow[];
  keyLabel: (key: string) => string;
}

/** Minutes carry a decimal: 0,5 in Czech, 0.5 in English. */
function Table({ t, language, caption, keyHeading, rows, keyLabel }: TableProps) {
  const s = t.statistics;
  const cell = (row: StatisticsRow, column: (typeof columns)[number]) => {
    const n = value(row, column);
    return n === null ? '—' : numbers[language].format(n);
  };
  return (
    <DataTable
      class="numbers"
      caption={caption}
      rows={rows}
      rowKey={(row) => row.key}
      columns={[{ heading: keyHeading, cell: (row) => keyLabel(row.key) }, ...columns.map((c) => ({ heading: s[c], cell: (row: StatisticsRow) => cell(row, c) }))]}
    />
  );
}

/** Per service, day and hour: tickets, served, no-shows, waiting and service times, bookings; charts and CSV. */
export function StatisticsPage({ t, language, info, session }: PlacePageProps) {
  const s = t.statistics;
  const today = session.today;
  const [from, setFrom] = useState(`${today.slice(0, 8)}01`);
  const [to, setTo] = useState(today);
  const [serviceId, setServiceId] = useState('');
  const [report, setReport] = useState<StatisticsReport | null>(null);
  const query = `from=${from}&to=${to}${serviceId ? `&serviceId=${serviceId}` : ''}`;
  const load = async () => {
    const r = await staffCall<StatisticsReport>('GET', `/api/staff/statistics?${query}`);
    if (r.ok) setReport(r.data);
  };
  useEffect(() => void load(), []);
  const nameOf = (id: string) => (info ? serviceName(info, id, language) : id);
  const officeName = (id: string) => session.hub?.offices.find((o) => o.id === id)?.name[language] ?? id;
  const dayName = (day: string) => new Date(`${day}T12:00:00`).toLocaleDateString(language === 'cs' ? 'cs-CZ' : 'en-GB', { weekday: 'short', day: 'numeric', month: 'numeric' });
  return (
    <>
      <h1>{s.heading}</h1>
      <form
        noValidate
        class="toolbar"
        onSubmit={(e) => {
          e.preventDefault();
          void load();
        }}
      >
        <label>
          {s.from} <input type="date" value={from} onInput={(e) => setFrom((e.target as HTMLInputElement).value)} />
        </label>
        <label>
          {s.to} <input type="date" value={to} onInput={(e) => setTo((e.target as HTMLInputElement).value)} />
        </label>
        {/* The region's pages compare offices, whose services differ; each office's pages go by service. */}
        {info ? (
          <label>
            {t.bookings.service}{' '}
            <select value={serviceId} onChange={(e) => setServiceId((e.target as HTMLSelectElement).value)}>
              <option value="">{s.allServices}</option>
              {info.services.map((x) => (
                <option key={x.id} value={x.id}>
                  {x.name[language]}
                </option>
              ))}
            </select>
          </label>
        ) : null}
        <button type="submit">{s.show}</button>
        <a href={onSite(`/api/staff/statistics.csv?${query}`)} download>
          {s.csv}
        </a>
      </form>
      {session.hub ? <p>{t.hub.finishedDays}</p> : null}
      {!report ? (
        <p role="status">{t.loading}</p>
      ) : report.byDay.length === 0 ? (
        <p>{s.empty}</p>
      ) : (
        <>
          {report.byOffice ? (
            <>
              <h2>{t.hub.byOffice}</h2>
              <Table t={t} language={language} caption={t.hub.byOffice} keyHeading={t.hub.office} rows={report.byOffice} keyLabel={officeName} />
            </>
          ) : (
            <>
              <h2>{s.byService}</h2>
              <Table t={t} language={language} caption={s.byService} keyHeading={s.service} rows={report.byService} keyLabel={nameOf} />
            </>
          )}
          <h2>{s.byDay}</h2>
          <Chart
            label={s.chartDays}
            xName={s.day}
            xLabels={report.byDay.map((r) => dayName(r.key))}
            series={[
              { label: s.issued, values: report.byDay.map((r) => r.issued), color: '#0b3d91', bars: true },
              { label: s.served, values: report.byDay.map((r) => r.served), color: '#2e7d32' },
            ]}
          />
          <Table t={t} language={language} caption={s.byDay} keyHeading={s.day} rows={report.byDay} keyLabel={dayName} />
          <h2>{s.byHour}</h2>
          <Chart
            label={s.chartHours}
            xName={s.hour}
            xLabels={report.byHour.map((r) => `${r.key}:00`)}
            series={[
              { label: s.issued, values: report.byHour.map((r) => r.issued), color: '#0b3d91', bars: true },
              { label: s.waitMean, values: report.byHour.map((r) => r.waitMeanMinutes), color: '#b00020', scale: 'minutes' },
            ]}
          />
          <Table t={t} language={language} caption={s.byHour} keyHeading={s.hour} rows={report.byHour} keyLabel={(h) => `${h}:00`} />
        </>
      )}
    </>
  );
}
