import type { OfficeConfig, Service } from '../../shared/config/schema.ts';
import { counterRecord } from './counter-record.ts';
import type { DayState } from './day-state.ts';

/** Mean of the day's latest service times, or the configured typical time before any client is served. */
export function meanServiceMs(state: DayState, service: Service): number {
  const samples = state.serviceTimes[service.id] ?? [];
  if (samples.length === 0) return service.typicalServiceMinutes * 60_000;
  return samples.reduce((a, b) => a + b, 0) / samples.length;
}

export function openCountersFor(config: OfficeConfig, state: DayState, serviceId: string): number {
  return config.counters.filter((c) => c.serviceIds.includes(serviceId) && counterRecord(state, c.id).status === 'open').length;
}

/**
 * Minutes until a client with `ahead` people before them is called: those people share the open
 * counters of the service. null when no counter of the service is open: no honest estimate exists.
 */
export function estimateWaitMinutes(config: OfficeConfig, state: DayState, service: Service, ahead: number): number | null {
  const open = openCountersFor(config, state, service.id);
  if (open === 0) return null;
  return Math.ceil((ahead * meanServiceMs(state, service)) / open / 60_000);
}

export function recordServiceTime(state: DayState, config: OfficeConfig, serviceId: string, ms: number): void {
  const samples = (state.serviceTimes[serviceId] ??= []);
  samples.push(ms);
  if (samples.length > config.rules.serviceTimeSamples) samples.shift();
}
