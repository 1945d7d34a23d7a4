import { officeDay } from '../../shared/calendar/office-calendar.ts';
import type { Clock } from '../../shared/clock.ts';
import type { OfficeConfig } from '../../shared/config/schema.ts';
import { newDayOpen } from './slots.ts';

/** How long an answer of the availability routes is reused: a place taken shows up within this. */
const availabilityCacheMs = 2_000;

/**
 * The availability routes' answers, reused for two seconds while the bookings (`seq`) and the
 * configuration in force (by identity: it is replaced, never mutated) have not changed and the
 * Prague day is the same and its new day has not opened since (at `newDaysOpenAt` the list of days moves on at once): a crowd refreshing the
 * day list costs one computation per two seconds.
 */
export class AvailabilityCache {
  private readonly entries = new Map<string, { at: number; seq: number; config: OfficeConfig; day: string; value: unknown }>();

  constructor(private readonly clock: Clock) {}

  get<T>(key: string, seq: number, config: OfficeConfig, compute: () => T): T {
    const now = this.clock.now();
    // The day, and whether its new last day has opened: either moves the list on at once.
    const day = `${officeDay(now)}/${newDayOpen(config, now)}`;
    const hit = this.entries.get(key);
    if (hit && hit.seq === seq && hit.config === config && hit.day === day && now - hit.at < availabilityCacheMs && now >= hit.at) return hit.value as T;
    const value = compute();
    if (this.entries.size > 500) this.entries.clear();
    this.entries.set(key, { at: now, seq, config, day, value });
    return value;
  }
}
