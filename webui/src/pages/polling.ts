import { useEffect, useState } from 'preact/hooks';
import { type ApiResult, call } from '../api.ts';

/** Fetches `path` now and every `everyMs`: the live pages refresh by themselves, no reload needed. */
export function usePolling<T>(path: string, everyMs = 3000, get: (path: string) => Promise<ApiResult<T>> = (p) => call<T>('GET', p)): ApiResult<T> | null {
  const [result, setResult] = useState<ApiResult<T> | null>(null);
  useEffect(() => {
    let stopped = false;
    const load = async () => {
      const r = await get(path);
      if (!stopped) setResult(r);
    };
    void load();
    const timer = setInterval(() => void load(), everyMs);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [path]);
  return result;
}
