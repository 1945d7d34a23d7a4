import { request } from 'node:http';

export interface Answer {
  status: number;
  body: any;
}

/**
 * One HTTP request from a chosen loopback address (127.0.0.2, 127.0.0.3, …): how a test plays
 * several citizens on one machine, each with an address of their own.
 */
export function requestFrom(localAddress: string, url: string, method: string, body?: unknown, headers: Record<string, string> = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const req = request(url, { method, localAddress, headers: payload ? { 'content-type': 'application/json', ...headers } : headers }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode!, body: text ? JSON.parse(text) : null }));
    });
    req.on('error', reject);
    req.end(payload);
  });
}
