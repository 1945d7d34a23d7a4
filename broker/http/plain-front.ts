import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';

const thisMachine = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

/**
 * Plain HTTP beside the server's own HTTPS: this machine's commands (`npm run staff`, `booking`,
 * which reach the server on 127.0.0.1) are answered as before; every other client is sent to the
 * same path on HTTPS (308 keeps the method and body), so the staff pages, the booking site and the
 * hall screens all end up on the one HTTPS address and nobody keeps using plain HTTP by accident.
 */
/** `httpsPort`: read at each request, as the OS may choose it after this socket exists. */
export function plainFront(handle: (req: IncomingMessage, res: ServerResponse) => void, httpsPort: () => number): Server {
  const server = createServer({ headersTimeout: 10_000, requestTimeout: 20_000 }, (req, res) => {
    if (thisMachine.has(req.socket.remoteAddress ?? '')) return handle(req, res);
    let host = 'localhost';
    try {
      host = new URL(`http://${req.headers.host ?? host}`).hostname;
    } catch {
      // A Host header that is no host: the redirect still names one.
    }
    const port = httpsPort();
    res.writeHead(308, { location: `https://${host}${port === 443 ? '' : `:${port}`}${req.url ?? '/'}`, 'cache-control': 'no-store' }).end();
  });
  server.keepAliveTimeout = 5_000;
  return server;
}
