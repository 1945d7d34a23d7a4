import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';

export interface HttpTimeouts {
  headersMs: number;
  requestMs: number;
  idleMs: number;
  keepAliveMs: number;
}

/**
 * The headers within 10 s, the whole request with its body within 20 s (a phone on a weak signal
 * sends 16 KiB well within that), a silent connection dropped after 60 s, and a kept-alive one
 * after 5 s between requests. MQTT over WebSocket is not bound by them: ws takes the socket over.
 */
export const httpTimeouts: HttpTimeouts = { headersMs: 10_000, requestMs: 20_000, idleMs: 60_000, keepAliveMs: 5_000 };

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

/**
 * The HTTP socket, listening before the rest of the server is built: the port the OS chose is
 * part of the public address (tickets' QR codes, e-mail links), which the engine needs at its start.
 * Requests that arrive before `open()` wait for it: nothing is answered before the state is loaded.
 */
export function createHttpListener(overrides: Partial<HttpTimeouts> = {}): { server: Server; attach(handler: Handler): void; open(): void } {
  const limits = { ...httpTimeouts, ...overrides };
  let handler: Handler | undefined;
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  // A client that sends its request slowly, or opens a connection and says nothing, holds a socket
  // and memory: every phase has its limit, checked often enough to be kept (Node's default is 30 s).
  const server = createServer({ headersTimeout: limits.headersMs, requestTimeout: limits.requestMs, connectionsCheckingInterval: Math.min(1000, limits.headersMs) }, (req, res) => {
    void opened.then(() => handler!(req, res));
  });
  server.keepAliveTimeout = limits.keepAliveMs;
  server.setTimeout(limits.idleMs);
  return { server, attach: (h) => (handler = h), open };
}
