import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';

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
 * With `tls` (the certificate and key as PEM) it speaks HTTPS; `handle` answers a request that
 * arrived on another socket (this machine's own commands on plain HTTP beside HTTPS).
 */
export function createHttpListener(overrides: Partial<HttpTimeouts> = {}, tls?: { cert: string; key: string }): { server: Server; attach(handler: Handler): void; open(): void; handle: Handler } {
  const limits = { ...httpTimeouts, ...overrides };
  let handler: Handler | undefined;
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  // A client that sends its request slowly, or opens a connection and says nothing, holds a socket
  // and memory: every phase has its limit, checked often enough to be kept (Node's default is 30 s).
  const handle: Handler = (req, res) => void opened.then(() => handler!(req, res));
  const options = { headersTimeout: limits.headersMs, requestTimeout: limits.requestMs, connectionsCheckingInterval: Math.min(1000, limits.headersMs) };
  // An https.Server is an http.Server with TLS underneath: Fastify and ws use it the same way.
  const server = tls ? (createHttpsServer({ ...options, ...tls }, handle) as unknown as Server) : createServer(options, handle);
  server.keepAliveTimeout = limits.keepAliveMs;
  server.setTimeout(limits.idleMs);
  return { server, attach: (h) => (handler = h), open, handle };
}
