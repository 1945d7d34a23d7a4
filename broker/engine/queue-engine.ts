import { officeDay } from '../../shared/calendar/office-calendar.ts';
import type { Clock } from '../../shared/clock.ts';
import type { OfficeConfig } from '../../shared/config/schema.ts';
import type { RefusalCode } from '../../shared/contract/common.ts';
import type { CounterCommand, CounterReply, CounterState } from '../../shared/contract/counter.ts';
import type { HallCalls } from '../../shared/contract/hall.ts';
import type { KioskReply, KioskRequest } from '../../shared/contract/kiosk.ts';
import type { ServiceStatus } from '../../shared/contract/service.ts';
import type { QueueStore } from '../store/queue-store.ts';
import type { Outcome, RuleContext } from './context.ts';
import { applyCounterCommand } from './counter-actions.ts';
import { freshDay, type DayState } from './day-state.ts';
import { GroupCommit } from './group-commit.ts';
import { counterState, hallCalls, serviceStatus } from './views.ts';
import { issueWalkIn } from './walk-in.ts';

export interface EngineDeps {
  config: OfficeConfig;
  clock: Clock;
  store: QueueStore;
  newToken: () => string;
}

type Reply = KioskReply | CounterReply;

/**
 * The single writer of queue state. Rules are pure functions over the day's state; this class adds
 * what makes them safe to expose: one answer per request id, the day rolling over at Prague midnight,
 * and no answer before the change is durable (store before acknowledge).
 */
export class QueueEngine {
  private state: DayState = freshDay('');
  private readonly commits: GroupCommit;
  private readonly inFlight = new Map<string, Promise<Reply>>();
  private rolling: Promise<void> | undefined;

  constructor(private readonly deps: EngineDeps) {
    this.commits = new GroupCommit(
      () => deps.store.saveToday(this.state),
      () => {
        this.state = deps.store.lastSaved() ?? freshDay(this.state.day);
      },
    );
  }

  /** Loads the last durable state; a day left over from before a long stop is archived first. */
  async start(): Promise<void> {
    this.state = (await this.deps.store.loadToday()) ?? freshDay(this.today());
    await this.rollIfNeeded();
  }

  get config(): OfficeConfig {
    return this.deps.config;
  }

  currentDay(): string {
    return this.state.day;
  }

  kioskRequest(kioskId: string, request: KioskRequest): Promise<KioskReply> {
    const { requestId } = request;
    const fail = (code: RefusalCode, detail?: string): KioskReply => ({ requestId, ok: false, error: detail ? { code, detail } : { code } });
    return this.once(`${kioskId}/${requestId}`, fail, (ctx) => {
      // The booking issue answers check-ins; until then no code is known.
      if (request.kind === 'checkIn') return fail('unknownCode');
      const outcome = issueWalkIn(ctx, { kioskId, serviceId: request.serviceId, pressedAt: request.pressedAt });
      return outcome.ok ? { requestId, ok: true, data: { ticket: outcome.data } } : refusalOf(outcome, fail);
    }) as Promise<KioskReply>;
  }

  counterCommand(counterId: string, command: CounterCommand): Promise<CounterReply> {
    const { commandId } = command;
    const fail = (code: RefusalCode, detail?: string): CounterReply => ({ commandId, ok: false, error: detail ? { code, detail } : { code } });
    return this.once(`${counterId}/${commandId}`, fail, (ctx) => {
      const outcome = applyCounterCommand(ctx, counterId, command);
      return outcome.ok ? { commandId, ok: true } : refusalOf(outcome, fail);
    }) as Promise<CounterReply>;
  }

  serviceStatuses(now = this.deps.clock.now()): ServiceStatus[] {
    return this.deps.config.services.map((s) => serviceStatus(this.deps.config, this.state, s.id, now));
  }

  counterStates(now = this.deps.clock.now()): CounterState[] {
    return this.deps.config.counters.map((c) => counterState(this.deps.config, this.state, c.id, now));
  }

  hallCalls(now = this.deps.clock.now()): HallCalls {
    return hallCalls(this.state, now);
  }

  /** Rolls the day over at Prague midnight even when nobody presses anything (called by a timer). */
  async rollIfNeeded(): Promise<void> {
    if (this.state.day === this.today()) return;
    this.rolling ??= this.rollOver().finally(() => (this.rolling = undefined));
    await this.rolling;
  }

  private async rollOver(): Promise<void> {
    const finished = this.state;
    if (Object.keys(finished.tickets).length > 0) await this.deps.store.archiveDay(finished);
    this.state = freshDay(this.today());
    await this.commits.commit();
  }

  private today(): string {
    return officeDay(this.deps.clock.now());
  }

  /**
   * Runs `rule` at most once per request key: a duplicate delivery or a retry while the first is
   * still being stored waits for the same answer; a later one gets the stored answer.
   * A rule that returns a refusal has changed nothing, so nothing is written for it.
   */
  private once(key: string, fail: (code: RefusalCode, detail?: string) => Reply, rule: (ctx: RuleContext) => Reply): Promise<Reply> {
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
      const { config, clock, newToken } = this.deps;
      const reply = rule({ config, state: this.state, now: clock.now(), newToken });
      if (!reply.ok) return reply;
      this.state.answered[key] = reply;
      try {
        await this.commits.commit();
        return reply;
      } catch (error) {
        // seed + issue #2: no ticket is printed that is not stored; the kiosk shows the failure.
        return fail('storageFailed', String(error));
      }
    })().finally(() => this.inFlight.delete(key));
    this.inFlight.set(key, run);
    return run;
  }
}

function refusalOf(outcome: Extract<Outcome<unknown>, { ok: false }>, fail: (code: RefusalCode, detail?: string) => Reply): Reply {
  return fail(outcome.code, outcome.detail);
}
