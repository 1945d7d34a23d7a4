import { type Challenge, solveChallenge } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/sha';
import type { ProofOfWork } from '../../shared/contract/booking-api.ts';

/** The booking API as a browser uses it, over real HTTP. */
export function bookingClient(baseUrl: string) {
  const request = async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers: body === undefined ? headers : { 'content-type': 'application/json', ...headers },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, headers: response.headers, body: text ? (JSON.parse(text) as Record<string, any>) : null };
  };
  const proof = async (): Promise<ProofOfWork> => {
    const challenge = (await request('GET', '/api/challenge')).body as Challenge;
    const solution = await solveChallenge({ challenge, deriveKey });
    return { challenge: challenge as ProofOfWork['challenge'], solution: solution! };
  };
  return {
    request,
    proof,
    days: (serviceId: string) => request('GET', `/api/services/${serviceId}/days`),
    slots: (serviceId: string, day: string) => request('GET', `/api/services/${serviceId}/days/${day}`),
    async hold(fields: { serviceId: string; startsAt: number; email?: string; name?: string; phone?: string; sms?: boolean; language?: 'cs' | 'en' }, withProof?: ProofOfWork) {
      const body = { name: 'Jana Nováková', email: 'jana@example.cz', language: 'cs', consent: true, ...fields, proof: withProof ?? (await proof()) };
      return request('POST', '/api/holds', body);
    },
    summary: (token: string) => request('GET', `/api/confirmations/${token}`),
    confirm: (token: string) => request('POST', `/api/confirmations/${token}`),
    cancelPreview: (code: string, email: string) => request('POST', '/api/cancellations/preview', { code, email }),
    cancel: (code: string, email: string) => request('POST', '/api/cancellations/confirm', { code, email }),
  };
}

/** The confirmation token from the link in a hold mail's text. */
export const confirmTokenIn = (text: string): string => /\/confirm\/([A-Za-z0-9_-]{22})/.exec(text)![1]!;
