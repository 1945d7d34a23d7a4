import { useEffect, useState } from 'preact/hooks';
import type { ApiResult } from '../api.ts';
import { staffCall } from './staff-call.ts';

/** A staff view that refreshes by itself: fetched now and every `everyMs`. */
export function useStaffPolling<T>(path: string, everyMs = 3000): ApiResult<T> | null {
  const [result, setResult] = useState<ApiResult<T> | null>(null);
  useEffect(() => {
    let stopped = false;
    const load = async () => {
      const r = await staffCall<T>('GET', path);
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
