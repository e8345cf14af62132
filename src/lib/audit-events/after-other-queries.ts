import type { QueryClient } from '@tanstack/react-query';

/**
 * Resolves once no other query has been fetching for `quietMs`. Audit markers are secondary to the
 * graphs they sit on, and the first trail search of a session makes the engine index its 90 days of
 * events (a second or so during which it answers nothing else): asking only once the page's own
 * queries are done keeps the graphs from ever waiting for the markers. Rejects when `signal` aborts.
 */
export function afterOtherQueries(
  client: QueryClient,
  isOwn: (queryKey: readonly unknown[]) => boolean,
  quietMs: number,
  signal: AbortSignal,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const cache = client.getQueryCache();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const busy = () => cache.findAll({ fetchStatus: 'fetching' }).some((q) => !isOwn(q.queryKey));
    const stop = () => {
      clearTimeout(timer);
      unsubscribe();
      signal.removeEventListener('abort', onAbort);
    };
    const check = () => {
      if (busy()) {
        clearTimeout(timer);
        timer = undefined;
      } else if (timer === undefined) {
        timer = setTimeout(() => {
          timer = undefined;
          if (busy()) return;
          stop();
          resolve();
        }, quietMs);
      }
    };
    const onAbort = () => {
      stop();
      reject(signal.reason instanceof Error ? signal.reason : new Error('Aborted.'));
    };
    const unsubscribe = cache.subscribe(check);
    signal.addEventListener('abort', onAbort);
    check();
  });
}
