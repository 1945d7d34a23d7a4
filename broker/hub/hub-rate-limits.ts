import type { FastifyRateLimitOptions, FastifyRateLimitStore, FastifyRateLimitStoreCtor } from '@fastify/rate-limit';
import type pg from 'pg';

interface Counted {
  count: number;
  window_start: string;
}

/**
 * The per-address limits of the hub's booking processes, counted in PostgreSQL (`hub_rate_limits`),
 * so that behind any number of processes an address gets its allowance once, as at an office. One
 * statement per limited request: the row is the address's on that route, its window started anew
 * when the last one is over. The minute sweep forgets windows that are over.
 */
export function hubRateLimitStore(pool: pg.Pool): FastifyRateLimitStoreCtor {
  return class HubRateLimitStore implements FastifyRateLimitStore {
    private readonly route: string;

    constructor(options: FastifyRateLimitOptions & { routeInfo?: { method?: string | string[]; url?: string } }) {
      const { method, url } = options.routeInfo ?? {};
      this.route = url ? `${String(method)} ${url}` : 'global';
    }

    incr(key: string, callback: (error: Error | null, result?: { current: number; ttl: number }) => void, timeWindow: number): void {
      const now = Date.now();
      pool
        .query<Counted>(
          `INSERT INTO hub_rate_limits (key, window_start, expires_at, count) VALUES ($1, $2::bigint, $2::bigint + $3::bigint, 1)
           ON CONFLICT (key) DO UPDATE SET
             count = CASE WHEN hub_rate_limits.expires_at <= $2 THEN 1 ELSE hub_rate_limits.count + 1 END,
             window_start = CASE WHEN hub_rate_limits.expires_at <= $2 THEN $2 ELSE hub_rate_limits.window_start END,
             expires_at = CASE WHEN hub_rate_limits.expires_at <= $2 THEN $2::bigint + $3::bigint ELSE hub_rate_limits.expires_at END
           RETURNING count, window_start`,
          [`${this.route} ${key}`, now, timeWindow],
        )
        .then(
          ({ rows: [row] }) => callback(null, { current: row!.count, ttl: Number(row!.window_start) + timeWindow - now }),
          (error: Error) => callback(error),
        );
    }

    child(routeOptions: FastifyRateLimitOptions & { routeInfo?: { method?: string | string[]; url?: string } }): FastifyRateLimitStore {
      return new HubRateLimitStore(routeOptions);
    }
  };
}
