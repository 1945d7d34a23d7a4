import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Refusal, Result } from '../../shared/contract/result.ts';
import {
  accountChangeRequestSchema,
  loginRequestSchema,
  type NewAccountRequest,
  newAccountRequestSchema,
  ownPasswordRequestSchema,
  type StaffAccount,
  type StaffRole,
  type StaffSession,
  setPasswordRequestSchema,
  usernameSchema,
} from '../../shared/contract/staff-api.ts';
import type { LoginRefusal } from '../staff/login-check.ts';
import type { Session } from '../staff/sessions.ts';
import { parseOr400, sendRefusal } from './api-errors.ts';
import { cookieValue, type SessionFinder, sessionCookie, sessionCookieHeader, sessionOf, type staffAccess } from './staff-guard.ts';

type Maybe<T> = T | Promise<T>;

/** The sessions the routes open and end: the office's in memory, the hub's in PostgreSQL. */
export interface SessionBook<S extends Session> extends SessionFinder<S> {
  create(account: S['account']): Maybe<{ token: string; session: S }>;
  expiresAt(session: S): number;
  end(token: string): Maybe<void>;
  endAllOf(username: string): Maybe<void>;
}

export type ListedAccount = StaffAccount & { slowed: boolean; disabled: boolean };
export type PasswordRefusal = Refusal<'notFound' | 'weakPassword' | 'busy'>;

/** The accounts an administrator manages at one place: the office's, or at the hub one office's or the region's. */
export interface AccountBook {
  list(): Maybe<ListedAccount[]>;
  get(username: string): Maybe<StaffAccount | undefined>;
  add(request: NewAccountRequest): Promise<Result<StaffAccount, Refusal<'usernameTaken' | 'weakPassword' | 'busy'>>>;
  setPassword(username: string, password: string): Promise<Result<null, PasswordRefusal>>;
  change(username: string, change: { role?: StaffRole; disabled?: boolean }): Promise<boolean>;
  remove(username: string): Promise<boolean>;
  unlock(username: string): Maybe<void>;
}

/** What the routes ask, each of the request's place (at the hub, the office in its address or the region). */
export interface StaffAccountDeps<S extends Session> {
  now(): number;
  sessions: SessionBook<S>;
  managed(req: FastifyRequest): AccountBook;
  /** Everyone who may log in here, from the request's address; `forbidden` for a right password of an account that works elsewhere. */
  login(req: FastifyRequest, username: string, password: string): Promise<Result<S['account'], LoginRefusal | Refusal<'forbidden'>>>;
  /** One's own new password, wherever one's account is managed. */
  ownPassword(username: string, password: string): Promise<Result<null, PasswordRefusal>>;
  view(session: S, req: FastifyRequest): Maybe<StaffSession>;
  sessionSeconds(): number;
  /** The guard of a route, for the role (staff-guard.ts). */
  access(role?: StaffRole): ReturnType<typeof staffAccess>;
}

/** A new password is answered, and every session of the account ends: one opened with the old password goes too. */
export async function answerNewPassword(reply: FastifyReply, sessions: Pick<SessionBook<Session>, 'endAllOf'>, username: string, changed: Result<null, PasswordRefusal>) {
  if (!changed.ok) return sendRefusal(reply, changed.error.code, changed.error.code === 'notFound' ? `no account ${username}` : changed.error.detail);
  await sessions.endAllOf(username);
  return reply.code(204).send();
}

export const usernameParams = z.strictObject({ username: usernameSchema });
const tenMinutes = 10 * 60_000;
/** Per address on top of the slowing per name and address: one machine cannot try many accounts quickly. */
export const loginRate = { rateLimit: { max: 30, timeWindow: tenMinutes } };

/**
 * Logging in and out, one's own password, and the accounts an administrator manages (docs/API.md,
 * "Staff"): the same routes at an office server and at each of the hub's places.
 */
