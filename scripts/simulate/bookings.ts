import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Booking, BookingFile } from '../../broker/booking/booking-state.ts';
import { onlinePlaces, slotStarts } from '../../broker/booking/slots.ts';
import { officeDay } from '../../shared/calendar/office-calendar.ts';
import { serviceOf } from '../../shared/config/lookups.ts';
import type { OfficeConfig } from '../../shared/config/schema.ts';
import type { Arrival } from './arrivals.ts';

export type BookedBehaviour = 'early' | 'late' | 'tooLate' | 'absent';

/** A booked citizen: when they come to the kiosk relative to their time, if at all. */
export interface BookedArrival extends Arrival {
  code: string;
  bookedAt: number;
  behaviour: BookedBehaviour;
}

const minute = 60_000;

/**
 * The day's online bookings, as if made on the days before: about 80 % of each service's online
 * places, confirmed. Citizens come early (half of them, up to 14 minutes), a little late (a
 * quarter, within the 15 minutes), too late (one in ten) or not at all (the rest).
 */
export function bookedArrivals(config: OfficeConfig, day: string, random: () => number, from: number, to: number): BookedArrival[] {
  const arrivals: BookedArrival[] = [];
  const codes = new Set<string>();
  for (const service of config.services.filter((s) => s.booking)) {
    const starts = slotStarts(config, service, day).filter((t) => t >= from + 15 * minute && t < to - 15 * minute);
    const wanted = Math.min(starts.length, Math.round(onlinePlaces(service, day) * 0.8));
    for (let k = starts.length - 1; k > 0; k--) {
      const j = Math.floor(random() * (k + 1));
      [starts[k], starts[j]] = [starts[j]!, starts[k]!];
    }
    const chosen = starts.slice(0, wanted);
    const kiosk = config.kiosks.find((k) => k.buttons.some((b) => b.serviceId === service.id));
    if (!kiosk) continue;
    for (const bookedAt of chosen) {
      let code = '';
      while (!code || codes.has(code)) code = String(Math.floor(random() * 1e8)).padStart(8, '0');
      codes.add(code);
      const roll = random();
      const behaviour: BookedBehaviour = roll < 0.5 ? 'early' : roll < 0.75 ? 'late' : roll < 0.85 ? 'tooLate' : 'absent';
      const offset = { early: -(1 + random() * 13), late: 1 + random() * 13, tooLate: 16 + random() * 14, absent: 0 }[behaviour] * minute;
      arrivals.push({ at: bookedAt + offset, serviceId: service.id, kioskId: kiosk.id, button: 0, code, bookedAt, behaviour });
    }
  }
  return arrivals.sort((a, b) => a.at - b.at);
}

/** Writes the bookings into the data directory before the server starts, as the booking site would have. */
export async function seedBookings(dir: string, config: OfficeConfig, booked: BookedArrival[], madeAt: number): Promise<void> {
  const bookings: Record<string, Booking> = {};
  booked.forEach((b, k) => {
    const service = serviceOf(config, b.serviceId);
    bookings[`sim-${k}`] = {
      id: `sim-${k}`,
      serviceId: b.serviceId,
      workplaceId: service.workplaceId,
      day: officeDay(b.bookedAt),
      startsAt: b.bookedAt,
      status: 'confirmed',
      createdAt: madeAt,
      heldUntil: madeAt,
      confirmToken: `simulated-token-${String(k).padStart(6, '0')}`,
      language: 'cs',
      code: b.code,
      confirmedAt: madeAt,
      icsSequence: 0,
      person: { name: `Klient ${k}`, email: `klient${k}@example.cz`, emailKey: `klient${k}@example.cz` },
    };
  });
  const state: BookingFile = { seq: 1, addressSalt: 'simulation', bookings, suspension: null };
  await writeFile(join(dir, 'bookings.json'), JSON.stringify(state));
}
