import { join } from 'node:path';
import { type BookingJournalEntry, durableBookings } from '../../broker/booking/booking-journal.ts';
import { type Booking, occupies } from '../../broker/booking/booking-state.ts';
import { onlinePlaces } from '../../broker/booking/slots.ts';
import { FileJournalStore } from '../../broker/store/journal-store.ts';
import { serviceOf } from '../../shared/config/lookups.ts';
import type { OfficeConfig } from '../../shared/config/schema.ts';

/** The bookings a stopped (or killed) server left in its data directory: snapshot and journal. */
export async function storedBookings(dataDir: string): Promise<Readonly<Booking>[]> {
  const store = new FileJournalStore<BookingJournalEntry>(join(dataDir, 'bookings.json'));
  const state = durableBookings(await store.load());
  await store.close();
  return [...(state?.bookings.values() ?? [])];
}

/** Places taken beyond a service's online places of a day or a slot's places, each said in a line. */
export function overbookedPlaces(config: OfficeConfig, bookings: readonly Readonly<Booking>[], now: number): string[] {
  const perDay = new Map<string, number>();
  const perSlot = new Map<string, number>();
  for (const b of bookings.filter((b) => occupies(b, now))) {
    perDay.set(`${b.serviceId}/${b.day}`, (perDay.get(`${b.serviceId}/${b.day}`) ?? 0) + 1);
    perSlot.set(`${b.serviceId}/${b.startsAt}`, (perSlot.get(`${b.serviceId}/${b.startsAt}`) ?? 0) + 1);
  }
  const problems: string[] = [];
  for (const [key, n] of perDay) {
    const [serviceId, day] = key.split('/') as [string, string];
    const places = onlinePlaces(serviceOf(config, serviceId), day);
    if (n > places) problems.push(`${n} places of ${serviceId} taken on ${day} of ${places}`);
  }
  for (const [key, n] of perSlot) {
    const [serviceId, startsAt] = key.split('/') as [string, string];
    if (n > (serviceOf(config, serviceId).booking?.placesPerSlot ?? 0)) problems.push(`${n} bookings of ${serviceId} at ${new Date(Number(startsAt)).toISOString()}`);
  }
  return problems;
}
