import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Aedes } from 'aedes';
import { createWebSocketStream, WebSocketServer } from 'ws';

export interface Readiness { ready: boolean; day: string }

/** Where browsers reach MQTT (the hall screen and the live pages of later issues). */
export const mqttWebSocketPath = '/mqtt';

/** The office server's HTTP side: `/health` for scripts and monitoring, MQTT over WebSocket at `/mqtt`. */
export function createHttpServer(aedes: Aedes, readiness: () => Readiness): { server: Server; sockets: WebSocketServer } {
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (req.method === 'GET' && url.pathname === '/health') {
      const state = readiness();
      res.writeHead(state.ready ? 200 : 503, { 'content-type': 'application/json', 'cache-control': 'no-store' });
      res.end(JSON.stringify({ status: state.ready ? 'ready' : 'starting', day: state.day }));
      return;
    }
    res.writeHead(404, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ error: 'notFound' }));
  });
  const sockets = new WebSocketServer({ noServer: true, maxPayload: 64 * 1024 });
  server.on('upgrade', (req, socket, head) => {
    if (new URL(req.url ?? '/', 'http://localhost').pathname !== mqttWebSocketPath) return socket.destroy();
    sockets.handleUpgrade(req, socket, head, (ws) => aedes.handle(createWebSocketStream(ws), req));
  });
  return { server, sockets };
}
