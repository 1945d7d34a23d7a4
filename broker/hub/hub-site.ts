import type { Server } from 'node:http';
import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import type pg from 'pg';
import type { Clock } from '../../shared/clock.ts';
import { staffRulesSchema } from '../../shared/config/schema.ts';
import { accepted, refused } from '../../shared/contract/result.ts';
import { cryptoDraw } from '../booking/booking-ledger.ts';
import { sweep } from '../booking/booking-rules.ts';
import { ProofOfWorkGate, type ProofSecrets } from '../booking/proof-of-work.ts';
import { apiBasics } from '../http/api-basics.ts';
import { sendRefusal } from '../http/api-errors.ts';
import { bookingRoutes } from '../http/booking-routes.ts';
import type { TrustProxy } from '../http/proxy-trust.ts';
import { webPages } from '../http/web-pages.ts';
import type { Logger } from '../log.ts';
import type { Mailer } from '../mail/mailer.ts';
import { fromRoot } from '../root-path.ts';
import { HubBook, type HubOffice } from './hub-book.ts';
import { HubDesk } from './hub-desk.ts';
import { HubMail } from './hub-mail.ts';
import { listenForMail } from './hub-mail-wakeup.ts';
import { HubOffices } from './hub-offices.ts';
import { SpentInDatabase } from './hub-proofs.ts';
import { hubRateLimitStore } from './hub-rate-limits.ts';
import { HubSessions } from './hub-sessions.ts';
import { HubStaffAccounts } from './hub-staff-accounts.ts';
import { hubStaffRoutes } from './hub-staff-routes.ts';

export interface HubSiteDeps {
  pool: pg.Pool;
  clock: Clock;
  log: Logger;
  /** Each office's mailer (its own sender address). */
  mailer: (officeId: string) => Mailer;
  /** false: the office's mail reaches no citizen, and its online booking stays closed (as at an office). */
  mailReady: (officeId: string) => boolean;
  /** Shared by all the hub's booking processes: a challenge one gave out is verified by another. */
  proofSecrets: ProofSecrets;
  trustProxy?: TrustProxy;
  /** The built web UI (webui/dist): each office's booking pages under its prefix, the offices' list at /o/. */
  webRoot?: string;
}

export interface HubSite {
  app: FastifyInstance;
  office(id: string): HubOffice;
  server: Server;
  /** Lapsed holds and bookings past retention removed, mails retried, spent proofs forgotten (also every minute of office time). */
  sweep(): Promise<void>;
  stop(): Promise<void>;
}

/** A sweep runs in one process at a time; the others skip that minute. */
export const sweepLock = 7_215_462;

/**
 * One stateless booking process of the hub: the booking site of every office in the database, each
 * under its own prefix (`/o/{office}/…`: the same pages and API routes as an office server's), and
 * the list of offices (`/o/`, `/api/offices`). Any number of them run over one PostgreSQL behind any
 * HTTP load balancer: nothing a request needs is kept in the process but a few seconds' cache.
 */
