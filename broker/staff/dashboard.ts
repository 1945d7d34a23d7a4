import { counterOf, serviceOf } from '../../shared/config/lookups.ts';
import type { OfficeConfig } from '../../shared/config/schema.ts';
import type { CounterState } from '../../shared/contract/counter.ts';
import type { ServiceStatus } from '../../shared/contract/service.ts';
import type { Dashboard, DeviceAlertKind, UpNext } from '../../shared/contract/staff-api.ts';
import type { DeviceCondition } from '../mqtt/device-health-board.ts';

export interface DashboardInputs {
  config: OfficeConfig;
  now: number;
  services: ServiceStatus[];
  counters: CounterState[];
  condition: (deviceId: string) => DeviceCondition;
  queue: (serviceId: string) => string[];
  upNext: (counterId: string) => UpNext | null;
  /** A clerk's work profile at the counter, if any (the services Next serves now, in order). */
  profile: (counterId: string) => string[] | null;
  mailFailing: Dashboard['mailFailing'];
  smsFailing: Dashboard['smsFailing'];
  /** Who sits at which counter, from the staff's sessions. */
  clerks: { counterId: string | null; name: string }[];
}

/** A device's problems, worst first; none for a healthy device that is online. */
export function deviceAlerts({ presence, health }: DeviceCondition): DeviceAlertKind[] {
  const alerts: DeviceAlertKind[] = [];
  if (!presence?.online) alerts.push('offline');
  if (health?.printer === 'paperOut') alerts.push('paperOut');
  if (health?.printer === 'paperLow') alerts.push('paperLow');
  if (health?.status === 'error' && health.printer !== 'paperOut') alerts.push('error');
  return alerts;
}

/** The office at a glance: every service's queue, every counter and its clerk, every device's condition. */
export function dashboard({ config, now, services, counters, condition, queue, upNext, profile, mailFailing, smsFailing, clerks }: DashboardInputs): Dashboard {
  const devices = [
    ...config.kiosks.map((k) => ({ deviceId: k.id, role: 'kiosk' as const, name: k.name, counterNumber: null })),
    ...config.counters.map((c) => ({ deviceId: c.id, role: 'counter' as const, name: null, counterNumber: c.number })),
    ...config.displays.map((d) => ({ deviceId: d.id, role: 'display' as const, name: d.name, counterNumber: null })),
  ];
  return {
    at: now,
    mailFailing,
    smsFailing,
    services: services.map((s) => {
      const service = serviceOf(config, s.serviceId);
      return {
        serviceId: s.serviceId,
        name: service.name,
        letter: service.letter,
        open: s.open,
        waiting: s.waiting,
        queue: queue(s.serviceId),
        estimatedWaitMinutes: s.estimatedWaitMinutes,
        ticketsLeft: s.ticketsLeft,
      };
    }),
    counters: counters.map((c) => ({
      counterId: c.counterId,
      number: c.number,
      status: c.status,
      current: c.current?.number ?? null,
      upNext: upNext(c.counterId),
      waiting: c.waiting,
      clerk:
        clerks
          .filter((k) => k.counterId === c.counterId)
          .map((k) => k.name)
          .join(', ') || null,
      serviceIds: counterOf(config, c.counterId).serviceIds,
      profile: profile(c.counterId),
    })),
    devices: devices.map((device) => {
      const state = condition(device.deviceId);
      return {
        ...device,
        online: state.presence?.online ?? false,
        since: state.presence?.since ?? null,
        printer: state.health?.printer ?? null,
        message: state.health?.message ?? null,
        alerts: deviceAlerts(state),
      };
    }),
  };
}
