import rateLimit, { type FastifyRateLimitStoreCtor } from '@fastify/rate-limit';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import helmet from 'helmet';
import type { Logger } from '../log.ts';
import { sendRefusal } from './api-errors.ts';

/**
 * What every API server of ours does before its routes (an office server, the hub's booking
 * processes): security headers, the per-address limits' plugin, no caching of answers about now,
 * and refusals in the API's one error form.
 */
export async function apiBasics(app: FastifyInstance, log: Logger, limits?: { store: FastifyRateLimitStoreCtor; key: (req: FastifyRequest) => string }): Promise<void> {
  // helmet's security headers, its middleware built once: the fastify plugin builds it again for
  // every request, which cost a tenth of the server's time in the opening rush (bench -- rush).
  const securityHeaders = helmet({
    // Not helmet's upgrade-insecure-requests: the hall screens load the page over plain HTTP on the
    // LAN, and Chromium would fetch its scripts over HTTPS from the same port, which never answers.
    contentSecurityPolicy: {
      directives: { defaultSrc: ["'self'"], scriptSrc: ["'self'"], styleSrc: ["'self'"], imgSrc: ["'self'", 'data:'], connectSrc: ["'self'"], upgradeInsecureRequests: null },
    },
  });
  app.addHook('onRequest', (req, reply, done) => securityHeaders(req.raw, reply.raw, (error?: unknown) => done(error as Error | undefined)));
  // Per client address: in the process's memory at an office server, in the database shared by a
  // hub's processes (`limits`), so that an address gets its allowance once however many there are,
  // and once per office (the key).
  await app.register(rateLimit, {
    global: false,
    ...(limits ? { store: limits.store, keyGenerator: limits.key } : {}),
    errorResponseBuilder: (_req, context) => ({ statusCode: 429, error: { code: 'rateLimited', detail: `try again in ${Math.ceil(context.ttl / 1000)} s` } }),
  });
  // Every answer of the API is about now: never cached, unless a route says otherwise. (At the hub
  // an office's API is under its prefix, /o/{office}/api/.)
  app.addHook('onSend', async (req, reply, payload) => {
    if ((req.url.includes('/api/') || req.url === '/health') && !reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
    return payload;
  });
  app.setErrorHandler((error: { statusCode?: number; message: string }, req, reply) => {
    const status = error.statusCode ?? 500;
    if (status === 429) return reply.code(429).send({ error: { code: 'rateLimited', detail: error.message } });
    if (status >= 500) {
      log.error('request failed', { url: req.url, error: error.message });
      return sendRefusal(reply, 'storageFailed');
    }
    // Fastify's own refusals (malformed JSON 400, body too large 413, wrong content type 415) keep their status.
    return reply.code(status).send({ error: { code: 'invalidRequest', detail: error.message } });
  });
}
