import { addDays, officeDay } from '../../shared/calendar/office-calendar.ts';
import type { Clock } from '../../shared/clock.ts';
import type { OfficeConfig } from '../../shared/config/schema.ts';
import type { StatisticsReport } from '../../shared/contract/staff-api.ts';
import type { Booking, SmsCounts } from '../booking/booking-state.ts';
import type { DayState } from '../engine/day-state.ts';
import type { Logger } from '../log.ts';
import type { DocumentStore } from '../store/document-store.ts';
import type { QueueStore } from '../store/queue-store.ts';
import { aggregateDay, type DayAggregate } from './day-aggregate.ts';
import { statisticsCsv } from './statistics-csv.ts';
import { statisticsReports } from './statistics-report.ts';

interface StatisticsFile {
  days: DayAggregate[];
}

/** How far back a missing day is looked for at start: the bookings of older days are gone (retention). */
const catchUpDays = 31;

/**
 * The statistics, kept as one aggregate per finished day (`statistics.json`, a year is a few hundred
 * kilobytes) so that a year opens fast; today comes live from the engine. A day is recorded when the
 * engine archives it; one missed by a crash is recorded at the next start from its history file.
 */
export class StatisticsService {
  private days = new Map<string, DayAggregate>();
  private writing: Promise<void> = Promise.resolve();

  constructor(
    private readonly deps: {
      store: DocumentStore;
      queue: QueueStore;
      bookings: () => readonly Booking[];
      /** A day's text message counts by cell (the bookings file keeps them as long as the bookings). */
      sms?: (day: string) => Readonly<Record<string, SmsCounts>>;
      today: () => DayState;
      config: () => OfficeConfig;
      clock: Clock;
      log: Logger;
    },
  ) {}

  async start(): Promise<void> {
    const text = await this.deps.store.read();
    if (text) for (const day of (JSON.parse(text) as StatisticsFile).days) this.days.set(day.day, day);
    const today = officeDay(this.deps.clock.now());
    for (let k = 1; k <= catchUpDays; k++) {
      const day = addDays(today, -k);
      if (this.days.has(day)) continue;
      const archived = await this.deps.queue.loadArchivedDay(day);
      if (archived) await this.record(archived);
    }
  }

  /** A finished day; saved after the ones before it. A failure is logged: the day's history file still has it. */
  record(state: DayState): Promise<void> {
    this.days.set(state.day, aggregateDay(state, this.deps.bookings(), this.deps.sms?.(state.day)));
    const text = JSON.stringify({ days: [...this.days.values()].sort((a, b) => a.day.localeCompare(b.day)) } satisfies StatisticsFile);
    this.writing = this.writing.then(() => this.deps.store.write(text)).catch((error) => this.deps.log.error('statistics not saved', { day: state.day, error: String(error) }));
    return this.writing;
  }

  /** The finished days recorded (hub mode reports them to the hub). */
  finishedDays(): Iterable<DayAggregate> {
    return this.days.values();
  }

  private withToday(): DayAggregate[] {
    const today = this.deps.today();
    return [...this.days.values(), aggregateDay(today, this.deps.bookings(), this.deps.sms?.(today.day))];
  }

  report(query: { from: string; to: string; serviceId?: string }): StatisticsReport {
    const days = this.withToday();
    return {
      from: query.from,
      to: query.to,
      serviceId: query.serviceId ?? null,
      ...statisticsReports(days, query),
    };
  }

  /** Every day, service and hour of the range, for a spreadsheet. */
  csv(query: { from: string; to: string; serviceId?: string }): string {
    return statisticsCsv([{ days: this.withToday(), config: this.deps.config() }], query);
  }
}
