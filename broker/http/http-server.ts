import type { Server } from 'node:http';
import type { Duplex } from 'node:stream';
import type { Aedes } from 'aedes';
import Fastify, { type FastifyInstance } from 'fastify';
import { createWebSocketStream, WebSocketServer } from 'ws';
import type { OfficeConfig } from '../../shared/config/schema.ts';
import type { StaffRole } from '../../shared/contract/staff-api.ts';
import type { StaffBookings } from '../booking/staff-bookings.ts';
import type { QueueEngine } from '../engine/queue-engine.ts';
import type { Logger } from '../log.ts';
import type { StatisticsService } from '../statistics/statistics-service.ts';
import { adminRoutes } from './admin-routes.ts';
import { apiBasics } from './api-basics.ts';
import { bookingRoutes, type CitizenDesk } from './booking-routes.ts';
import { deviceFileRoutes, devicePackageUrl, deviceRoutes } from './device-routes.ts';
import type { createHttpListener } from './http-listener.ts';
import { type MailDeps, mailRoutes } from './mail-routes.ts';
import type { TrustProxy } from './proxy-trust.ts';
import { settingsRoutes } from './settings-routes.ts';
import { type StaffOfficeDeps, staffOfficeRoutes } from './staff-office-routes.ts';
import { type StaffDeps, staffRoutes } from './staff-routes.ts';
import { statisticsRoutes } from './statistics-routes.ts';
import { statusRoutes } from './status-routes.ts';
import { webPages } from './web-pages.ts';
import { workstationRoutes } from './workstation-routes.ts';

export interface Readiness {
  ready: boolean;
  day: string;
}

/** Where browsers reach MQTT: the hall screen and the virtual office. */
export const mqttWebSocketPath = '/mqtt';

export interface HttpOptions {
  aedes: Aedes;
  /** What stands between a WebSocket's bytes and Aedes (the packet size limit). */
  guard: (connection: Duplex) => Duplex;
  readiness: () => Readiness;
  citizens: CitizenDesk;
  /** For the admin token's crisis switch (admin-routes.ts). */
  staffBookings: StaffBookings;
  engine: QueueEngine;
  /** The tickets' pages (status-routes.ts). */
  tickets: Parameters<typeof statusRoutes>[1];
  /** The configuration in force (staff settings change it). */
  config: () => OfficeConfig;
  adminToken: string;
  staff: StaffDeps;
  office: StaffOfficeDeps;
  settings: Parameters<typeof settingsRoutes>[1];
  statistics: StatisticsService;
  mail: MailDeps;
  devices: Parameters<typeof deviceRoutes>[1];
  /** The built web UI (webui/dist); without it the API still runs and pages answer 404. */
  webRoot: string;
  /** What device Pis install from this server (device-routes.ts). */
  deviceFiles: string;
  /** Where a request's failure is told in full (the client gets only its code). */
  log: Logger;
  /** The socket, already listening (http-listener.ts): Fastify answers on it. */
  listener: ReturnType<typeof createHttpListener>;
  /** Which proxies in front say who the client is (proxy-trust.ts); none by default. */
  trustProxy?: TrustProxy;
}

/**
 * The office server's HTTP side, in Fastify: `/health`, the booking and status APIs, the web UI's files, and
 * MQTT over WebSocket at `/mqtt`. Every body is checked by its schema from shared/ (booking-routes.ts).
 */
/** Every route, with the staff role it requires: the permission tests walk them all. */
export interface RouteEntry {
  method: string;
  url: string;
  staffRole: StaffRole | null;
}

export async function createHttpServer(options: HttpOptions): Promise<{ app: FastifyInstance; server: Server; sockets: WebSocketServer; routes: RouteEntry[] }> {
  // Every per-address limit keys on req.ip: behind a proxy it is the client's address only when the
  // proxy is trusted, and only the configured proxies are, or anyone could name their own address.
  const app = Fastify({
    bodyLimit: 16 * 1024,
    logger: false,
    trustProxy: options.trustProxy ?? false,
    rewriteUrl: devicePackageUrl,
    serverFactory: (handler) => {
      options.listener.attach(handler);
      return options.listener.server;
    },
  });
  const routes: RouteEntry[] = [];
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) routes.push({ method, url: route.url, staffRole: route.config?.staffRole ?? null });
  });
  await apiBasics(app, options.log);

  app.get('/health', (_req, reply) => {
    const state = options.readiness();
    return reply.code(state.ready ? 200 : 503).send({ status: state.ready ? 'ready' : 'starting', day: state.day });
  });
  bookingRoutes(
    app,
    () => options.citizens,
    () => options.config(),
  );
  adminRoutes(app, options.staffBookings, options.adminToken);
  statusRoutes(app, options.tickets);
  staffRoutes(app, options.staff);
  staffOfficeRoutes(app, options.office);
  workstationRoutes(app, options.office);
  mailRoutes(app, options.mail);
  deviceRoutes(app, options.devices);
  settingsRoutes(app, options.settings);
  statisticsRoutes(app, options.statistics, options.staff.sessions);

  await deviceFileRoutes(app, options.deviceFiles);

  // Outside the API and the devices' files, a GET is one of the web UI's pages.
  await webPages(app, options.webRoot, (url) => !['/api/', '/device/'].some((prefix) => url.startsWith(prefix)));

  const sockets = new WebSocketServer({ noServer: true, maxPayload: 64 * 1024 });
  app.server.on('upgrade', (req, socket, head) => {
    if (new URL(req.url ?? '/', 'http://localhost').pathname !== mqttWebSocketPath) return socket.destroy();
    sockets.handleUpgrade(req, socket, head, (ws) => options.aedes.handle(options.guard(createWebSocketStream(ws)), req));
  });
  await app.ready();
  return { app, server: app.server, sockets, routes };
}
