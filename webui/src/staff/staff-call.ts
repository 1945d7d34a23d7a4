import { backgroundHeader, csrfHeader } from '../../../shared/contract/staff-api.ts';
import { type ApiResult, call } from '../api.ts';

let csrfToken = '';

/** Set from the session: every change the staff pages send carries it (the server refuses changes without). */
export function setCsrfToken(token: string): void {
  csrfToken = token;
}

let onLoggedOut: () => void = () => {};

/** What to do when the session has ended (idle too long, logged out elsewhere): back to the login. */
export function whenLoggedOut(listener: () => void): void {
  onLoggedOut = listener;
}

/** A staff API call: the session cookie goes by itself, the CSRF token with every change. */
export async function staffCall<T>(method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', path: string, body?: unknown): Promise<ApiResult<T>> {
  return answered(await call<T>(method, path, body, method === 'GET' ? {} : { [csrfHeader]: csrfToken }));
}

/** A read the page repeats by itself: an idle session still ends while it runs. */
export async function staffPoll<T>(path: string): Promise<ApiResult<T>> {
  return answered(await call<T>('GET', path, undefined, { [backgroundHeader]: '1' }));
}

function answered<T>(result: ApiResult<T>): ApiResult<T> {
  if (!result.ok && result.error.code === 'unauthorized') onLoggedOut();
  return result;
}
