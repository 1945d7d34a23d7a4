import { timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { StaffAccount } from '../../shared/contract/staff-api.ts';
import { backgroundHeader, csrfHeader, type StaffRole } from '../../shared/contract/staff-api.ts';
import type { Session } from '../staff/sessions.ts';
import { sendRefusal } from './api-errors.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Set by staffAccess on every staff route. */
    staffRole?: StaffRole;
  }
}

export const sessionCookie = 'fronta_staff';

/** The one cookie the server sets, read without a parser: `name=value` pairs separated by `;`. */
export function cookieValue(header: string | undefined, name: string): string | undefined {
  for (const part of header?.split(';') ?? []) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return value.join('=');
  }
  return undefined;
}

/**
 * HttpOnly (no script reads it), Secure (sent over HTTPS only; browsers treat http://localhost as
 * secure, so the office on one machine works), SameSite=Strict (never sent from another site).
 */
export function sessionCookieHeader(token: string, maxAgeSeconds: number): string {
  return `${sessionCookie}=${token}; Path=/; HttpOnly; Secure; SameSite=Strict; Max-Age=${maxAgeSeconds}`;
}

const same = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));
const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

/** `Origin: null` (a sandboxed frame, a file) and garbage count as foreign. */
function hostOf(origin: string): string | undefined {
  try {
    return new URL(origin).host;
  } catch {
    return undefined;
  }
}

const sessions = new WeakMap<FastifyRequest, Session>();

/** The staff member behind a request that passed `staffOnly`. */
export const sessionOf = (req: FastifyRequest): Session => sessions.get(req)!;

/** Where the guard finds a request's session: the office's sessions in memory, the hub's in PostgreSQL. */
export interface SessionFinder<S extends Session = Session> {
  find(token: string | undefined, touch: boolean): S | undefined | Promise<S | undefined>;
}

/** Whether an account works at the request's pages: at the hub, an office's staff only at their own office's. */
export type Admits = (account: StaffAccount, req: FastifyRequest) => boolean;

/**
 * A preHandler for the staff routes: a live session (401 otherwise), an account that works here and
 * the role (403), and for every request that changes something the session's CSRF token in its
 * header and no foreign Origin (403).
 */
export function staffOnly(all: SessionFinder, role: StaffRole = 'clerk', admits?: Admits) {
  return async (req: FastifyRequest, reply: FastifyReply) => {
    const session = await all.find(cookieValue(req.headers.cookie, sessionCookie), req.headers[backgroundHeader] !== '1');
    if (!session) return sendRefusal(reply, 'unauthorized', 'log in first');
    if (admits && !admits(session.account, req)) return sendRefusal(reply, 'forbidden', "these are another office's pages");
    if (role === 'admin' && session.account.role !== 'admin') return sendRefusal(reply, 'forbidden', 'only an office administrator may do this');
    if (!safeMethods.has(req.method)) {
      const given = req.headers[csrfHeader];
      const origin = req.headers.origin;
      if (typeof given !== 'string' || !same(given, session.csrfToken)) return sendRefusal(reply, 'csrfFailed', `missing or wrong ${csrfHeader}`);
      if (origin !== undefined && hostOf(origin) !== req.headers.host) return sendRefusal(reply, 'csrfFailed', 'request from another site');
    }
    sessions.set(req, session);
  };
}

/** The route options of a staff route: the guard, and the role on record (the permission tests walk every route by it). */
export function staffAccess(all: SessionFinder, role: StaffRole = 'clerk', admits?: Admits) {
  return { preHandler: staffOnly(all, role, admits), config: { staffRole: role } };
}