export async function createHubSite(deps: HubSiteDeps): Promise<HubSite> {
  const { pool, clock, log } = deps;
  const offices = new HubOffices(pool);
  await offices.start();
  const book = new HubBook(pool, cryptoDraw);
  const mail = new HubMail({ pool, mailer: deps.mailer, clock, log });
  const wakeup = listenForMail(pool.options, (id) => void mail.send(id).catch((error: unknown) => log.error('announced mail not sent', { error: String(error) })), log);
  const spent = new SpentInDatabase(pool);

  // The hub's staff rules are the defaults of an office (docs/HUB.md): one place to look them up.
  const staffRules = staffRulesSchema.parse({});
  const rules = () => staffRules;
  const staff = { pool, clock, offices, rules, accounts: new HubStaffAccounts(pool, { now: () => clock.now(), rules }), sessions: new HubSessions(pool, { now: () => clock.now(), rules }) };

  const app = Fastify({ bodyLimit: 16 * 1024, logger: false, trustProxy: deps.trustProxy ?? false });
  // One office's routes serve every office (`/o/:officeId/…`): each office's allowance is its own, as with servers of their own.
  await apiBasics(app, log, { store: hubRateLimitStore(pool), key: (req) => `${/^\/o\/([^/?]+)/.exec(req.url)?.[1] ?? ''} ${req.ip}` });
  app.get('/health', async (_req, reply) => {
    await pool.query('SELECT 1');
    return reply.send({ status: 'ready' });
  });
  app.get('/api/offices', (_req, reply) => reply.send({ offices: offices.list().map((o) => ({ id: o.id, name: o.config.office.name, path: `/o/${o.id}` })) }));
  // Each office's desk, made at its first request: an office put into the database meanwhile is
  // served within the offices' refresh, without a restart.
  const desks = new Map<string, HubDesk>();
  const deskOf = (id: string): HubDesk => {
    let desk = desks.get(id);
    if (!desk)
      desks.set(
        id,
        (desk = new HubDesk({
          officeId: id,
          office: (officeId) => offices.get(officeId),
          book,
          mail,
          proof: new ProofOfWorkGate(() => offices.get(id).config.booking.proofOfWork, deps.proofSecrets, spent),
          clock,
          mailReady: () => deps.mailReady(id),
        })),
      );
    return desk;
  };
  const officeIds = new WeakMap<FastifyRequest, string>();
  const officeOf = (req: FastifyRequest) => officeIds.get(req)!;
  await app.register(
    async (office) => {
      office.addHook('onRequest', async (req, reply) => {
        // The office is the prefix's; the routes check their own parameters strictly, as at an office server.
        const { officeId, ...own } = req.params as { officeId: string };
        if (!offices.has(officeId)) return sendRefusal(reply, 'notFound', `no office ${officeId}`);
        officeIds.set(req, officeId);
        req.params = own;
      });
      bookingRoutes(
        office,
        (req) => deskOf(officeOf(req)),
        (req) => offices.get(officeOf(req)).config,
      );
      hubStaffRoutes(office, staff, officeOf, deskOf);
    },
    { prefix: '/o/:officeId' },
  );
  hubStaffRoutes(app, staff, null);
  // The citizen picks the office first (the page at /o/ lists them), then the service on its pages.
  app.get('/', (_req, reply) => reply.redirect('/o/'));
  await webPages(app, deps.webRoot ?? fromRoot('webui/dist'), (url) => (url.startsWith('/o/') && !url.includes('/api/')) || /^\/staff(\/|$|\?)/.test(url));
  await app.ready();

  const sweepAll = async () => {
    const now = clock.now();
    for (const office of offices.list()) {
      const retainedFrom = now - office.config.booking.retentionDays * 86_400_000;
      await book.change(office, { sweep: { now, retainedFrom } }, now, (ctx) => (sweep(ctx) ? accepted(null) : refused('notFound')));
      await pool.query('DELETE FROM hub_office_bookings WHERE office_id = $1 AND starts_at < $2', [office.id, retainedFrom]);
    }
    await staff.sessions.forgetOld(now);
    await staff.accounts.forgetOld(now);
    await pool.query('DELETE FROM hub_lapsed_holds WHERE forget_at <= $1', [now]);
    await pool.query('DELETE FROM hub_spent_proofs WHERE expires_at < $1', [Date.now()]);
    await pool.query('DELETE FROM hub_rate_limits WHERE expires_at <= $1', [Date.now()]);
    await mail.sendDue();
  };
  const sweepOnce = async () => {
    const client = await pool.connect();
    try {
      const { rows } = await client.query<{ locked: boolean }>('SELECT pg_try_advisory_lock($1) AS locked', [sweepLock]);
      if (!rows[0]!.locked) return;
      try {
        await sweepAll();
      } finally {
        await client.query('SELECT pg_advisory_unlock($1)', [sweepLock]);
      }
    } finally {
      client.release();
    }
  };
  const timer = setInterval(() => void sweepOnce().catch((error: unknown) => log.error('hub sweep failed', { error: String(error) })), 60_000 / (clock.rate ?? 1));
  timer.unref();

  return {
    app,
    office: (id) => offices.get(id),
    server: app.server,
    sweep: sweepOnce,
    async stop() {
      clearInterval(timer);
      offices.stop();
      await wakeup.stop();
      await app.close();
    },
  };
}
