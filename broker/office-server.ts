import { randomBytes } from 'node:crypto';
import type { Server as HttpServer } from 'node:http';
import type { Server as HttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { createServer, type Server } from 'node:net';
import { hostname } from 'node:os';
import { createServer as createTlsServer } from 'node:tls';
import { officeDay } from '../shared/calendar/office-calendar.ts';
import type { Clock } from '../shared/clock.ts';
import { derivedBase } from '../shared/config/public-address.ts';
import type { OfficeConfig } from '../shared/config/schema.ts';
import type { BookingJournalEntry } from './booking/booking-journal.ts';
import { Bookings } from './booking/bookings.ts';
import { TurnSms } from './booking/turn-sms.ts';
import { type BrokerAddress, DeviceEnrolment } from './devices/device-enrolment.ts';
import { DeviceKeys } from './devices/device-keys.ts';
import { DayTimer } from './engine/day-timer.ts';
import { QueueEngine } from './engine/queue-engine.ts';
import { createHttpListener, type HttpTimeouts } from './http/http-listener.ts';
import { createHttpServer, type RouteEntry } from './http/http-server.ts';
import { type HttpsFiles, readPair, reloadOnChange } from './http/https-files.ts';
import { plainFront } from './http/plain-front.ts';
import type { TrustProxy } from './http/proxy-trust.ts';
import { configFromHub } from './hub/config-from-hub.ts';
import { HubReporter, reportedDays } from './hub/hub-reporter.ts';
import { OfficeUplink } from './hub/office-uplink.ts';
import { createLogger, type LogSink } from './log.ts';
import type { Mailer } from './mail/mailer.ts';
import { DeviceHealthBoard } from './mqtt/device-health-board.ts';
import { type CodeBookings, EngineBridge } from './mqtt/engine-bridge.ts';
import { createMqttBroker } from './mqtt/mqtt-broker.ts';
import { caForDevices, type MqttTls } from './mqtt/mqtt-tls.ts';
import { guardPacketSize } from './mqtt/packet-size-guard.ts';
import { Presence } from './mqtt/presence.ts';
import { fromRoot } from './root-path.ts';
import { OfficeSettings } from './settings/office-settings.ts';
import { SettingsService } from './settings/settings-service.ts';
import type { Sms } from './sms/sms.ts';
import { Sessions } from './staff/sessions.ts';
import { StaffAccounts } from './staff/staff-accounts.ts';
import { StatisticsService } from './statistics/statistics-service.ts';
import { type DocumentStore, MemoryDocumentStore } from './store/document-store.ts';
import type { JournalStore } from './store/journal-store.ts';
import type { QueueStore } from './store/queue-store.ts';

/** An office in hub mode (docs/HUB.md): its line to the hub's broker, as this office's user. */
export interface HubLine {
  url: string;
  officeId: string;
  password: string;
  /** The reports not yet taken by the hub's broker (the uplink's outbox). */
  store: DocumentStore;
  /** This office's pages at the hub: its own online booking sends citizens there. */
  bookingSite: string;
}

export interface OfficeServerOptions {
  config: OfficeConfig;
  /** Hub mode: bookings made at the hub are copied here, and check-ins of them reported. */
  hub?: HubLine;
  /** The hash of each device's secret (`credentials.json`), changed by enrolment (devices/). */
  credentialsStore: DocumentStore;
  store: QueueStore;
  bookingStore: JournalStore<BookingJournalEntry>;
  /** The staff accounts (`staff.json`); in memory when not given (tests). */
  staffStore?: DocumentStore;
  /** The daily aggregates of the statistics (`statistics.json`); in memory when not given. */
  statisticsStore?: DocumentStore;
  /** The settings saved by an administrator (`settings.json`), which win over `config`; in memory when not given. */
  settingsStore?: DocumentStore;
  mailer: Mailer;
  /** Text messages; none: the pages do not offer them. On an office's server (mailRequired) only one that reaches citizens is used. */
  sms?: Sms;
  /** Online booking opens only with a mailer that reaches citizens (an office's server); a simulated office keeps its outbox. */
  mailRequired?: boolean;
  clock: Clock;
  /** Lets `npm run booking -- suspend` switch booking off without a staff login; random if not given. */
  adminToken?: string;
  /** The built web UI; webui/dist of this checkout by default. */
  webRoot?: string;
  /** What device Pis install from this server (scripts/device-package.ts, deploy/device-debs.sh); dist/device-files of this checkout by default. */
  deviceFiles?: string;
  /** The TLS proxy in front of HTTP, whose X-Forwarded-For names the client; none by default. */
  trustProxy?: TrustProxy;
  /** Shorter HTTP timeouts for the tests. */
  httpTimeouts?: Partial<HttpTimeouts>;
  host?: string;
  /** 0 lets the OS choose, as every test does; null: no plain MQTT (only MQTT over TLS). */
  mqttPort?: number | null;
  /** MQTT over TLS (mqtt-tls.ts), with the certificate and key as PEM; port 0 lets the OS choose. */
  mqttTls?: MqttTls;
  /** Plain HTTP; beside HTTPS it answers this machine's commands and redirects everyone else (plain-front.ts). */
  httpPort?: number;
  /** The server's own HTTPS, from certificate and key files reloaded when they change (https-files.ts). */
  https?: HttpsFiles;
  logSink?: LogSink;
  /** Opens the simulation-only topics and the virtual office's login (scripts/office.ts); never in production. */
  simulating?: boolean;
}

export interface OfficeServer {
  engine: QueueEngine;
  bookings: Bookings;
  accounts: StaffAccounts;
  /** Every HTTP route and the staff role it needs. */
  routes: RouteEntry[];
  /** Null when plain MQTT is off. */
  mqttPort: number | null;
  /** Null without a certificate. */
  mqttsPort: number | null;
  httpPort: number;
  /** Null without HTTPS. */
  httpsPort: number | null;
  stop(): Promise<void>;
}

const listen = (server: Server | HttpServer, port: number, host: string) =>
  new Promise<number>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve((server.address() as AddressInfo).port));
  });

