import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface GatewayRequest {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/** An HTTP SMS gateway on a port the OS chose: it records what it is asked, and answers 503 while `failing`. */
export async function startFakeSmsGateway() {
  const requests: GatewayRequest[] = [];
  const gateway = { requests, failing: false, url: '', stop: () => new Promise<void>((resolve) => server.close(() => resolve())) };
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => {
      body += chunk.toString('utf8');
    });
    req.on('end', () => {
      if (gateway.failing) {
        res.writeHead(503).end('{"error":"try later"}');
        return;
      }
      requests.push({ method: req.method!, url: req.url!, headers: req.headers, body });
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"accepted"}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  gateway.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/send`;
  return gateway;
}
