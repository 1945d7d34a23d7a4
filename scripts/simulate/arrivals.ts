import { openIntervals } from '../../shared/calendar/office-calendar.ts';
import { officeZone } from '../../shared/calendar/office-zone.ts';
import type { OfficeConfig } from '../../shared/config/schema.ts';
import { exponential } from './random.ts';

export interface Arrival {
  at: number;
  serviceId: string;
  kioskId: string;
  button: number;
}

/**
 * How busy each hour is, relative to the day's mean: queues build before the doors open and peak
 * mid-morning; lunch is quiet; long office days (to 17:00) get a smaller afternoon wave.
 */
const hourWeight: Record<number, number> = { 8: 1.7, 9: 1.8, 10: 1.4, 11: 1.1, 12: 0.5, 13: 0.8, 14: 0.9, 15: 0.8, 16: 0.6 };

/**
 * Walk-ins of one day: per workplace a Poisson process whose rate follows the hour, scaled so the
 * day brings `demand` × the workplace's daily capacity; each picks one of its workplace's services.
 */
export function walkInArrivals(config: OfficeConfig, day: string, random: () => number, demand = 1.15): Arrival[] {
  const arrivals: Arrival[] = [];
  for (const workplace of config.workplaces) {
    const services = config.services.filter((s) => s.workplaceId === workplace.id);
    const intervals = openIntervals(config, workplace, day);
    const openMs = intervals.reduce((n, i) => n + (i.end - i.start), 0);
    if (openMs === 0 || services.length === 0) continue;
    const meanRatePerMs = (workplace.walkInCapacityPerDay * demand) / openMs;
    for (const { start, end } of intervals) {
      let at = start;
      for (;;) {
        // Thinning: draw at the peak rate, keep with probability weight / peak.
        at += exponential(random, 1 / (meanRatePerMs * 1.8));
        if (at >= end) break;
        const hour = new Date(at).toLocaleString('en-GB', { timeZone: officeZone, hour: 'numeric', hour12: false });
        if (random() > (hourWeight[Number(hour)] ?? 0.5) / 1.8) continue;
        const service = services[Math.floor(random() * services.length)]!;
        const kiosk = config.kiosks.find((k) => k.buttons.some((b) => b.serviceId === service.id));
        if (!kiosk) continue;
        arrivals.push({ at, serviceId: service.id, kioskId: kiosk.id, button: kiosk.buttons.find((b) => b.serviceId === service.id)!.button });
      }
    }
  }
  return arrivals.sort((a, b) => a.at - b.at);
}
