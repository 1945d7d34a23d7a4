import { canonicalJson } from '../../shared/canonical-json.ts';
import type { OfficeConfig } from '../../shared/config/schema.ts';
import type { Logger } from '../log.ts';
import type { OfficeSettings } from '../settings/office-settings.ts';
import type { SettingsService } from '../settings/settings-service.ts';

/**
 * In hub mode the office's configuration comes from the hub: each one is applied as an
 * administrator's change is (the engine, the saved settings, the devices), keeping what belongs to
 * this server: its public address, its mail relay and its SMS modem or gateway. The bookings a change leaves without their
 * time are not cancelled here: the hub's are the hub's to cancel, and it mails their citizens.
 * The same configuration again (the retained message at each connection) changes nothing. One the
 * running office cannot take (a service removed while people wait for it) is refused and logged;
 * the hub's next message, or the next connection, brings it again. Only a failed write rejects, so
 * the message is not acknowledged and comes again.
 */
export function configFromHub(deps: { settings: OfficeSettings; service: SettingsService; log: Logger }): (config: OfficeConfig) => Promise<void> {
  return async (config) => {
    const local = deps.settings.stored;
    const incoming: OfficeConfig = {
      ...config,
      office: { ...config.office, publicBaseUrl: local.office.publicBaseUrl },
      mail: local.mail,
      sms: { ...config.sms, transport: local.sms.transport },
    };
    if (canonicalJson(incoming) === canonicalJson(local)) return;
    const applied = await deps.service.apply(incoming, false);
    if (applied.ok) deps.log.info('configuration from the hub in force', { affected: applied.data.affected });
    else if (applied.error.code === 'storageFailed') throw new Error(applied.error.errors.join('; '));
    else deps.log.error('configuration from the hub refused', { errors: applied.error.errors });
  };
}
