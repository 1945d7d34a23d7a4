import { kostelecOffice } from '../../shared/config/kostelec.ts';
import type { OfficeInput } from '../../shared/config/schema.ts';
import { type OfficeProcess, startOfficeProcess } from '../lib/office-process.ts';

export type FaultOffice = OfficeProcess;

/** Tuesday 24 November 2026, 09:00 in Prague: open for hours. */
const start = Date.parse('2026-11-24T09:00:00+01:00');

/**
 * The Kostelec office with walk-in capacities no fault test reaches, run by a real server process.
 * Booking keeps its real places (contention is the point) but not its per-address limits: every
 * simulated citizen comes from 127.0.0.1.
 */
export function startFaultOffice(dir: string): Promise<FaultOffice> {
  const input: OfficeInput = {
    ...structuredClone(kostelecOffice),
    workplaces: kostelecOffice.workplaces.map((w) => ({ ...w, walkInCapacityPerDay: 10_000 })),
    booking: {
      proofOfWork: { minCounter: 10, maxCounter: 50 },
      limits: { pendingHoldsPerAddress: 1e6, bookingsPerAddress: 1e6, placesPerAddressPerDay: 1e6, holdRequestsPerAddress: 1e6, cancelAttemptsPerAddress: 1e6 },
    },
  };
  return startOfficeProcess(dir, input, start);
}
