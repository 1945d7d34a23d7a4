import type { Counter } from '../../shared/config/schema.ts';
import type { CounterAction, CounterCommand } from '../../shared/contract/counter.ts';
import { nextAtCounter } from './call-order.ts';
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
  /** The clerk sitting at the counter, recorded on each client it calls. */
  clerk: string | undefined;
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
  if (t.parkedAt !== undefined) {
    t.parkedMs = (t.parkedMs ?? 0) + (now - t.parkedAt);
    delete t.parkedAt;
  }
  t.status = 'called';
  t.counterId = counter.id;
  t.calledAt ??= now;
  t.calls += 1;
  if (ctx.clerk) t.servedBy = ctx.clerk;
  else delete t.servedBy;
  state.callSeq += 1;
  state.calls.unshift({ number: t.number, serviceId: t.serviceId, workplaceId: t.workplaceId, counterNumber: counter.number, kind, at: now, seq: state.callSeq });
  state.calls.length = Math.min(state.calls.length, config.rules.hallCallsKept);
}

function setRecord(ctx: ActionContext, change: Partial<CounterRecord>, counterId = ctx.counter.id): void {
  const record = counterId === ctx.counter.id ? ctx.record : counterRecord(ctx.state, counterId);
  setCounter(ctx.state, counterId, { ...record, ...change, changedAt: counterId === ctx.counter.id ? ctx.now : record.changedAt });
}

/** The client in front of the counter leaves it for a line (another service's, or none while handed to a counter). */
function sendOn(t: TicketRecord): void {
  delete t.counterId;
  delete t.calledAt;
  t.transfers = (t.transfers ?? 0) + 1;
}

const actions: Record<CounterAction, Action> = {
  next(ctx) {
    if (ctx.record.status === 'paused') return refuse('counterPaused');
    const next = nextAtCounter(ctx.config, ctx.state, ctx.counter, ctx.now, ctx.expected);
    // Held for a booking (walk-ins wait, none fits before a booked time): the counter is ready and
    // idle, which other counters count on (call-order.ts); nobody waiting at all is a refusal.
    if (!next && !ctx.current) return refuse('queueEmpty');
    const candidate = next?.ticket ?? undefined;
    // Next ends the client at the counter: the clerk presses one button, not two.
    finishCurrent(ctx, 'done');
    if (candidate) call(ctx, candidate, 'call');
    const handedOver = next?.reason === 'handedOver' ? { handedOver: ctx.record.handedOver!.slice(1) } : {};
    setRecord(ctx, { current: candidate?.number ?? null, ...handedOver });
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
    const reason = ctx.command.action === 'pause' ? ctx.command.reason : undefined;
    setRecord(ctx, { status: 'paused', current: null, ...(reason ? { pauseReason: reason } : {}) });
    return done;
  },
  resume(ctx) {
    if (ctx.record.status !== 'paused') return refuse('counterNotPaused');
    const { pauseReason: _ended, ...open } = ctx.record;
    setCounter(ctx.state, ctx.counter.id, { ...open, status: 'open', changedAt: ctx.now });
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
    sendOn(current);
    joinLine(ctx.state, current);
    setRecord(ctx, { current: null });
    return done;
  },
  transferToCounter(ctx) {
    const { command, current } = ctx;
    if (command.action !== 'transferToCounter') return refuse('invalidMessage');
    if (!current) return refuse('noCurrentTicket');
    const target = ctx.config.counters.find((c) => c.id === command.counterId);
    if (!target || target.id === ctx.counter.id) return refuse('unknownCounter', command.counterId);
    // Out of every line: the named counter calls the client next, whatever it serves.
    sendOn(current);
    current.status = 'waiting';
    const there = counterRecord(ctx.state, target.id);
    setRecord(ctx, { handedOver: [...(there.handedOver ?? []), current.number] }, target.id);
    setRecord(ctx, { current: null });
    return done;
  },
  callTicket(ctx) {
    const { command } = ctx;
    if (command.action !== 'callTicket') return refuse('invalidMessage');
    if (ctx.record.status === 'paused') return refuse('counterPaused');
    const chosen = ctx.state.tickets[command.number];
    if (chosen?.status !== 'waiting' || chosen.counterId !== undefined) return refuse('notWaiting', command.number);
    if (!ctx.counter.serviceIds.includes(chosen.serviceId)) return refuse('notServedHere', chosen.serviceId);
    finishCurrent(ctx, 'done');
    call(ctx, chosen, 'call');
    chosen.outOfOrder = true;
    setRecord(ctx, { current: chosen.number });
    return done;
  },
  park(ctx) {
    const { current } = ctx;
    if (!current) return refuse('noCurrentTicket');
    // Called back by this counter alone: a parked client is in no line, so no other Next reaches them.
    current.status = 'parked';
    current.parkedAt = ctx.now;
    setRecord(ctx, { current: null, parked: [...(ctx.record.parked ?? []), current.number] });
    return done;
  },
  callParked(ctx) {
    const { command } = ctx;
    if (command.action !== 'callParked') return refuse('invalidMessage');
    if (ctx.record.status === 'paused') return refuse('counterPaused');
    const parked = ctx.record.parked ?? [];
    if (!parked.includes(command.number)) return refuse('notParkedHere', command.number);
    finishCurrent(ctx, 'done');
    call(ctx, ctx.state.tickets[command.number]!, 'call');
    setRecord(ctx, { current: command.number, parked: parked.filter((n) => n !== command.number) });
    return done;
  },
  setProfile(ctx) {
    const { command } = ctx;
    if (command.action !== 'setProfile') return refuse('invalidMessage');
    const unknown = command.serviceIds.find((id) => !ctx.counter.serviceIds.includes(id));
    if (unknown) return refuse('notServedHere', unknown);
    const same = command.serviceIds.length === ctx.counter.serviceIds.length && command.serviceIds.every((id, k) => id === ctx.counter.serviceIds[k]);
    // The counter's own services in its own order is no profile at all.
    const { profile: _before, ...rest } = ctx.record;
    setCounter(ctx.state, ctx.counter.id, { ...rest, ...(same ? {} : { profile: [...new Set(command.serviceIds)] }), changedAt: ctx.now });
    return done;
  },
};

export function applyCounterCommand(ctx: RuleContext, counterId: string, command: CounterCommand, expected: readonly BookedRef[] = [], clerk?: string): Outcome<null> {
  const counter = ctx.config.counters.find((c) => c.id === counterId);
  if (!counter) return refuse('invalidMessage', `unknown counter ${counterId}`);
  const stale = staleness(command.pressedAt, ctx.now, ctx.config.rules.maxCommandAgeSeconds);
  if (stale) return refuse('stale', stale);
  const record = counterRecord(ctx.state, counter.id);
  const current = record.current ? ctx.state.tickets[record.current] : undefined;
  return actions[command.action]({ ...ctx, counter, record, current, command, expected, clerk });
}