export function staffAccountRoutes<S extends Session>(app: FastifyInstance, deps: StaffAccountDeps<S>): void {
  const { sessions } = deps;
  const sessionHere = (req: FastifyRequest) => sessionOf(req) as S;

  const afterNewPassword = (reply: FastifyReply, username: string, changed: Result<null, PasswordRefusal>) => answerNewPassword(reply, sessions, username, changed);

  app.post('/api/staff/login', { config: loginRate }, async (req, reply) => {
    const body = parseOr400(loginRequestSchema, req.body, reply);
    if (!body) return reply;
    const outcome = await deps.login(req, body.username, body.password);
    if (!outcome.ok) {
      const { code, retryAt } = outcome.error as LoginRefusal;
      if (retryAt) reply.header('retry-after', Math.ceil((retryAt - deps.now()) / 1000));
      return sendRefusal(reply, code, retryAt ? `try again after ${new Date(retryAt).toISOString()}` : outcome.error.detail);
    }
    const { token, session } = await sessions.create(outcome.data);
    return reply.header('set-cookie', sessionCookieHeader(token, deps.sessionSeconds())).send(await deps.view(session, req));
  });

  app.get('/api/staff/session', deps.access(), async (req, reply) => reply.send(await deps.view(sessionHere(req), req)));

  app.post('/api/staff/logout', deps.access(), async (req, reply) => {
    await sessions.end(cookieValue(req.headers.cookie, sessionCookie)!);
    return reply.header('set-cookie', sessionCookieHeader('', 0)).code(204).send();
  });

  // The current password first (counted like a login, so this is no way around the slowing).
  const anyStaff = deps.access();
  app.put('/api/staff/my-password', { ...anyStaff, config: { ...anyStaff.config, ...loginRate } }, async (req, reply) => {
    const body = parseOr400(ownPasswordRequestSchema, req.body, reply);
    if (!body) return reply;
    const { username } = sessionHere(req).account;
    const checked = await deps.login(req, username, body.currentPassword);
    if (!checked.ok) return sendRefusal(reply, checked.error.code);
    return afterNewPassword(reply, username, await deps.ownPassword(username, body.newPassword));
  });

  const admin = deps.access('admin');
  app.put('/api/staff/accounts/:username/password', admin, async (req, reply) => {
    const params = parseOr400(usernameParams, req.params, reply);
    const body = params && parseOr400(setPasswordRequestSchema, req.body, reply);
    if (!params || !body) return reply;
    return afterNewPassword(reply, params.username, await deps.managed(req).setPassword(params.username, body.newPassword));
  });

  app.get('/api/staff/accounts', admin, async (req, reply) => reply.send({ accounts: await deps.managed(req).list() }));

  app.patch('/api/staff/accounts/:username', admin, async (req, reply) => {
    const params = parseOr400(usernameParams, req.params, reply);
    const body = params && parseOr400(accountChangeRequestSchema, req.body, reply);
    if (!params || !body) return reply;
    // The office must not lose its last administrator by a slip: nobody demotes or disables themselves.
    if (params.username === sessionHere(req).account.username) return sendRefusal(reply, 'forbidden', 'you cannot change your own role or disable yourself');
    if (!(await deps.managed(req).change(params.username, body))) return sendRefusal(reply, 'notFound', `no account ${params.username}`);
    // A session carries its role: the colleague logs in again, with the new role or not at all.
    await sessions.endAllOf(params.username);
    return reply.code(204).send();
  });

  app.delete('/api/staff/accounts/:username/lock', admin, async (req, reply) => {
    const params = parseOr400(usernameParams, req.params, reply);
    if (!params) return reply;
    const managed = deps.managed(req);
    if (!(await managed.get(params.username))) return sendRefusal(reply, 'notFound', `no account ${params.username}`);
    await managed.unlock(params.username);
    return reply.code(204).send();
  });

  app.post('/api/staff/accounts', admin, async (req, reply) => {
    const body = parseOr400(newAccountRequestSchema, req.body, reply);
    if (!body) return reply;
    const outcome = await deps.managed(req).add(body);
    return outcome.ok ? reply.code(201).send(outcome.data) : sendRefusal(reply, outcome.error.code, outcome.error.detail);
  });

  app.delete('/api/staff/accounts/:username', admin, async (req, reply) => {
    const params = parseOr400(usernameParams, req.params, reply);
    if (!params) return reply;
    if (params.username === sessionHere(req).account.username) return sendRefusal(reply, 'forbidden', 'you cannot remove your own account');
    if (!(await deps.managed(req).remove(params.username))) return sendRefusal(reply, 'notFound', `no account ${params.username}`);
    await sessions.endAllOf(params.username);
    return reply.code(204).send();
  });
}
