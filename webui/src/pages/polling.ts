import { useEffect, useState } from 'preact/hooks';
import { type ApiResult, call } from '../api.ts';

/** Fetches `path` now, every `everyMs` and whenever the page is shown again: the live pages refresh by themselves, no reload needed. */
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
    // A phone whose screen was off throttled the timer: the page catches up the moment it is seen again.
    const wake = () => {
      if (document.visibilityState === 'visible') void load();
    };
    document.addEventListener('visibilitychange', wake);
    return () => {
      stopped = true;
      clearInterval(timer);
      document.removeEventListener('visibilitychange', wake);
    };
  }, [path]);
  return result;
}
