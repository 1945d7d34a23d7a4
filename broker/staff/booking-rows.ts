import { DateTime } from 'luxon';
import { officeZone } from '../../shared/calendar/office-calendar.ts';
import type { OfficeConfig } from '../../shared/config/schema.ts';
import { spacedPhone } from '../../shared/contract/phone-number.ts';
import type { StaffBookingRow, StaffBookingStatus } from '../../shared/contract/staff-api.ts';
import type { Booking } from '../booking/booking-state.ts';
import type { TicketRecord } from '../engine/day-state.ts';
import { csvDocument } from './csv-document.ts';

/** The staff's words for a booking's state: a hold is `pending`; a checked-in client whose ticket is done is `served`. */
export function staffStatus(booking: Booking, ticket: Pick<TicketRecord, 'status'> | undefined): StaffBookingStatus {
  if (booking.status === 'held') return 'pending';
  if (booking.status === 'checkedIn' && ticket?.status === 'done') return 'served';
  return booking.status;
}

/**
 * A day's bookings as the staff list shows them. `checkIns` is the engine's record of today's
 * check-ins (booking id → ticket number): it wins over the bookings file, whose copy may lag.
 */
export function bookingRows(bookings: Booking[], checkIns: Readonly<Record<string, string>>, ticketOf: (number: string) => Pick<TicketRecord, 'status'> | undefined): StaffBookingRow[] {
  return bookings.map((stored) => {
    const b = withCheckIn(stored, checkIns[stored.id]);
    return {
      id: b.id,
      serviceId: b.serviceId,
      startsAt: b.startsAt,
      time: DateTime.fromMillis(b.startsAt, { zone: officeZone }).toFormat('H:mm'),
      status: staffStatus(b, b.ticketNumber ? ticketOf(b.ticketNumber) : undefined),
      name: b.person?.name ?? null,
      email: b.person?.email || null,
      phone: b.person?.phone ? spacedPhone(b.person.phone) : null,
      code: b.code ?? null,
      ticketNumber: b.ticketNumber ?? null,
      bookedBy: b.bookedBy ?? null,
    };
  });
}

const withCheckIn = (booking: Booking, ticketNumber: string | undefined): Booking => (ticketNumber && booking.status !== 'cancelled' ? { ...booking, status: 'checkedIn', ticketNumber } : booking);

/** A day's list for the office's spreadsheet. */
export function bookingsCsv(config: OfficeConfig, rows: StaffBookingRow[]): string {
  const header = ['čas', 'služba', 'stav', 'jméno', 'e-mail', 'telefon', 'kód', 'lístek', 'objednal(a)'];
  const lines = rows.map((r) => [r.time, config.services.find((s) => s.id === r.serviceId)?.name.cs ?? r.serviceId, r.status, r.name, r.email, r.phone, r.code, r.ticketNumber, r.bookedBy]);
  return csvDocument([header, ...lines]);
}
