import { officeDay } from '../../shared/calendar/office-calendar.ts';
import type { Clock } from '../../shared/clock.ts';
import type { OfficeConfig } from '../../shared/config/schema.ts';
import type { RefusalCode } from '../../shared/contract/common.ts';
import type { CounterCommand, CounterReply, CounterState } from '../../shared/contract/counter.ts';
import type { HallCalls } from '../../shared/contract/hall.ts';
import type { KioskReply, KioskRequest } from '../../shared/contract/kiosk.ts';
import { refused } from '../../shared/contract/result.ts';
import type { ServiceStatus } from '../../shared/contract/service.ts';
import type { UpNext } from '../../shared/contract/staff-api.ts';
import type { TicketStatus } from '../../shared/contract/ticket-status.ts';
import type { Durable, QueueStore } from '../store/queue-store.ts';
import { applyEntry, type Reply } from './apply-entry.ts';
import { lookAheadMs, nextAtCounter } from './call-order.ts';
import { CodeAttempts } from './code-attempts.ts';
import { counterRecord } from './counter-record.ts';
import { type DayState, freshDay, type TicketRecord } from './day-state.ts';
import { GroupCommit } from './group-commit.ts';
import type { BookedRef, JournalEntry } from './journal-entry.ts';
import { ticketView } from './ticket-view.ts';
import { counterState, hallCalls, serviceStatuses } from './views.ts';
import { waitingNumbers } from './waiting-line.ts';

export interface EngineDeps {
  config: OfficeConfig;
  clock: Clock;
  store: QueueStore;
  newToken: () => string;
  /** Journal entries after which the next write is a fresh snapshot instead: bounds the replay at start-up
   *  (10,000 entries replay in well under a second) while a normal day (a few thousand) never pays for one. */
  compactAfter?: number;
  /** The bookings due soon, for the call order; without it none are. */
  bookings?: BookingLookup;
  /** Told of each finished day once it is archived (the statistics keep an aggregate of it). */
  onDayArchived?: (day: DayState) => void;
}

export interface BookingLookup {
  /** Confirmed bookings of these services whose time is in (from, to]: the call order keeps their times. */
  due(serviceIds: readonly string[], from: number, to: number): BookedRef[];
}

type Fail = (code: RefusalCode, detail?: string) => Reply;

/**
 * The single writer of queue state. Rules are pure functions over the day's state; this class adds
 * what makes them safe to expose: one answer per request id, the day rolling over at Prague midnight,
 * and no answer before the change is durable (store before acknowledge).
 */
export class QueueEngine {
  private state: DayState = freshDay('');
  private unsaved: JournalEntry[] = [];
  /** Finished days to archive, and whether the next write must be a snapshot (new day, new store). */
  private toArchive: DayState[] = [];
  private snapshotDue = false;
  private readonly commits: GroupCommit;
  private readonly inFlight = new Map<string, Promise<Reply>>();
  private readonly codeAttempts: CodeAttempts;
  private readonly changeListeners = new Set<() => void>();
  /** The office configuration in force; staff settings replace it (reconfigure). */
  private office: OfficeConfig;

  constructor(private readonly deps: EngineDeps) {
    this.office = deps.config;
    this.commits = new GroupCommit(
      () => this.write(),
      () => this.restore(),
    );
    this.codeAttempts = new CodeAttempts(() => this.office.booking.limits);
  }

  /** Rebuilds the last durable state; a day left over from before a long stop is archived first. */
  async start(): Promise<void> {
    const durable = await this.deps.store.load();
    if (durable) {
      const before = durable.snapshot.config;
      this.state = this.replay(durable);
      // The settings changed while the server was down: the next entries are applied under the new ones.
      if (before && JSON.stringify(before) !== JSON.stringify(this.office)) await this.reconfigure(this.office);
    } else {
      this.state = freshDay(this.today());
      this.snapshotDue = true;
      await this.commits.commit();
    }
    await this.rollIfNeeded();
  }

  get config(): OfficeConfig {
    return this.office;
  }

