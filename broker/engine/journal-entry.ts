import type { CounterCommand } from '../../shared/contract/counter.ts';
import type { KioskRequest } from '../../shared/contract/kiosk.ts';

/** The booking behind a typed code, as the bookings said when the code was typed. */
export interface BookedRef {
  id: string;
  serviceId: string;
  startsAt: number;
}

/**
 * One operation that changed the day, with everything that made its outcome: the instant it was
 * applied, the token it drew, what the bookings said (the booking behind a code; for Next, the
 * bookings due soon that the call order keeps) and the clerk sitting at the counter. The rules are
 * pure, so replaying the entries over the snapshot rebuilds the day exactly; that is what lets each
 * write append one line instead of the whole day.
 */
export type JournalEntry =
  | { seq: number; at: number; kind: 'kiosk'; deviceId: string; token: string; message: KioskRequest; booking?: BookedRef | null }
  | { seq: number; at: number; kind: 'counter'; deviceId: string; message: CounterCommand; expected?: BookedRef[]; clerk?: string };
