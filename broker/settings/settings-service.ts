import type { Clock } from '../../shared/clock.ts';
import type { LocalizedText } from '../../shared/config/localized.ts';
import type { OfficeConfig } from '../../shared/config/schema.ts';
import { validateOfficeConfig } from '../../shared/config/validate.ts';
import type { FieldIssue } from '../../shared/contract/booking-api.ts';
import { type Refusal, type Result, refused } from '../../shared/contract/result.ts';
import type { Booking } from '../booking/booking-state.ts';
import type { Bookings } from '../booking/bookings.ts';
import type { DeviceEnrolment } from '../devices/device-enrolment.ts';
import type { DayTimer } from '../engine/day-timer.ts';
import type { QueueEngine } from '../engine/queue-engine.ts';
import type { Logger } from '../log.ts';
import type { EngineBridge } from '../mqtt/engine-bridge.ts';
import type { OfficeSettings } from './office-settings.ts';
import { affectedBookings, liveProblems, removedDevices } from './settings-change.ts';

/** A refusal says every problem: the schema's (`issues`, by field) and the running office's. */
export type SettingsOutcome<T> = Result<T, Refusal<'invalidRequest' | 'storageFailed'> & { errors: string[]; issues?: FieldIssue[] }>;

/** What the clients of cancelled bookings are told when the administrator does not write it. */
export const defaultChangeNotice: LocalizedText = {
  cs: 'Úřad změnil úřední hodiny nebo nabídku služeb a sjednaný termín se nemůže uskutečnit. Objednejte se prosím na jiný termín.',
  en: 'The office has changed its hours or services and your appointment cannot take place. Please book another time.',
};

/**
 * Changing the office's settings while it runs: checked by the shared schema and for what the
 * running office cannot take, applied to the engine first (a snapshot under the new settings),
 * then saved, then handed to booking and to the devices (retained configuration, at once).
 */
export class SettingsService {
  constructor(
    private readonly deps: { settings: OfficeSettings; engine: QueueEngine; bookings: Bookings; bridge: EngineBridge; devices: DeviceEnrolment; dayTimer: DayTimer; clock: Clock; log: Logger },
  ) {}

  /** The settings as stored, for the settings page (without the address the server filled in). */
  stored(): OfficeConfig {
    return this.deps.settings.stored;
  }

  /** The change checked, and the bookings it would leave without their appointment; nothing is applied. */
  preview(input: unknown): SettingsOutcome<{ config: OfficeConfig; affected: Booking[] }> {
    const result = validateOfficeConfig(input);
    if (!result.ok) return refused('invalidRequest', undefined, { errors: result.error.errors, issues: result.error.issues });
    const { engine, bookings, clock, settings } = this.deps;
    const waiting = (id: string) => engine.serviceStatuses().find((s) => s.serviceId === id)?.waiting ?? 0;
    const problems = liveProblems(settings.config, result.data, waiting);
    if (problems.length > 0) return refused('invalidRequest', undefined, { errors: problems });
    return { ok: true, data: { config: result.data, affected: affectedBookings(result.data, bookings.ledger.bookings(), clock.now()) } };
  }

  /** Applies the change; `cancelAffected` cancels the bookings it leaves without an appointment, e-mailing each client. */
  async apply(input: unknown, cancelAffected: boolean, notice = defaultChangeNotice): Promise<SettingsOutcome<{ affected: number; cancelled: number }>> {
    const checked = this.preview(input);
    if (!checked.ok) return checked;
    const { engine, settings, bookings, bridge, devices, dayTimer, log } = this.deps;
    const { affected } = checked.data;
    const config = settings.inForce(checked.data.config);
    const before = settings.config;
    try {
      await engine.reconfigure(config);
    } catch (error) {
      return refused('storageFailed', undefined, { errors: [String(error)] });
    }
    try {
      await settings.save(checked.data.config);
    } catch (error) {
      await engine.reconfigure(before).catch((e) => log.error('settings: engine left on unsaved settings', { error: String(e) }));
      return refused('storageFailed', undefined, { errors: [String(error)] });
    }
    // The engine took it first (its snapshot holds the configuration each journal entry is replayed
    // under), the holder second; everything else reads the holder at use; the next opening edge may
    // have moved; the devices hear it last, and a device removed loses its secret.
    dayTimer.reschedule();
    await bridge.reconfigure(removedDevices(before, config));
    await devices.forgetRemoved(before);
    log.info('settings changed', { affected: affected.length, cancelAffected });
    if (!cancelAffected || affected.length === 0) return { ok: true, data: { affected: affected.length, cancelled: 0 } };
    const cancelled = await bookings.staff.cancelMany(
      affected.map((b) => b.id),
      notice,
    );
    if (!cancelled.ok) return refused('storageFailed', undefined, { errors: [`settings saved, but the bookings were not cancelled: ${cancelled.error.detail ?? cancelled.error.code}`] });
    return { ok: true, data: { affected: affected.length, cancelled: cancelled.data } };
  }
}
