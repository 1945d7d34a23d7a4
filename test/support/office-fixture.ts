import { join } from 'node:path';
import type { BookingJournalEntry } from '../../broker/booking/booking-journal.ts';
import type { HttpTimeouts } from '../../broker/http/http-listener.ts';
import type { HttpsFiles } from '../../broker/http/https-files.ts';
import type { TrustProxy } from '../../broker/http/proxy-trust.ts';
import { createLogger } from '../../broker/log.ts';
import { createMailer, type Mailer } from '../../broker/mail/mailer.ts';
import { type HubLine, type OfficeServer, startOfficeServer } from '../../broker/office-server.ts';
import { createSms } from '../../broker/sms/create-sms.ts';
import type { Sms } from '../../broker/sms/sms.ts';
import { type DocumentStore, FileDocumentStore, MemoryDocumentStore } from '../../broker/store/document-store.ts';
import { type JournalStore, MemoryJournalStore } from '../../broker/store/journal-store.ts';
import { MemoryStore } from '../../broker/store/memory-store.ts';
import type { QueueStore } from '../../broker/store/queue-store.ts';
import type { LocalSettings } from '../../device/local-settings.ts';
import { provisionDevices } from '../../scripts/lib/provision.ts';
import { SimOffice } from '../../scripts/lib/sim-office.ts';
import { ManualClock } from '../../shared/clock.ts';
import { kostelecOffice } from '../../shared/config/kostelec.ts';
import { type OfficeConfig, type OfficeInput, officeConfigSchema } from '../../shared/config/schema.ts';
import { tempDir } from './temp-dir.ts';

/** Tuesday 24 November 2026, 09:00 in Prague: a working day with every workplace open. */
export const tuesdayNine = Date.parse('2026-11-24T09:00:00+01:00');

export function kostelec(change: (input: OfficeInput) => void = () => {}): OfficeConfig {
  const input = structuredClone(kostelecOffice);
  change(input);
  return officeConfigSchema.parse(input);
}

/** Kostelec with a proof of work a test solves in milliseconds (the real one takes about half a second). */
export const kostelecEasyProof = (): OfficeConfig =>
  kostelec((c) => {
    c.booking = { proofOfWork: { minCounter: 50, maxCounter: 200 } };
  });

export interface RunningOffice {
  config: OfficeConfig;
  clock: ManualClock;
  server: OfficeServer;
  devices: LocalSettings[];
  logs: string[];
  sim: SimOffice | undefined;
  brokerUrl: string;
  /** Where the default mailer and SMS write their files. */
  outboxDir: string;
  /** The virtual office's login; only a simulating server accepts it. */
  simulatorSecret: string;
  stop(): Promise<void>;
}

/**
 * A real office server on OS-chosen ports (real Aedes, real TCP), with provisioned credentials, and
 * optionally every device as a simulated DeviceRuntime connected over MQTT.js.
 */
export interface OfficeOptions {
  config?: OfficeConfig;
  store?: QueueStore;
  bookingStore?: JournalStore<BookingJournalEntry>;
  /** By default mail goes to an outbox folder in the office's temp dir. */
  mailer?: Mailer;
  /** By default text messages go to the same outbox folder. */
  sms?: Sms;
  /** As on an office's server: online booking opens only with a mailer that reaches citizens. */
  mailRequired?: boolean;
  withDevices?: boolean;
  at?: number;
  adminToken?: string;
  /** Where saved settings live; in memory by default. */
  settingsStore?: DocumentStore;
  /** Where the statistics' daily aggregates live; in memory by default. */
  statisticsStore?: DocumentStore;
  /** A server started for simulation (simulation-only topics open), with devices the virtual office can drive. */
  simulating?: boolean;
  trustProxy?: TrustProxy;
  /** What device Pis install from the server (scripts/device-package.ts). */
  deviceFiles?: string;
  /** The server's own HTTPS (certificate and key files). */
  https?: HttpsFiles;
  httpTimeouts?: Partial<HttpTimeouts>;
  /** Hub mode: the line to the hub's broker. */
  hub?: HubLine;
}

export async function runOffice(options: OfficeOptions = {}): Promise<RunningOffice> {
  const config = options.config ?? kostelec();
  const clock = new ManualClock(options.at ?? tuesdayNine);
  const dir = await tempDir();
  const logs: string[] = [];
  const provisioned = await provisionDevices(config, dir.path, 'mqtt://127.0.0.1:0', true);
  const server = await startOfficeServer({
    config,
    credentialsStore: new FileDocumentStore(provisioned.credentialsPath),
    store: options.store ?? new MemoryStore(),
    bookingStore: options.bookingStore ?? new MemoryJournalStore(),
    staffStore: new MemoryDocumentStore(),
    settingsStore: options.settingsStore,
    statisticsStore: options.statisticsStore,
    mailer:
      options.mailer ??
      createMailer(
        config.mail,
        dir.path,
        createLogger('mail', (line) => logs.push(line)),
      ),
    sms:
      options.sms ??
      createSms(
        config.sms,
        dir.path,
        createLogger('sms', (line) => logs.push(line)),
      ),
    adminToken: options.adminToken,
    clock,
    logSink: (line) => logs.push(line),
    simulating: options.simulating,
    mailRequired: options.mailRequired,
    trustProxy: options.trustProxy,
    deviceFiles: options.deviceFiles,
    https: options.https,
    httpTimeouts: options.httpTimeouts,
    ...(options.hub ? { hub: options.hub } : {}),
  });
  const brokerUrl = `mqtt://127.0.0.1:${server.mqttPort}`;
  const devices = provisioned.devices.map((d) => ({ ...d, broker: brokerUrl }));
  const sim = options.withDevices ? new SimOffice(config, devices, clock, undefined, options.simulating) : undefined;
  await sim?.start();
  return {
    config,
    clock,
    server,
    devices,
    logs,
    sim,
    brokerUrl,
    outboxDir: join(dir.path, 'outbox'),
    simulatorSecret: provisioned.simulatorSecret!,
    async stop() {
      await sim?.stop();
      await server.stop();
      await dir.remove();
    },
  };
}