  /**
   * New settings from now on. The day is snapshotted with them at once: every entry journaled
   * after the snapshot was applied under the configuration the snapshot records, so a replay
   * after a crash gives the same day whatever the settings file says by then.
   */
  async reconfigure(config: OfficeConfig): Promise<void> {
    const before = this.office;
    this.office = config;
    this.snapshotDue = true;
    try {
      await this.commits.commit();
    } catch (error) {
      this.office = before;
      throw error;
    }
  }

  currentDay(): string {
    return this.state.day;
  }

  /**
   * Told after each change is durable, whoever asked for it (a box over MQTT, a clerk's page over
   * HTTP): the bridge republishes the views. Returns the way to stop listening.
   */
  onChange(listener: () => void): () => void {
    this.changeListeners.add(listener);
    return () => this.changeListeners.delete(listener);
  }

  /**
   * A press or a typed code. The booking a code belongs to (null: none) is looked up by the caller
   * before, and goes into the journal entry, so the engine never calls back into the bookings and
   * a replay decides the same.
   */
  async kioskRequest(kioskId: string, request: KioskRequest, booking: BookedRef | null = null): Promise<KioskReply> {
    const { requestId } = request;
    const key = `${kioskId}/${requestId}`;
    const fail: Fail = (code, detail) => ({ requestId, ok: false, error: refused(code, detail).error });
    const now = this.deps.clock.now();
    const isCode = request.kind !== 'walkIn';
    if (isCode && this.codeAttempts.reusedForAnotherCode(key, request.code, now)) {
      this.codeAttempts.refused(kioskId, request.code, now);
      return fail('invalidMessage', 'request id already used for another code') as KioskReply;
    }
    if (isCode && !this.state.answered[key] && this.codeAttempts.blocked(kioskId, now)) return fail('tooManyAttempts') as KioskReply;
    const reply = (await this.once(key, fail, () => ({
      seq: this.state.seq + 1,
      at: now,
      kind: 'kiosk',
      deviceId: kioskId,
      token: this.deps.newToken(),
      message: request,
      ...(isCode ? { booking } : {}),
    }))) as KioskReply;
    if (isCode && !reply.ok && reply.error.code !== 'storageFailed') this.codeAttempts.refused(kioskId, request.code, now);
    return reply;
  }

  /** A counter's command, from its box or its clerk's page; `clerk`: whoever sits at the counter, recorded on the clients it calls. */
  counterCommand(counterId: string, command: CounterCommand, clerk?: string): Promise<CounterReply> {
    const { commandId } = command;
    const fail: Fail = (code, detail) => ({ commandId, ok: false, error: refused(code, detail).error });
    return this.once(`${counterId}/${commandId}`, fail, () => {
      const now = this.deps.clock.now();
      const expected = command.action === 'next' ? this.expectedAt(counterId, now) : [];
      return { seq: this.state.seq + 1, at: now, kind: 'counter', deviceId: counterId, message: command, ...(expected.length > 0 ? { expected } : {}), ...(clerk ? { clerk } : {}) };
    }) as Promise<CounterReply>;
  }

  /** The bookings a walk-in started now at the counter could run into (call-order.ts). */
  private expectedAt(counterId: string, now: number): BookedRef[] {
    const counter = this.office.counters.find((c) => c.id === counterId);
    if (!counter || !this.deps.bookings) return [];
    return this.deps.bookings.due(counter.serviceIds, now, now + lookAheadMs(this.office, this.state, counter));
  }

  serviceStatuses(now = this.deps.clock.now()): ServiceStatus[] {
    return serviceStatuses(this.office, this.state, now);
  }

  counterStates(now = this.deps.clock.now()): CounterState[] {
    return this.office.counters.map((c) => counterState(this.office, this.state, c.id, now));
  }

  hallCalls(now = this.deps.clock.now()): HallCalls {
    return hallCalls(this.state, now);
  }

  ticketStatus(token: string, now = this.deps.clock.now()): TicketStatus | undefined {
    return ticketView(this.office, this.state, token, now);
  }

