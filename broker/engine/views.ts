import { nextWindowChange, ticketWindow } from '../../shared/calendar/office-calendar.ts';
import { counterOf, serviceOf, workplaceOf } from '../../shared/config/lookups.ts';
import type { OfficeConfig } from '../../shared/config/schema.ts';
import type { CounterState } from '../../shared/contract/counter.ts';
import type { HallCalls } from '../../shared/contract/hall.ts';
import type { ServiceStatus } from '../../shared/contract/service.ts';
import { counterRecord } from './counter-record.ts';
import type { DayState } from './day-state.ts';
import { estimateWaitMinutes } from './wait-estimate.ts';
import { lineLength } from './waiting-line.ts';

/** The retained views the broker publishes; pure functions of config, state and the instant. */
export function serviceStatuses(config: OfficeConfig, state: DayState, now: number): ServiceStatus[] {
  // One instant for every service, and asked after every change: worked out once.
  const changesAt = nextWindowChange(config, now);
  return config.services.map((s) => serviceStatus(config, state, s.id, now, changesAt));
}

function serviceStatus(config: OfficeConfig, state: DayState, serviceId: string, now: number, changesAt: number): ServiceStatus {
  const service = serviceOf(config, serviceId);
  const workplace = workplaceOf(config, service.workplaceId);
  const window = ticketWindow(config, workplace, now);
  const ticketsLeft = Math.max(0, workplace.walkInCapacityPerDay - (state.issuedPerWorkplace[workplace.id] ?? 0));
  const waiting = lineLength(state, [service.id]);
  const closedReason = !window.open ? (window.reason === 'holiday' ? 'holiday' : 'closed') : ticketsLeft === 0 ? 'capacityExhausted' : null;
  return {
    serviceId,
    open: closedReason === null,
    closedReason,
    waiting,
    estimatedWaitMinutes: estimateWaitMinutes(config, state, service, waiting),
    ticketsLeft,
    changesAt,
    updatedAt: now,
  };
}

export function counterState(config: OfficeConfig, state: DayState, counterId: string, now: number): CounterState {
  const counter = counterOf(config, counterId);
  const record = counterRecord(state, counterId);
  const t = record.current ? state.tickets[record.current] : undefined;
  return {
    counterId,
    number: counter.number,
    status: record.status,
    current: t ? { number: t.number, serviceId: t.serviceId, calledAt: t.calledAt ?? now, calls: t.calls } : null,
    // Those handed over by name wait for this counter too.
    waiting: lineLength(state, counter.serviceIds) + (record.handedOver?.length ?? 0),
    updatedAt: now,
  };
}

export function hallCalls(state: DayState, now: number): HallCalls {
  return { calls: state.calls, updatedAt: now };
}
