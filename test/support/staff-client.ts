import { bookingClient } from './booking-client.ts';

export const adminToken = 'admin-token-for-the-staff-tests';
export const goodPassword = 'správné-heslo-123';

/** The staff API as the staff pages use it: the session cookie, and the CSRF token on every change. */
export function staffClient(baseUrl: string) {
  const { request } = bookingClient(baseUrl);
  let cookie = '';
  let csrf = '';
  const client = {
    get cookie() {
      return cookie;
    },
    async login(username: string, password = goodPassword) {
      const answer = await request('POST', '/api/staff/login', { username, password });
      if (answer.status === 200) {
        cookie = answer.headers.get('set-cookie')!.split(';')[0]!;
        csrf = answer.body!.csrfToken;
      }
      return answer;
    },
    /** With the session, and the CSRF token unless told otherwise. */
    call(method: string, path: string, body?: unknown, extra: { csrf?: boolean; headers?: Record<string, string> } = {}) {
      const headers: Record<string, string> = { cookie, ...(extra.csrf === false ? {} : { 'x-csrf-token': csrf }), ...extra.headers };
      return request(method, path, body, headers);
    },
  };
  return client;
}

/** An account made the way the first administrator is: with the server's admin token. */
export async function addAccount(baseUrl: string, username: string, role: 'admin' | 'clerk', name = 'Jana Nováková') {
  return bookingClient(baseUrl).request('POST', '/api/admin/staff', { username, name, role, password: goodPassword }, { authorization: `Bearer ${adminToken}` });
}