  /** Whom Next at the counter would call now, and why (null: nobody, or the counter is paused), for the staff dashboard. */
  upNext(counterId: string, now = this.deps.clock.now()): UpNext | null {
    const counter = this.office.counters.find((c) => c.id === counterId);
    if (!counter || counterRecord(this.state, counterId).status === 'paused') return null;
    const next = nextAtCounter(this.office, this.state, counter, now, this.expectedAt(counterId, now));
    return next ? { number: next.ticket?.number ?? null, reason: next.reason, bookedAt: next.bookedAt } : null;
  }

  /** The ticket numbers waiting for a service (booked clients first), for the staff dashboard. */
  waiting(serviceId: string): string[] {
    return waitingNumbers(this.state, serviceId);
  }

  /** The day as it stands, for the statistics of today; not to be changed. */
  dayState(): Readonly<DayState> {
    return this.state;
  }

  /** Today's ticket of that number, if any: the staff's booking list says whether a booked client was served. */
  todaysTicket(number: string): Readonly<TicketRecord> | undefined {
    return this.state.tickets[number];
  }

  /**
   * Starts a new day at Prague midnight (called by every request and by a timer). The swap is
   * immediate; the next write archives the finished day and snapshots the new one, in that order.
   */
  async rollIfNeeded(): Promise<void> {
    const today = this.today();
    if (this.state.day === today) return;
    if (Object.keys(this.state.tickets).length > 0) this.toArchive.push(this.state);
    this.state = freshDay(today, this.state.seq);
    this.snapshotDue = true;
    await this.commits.commit();
  }

  private today(): string {
    return officeDay(this.deps.clock.now());
  }

  /**
   * Runs a request at most once per key: a duplicate delivery or a retry while the first is still
   * being stored waits for the same answer; a later one gets the stored answer. A refusal has
   * changed nothing, so nothing is written for it.
   */
  private once(key: string, fail: Fail, entryFor: () => JournalEntry): Promise<Reply> {
    const pending = this.inFlight.get(key);
    if (pending) return pending;
    const run = (async (): Promise<Reply> => {
      try {
        await this.rollIfNeeded();
      } catch (error) {
        return fail('storageFailed', String(error));
      }
      const answered = this.state.answered[key];
      if (answered) return answered;
      const entry = entryFor();
      const reply = applyEntry(this.office, this.state, entry);
      if (!reply.ok) return reply;
      this.unsaved.push(entry);
      try {
        await this.commits.commit();
        for (const listener of this.changeListeners) listener();
        return reply;
      } catch (error) {
        // seed + issue #2: no ticket is printed that is not stored; the kiosk shows the failure.
        return fail('storageFailed', String(error));
      }
    })().finally(() => this.inFlight.delete(key));
    this.inFlight.set(key, run);
    return run;
  }

  /** One durable write for everything applied since the last: a journal append, or a snapshot when due. */
  private async write(): Promise<void> {
    const { store, compactAfter = 10_000 } = this.deps;
    const batch = this.unsaved;
    this.unsaved = [];
    if (!this.snapshotDue && store.journalLength() + batch.length <= compactAfter) return store.append(batch);
    // Copied now: requests applied while the archive is written belong to the next write.
    const snapshot = { ...structuredClone(this.state), config: this.office };
    const finished = this.toArchive;
    this.toArchive = [];
    this.snapshotDue = false;
    for (const day of finished) {
      await store.archiveDay(day);
      this.deps.onDayArchived?.(day);
    }
    await store.snapshot(snapshot);
  }

  /** After a failed write: back to exactly what is durable; everything since is answered as failed. */
  private restore(): void {
    const durable = this.deps.store.durable();
    this.unsaved = [];
    this.toArchive = [];
    this.state = durable ? this.replay(durable) : freshDay(this.today());
    this.snapshotDue = !durable;
  }

  private replay(durable: Durable): DayState {
    const { config = this.office, ...state } = durable.snapshot;
    for (const entry of durable.entries) applyEntry(config, state, entry);
    return state;
  }
}
