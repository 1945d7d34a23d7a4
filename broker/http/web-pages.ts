import { existsSync } from 'node:fs';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

/**
 * The web UI (webui/dist) with its own routing: the hashed assets as files, and every other GET
 * that `isPage` accepts answered with the page, which routes itself (/, /confirm/…, /cancel). The
 * rest is a 404 in the API's form: a missing asset must not be answered with HTML, which fails
 * obscurely as a script. Without a built UI only the 404s remain.
 */
export async function webPages(app: FastifyInstance, webRoot: string, isPage: (url: string) => boolean): Promise<void> {
  const hasUi = existsSync(`${webRoot}/index.html`);
  if (hasUi) await app.register(fastifyStatic, { root: webRoot, wildcard: false, maxAge: '1h', index: false, preCompressed: true });
  app.setNotFoundHandler((req, reply) => {
    // The page is revalidated every time (fastify-static's own max-age would otherwise win): after an
    // update it must name the new hashed assets, the old ones are gone.
    // HEAD as GET (link checkers ask with HEAD): a page that exists must not look broken.
    const page = !req.url.startsWith('/assets/') && isPage(req.url);
    if (hasUi && (req.method === 'GET' || req.method === 'HEAD') && page) return reply.header('cache-control', 'no-cache').sendFile('index.html', { cacheControl: false });
    return reply.code(404).send({ error: { code: 'notFound' } });
  });
}
