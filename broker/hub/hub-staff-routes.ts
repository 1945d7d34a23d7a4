import type { FastifyInstance, FastifyRequest } from 'fastify';
import type pg from 'pg';
import { officeDay } from '../../shared/calendar/office-calendar.ts';
import type { Clock } from '../../shared/clock.ts';
import type { OfficeConfig } from '../../shared/config/schema.ts';
import { suspendRequestSchema } from '../../shared/contract/booking-api.ts';
import { refused } from '../../shared/contract/result.ts';
import { bookingParamsSchema, dayQuerySchema, type StaffAccount, type StaffSession, type StatisticsQuery, type StatisticsReport, staffCancelRequestSchema } from '../../shared/contract/staff-api.ts';
import { parseOr400, sendRefusal } from '../http/api-errors.ts';
import { callerRoutes } from '../http/caller-routes.ts';
import { type AccountBook, staffAccountRoutes } from '../http/staff-account-routes.ts';
import { type Admits, staffAccess } from '../http/staff-guard.ts';
import { csvReply, statisticsQueryOr400 } from '../http/statistics-routes.ts';
import { bookingRows, bookingsCsv } from '../staff/booking-rows.ts';
import { statisticsCsv } from '../statistics/statistics-csv.ts';
import { statisticsReports, statisticsTotal } from '../statistics/statistics-report.ts';
import type { HubDesk } from './hub-desk.ts';
import { type HubOffices, setSuspension } from './hub-offices.ts';
import { dayBookings, reportedDays, upcomingBookings } from './hub-records.ts';
import type { HubSession, HubSessions } from './hub-sessions.ts';
import type { HubAccount, HubStaffAccounts } from './hub-staff-accounts.ts';

export interface HubStaffDeps {
  pool: pg.Pool;
  clock: Clock;
  offices: HubOffices;
  accounts: HubStaffAccounts;
  sessions: HubSessions;
  rules: () => OfficeConfig['staff'];
}

const accountOffice = (account: StaffAccount) => (account as HubAccount).officeId;
const regional = (account: StaffAccount) => accountOffice(account) === null;

/**
 * The staff pages' API at the hub's places (docs/HUB.md): an office's (`officeOf` says which, from
 * the request's prefix), where its own staff and the region's work, or the region's (`officeOf`
 * null, at the root), where only the region's do. The accounts managed at a place are that place's;
 * a session opened at any place holds at every place its account may enter.
 */
