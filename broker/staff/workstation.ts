import { counterOf } from '../../shared/config/lookups.ts';
import type { OfficeConfig } from '../../shared/config/schema.ts';
import { spacedPhone } from '../../shared/contract/phone-number.ts';
import type { ClerkClient, UpNext, Workstation } from '../../shared/contract/staff-api.ts';
import type { Booking } from '../booking/booking-state.ts';
import { counterRecord } from '../engine/counter-record.ts';
import type { DayState, TicketRecord } from '../engine/day-state.ts';
import { waitingNumbers } from '../engine/waiting-line.ts';

const minutes = (ms: number) => Math.max(0, Math.round(ms / 60_000));
const hour = 3_600_000;

export interface WorkstationInputs {
  config: OfficeConfig;
  state: Readonly<DayState>;
  counterId: string;
  now: number;
  upNext: UpNext | null;
  /** The bookings of today, by id and all of them (the due list). */
  booking: (id: string) => Booking | undefined;
  todaysBookings: readonly Booking[];
}

/** A ticket as the clerk sees it, with the booking's person for a booked client: nothing is typed twice. */
export function clerkClient(t: TicketRecord, booking: Booking | undefined): ClerkClient {
  // A booked client waits from the booked time (or from checking in, if later), not from the paper.
  const from = t.origin === 'booking' ? Math.max(t.queuedAt, t.issuedAt) : t.issuedAt;
  return {
    number: t.number,
    serviceId: t.serviceId,
    issuedAt: t.issuedAt,
    waitedMinutes: t.calledAt === undefined ? null : minutes(t.calledAt - from),
    calledAt: t.calledAt ?? null,
    calls: t.calls,
    outOfOrder: t.outOfOrder ?? false,
    transfers: t.transfers ?? 0,
    booking:
      t.origin === 'booking'
        ? {
            startsAt: t.queuedAt,
            name: booking?.person?.name ?? null,
            phone: booking?.person?.phone ? spacedPhone(booking.person.phone) : null,
            email: booking?.person?.email || null,
            arrival: t.issuedAt < t.queuedAt - 60_000 ? 'early' : t.issuedAt <= t.queuedAt + 60_000 ? 'onTime' : 'late',
          }
        : null,
  };
}

/** The page a clerk keeps open all day, for the counter their session sits at. */
export function workstation({ config, state, counterId, now, upNext, booking, todaysBookings }: WorkstationInputs): Workstation {
  const counter = counterOf(config, counterId);
  const record = counterRecord(state, counterId);
  const ticketOf = (n: string) => state.tickets[n]!;
  const current = record.current ? ticketOf(record.current) : undefined;
  return {
    at: now,
    counter: {
      counterId,
      number: counter.number,
      status: record.status,
      pauseReason: record.pauseReason ?? null,
      serviceIds: counter.serviceIds,
      profile: record.profile ?? null,
    },
    current: current ? clerkClient(current, current.bookingId ? booking(current.bookingId) : undefined) : null,
    upNext,
    lines: counter.serviceIds.map((serviceId) => ({
      serviceId,
      waiting: waitingNumbers(state, serviceId).map((n) => {
        const t = ticketOf(n);
        return { number: n, waitingMinutes: minutes(now - t.issuedAt), bookedAt: t.origin === 'booking' ? t.queuedAt : null };
      }),
    })),
    parked: (record.parked ?? []).map((n) => ({ number: n, serviceId: ticketOf(n).serviceId, parkedAt: ticketOf(n).parkedAt ?? now })),
    handedOver: record.handedOver ?? [],
    dueBookings: todaysBookings
      .filter(
        (b) => counter.serviceIds.includes(b.serviceId) && (b.status === 'confirmed' || b.status === 'checkedIn' || state.checkedIn[b.id]) && b.startsAt > now - hour / 4 && b.startsAt <= now + hour,
      )
      .sort((a, b) => a.startsAt - b.startsAt)
      .map((b) => ({ startsAt: b.startsAt, serviceId: b.serviceId, name: b.person?.name ?? null, ticketNumber: state.checkedIn[b.id] ?? null })),
    otherCounters: config.counters.filter((c) => c.id !== counterId).map((c) => ({ counterId: c.id, number: c.number })),
  };
}
