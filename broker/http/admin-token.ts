import { timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';

const loopback = /^(127\.\d{1,3}\.\d{1,3}\.\d{1,3}|::1|::ffff:127\.\d{1,3}\.\d{1,3}\.\d{1,3})$/;

/**
 * The server's admin token (`admin-token` in the data directory, readable by its owner only, never
 * in a backup) as `Authorization: Bearer <token>`, exactly: what the commands on the server itself
 * show (scripts/booking.ts, scripts/staff.ts). Only from the server itself: a request from another
 * machine, or passed on by the proxy (which connects from loopback but says whom for), is refused
 * whatever it carries, so a leaked token is no use from the LAN or the internet.
 */
export function adminTokenAccepted(req: FastifyRequest, adminToken: string): boolean {
  const fromThisMachine = loopback.test(req.socket.remoteAddress ?? '') && req.headers['x-forwarded-for'] === undefined && req.headers.forwarded === undefined;
  const header = req.headers.authorization ?? '';
  if (!fromThisMachine || !header.startsWith('Bearer ')) return false;
  const given = Buffer.from(header.slice('Bearer '.length));
  const expected = Buffer.from(adminToken);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
