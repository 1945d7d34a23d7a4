import type { ApiError, BookingRefusal } from '../../shared/contract/booking-api.ts';
import type { Result } from '../../shared/contract/result.ts';
import { onSite } from './site-base.ts';

/** The server's answer in the one result shape (shared/contract/result.ts); a lost connection is the refusal `network`. */
export type ApiResult<T> = Result<T, ApiError['error'] | { code: 'network' }>;

/** One call to the server's API (this office's, at the hub); a refusal comes back as its code, a lost connection as "network". */
export async function call<T>(method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', path: string, body?: unknown, headers: Record<string, string> = {}): Promise<ApiResult<T>> {
  let response: Response;
  try {
    response = await fetch(path.startsWith('/api/') ? onSite(path) : path, {
      method,
      headers: body === undefined ? headers : { 'content-type': 'application/json', ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    return { ok: false, error: { code: 'network' } };
  }
  const json = response.status === 204 ? null : ((await response.json().catch(() => null)) as unknown);
  if (response.ok) return { ok: true, data: json as T };
  const error = (json as Partial<ApiError> | null)?.error;
  return { ok: false, error: error ?? { code: 'storageFailed' as BookingRefusal } };
}
