import { kostelecOffice } from '../../shared/config/kostelec.ts';
import type { OfficeInput } from '../../shared/config/schema.ts';
import { type OfficeProcess, startOfficeProcess } from '../lib/office-process.ts';

export type BenchOffice = OfficeProcess;

/** Tuesday 24 November 2026, 09:00 in Prague: every workplace open for hours. */
const benchStart = Date.parse('2026-11-24T09:00:00+01:00');

/**
 * The Kostelec office grown to `devices` kiosks and as many counters (each serving every service),
 * run by a real office server process with its durable file store in `dir`.
 */
export function startBenchOffice(dir: string, devices: number): Promise<BenchOffice> {
  const services = kostelecOffice.services.map((s) => s.id);
  const input: OfficeInput = {
    ...structuredClone(kostelecOffice),
    workplaces: kostelecOffice.workplaces.map((w) => ({ ...w, walkInCapacityPerDay: 10_000 })),
    kiosks: Array.from({ length: devices }, (_, k) => ({
      id: `kiosk-${k + 1}`,
      name: { cs: `Kiosk ${k + 1}`, en: `Kiosk ${k + 1}` },
      buttons: services.map((serviceId, b) => ({ button: b + 1, serviceId })),
    })),
    counters: Array.from({ length: devices }, (_, k) => ({ id: `counter-${k + 1}`, number: k + 1, serviceIds: services })),
    displays: [],
  };
  return startOfficeProcess(dir, input, benchStart);
}