export function hubStaffRoutes(app: FastifyInstance, deps: HubStaffDeps, officeOf: ((req: FastifyRequest) => string) | null, deskOf?: (officeId: string) => HubDesk): void {
  const { accounts, sessions, offices, pool } = deps;
  const hereOf = (req: FastifyRequest) => (officeOf ? officeOf(req) : null);
  const admits: Admits = (account, req) => {
    const here = hereOf(req);
    return here === null ? regional(account) : accountOffice(account) === null || accountOffice(account) === here;
  };
  const managed = (req: FastifyRequest): AccountBook => {
    const here = hereOf(req);
    const inScope = async (username: string) => {
      const account = await accounts.get(username);
      return account?.officeId === here ? account : undefined;
    };
    return {
      list: () => accounts.list(here),
      get: inScope,
      add: (request) => accounts.add(request, here),
      setPassword: async (username, password) => ((await inScope(username)) ? accounts.setPassword(username, password) : refused('notFound')),
      change: async (username, change) => Boolean(await inScope(username)) && accounts.change(username, change),
      remove: async (username) => Boolean(await inScope(username)) && accounts.remove(username),
      unlock: (username) => accounts.unlock(username),
    };
  };
  const view = (session: HubSession, req: FastifyRequest): StaffSession => {
    const { username, name, role, officeId } = session.account;
    return {
      account: { username, name, role },
      csrfToken: session.csrfToken,
      expiresAt: sessions.expiresAt(session),
      counterId: null,
      today: officeDay(deps.clock.now()),
      hub: {
        officeId,
        here: hereOf(req),
        offices: offices
          .list()
          .filter((office) => officeId === null || office.id === officeId)
          .map((office) => ({ id: office.id, name: office.config.office.name })),
      },
    };
  };

  staffAccountRoutes(app, {
    now: () => deps.clock.now(),
    sessions,
    managed,
    // At the region's pages anyone logs in, and the pages send an office's staff on to their office's.
    login: async (req, username, password) => {
      const outcome = await accounts.login(username, password, req.ip);
      if (outcome.ok && officeOf && !admits(outcome.data, req)) return refused('forbidden', "log in at your own office's pages");
      return outcome;
    },
    ownPassword: (username, password) => accounts.setPassword(username, password),
    view,
    sessionSeconds: () => deps.rules().sessionHours * 3600,
    // One's own session and password at every place; what belongs to the place only for those it admits.
    access: (role = 'clerk') => staffAccess(sessions, role, !officeOf && role === 'clerk' ? undefined : admits),
  });

  const clerk = staffAccess(sessions, 'clerk', admits);
  // The offices whose figures a place shows: its own, or at the region's every office the hub books for.
  const placeOffices = (here: string | null) => offices.list().filter((office) => here === null || office.id === here);
  const report = async (here: string | null, query: StatisticsQuery): Promise<StatisticsReport> => {
    const byOffice = await reportedDays(pool, here, query.from, query.to);
    const all = placeOffices(here).flatMap((office) => byOffice.get(office.id) ?? []);
    return {
      from: query.from,
      to: query.to,
      serviceId: query.serviceId ?? null,
      ...statisticsReports(all, query),
      ...(here === null ? { byOffice: placeOffices(here).map((office) => statisticsTotal(byOffice.get(office.id) ?? [], query, office.id)) } : {}),
    };
  };

  app.get('/api/staff/statistics', clerk, async (req, reply) => {
    const query = statisticsQueryOr400(req.query, reply);
    return query ? reply.send(await report(hereOf(req), query)) : reply;
  });

  app.get('/api/staff/statistics.csv', clerk, async (req, reply) => {
    const query = statisticsQueryOr400(req.query, reply);
    if (!query) return reply;
    const here = hereOf(req);
    const byOffice = await reportedDays(pool, here, query.from, query.to);
    const sheets = placeOffices(here).map((office) => ({ ...(here === null ? { officeId: office.id } : {}), config: office.config, days: byOffice.get(office.id) ?? [] }));
    return csvReply(reply, `statistika-${query.from}-${query.to}.csv`).send(statisticsCsv(sheets, query));
  });

  if (!officeOf || !deskOf) return;
  // The hub's own bookings, whole; check-ins as the office reported them (the hub knows no ticket's end).
  const rowsOf = async (officeId: string, day: string) => bookingRows(await dayBookings(pool, officeId, day), {}, () => undefined);

  app.get('/api/staff/bookings', clerk, async (req, reply) => {
    const query = parseOr400(dayQuerySchema, req.query, reply);
    return query ? reply.send({ day: query.day, bookings: await rowsOf(officeOf(req), query.day) }) : reply;
  });

  app.get('/api/staff/bookings.csv', clerk, async (req, reply) => {
    const query = parseOr400(dayQuerySchema, req.query, reply);
    return query ? csvReply(reply, `rezervace-${query.day}.csv`).send(bookingsCsv(offices.get(officeOf(req)).config, await rowsOf(officeOf(req), query.day))) : reply;
  });

  callerRoutes(
    app,
    clerk,
    (req) => deskOf(officeOf(req)),
    (req, day) => rowsOf(officeOf(req), day),
  );

  // The seed's crisis switch, for an office's online booking at the hub: on for the office or some of
  // its workplaces, with a notice, optionally cancelling the bookings still to come there (each
  // client mailed the notice); or off.
  const admin = staffAccess(sessions, 'admin', admits);
  app.put('/api/staff/suspension', admin, async (req, reply) => {
    const body = parseOr400(suspendRequestSchema, req.body, reply);
    if (!body) return reply;
    const officeId = officeOf(req);
    const { config } = offices.get(officeId);
    const unknown = body.workplaceIds?.find((id) => !config.workplaces.some((w) => w.id === id));
    if (unknown) return sendRefusal(reply, 'invalidRequest', `unknown workplace "${unknown}"`);
    const now = deps.clock.now();
    // On first, so no new hold is taken in the scope while its bookings are cancelled.
    await setSuspension(pool, officeId, { workplaceIds: body.workplaceIds, notice: body.notice, since: now });
    await offices.reload();
    let cancelled = 0;
    if (body.cancelExisting)
      for (const booking of await upcomingBookings(pool, officeId, now)) {
        if (body.workplaceIds !== null && !body.workplaceIds.includes(booking.workplaceId)) continue;
        if ((await deskOf(officeId).cancelById(booking.id, true, body.notice)).ok) cancelled += 1;
      }
    return reply.send({ cancelled });
  });

  app.delete('/api/staff/suspension', admin, async (req, reply) => {
    await setSuspension(pool, officeOf(req), null);
    await offices.reload();
    return reply.code(204).send();
  });

  app.post('/api/staff/bookings/:bookingId/cancel', clerk, async (req, reply) => {
    const params = parseOr400(bookingParamsSchema, req.params, reply);
    const body = params && parseOr400(staffCancelRequestSchema, req.body, reply);
    if (!params || !body) return reply;
    const cancelled = await deskOf(officeOf(req)).cancelById(params.bookingId, body.notify);
    return cancelled.ok ? reply.code(204).send() : sendRefusal(reply, cancelled.error.code, cancelled.error.detail);
  });
}
