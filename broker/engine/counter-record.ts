import type { CounterRecord, DayState } from './day-state.ts';

/** Every counter opens the day open and idle; its record is created on first use. */
export function counterRecord(state: DayState, counterId: string): CounterRecord {
  return state.counters[counterId] ?? { status: 'open', current: null, changedAt: 0 };
}

export function setCounter(state: DayState, counterId: string, record: CounterRecord): void {
  state.counters[counterId] = record;
}
