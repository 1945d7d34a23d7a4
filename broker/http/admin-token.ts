import { timingSafeEqual } from 'node:crypto';

/**
 * The server's admin token (`admin-token` in the data directory, readable by its owner only) as a
 * bearer: what the commands on the server itself show (scripts/booking.ts, scripts/staff.ts).
 */
export function bearerMatches(header: string | undefined, adminToken: string): boolean {
  const given = Buffer.from(header?.replace(/^Bearer /, '') ?? '');
  const expected = Buffer.from(adminToken);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
