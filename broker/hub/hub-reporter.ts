import { addDays, officeDay } from '../../shared/calendar/office-calendar.ts';
import type { Clock } from '../../shared/clock.ts';
import type { HubReport } from '../../shared/contract/hub.ts';
import type { CheckInLookup } from '../booking/check-in-lookup.ts';
import type { Logger } from '../log.ts';
import type { DayAggregate } from '../statistics/day-aggregate.ts';
import type { OfficeUplink } from './office-uplink.ts';

/** The days whose bookings are looked at for check-ins and no-shows not yet reported: a server down over a night still finds them. */
const bookingDays = 3;

/** Today and the days before it whose bookings the office reports on, newest first. */
export const reportedDays = (today: string): string[] => Array.from({ length: bookingDays }, (_, k) => addDays(today, -k));
/** Finished days reported: as far back as the statistics catch up at start. */
const statisticsDays = 31;

/**
 * In hub mode, what the office tells the hub, found by comparing rather than by events: the hub's
 * bookings checked in or lapsed here and not yet reported, and the finished days the hub has not
 * had. A report goes into the uplink's outbox first and the booking is marked reported after, so a
 * crash between the two reports it again (the hub records it once) and never loses it.
 */
export class HubReporter {
  private running: Promise<void> = Promise.resolve();

  constructor(private readonly deps: { uplink: OfficeUplink; lookup: CheckInLookup; finishedDays: () => Iterable<DayAggregate>; clock: Clock; log: Logger }) {}

  /** One comparison after the other: two at once would report the same booking twice. */
  reconcile(): Promise<void> {
    this.running = this.running.then(() => this.once()).catch((error) => this.deps.log.error('reports to the hub not queued', { error: String(error) }));
    return this.running;
  }

  /** Once the comparisons under way are done (before the server closes the uplink and the bookings). */
  idle(): Promise<void> {
    return this.running;
  }

  private async once(): Promise<void> {
    const { uplink, lookup, clock } = this.deps;
    const today = officeDay(clock.now());
    const bookings = lookup.toReport(reportedDays(today));
    const oldest = addDays(today, -statisticsDays);
    const days: HubReport[] = [...this.deps.finishedDays()].filter((d) => d.day >= oldest && !uplink.dayReported(d.day)).map((d) => ({ kind: 'day', day: d.day, cells: d.cells }));
    await uplink.report(...bookings, ...days);
    if (bookings.length > 0) await lookup.reported(bookings);
  }
}
