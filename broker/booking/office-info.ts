import { checkInKiosk } from '../../shared/config/check-in-kiosks.ts';
import { workplaceOf } from '../../shared/config/lookups.ts';
import type { OfficeConfig } from '../../shared/config/schema.ts';
import type { OfficeInfo, SuspensionNotice } from '../../shared/contract/booking-api.ts';
import { isSuspended } from './booking-rules.ts';
import type { BookingState } from './booking-state.ts';

/** What the booking site shows first: the office, its rules, the services that can be booked, and any suspension. */
export function officeInfo(config: OfficeConfig, state: BookingState, mailReady: boolean, smsOffered: boolean, bookOnlineAt: string | null = null): OfficeInfo {
  return {
    name: config.office.name,
    horizonDays: config.booking.horizonDays,
    newDaysOpenAt: config.booking.newDaysOpenAt,
    holdMinutes: config.booking.holdMinutes,
    checkInEarlyMinutes: config.booking.checkInEarlyMinutes,
    checkInLateMinutes: config.booking.checkInLateMinutes,
    retentionDays: config.booking.retentionDays,
    services: config.services.map((s) => ({
      id: s.id,
      name: s.name,
      workplaceId: s.workplaceId,
      workplace: workplaceOf(config, s.workplaceId).name,
      checkInKiosk: checkInKiosk(config, s.workplaceId)?.name ?? null,
      byAppointment: s.booking !== undefined,
      bookable: mailReady && bookOnlineAt === null && s.booking !== undefined && !isSuspended(state, s.workplaceId),
    })),
    suspension: suspensionNotice(config, state),
    mailReady,
    smsOffered,
    bookOnlineAt,
  };
}

/** seed: the crisis notice, with each suspended workplace's phone and e-mail; null when booking runs (there). */
export function suspensionNotice(config: OfficeConfig, state: BookingState, workplaceId?: string): SuspensionNotice | null {
  const s = state.suspension;
  if (!s || (workplaceId && !isSuspended(state, workplaceId))) return null;
  const workplaces = config.workplaces.filter((w) => s.workplaceIds === null || s.workplaceIds.includes(w.id));
  return {
    workplaceIds: s.workplaceIds,
    notice: s.notice,
    contacts: workplaces.map((w) => ({ workplaceId: w.id, name: w.name, phone: w.phone, email: w.email })),
  };
}
