import type { Kiosk, OfficeConfig } from './schema.ts';

/** The workplaces whose booking codes a kiosk takes: those of the services on its buttons. */
export function kioskWorkplaces(config: OfficeConfig, kiosk: Kiosk): Set<string> {
  return new Set(kiosk.buttons.flatMap((b) => config.services.find((s) => s.id === b.serviceId)?.workplaceId ?? []));
}

/**
 * The kiosk where a booking of this workplace is checked in (seed: the entrance hall for the cash desk
 * and the administrative department, the corridor opposite the lift for transport and trade).
 */
export function checkInKiosk(config: OfficeConfig, workplaceId: string): Kiosk | undefined {
  return config.kiosks.find((k) => kioskWorkplaces(config, k).has(workplaceId));
}
