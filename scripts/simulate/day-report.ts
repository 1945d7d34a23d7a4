import { officeZone } from '../../shared/calendar/office-zone.ts';
import { serviceOf } from '../../shared/config/lookups.ts';
import type { OfficeConfig } from '../../shared/config/schema.ts';
import { percentile } from '../bench/stats.ts';
import type { Arrival } from './arrivals.ts';
import type { BookedArrival } from './bookings.ts';
import type { ClerkLog } from './clerk.ts';

/** `bookedAt`, `code`: a booking's ticket, with its booked time and the code typed. */
export interface Issued {
  number: string;
  serviceId: string;
  at: number;
  bookedAt?: number;
  code?: string;
}
export interface TurnedAway {
  serviceId: string;
  at: number;
  screen: string;
  booked?: boolean;
}

type Spread = { p50: number; p90: number; max: number } | null;

export interface DayReport {
  window: { from: string; to: string };
  arrivals: number;
  tickets: number;
  served: number;
  noShows: number;
  stillWaiting: number;
  /** `turnedAwayBy`: the kiosk's first LCD line that sent walk-ins away, and how many it sent. */
  workplaces: { id: string; arrivals: number; tickets: number; turnedAway: number; turnedAwayBy: Record<string, number>; capacityUsedUpAt: string | null }[];
  services: { id: string; tickets: number; called: number; waitMinutes: { p50: number; p90: number; max: number } | null }[];
  /**
   * Online bookings of the day: how their citizens came, and how long after their time they were
   * called (negative: early); for a client who came late, counted from their check-in.
   */
  bookings: {
    booked: number;
    checkedIn: number;
    refusedTooLate: number;
    otherRefusals: number;
    absent: number;
    calledAfterBookedMinutes: Spread;
    calledAfterBookedMinutesInTime: Spread;
    /** Each booked client called more than three minutes after they could have been: who, booked when, in when, called when. */
    calledLate: { number: string; serviceId: string; booked: string; checkedIn: string; called: string }[];
  };
}

const clockTime = (at: number) => new Date(at).toLocaleTimeString('cs-CZ', { timeZone: officeZone, hour: '2-digit', minute: '2-digit' });
const minutes = (ms: number) => Math.round(ms / 6000) / 10;

/** What the office manager wants to know of the day: waits, served, no-shows, and when each workplace's capacity ran out. */
export function summarise(
  config: OfficeConfig,
  day: { arrivals: Arrival[]; booked: BookedArrival[]; issued: Issued[]; turnedAway: TurnedAway[]; calls: Map<string, number>; clerks: ClerkLog[]; start: number; end: number },
): DayReport {
  const workplaceOf = (serviceId: string) => serviceOf(config, serviceId).workplaceId;
  const walkIns = day.issued.filter((t) => t.bookedAt === undefined);
  const bookedTickets = day.issued.filter((t) => t.bookedAt !== undefined);
  const bookedRefusals = day.turnedAway.filter((t) => t.booked);
  // From when the client could be called: the booked time, or their check-in if they came late.
  const called = bookedTickets.filter((t) => day.calls.has(t.number));
  const lateness = (tickets: Issued[]) => tickets.map((t) => day.calls.get(t.number)! - Math.max(t.bookedAt!, t.at));
  const spread = (ms: number[]) => (ms.length ? { p50: minutes(percentile(ms, 50)), p90: minutes(percentile(ms, 90)), max: minutes(Math.max(...ms)) } : null);
  return {
    window: { from: clockTime(day.start), to: clockTime(day.end) },
    arrivals: day.arrivals.length,
    tickets: walkIns.length,
    served: day.clerks.reduce((n, c) => n + c.served, 0),
    noShows: day.clerks.reduce((n, c) => n + c.noShows, 0),
    stillWaiting: walkIns.filter((t) => !day.calls.has(t.number)).length,
    bookings: {
      booked: day.booked.length,
      checkedIn: bookedTickets.length,
      refusedTooLate: bookedRefusals.filter((t) => t.screen.startsWith('Rezervace propadla')).length,
      otherRefusals: bookedRefusals.filter((t) => !t.screen.startsWith('Rezervace propadla')).length,
      absent: day.booked.filter((b) => b.behaviour === 'absent').length,
      calledAfterBookedMinutes: spread(lateness(called)),
      // Those who checked in before their time, whom the call rules alone decide on.
      calledAfterBookedMinutesInTime: spread(lateness(called.filter((t) => t.at <= t.bookedAt!))),
      calledLate: called
        .filter((t) => day.calls.get(t.number)! - Math.max(t.bookedAt!, t.at) > 3 * 60_000)
        .map((t) => ({ number: t.number, serviceId: t.serviceId, booked: clockTime(t.bookedAt!), checkedIn: clockTime(t.at), called: clockTime(day.calls.get(t.number)!) })),
    },
    workplaces: config.workplaces.map((w) => {
      const capacityRefusal = day.turnedAway.find((t) => workplaceOf(t.serviceId) === w.id && t.screen.includes('kapacita'));
      const away = day.turnedAway.filter((t) => !t.booked && workplaceOf(t.serviceId) === w.id);
      return {
        id: w.id,
        arrivals: day.arrivals.filter((a) => workplaceOf(a.serviceId) === w.id).length,
        tickets: walkIns.filter((t) => workplaceOf(t.serviceId) === w.id).length,
        turnedAway: away.length,
        turnedAwayBy: away.reduce<Record<string, number>>((by, t) => {
          by[t.screen] = (by[t.screen] ?? 0) + 1;
          return by;
        }, {}),
        capacityUsedUpAt: capacityRefusal ? clockTime(capacityRefusal.at) : null,
      };
    }),
    services: config.services.map((s) => {
      const tickets = walkIns.filter((t) => t.serviceId === s.id);
      const waits = tickets.filter((t) => day.calls.has(t.number)).map((t) => day.calls.get(t.number)! - t.at);
      return {
        id: s.id,
        tickets: tickets.length,
        called: waits.length,
        waitMinutes: waits.length ? { p50: minutes(percentile(waits, 50)), p90: minutes(percentile(waits, 90)), max: minutes(Math.max(...waits)) } : null,
      };
    }),
  };
}
