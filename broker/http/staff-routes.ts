import type { FastifyInstance } from 'fastify';
import { officeDay } from '../../shared/calendar/office-calendar.ts';
import type { Clock } from '../../shared/clock.ts';
import type { OfficeConfig } from '../../shared/config/schema.ts';
import { myCounterRequestSchema, newAccountRequestSchema, type StaffSession, setPasswordRequestSchema } from '../../shared/contract/staff-api.ts';
import type { Session, Sessions } from '../staff/sessions.ts';
import type { StaffAccounts } from '../staff/staff-accounts.ts';
import { adminTokenAccepted } from './admin-token.ts';
import { parseOr400, sendRefusal } from './api-errors.ts';
import { type AccountBook, answerNewPassword, loginRate, staffAccountRoutes, usernameParams } from './staff-account-routes.ts';
import { sessionOf, staffAccess } from './staff-guard.ts';

export interface StaffDeps {
  clock: Clock;
  accounts: StaffAccounts;
  sessions: Sessions;
  config: () => OfficeConfig;
  adminToken: string;
}

/** Logging in and out, the clerk's counter, and the staff accounts (docs/API.md, "Staff"). */
export function staffRoutes(app: FastifyInstance, deps: StaffDeps): void {
  const { accounts, sessions } = deps;
  const view = (session: Session): StaffSession => ({
    account: session.account,
    csrfToken: session.csrfToken,
    expiresAt: sessions.expiresAt(session),
    counterId: session.counterId,
    today: officeDay(deps.clock.now()),
  });

  const managed: AccountBook = {
    list: () => accounts.list().map((account) => ({ ...account, slowed: accounts.slowed(account.username), disabled: accounts.disabled(account.username) })),
    get: (username) => accounts.get(username),
    add: (request) => accounts.add(request),
    setPassword: (username, password) => accounts.setPassword(username, password),
    change: (username, change) => accounts.change(username, change),
    remove: (username) => accounts.remove(username),
    unlock: (username) => accounts.unlock(username),
  };
  staffAccountRoutes(app, {
    now: () => deps.clock.now(),
    sessions,
    managed: () => managed,
    login: (req, username, password) => accounts.login(username, password, req.ip),
    ownPassword: (username, password) => accounts.setPassword(username, password),
    view,
    sessionSeconds: () => deps.config().staff.sessionHours * 3600,
    access: (role) => staffAccess(sessions, role),
  });

  app.put('/api/staff/my-counter', staffAccess(sessions), (req, reply) => {
    const body = parseOr400(myCounterRequestSchema, req.body, reply);
    if (!body) return reply;
    if (body.counterId !== null && !deps.config().counters.some((c) => c.id === body.counterId)) return sendRefusal(reply, 'notFound', `no counter ${body.counterId}`);
    const session = sessionOf(req);
    const seated = sessions.sit(session, body.counterId);
    if (!seated.ok) return sendRefusal(reply, 'counterTaken', `${seated.holder.account.name} sits at this counter`);
    return reply.send(view(session));
  });

  // The first administrator, before anyone can log in: `npm run staff -- add …` on the server itself,
  // holding the admin token from the data directory.
  app.post('/api/admin/staff', { config: loginRate }, async (req, reply) => {
    if (!adminTokenAccepted(req, deps.adminToken)) return sendRefusal(reply, 'unauthorized');
    const body = parseOr400(newAccountRequestSchema, req.body, reply);
    if (!body) return reply;
    const outcome = await accounts.add(body);
    return outcome.ok ? reply.code(201).send(outcome.data) : sendRefusal(reply, outcome.error.code, outcome.error.detail);
  });

  // A locked-out administrator (or a forgotten password nobody else can reset): `npm run staff -- passwd …` on the server.
  app.put('/api/admin/staff/:username/password', { config: loginRate }, async (req, reply) => {
    if (!adminTokenAccepted(req, deps.adminToken)) return sendRefusal(reply, 'unauthorized');
    const params = parseOr400(usernameParams, req.params, reply);
    const body = params && parseOr400(setPasswordRequestSchema, req.body, reply);
    if (!params || !body) return reply;
    return answerNewPassword(reply, sessions, params.username, await accounts.setPassword(params.username, body.newPassword));
  });
}
