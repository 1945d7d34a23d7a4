import { kostelecOffice } from '../../shared/config/kostelec.ts';
import { startOfficeProcess, type OfficeProcess } from '../lib/office-process.ts';

export type FaultOffice = OfficeProcess;

/** Tuesday 24 November 2026, 09:00 in Prague: open for hours. */
const start = Date.parse('2026-11-24T09:00:00+01:00');

/** The Kostelec office with capacities no fault test reaches, run by a real server process. */
export function startFaultOffice(dir: string): Promise<FaultOffice> {
  const input = { ...structuredClone(kostelecOffice), workplaces: kostelecOffice.workplaces.map((w) => ({ ...w, walkInCapacityPerDay: 10_000 })) };
  return startOfficeProcess(dir, input, start);
}
