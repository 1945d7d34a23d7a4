import type { OfficeConfig } from './schema.ts';

/** The one public address of the server, without a trailing slash: tickets, e-mails and pages all use it. */
export function publicBase(config: OfficeConfig): string {
  const base = config.office.publicBaseUrl;
  // The office server fills it in before anything runs (withPublicBase); a missing one is a bug.
  if (!base) throw new Error('office.publicBaseUrl is not set: the office server derives it at start');
  return base.replace(/\/$/, '');
}

/** The address a server started on `host`:`port` is reached at, for a configuration that names none. */
export function derivedBase(host: string, port: number, machineName: string, scheme: 'http' | 'https' = 'http'): string {
  const name = host === '127.0.0.1' || host === '::1' || host === 'localhost' ? 'localhost' : host === '0.0.0.0' || host === '::' ? machineName : host;
  const shownPort = scheme === 'https' && port === 443 ? '' : `:${port}`;
  return `${scheme}://${name.includes(':') ? `[${name}]` : name}${shownPort}`;
}

/** The configuration with its public address: the configured one, or else `fallback`. */
export const withPublicBase = (config: OfficeConfig, fallback: string): OfficeConfig => (config.office.publicBaseUrl ? config : { ...config, office: { ...config.office, publicBaseUrl: fallback } });
