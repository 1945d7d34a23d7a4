import type { Counter } from '../../shared/config/schema.ts';
import type { CounterAction, CounterCommand } from '../../shared/contract/counter.ts';
import { pickNext } from './call-order.ts';
import { counterRecord, setCounter } from './counter-record.ts';
import type { CounterRecord, TicketRecord } from './day-state.ts';
import type { BookedRef } from './journal-entry.ts';
import { type Outcome, type RuleContext, refuse, staleness } from './rule-context.ts';
import { recordServiceTime } from './wait-estimate.ts';
import { joinLine, leaveLine } from './waiting-line.ts';

interface ActionContext extends RuleContext {
  /** The bookings due soon that Next keeps (call-order.ts), from the journal entry. */
  expected: readonly BookedRef[];
  counter: Counter;
  record: CounterRecord;
  current: TicketRecord | undefined;
  command: CounterCommand;
}

/** Each action checks everything first and mutates only when it succeeds: a refusal changes nothing. */
type Action = (ctx: ActionContext) => Outcome<null>;
const done: Outcome<null> = { ok: true, data: null };

function finishCurrent(ctx: ActionContext, status: 'done' | 'noShow'): void {
  const t = ctx.current;
  if (!t) return;
  t.status = status;
  t.finishedAt = ctx.now;
  if (status === 'done' && t.calledAt !== undefined) recordServiceTime(ctx.state, ctx.config, t.serviceId, ctx.now - t.calledAt);
}

function call(ctx: ActionContext, t: TicketRecord, kind: 'call' | 'recall'): void {
  const { state, config, counter, now } = ctx;
  leaveLine(state, t);
  t.status = 'called';
  t.counterId = counter.id;
  t.calledAt ??= now;
  t.calls += 1;
  state.callSeq += 1;
  state.calls.unshift({ number: t.number, serviceId: t.serviceId, workplaceId: t.workplaceId, counterNumber: counter.number, kind, at: now, seq: state.callSeq });
  state.calls.length = Math.min(state.calls.length, config.rules.hallCallsKept);
}

function setRecord(ctx: ActionContext, change: Partial<CounterRecord>): void {
  setCounter(ctx.state, ctx.counter.id, { ...ctx.record, ...change, changedAt: ctx.now });
}

const actions: Record<CounterAction, Action> = {
  next(ctx) {
    if (ctx.record.status === 'paused') return refuse('counterPaused');
    const next = pickNext(ctx.config, ctx.state, ctx.counter, ctx.now, ctx.expected);
    // Held for a booking (walk-ins wait, none fits before a booked time): the counter is ready and
    // idle, which other counters count on (call-order.ts); nobody waiting at all is a refusal.
    if (!next && !ctx.current) return refuse('queueEmpty');
    const candidate = next?.ticket ?? undefined;
    // Next ends the client at the counter: the clerk presses one button, not two.
    finishCurrent(ctx, 'done');
    if (candidate) call(ctx, candidate, 'call');
    setRecord(ctx, { current: candidate?.number ?? null });
    return done;
  },
  recall(ctx) {
    if (!ctx.current) return refuse('noCurrentTicket');
    call(ctx, ctx.current, 'recall');
    setRecord(ctx, {});
    return done;
  },
  noShow(ctx) {
    if (!ctx.current) return refuse('noCurrentTicket');
    finishCurrent(ctx, 'noShow');
    setRecord(ctx, { current: null });
    return done;
  },
  done(ctx) {
    if (!ctx.current) return refuse('noCurrentTicket');
    finishCurrent(ctx, 'done');
    setRecord(ctx, { current: null });
    return done;
  },
  pause(ctx) {
    if (ctx.record.status === 'paused') return refuse('counterPaused');
    // A clerk pauses after the client in front of them, so that client counts as served.
    finishCurrent(ctx, 'done');
    setRecord(ctx, { status: 'paused', current: null });
    return done;
  },
  resume(ctx) {
    if (ctx.record.status !== 'paused') return refuse('counterNotPaused');
    setRecord(ctx, { status: 'open' });
    return done;
  },
  transfer(ctx) {
    const { command, current } = ctx;
    if (command.action !== 'transfer') return refuse('invalidMessage');
    if (!current) return refuse('noCurrentTicket');
    const target = ctx.config.services.find((s) => s.id === command.serviceId);
    if (!target) return refuse('unknownService', command.serviceId);
    // The client keeps the paper ticket and their place in line (issueOrder), now in the other service's line.
    Object.assign(current, { serviceId: target.id, workplaceId: target.workplaceId });
    delete current.counterId;
    delete current.calledAt;
    joinLine(ctx.state, current);
    setRecord(ctx, { current: null });
    return done;
  },
};

export function applyCounterCommand(ctx: RuleContext, counterId: string, command: CounterCommand, expected: readonly BookedRef[] = []): Outcome<null> {
  const counter = ctx.config.counters.find((c) => c.id === counterId);
  if (!counter) return refuse('invalidMessage', `unknown counter ${counterId}`);
  const stale = staleness(command.pressedAt, ctx.now, ctx.config.rules.maxCommandAgeSeconds);
  if (stale) return refuse('stale', stale);
  const record = counterRecord(ctx.state, counter.id);
  const current = record.current ? ctx.state.tickets[record.current] : undefined;
  return actions[command.action]({ ...ctx, counter, record, current, command, expected });
}
