import type { OfficeConfig } from '../../shared/config/schema.ts';
import type { Booking } from '../booking/booking-state.ts';
import { slotStarts } from '../booking/slots.ts';

/** Devices of the office before a change that are gone after it. */
export function removedDevices(before: OfficeConfig, after: OfficeConfig): string[] {
  const kept = new Set([...after.kiosks, ...after.counters, ...after.displays].map((d) => d.id));
  return [...before.kiosks, ...before.counters, ...before.displays].map((d) => d.id).filter((id) => !kept.has(id));
}

/**
 * What a settings change may not do while the office runs: the mail and SMS transports and their secrets
 * belong to whoever runs the server, a device keeps its role (a kiosk's id does not become a
 * counter's: its Pi is wired for one), and a service with people waiting today cannot disappear
 * from under them. Devices are added and removed here; a new one logs in once enrolled
 * (docs/DEVICES.md), a removed one loses its secret.
 */
export function liveProblems(before: OfficeConfig, after: OfficeConfig, waiting: (serviceId: string) => number): string[] {
  const problems: string[] = [];
  const kinds = ['kiosks', 'counters', 'displays'] as const;
  for (const kind of kinds) {
    for (const other of kinds.filter((k) => k !== kind)) {
      for (const device of before[kind])
        if (after[other].some((d) => d.id === device.id)) problems.push(`${other}: ${device.id} is one of the ${kind}; a device keeps its role (remove it and add a new one)`);
    }
  }
  if (JSON.stringify(before.mail) !== JSON.stringify(after.mail)) problems.push('mail: the mail transport is set in the server configuration file (FRONTA_CONFIG), not in the settings');
  if (JSON.stringify(before.sms.transport) !== JSON.stringify(after.sms.transport))
    problems.push('sms: the modem or gateway is set in the server configuration file (FRONTA_CONFIG), not in the settings');
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
