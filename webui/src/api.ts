import type { ApiError, BookingRefusal } from '../../shared/contract/booking-api.ts';

export type ApiResult<T> = { ok: true; data: T } | { ok: false; error: ApiError['error'] | { code: 'network' } };

/** One call to the booking API; a refusal comes back as its code, a lost connection as "network". */
export async function call<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<ApiResult<T>> {
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    return { ok: false, error: { code: 'network' } };
  }
  const json = (await response.json().catch(() => null)) as unknown;
  if (response.ok) return { ok: true, data: json as T };
  const error = (json as Partial<ApiError> | null)?.error;
  return { ok: false, error: error ?? { code: 'storageFailed' as BookingRefusal } };
}
