import { serviceOf } from '../shared/config/lookups.ts';
import type { OfficeConfig } from '../shared/config/schema.ts';
import type { DeviceConfig } from '../shared/contract/device.ts';

/** How long a kiosk waits for the engine before it retries with the same request id. */
const kioskRequestTimeoutMs = 2000;

/** The retained configuration of every device, derived from the office configuration. */
export function deviceConfigs(config: OfficeConfig): DeviceConfig[] {
  const service = (id: string) => serviceOf(config, id);
  return [
    ...config.kiosks.map(
      (k): DeviceConfig => ({
        role: 'kiosk',
        deviceId: k.id,
        officeName: config.office.name,
        name: k.name,
        buttons: k.buttons.map((b) => ({ button: b.button, serviceId: b.serviceId, letter: service(b.serviceId).letter, name: service(b.serviceId).name })),
        requestTimeoutMs: kioskRequestTimeoutMs,
        codeEntryTimeoutMs: config.rules.codeEntryTimeoutSeconds * 1000,
      }),
    ),
    ...config.counters.map((c): DeviceConfig => ({ role: 'counter', deviceId: c.id, number: c.number, serviceIds: c.serviceIds })),
    ...config.displays.map(
      (d): DeviceConfig => ({
        role: 'display',
        deviceId: d.id,
        name: d.name,
        workplaceIds: d.workplaceIds,
        counterNumbers: config.counters.filter((c) => c.serviceIds.some((sid) => d.workplaceIds.includes(service(sid).workplaceId))).map((c) => c.number),
      }),
    ),
  ];
}
