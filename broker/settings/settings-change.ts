import type { OfficeConfig } from '../../shared/config/schema.ts';
import type { Booking } from '../booking/booking-state.ts';
import { slotStarts } from '../booking/slots.ts';

const ids = (items: { id: string }[]) =>
  items
    .map((i) => i.id)
    .sort()
    .join(',');

/**
 * What a settings change may not do while the office runs: the devices are provisioned with their
 * ids (a new kiosk needs its own secret first, deploy/README.md), the mail transport and its
 * password belong to whoever runs the server, and a service with people waiting today cannot
 * disappear from under them.
 */
export function liveProblems(before: OfficeConfig, after: OfficeConfig, waiting: (serviceId: string) => number): string[] {
  const problems: string[] = [];
  for (const kind of ['kiosks', 'counters', 'displays'] as const) {
    if (ids(before[kind]) !== ids(after[kind])) problems.push(`${kind}: devices are added and removed by provisioning, not in the settings (ids ${ids(before[kind])})`);
  }
  if (JSON.stringify(before.mail) !== JSON.stringify(after.mail)) problems.push('mail: the mail transport is set in the server configuration file (FRONTA_CONFIG), not in the settings');
  for (const service of before.services) {
    if (!after.services.some((s) => s.id === service.id) && waiting(service.id) > 0) problems.push(`services: ${service.id} has ${waiting(service.id)} people waiting today and cannot be removed now`);
  }
  return problems;
}

/**
 * The bookings still to come that the new settings leave without their appointment: the service
 * gone or no longer bookable, the day closed, the hours or slot length changed so the time no
 * longer exists. Online quotas are not checked: a booking made stays made.
 */
export function affectedBookings(after: OfficeConfig, bookings: readonly Booking[], now: number): Booking[] {
  return bookings.filter((b) => {
    if ((b.status !== 'confirmed' && b.status !== 'held') || b.startsAt <= now) return false;
    const service = after.services.find((s) => s.id === b.serviceId);
    return !service?.booking || !slotStarts(after, service, b.day).includes(b.startsAt);
  });
}
