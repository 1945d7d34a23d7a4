import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { officeDay } from '../../shared/calendar/office-calendar.ts';
import type { Clock } from '../../shared/clock.ts';
import type { OfficeConfig } from '../../shared/config/schema.ts';
import {
  accountChangeRequestSchema,
  loginRequestSchema,
  myCounterRequestSchema,
  newAccountRequestSchema,
  ownPasswordRequestSchema,
  type StaffSession,
  setPasswordRequestSchema,
  usernameSchema,
} from '../../shared/contract/staff-api.ts';
import type { Session, Sessions } from '../staff/sessions.ts';
import type { StaffAccounts } from '../staff/staff-accounts.ts';
import { adminTokenAccepted } from './admin-token.ts';
import { parseOr400, sendRefusal } from './api-errors.ts';
import { cookieValue, sessionCookie, sessionCookieHeader, sessionOf, staffAccess } from './staff-guard.ts';

export interface StaffDeps {
  clock: Clock;
  accounts: StaffAccounts;
  sessions: Sessions;
  config: () => OfficeConfig;
  adminToken: string;
}

const usernameParams = z.strictObject({ username: usernameSchema });
const tenMinutes = 10 * 60_000;

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

  /** A new password for the account, and every session of it ends: one opened with the old password goes too. */
  const newPassword = async (reply: FastifyReply, username: string, password: string) => {
    const changed = await accounts.setPassword(username, password);
    if (!changed.ok) return sendRefusal(reply, changed.error.code, changed.error.code === 'notFound' ? `no account ${username}` : changed.error.detail);
    sessions.endAllOf(username);
    return reply.code(204).send();
  };
  /** Someone else's password, named in the address: by an administrator on the staff pages, or the command on the server. */
  const anothersPassword = (req: FastifyRequest, reply: FastifyReply) => {
    const params = parseOr400(usernameParams, req.params, reply);
    const body = params && parseOr400(setPasswordRequestSchema, req.body, reply);
    return params && body ? newPassword(reply, params.username, body.newPassword) : reply;
  };

  // Per address on top of the slowing per name and address: one machine cannot try many accounts quickly.
  app.post('/api/staff/login', { config: { rateLimit: { max: 30, timeWindow: tenMinutes } } }, async (req, reply) => {
    const body = parseOr400(loginRequestSchema, req.body, reply);
    if (!body) return reply;
    const outcome = await accounts.login(body.username, body.password, req.ip);
    if (!outcome.ok) {
      const { code, retryAt } = outcome.error;
      if (retryAt) reply.header('retry-after', Math.ceil((retryAt - deps.clock.now()) / 1000));
      return sendRefusal(reply, code, retryAt ? `try again after ${new Date(retryAt).toISOString()}` : undefined);
    }
    const { token, session } = sessions.create(outcome.data);
    return reply.header('set-cookie', sessionCookieHeader(token, deps.config().staff.sessionHours * 3600)).send(view(session));
  });

  app.get('/api/staff/session', staffAccess(sessions), (req, reply) => reply.send(view(sessionOf(req))));

  app.post('/api/staff/logout', staffAccess(sessions), (req, reply) => {
    sessions.end(cookieValue(req.headers.cookie, sessionCookie)!);
    return reply.header('set-cookie', sessionCookieHeader('', 0)).code(204).send();
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

  // The current password first (counted like a login, so this is no way around the slowing), and every
  // session of the account ends: a session someone else opened with the old password goes too.
  const anyStaff = staffAccess(sessions);
  app.put('/api/staff/my-password', { ...anyStaff, config: { ...anyStaff.config, rateLimit: { max: 30, timeWindow: tenMinutes } } }, async (req, reply) => {
    const body = parseOr400(ownPasswordRequestSchema, req.body, reply);
    if (!body) return reply;
    const { username } = sessionOf(req).account;
    const checked = await accounts.login(username, body.currentPassword, req.ip);
    if (!checked.ok) return sendRefusal(reply, checked.error.code);
    return newPassword(reply, username, body.newPassword);
  });

  app.put('/api/staff/accounts/:username/password', staffAccess(sessions, 'admin'), (req, reply) => anothersPassword(req, reply));

  app.get('/api/staff/accounts', staffAccess(sessions, 'admin'), (_req, reply) =>
    reply.send({ accounts: accounts.list().map((account) => ({ ...account, slowed: accounts.slowed(account.username), disabled: accounts.disabled(account.username) })) }),
  );

  app.patch('/api/staff/accounts/:username', staffAccess(sessions, 'admin'), async (req, reply) => {
    const params = parseOr400(usernameParams, req.params, reply);
    const body = params && parseOr400(accountChangeRequestSchema, req.body, reply);
    if (!params || !body) return reply;
    // The office must not lose its last administrator by a slip: nobody demotes or disables themselves.
    if (params.username === sessionOf(req).account.username) return sendRefusal(reply, 'forbidden', 'you cannot change your own role or disable yourself');
    if (!(await accounts.change(params.username, body))) return sendRefusal(reply, 'notFound', `no account ${params.username}`);
    // A session carries its role: the colleague logs in again, with the new role or not at all.
    sessions.endAllOf(params.username);
    return reply.code(204).send();
  });

  app.delete('/api/staff/accounts/:username/lock', staffAccess(sessions, 'admin'), (req, reply) => {
    const params = parseOr400(usernameParams, req.params, reply);
    if (!params) return reply;
    if (!accounts.get(params.username)) return sendRefusal(reply, 'notFound', `no account ${params.username}`);
    accounts.unlock(params.username);
    return reply.code(204).send();
  });

  app.post('/api/staff/accounts', staffAccess(sessions, 'admin'), async (req, reply) => {
    const body = parseOr400(newAccountRequestSchema, req.body, reply);
    if (!body) return reply;
    const outcome = await accounts.add(body);
    return outcome.ok ? reply.code(201).send(outcome.data) : sendRefusal(reply, outcome.error.code, outcome.error.detail);
  });

  app.delete('/api/staff/accounts/:username', staffAccess(sessions, 'admin'), async (req, reply) => {
    const params = parseOr400(usernameParams, req.params, reply);
    if (!params) return reply;
    if (params.username === sessionOf(req).account.username) return sendRefusal(reply, 'forbidden', 'you cannot remove your own account');
    if (!(await accounts.remove(params.username))) return sendRefusal(reply, 'notFound', `no account ${params.username}`);
    sessions.endAllOf(params.username);
    return reply.code(204).send();
  });

  // The first administrator, before anyone can log in: `npm run staff -- add …` on the server itself,
  // holding the admin token from the data directory.
  app.post('/api/admin/staff', { config: { rateLimit: { max: 30, timeWindow: tenMinutes } } }, async (req, reply) => {
    if (!adminTokenAccepted(req, deps.adminToken)) return sendRefusal(reply, 'unauthorized');
    const body = parseOr400(newAccountRequestSchema, req.body, reply);
    if (!body) return reply;
    const outcome = await accounts.add(body);
    return outcome.ok ? reply.code(201).send(outcome.data) : sendRefusal(reply, outcome.error.code, outcome.error.detail);
  });

  // A locked-out administrator (or a forgotten password nobody else can reset): `npm run staff -- passwd …` on the server.
  app.put('/api/admin/staff/:username/password', { config: { rateLimit: { max: 30, timeWindow: tenMinutes } } }, (req, reply) =>
    adminTokenAccepted(req, deps.adminToken) ? anothersPassword(req, reply) : sendRefusal(reply, 'unauthorized'),
  );
}
