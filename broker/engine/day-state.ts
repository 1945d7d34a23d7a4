import type { OfficeConfig } from '../../shared/config/schema.ts';
import type { CounterReply, pauseReasons } from '../../shared/contract/counter.ts';
import type { HallCall } from '../../shared/contract/hall.ts';
import type { KioskReply } from '../../shared/contract/kiosk.ts';

/** `parked`: sent aside by a counter's clerk, out of every line, until that counter calls it back. */
export type TicketStage = 'waiting' | 'called' | 'parked' | 'done' | 'noShow';

export interface TicketRecord {
  number: string;
  serviceId: string;
  workplaceId: string;
  /** A booking's ticket waits in its own line and is called at its time (call-order.ts). */
  origin: 'walkIn' | 'booking';
  bookingId?: string;
  /** A walk-in ticket printed for the booking whose code came after its window (check-in.ts). */
  lateFor?: string;
  /** Unguessable; the ticket's live status page is addressed by it, never by the number. */
  token: string;
  issuedAt: number;
  /** When the client joined the line; for a booking the booked time, which orders the booked line. */
  queuedAt: number;
  /** The ticket's place in the day's issuing (1, 2, 3 …): orders the walk-ins whatever the clock
   *  did, and a transferred ticket keeps it, so the client does not queue again. Absent in the
   *  tickets of a snapshot written before it existed: those keep the order their line had. */
  issueOrder?: number;
  status: TicketStage;
  counterId?: string;
  calledAt?: number;
  calls: number;
  finishedAt?: number;
  /** The clerk at the counter when it was last called (their staff name; absent when nobody sat there). */
  servedBy?: string;
  /** Called out of its line's order by a clerk's choice (an elderly client, a quick question). */
  outOfOrder?: boolean;
  /** How often it was sent to another service or counter. */
  transfers?: number;
  /** Since when it is parked, and the time it spent parked before (ms). */
  parkedAt?: number;
  parkedMs?: number;
}

export interface CounterRecord {
  status: 'open' | 'paused';
  current: string | null;
  changedAt: number;
  pauseReason?: PauseReason;
  /** Clients this counter parked, in the order parked: only this counter calls them back. */
  parked?: string[];
  /** Clients another counter sent here by name: Next here calls them before anyone else. */
  handedOver?: string[];
  /** The clerk's work profile: which of the counter's services Next serves now, in this order. */
  profile?: string[];
}

export type PauseReason = (typeof pauseReasons)[number];

/** Everything the engine knows about one Prague day: the hot file, rolled out when the day ends. */
export interface DayState {
  day: string;
  /** The sequence number of the last journal entry applied (journal-entry.ts). */
  seq: number;
  sequences: Record<string, number>;
  issuedPerWorkplace: Record<string, number>;
  /** Tickets issued today, of every service: the next ticket's issueOrder. */
  ticketsIssued?: number;
  tickets: Record<string, TicketRecord>;
  /** Each service's waiting line, ticket numbers in call order (waiting-line.ts keeps it). */
  lines: Record<string, string[]>;
  counters: Record<string, CounterRecord>;
  /** Answers already given, by `${deviceId}/${requestId}`: a retried request gets the same answer. */
  answered: Record<string, KioskReply | CounterReply>;
  calls: HallCall[];
  callSeq: number;
  /** The day's latest service durations (ms) per service, newest last. */
  serviceTimes: Record<string, number[]>;
  /** Bookings checked in today, to their ticket numbers: a code works once. */
  checkedIn: Record<string, string>;
  /** Lapsed bookings whose code printed a walk-in ticket instead, to its number: once per code. Absent before it existed. */
  lateWalkIns?: Record<string, string>;
  /** In a snapshot only: the office configuration the journal entries after it were applied under. */
  config?: OfficeConfig;
}

/** `seq` carries on from the previous day, so a leftover journal entry can never apply to a new day. */
export function freshDay(day: string, seq = 0): DayState {
  return {
    day,
    seq,
    sequences: {},
    issuedPerWorkplace: {},
    tickets: {},
    lines: {},
    counters: {},
    answered: {},
    calls: [],
    callSeq: 0,
    serviceTimes: {},
    checkedIn: {},
  };
}
