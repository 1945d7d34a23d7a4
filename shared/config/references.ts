import type { z } from 'zod';

interface Ref {
  id: string;
}
interface ConfigShape {
  workplaces: Ref[];
  services: (Ref & { workplaceId: string; letter: string })[];
  counters: (Ref & { number: number; serviceIds: string[] })[];
  kiosks: (Ref & { buttons: { button: number; serviceId: string }[] })[];
  displays: (Ref & { workplaceIds: string[] })[];
}

/** Cross-references the per-field schemas cannot see; every problem is reported, not just the first. */
export function checkReferences(config: ConfigShape, ctx: z.RefinementCtx): void {
  const issue = (path: (string | number)[], message: string) => ctx.addIssue({ code: 'custom', path, message });
  const unique = <T>(list: T[], key: (t: T) => string | number, path: string, what: string) => {
    const seen = new Set<string | number>();
    list.forEach((item, k) => {
      const value = key(item);
      if (seen.has(value)) issue([path, k], `duplicate ${what} "${value}"`);
      seen.add(value);
    });
  };
  unique(config.workplaces, (w) => w.id, 'workplaces', 'id');
  unique(config.services, (s) => s.id, 'services', 'id');
  unique(config.services, (s) => s.letter, 'services', 'ticket letter');
  unique(config.counters, (c) => c.number, 'counters', 'counter number');
  // Devices share one credential namespace on the broker, so their ids must differ across roles.
  const devices = [...config.kiosks, ...config.counters, ...config.displays];
  unique(devices, (d) => d.id, 'devices', 'device id');

  const workplaceIds = new Set(config.workplaces.map((w) => w.id));
  const serviceIds = new Set(config.services.map((s) => s.id));
  config.services.forEach((s, k) => {
    if (!workplaceIds.has(s.workplaceId)) issue(['services', k, 'workplaceId'], `unknown workplace "${s.workplaceId}"`);
  });
  config.counters.forEach((c, k) => {
    c.serviceIds.forEach((sid, j) => {
      if (!serviceIds.has(sid)) issue(['counters', k, 'serviceIds', j], `unknown service "${sid}"`);
    });
  });
  config.kiosks.forEach((kiosk, k) => {
    unique(kiosk.buttons, (b) => b.button, `kiosks.${k}.buttons`, 'button');
    kiosk.buttons.forEach((b, j) => {
      if (!serviceIds.has(b.serviceId)) issue(['kiosks', k, 'buttons', j, 'serviceId'], `unknown service "${b.serviceId}"`);
    });
  });
  config.displays.forEach((d, k) => {
    d.workplaceIds.forEach((wid, j) => {
      if (!workplaceIds.has(wid)) issue(['displays', k, 'workplaceIds', j], `unknown workplace "${wid}"`);
    });
  });
  config.services.forEach((s, k) => {
    if (!config.counters.some((c) => c.serviceIds.includes(s.id))) issue(['services', k], `no counter serves "${s.id}"`);
  });
}
