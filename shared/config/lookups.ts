import type { Counter, OfficeConfig, Service, Workplace } from './schema.ts';

/**
 * A part of a validated configuration by its id. The references between parts are checked when
 * the configuration is read (references.ts), so a miss is a bug in the caller: it throws, naming
 * the id, instead of an undefined that fails later somewhere else.
 */
function byId<T extends { id: string }>(parts: readonly T[], id: string, what: string): T {
  const found = parts.find((p) => p.id === id);
  if (!found) throw new Error(`no ${what} "${id}" in the configuration`);
  return found;
}

export const serviceOf = (config: OfficeConfig, id: string): Service => byId(config.services, id, 'service');
export const workplaceOf = (config: OfficeConfig, id: string): Workplace => byId(config.workplaces, id, 'workplace');
export const counterOf = (config: OfficeConfig, id: string): Counter => byId(config.counters, id, 'counter');
