import type { OfficeConfig } from '../../shared/config/schema.ts';
import { csvDocument } from '../staff/csv-document.ts';
import type { DayAggregate } from './day-aggregate.ts';
import { statisticsReport } from './statistics-report.ts';

type Query = { from: string; to: string; serviceId?: string };

/** One office's finished days; `officeId` only where several offices share the sheet (the hub's region). */
export interface OfficeDays {
  officeId?: string;
  config: OfficeConfig;
  days: readonly DayAggregate[];
}

const header = [
  'den',
  'služba',
  'hodina',
  'vydáno lístků',
  'obslouženo',
  'nedostavili se',
  'čekání průměr (min)',
  'čekání 90 % (min)',
  'obsluha průměr (min)',
  'obsluha 90 % (min)',
  'rezervace',
  'dodrženo',
  'propadlo',
  'zrušeno',
  'předáno',
  'mimo pořadí',
  'odloženo (min)',
  'pozdě, lístek místo rezervace',
  'připomenutí',
  'přesunuto',
  'SMS odesláno',
  'SMS doručeno',
  'SMS nedoručeno',
  'SMS nad limit',
];

/**
 * Every day, service and hour of the range, for a spreadsheet; with several offices, each office's
 * rows after the previous one's, led by the office's name.
 */
export function statisticsCsv(offices: readonly OfficeDays[], query: Query): string {
  const several = offices.some((o) => o.officeId !== undefined);
  const lines = offices.flatMap(({ config, days }) => {
    const names = new Map(config.services.map((s) => [s.id, s.name.cs]));
    return statisticsReport(days, query, 'dayServiceHour').map((r) => {
      const [day, serviceId, hour] = r.key.split('/') as [string, string, string];
      const cells = [
        day,
        names.get(serviceId) ?? serviceId,
        hour,
        r.issued,
        r.served,
        r.noShows,
        r.waitMeanMinutes,
        r.waitP90Minutes,
        r.serviceMeanMinutes,
        r.serviceP90Minutes,
        r.bookingsMade,
        r.bookingsKept,
        r.bookingsLapsed,
        r.bookingsCancelled,
        r.transfers,
        r.outOfOrder,
        r.parkedMinutes,
        r.lateWalkIns,
        r.remindersSent,
        r.bookingsMoved,
        r.smsSent,
        r.smsDelivered,
        r.smsFailed,
        r.smsLimited,
      ];
      return several ? [config.office.name.cs, ...cells] : cells;
    });
  });
  return csvDocument([several ? ['úřad', ...header] : header, ...lines]);
}