const defaultWebRoot = fromRoot('webui/dist');
const defaultDeviceFiles = fromRoot('dist/device-files');

/**
 * The HTTP socket first (its port is part of the public address), then stores, engine, broker and
 * HTTP's routes, in that order: nothing is answered before the state is loaded.
 */
export async function startOfficeServer(options: OfficeServerOptions): Promise<OfficeServer> {
  const log = createLogger('broker', options.logSink);
  const host = options.host ?? '127.0.0.1';
  const httpListener = createHttpListener(options.httpTimeouts, options.https && (await readPair(options.https)));
  let mainPort = 0;
  const front = options.https && plainFront(httpListener.handle, () => mainPort);
  try {
    mainPort = await listen(httpListener.server, options.https ? options.https.port : (options.httpPort ?? 0), host);
    const ports = front ? { http: await listen(front, options.httpPort ?? 0, host), https: mainPort as number | null } : { http: mainPort, https: null };
    return await startOn(options, log, httpListener, ports, front);
  } catch (error) {
    // A start that fails (saved settings that no longer validate, a port taken) leaves nothing listening.
    httpListener.server.close();
    front?.close();
    throw error;
  }
}

/** Everything after the HTTP sockets, which are already listening and waiting for `open()`; `front`: plain HTTP beside HTTPS. */
async function startOn(
  options: OfficeServerOptions,
  log: ReturnType<typeof createLogger>,
  httpListener: ReturnType<typeof createHttpListener>,
  ports: { http: number; https: number | null },
  front: HttpServer | undefined,
): Promise<OfficeServer> {
  const { store, clock, host = '127.0.0.1' } = options;
  const httpPort = ports.http;
  const publicBase = ports.https === null ? derivedBase(host, httpPort, hostname()) : derivedBase(host, ports.https, hostname(), 'https');
  const settings = new OfficeSettings(options.settingsStore ?? new MemoryDocumentStore(), options.config, publicBase);
  if ((await settings.start()) === 'saved') log.info('using the settings saved by an administrator (settings.json), not the initial configuration');
  const config = settings.config;
  // The one configuration in force, read by each part when it uses it; the engine alone keeps its own
  // copy in its snapshot, which the settings service replaces first (docs/ARCHITECTURE.md).
  const configInForce = () => settings.config;
  await store.start();
  // The engine's journal is the record of check-ins: the bookings' sweeper reads it from its first
  // sweep on, so the engine's day is loaded before the bookings are, and their copy follows it.
  const mailReady = !options.mailRequired || options.mailer.reachesCitizens;
  if (!mailReady) log.warn('no mail server configured (mail.transport is the outbox): online booking stays closed until it is (deploy/README.md, "Mail")');
  const sms = options.sms && (!options.mailRequired || options.sms.reachesCitizens) ? options.sms : undefined;
  if (options.sms && !sms) log.warn('SMS goes to the outbox folder only: no text message is offered until a modem or a gateway is configured (docs/SMS.md)');
  // Hub mode's reports (made below, once the uplink and the statistics exist) follow the sweep and the day's end.
  let reporter: HubReporter | undefined;
  let hubConfig: ((config: OfficeConfig) => Promise<void>) | undefined;
  const bookings = new Bookings({
    config: configInForce,
    afterSweep: async () => reporter?.reconcile(),
    ...(options.hub ? { bookOnlineAt: options.hub.bookingSite } : {}),
    mailReady,
    clock,
    store: options.bookingStore,
    mailer: options.mailer,
    ...(sms ? { sms } : {}),
    log: createLogger('booking', options.logSink),
    checkIns: () => engine.dayState().checkedIn,
  });
  const statistics = new StatisticsService({
    store: options.statisticsStore ?? new MemoryDocumentStore(),
    queue: store,
    bookings: () => bookings.ledger.bookings(),
    sms: (day) => bookings.ledger.smsCounts(day),
    today: () => engine.dayState(),
    config: configInForce,
    clock,
    log: createLogger('statistics', options.logSink),
  });
  // A day the engine archives as it starts (the server was off over midnight) is counted once the
  // bookings are loaded and the statistics file is read: its bookings count in it, and the day does
  // not replace the file's history.
  let statisticsReady!: () => void;
  const readyToRecord = new Promise<void>((resolve) => {
    statisticsReady = resolve;
  });
  const engine: QueueEngine = new QueueEngine({
    onDayArchived: (day) => void readyToRecord.then(() => statistics.record(day)).then(() => reporter?.reconcile()),
    config,
    clock,
    store,
    newToken: () => randomBytes(16).toString('base64url'),
    bookings: bookings.checkIns,
  });
  await engine.start();
  await bookings.start();
  // The days missed while the server was off are counted with their bookings too.
  await statistics.start();
  statisticsReady();
  const turnSms = new TurnSms(bookings.ledger, (token) => engine.ticketStatus(token));
  const stopTurnSms = engine.onChange(() => void turnSms.check().catch((error) => log.error('turn SMS check failed', { error: String(error) })));
  const uplink =
    options.hub &&
    new OfficeUplink({
      ...options.hub,
      log: createLogger('hub', options.logSink),
      onBooking: (message) => bookings.checkIns.fromHub(message),
      onConfig: (config) => hubConfig!(config),
      resyncFrom: () => reportedDays(officeDay(clock.now())).at(-1)!,
    });
  reporter = uplink && new HubReporter({ uplink, lookup: bookings.checkIns, finishedDays: () => statistics.finishedDays(), clock, log: createLogger('hub', options.logSink) });
  // In hub mode, after each check-in too; the kiosk's answer does not wait for it (a crash before
  // the report is found again by the comparison at the next start).
  const hubReporter = reporter;
  const codes: CodeBookings = hubReporter
    ? {
        find: (code) => bookings.checkIns.find(code),
        follow: async (checkIns) => {
          await bookings.checkIns.follow(checkIns);
          void hubReporter.reconcile();
        },
      }
    : bookings.checkIns;
  // Check-ins a crash kept from the bookings file (killed between the journal and this file).
  await codes.follow(engine.dayState().checkedIn);
  const accounts = new StaffAccounts({ store: options.staffStore ?? new MemoryDocumentStore(), clock, config: configInForce });
  await accounts.start();
  const sessions = new Sessions(clock, configInForce);
  const mqttLog = createLogger('mqtt', options.logSink);
  const keys = new DeviceKeys(options.credentialsStore);
  await keys.start();
  const { aedes, disconnect } = await createMqttBroker(configInForce, keys, mqttLog, options.simulating);
  if (options.simulating) log.warn('simulation: the virtual office may drive the simulated devices (never use this in an office)');
  aedes.on('clientError', (client, error) => log.warn('client error', { clientId: client.id, error: error.message }));
  aedes.on('connectionError', (_client, error) => log.warn('connection error', { error: error.message }));
  const board = new DeviceHealthBoard(aedes);
  await board.start();
  const presence = new Presence(aedes, configInForce, clock, log, (id, now) => board.presenceChanged(id, now));
  presence.start();
  const bridge = new EngineBridge(aedes, engine, codes, (id) => sessions.clerkAt(id), clock, log);
  await bridge.start();
  // The ports are known once listening, before the first request is answered.
  let mqttPort: number | null = null;
  let mqttsPort: number | null = null;
  const deviceCa = options.mqttTls && caForDevices(options.mqttTls);
  const brokerAddress: BrokerAddress = (hostname) =>
    mqttsPort !== null ? { broker: `mqtts://${hostname}:${mqttsPort}`, ...(deviceCa ? { brokerCa: deviceCa } : {}) } : { broker: `mqtt://${hostname}:${mqttPort}` };
  const devices = new DeviceEnrolment({
    keys,
    clock,
    config: configInForce,
    disconnect,
    online: (id) => board.of(id).presence?.online ?? false,
    brokerAddress,
    log: createLogger('devices', options.logSink),
  });
  const dayTimer = new DayTimer(engine, clock, log);
  dayTimer.onEdge(() => bridge.publishViews());
  dayTimer.start();
  const settingsService = new SettingsService({ settings, engine, bookings, bridge, devices, dayTimer, clock, log: createLogger('settings', options.logSink) });
  // The line to the hub opens once the hub's configuration can be applied as it arrives.
  hubConfig = configFromHub({ settings, service: settingsService, log: createLogger('hub', options.logSink) });
  await uplink?.start();
  // Nagle's algorithm with delayed ACKs holds small MQTT packets back ~40 ms; every message here is small and urgent.
  const refuseOversized = (where: string) => (reason: string) => mqttLog.warn('closed a connection sending an oversized packet', { where, reason });
  const tcp = createServer({ noDelay: true }, (socket) => aedes.handle(guardPacketSize(socket, refuseOversized('tcp'))));
  const tls = options.mqttTls && createTlsServer({ ...options.mqttTls, noDelay: true }, (socket) => aedes.handle(guardPacketSize(socket, refuseOversized('tls'))));
  const adminToken = options.adminToken ?? randomBytes(32).toString('base64url');
  const http = await createHttpServer({
    aedes,
    log: createLogger('http', options.logSink),
    guard: (connection) => guardPacketSize(connection, refuseOversized('websocket')),
    readiness: () => ({ ready: true, day: engine.currentDay() }),
    citizens: bookings.citizens,
    staffBookings: bookings.staff,
    engine,
    tickets: { engine, turnSms, ledger: bookings.ledger },
    config: configInForce,
    adminToken,
    staff: { clock, accounts, sessions, config: configInForce, adminToken },
    office: { bookings: bookings.staff, engine, board, sessions, clock },
    mail: { mailer: options.mailer, config: configInForce, sessions, log: createLogger('mail', options.logSink) },
    statistics,
    settings: { service: settingsService, engine, sessions, atHub: Boolean(options.hub) },
    devices: { devices, sessions },
    webRoot: options.webRoot ?? defaultWebRoot,
    deviceFiles: options.deviceFiles ?? defaultDeviceFiles,
    trustProxy: options.trustProxy,
    listener: httpListener,
  });
  mqttPort = options.mqttPort === null ? null : await listen(tcp, options.mqttPort ?? 0, host);
  mqttsPort = tls ? await listen(tls, options.mqttTls!.port, host) : null;
  const stopReloading = options.https ? reloadOnChange(httpListener.server as unknown as HttpsServer, options.https, log) : () => {};
  httpListener.open();
  log.info('office server ready', { mqttPort, mqttsPort, httpPort, httpsPort: ports.https, day: engine.currentDay() });

  return {
    engine,
    bookings,
    accounts,
    routes: http.routes,
    mqttPort,
    mqttsPort,
    httpPort,
    httpsPort: ports.https,
    async stop() {
      stopReloading();
      dayTimer.stop();
      presence.stop();
      await bridge.stop();
      await board.stop();
      await new Promise<void>((resolve) => aedes.close(() => resolve()));
      for (const ws of http.sockets.clients) ws.terminate();
      http.sockets.close();
      http.server.closeAllConnections();
      const closed = (server: Server | HttpServer | undefined) => new Promise<void>((resolve) => (server?.listening ? server.close(() => resolve()) : resolve()));
      front?.closeAllConnections();
      await Promise.all([closed(tcp), closed(tls), closed(front), http.app.close()]);
      // Listened on by us, not by Fastify's listen(): closed here, so a restart can take the same port.
      await new Promise<void>((resolve) => (httpListener.server.listening ? httpListener.server.close(() => resolve()) : resolve()));
      stopTurnSms();
      await reporter?.idle();
      await uplink?.stop();
      await bookings.stop();
      options.mailer.close();
      await options.sms?.close();
      await store.stop();
    },
  };
}
