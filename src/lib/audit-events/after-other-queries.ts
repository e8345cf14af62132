import type { QueryClient } from '@tanstack/react-query';

/**
 * Resolves once no other query has been fetching for `quietMs`, or after `maxWaitMs` whatever the
 * others do (a page that polls, such as a live alarm's, is never quiet). Audit markers are secondary
 * to the graphs they sit on: asking once the page's own queries are done keeps the graphs from
 * waiting for the markers. Rejects when `signal` aborts.
 */
export function afterOtherQueries(
  client: QueryClient,
  isOwn: (queryKey: readonly unknown[]) => boolean,
  quietMs: number,
  signal: AbortSignal,
  maxWaitMs = 1000,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const cache = client.getQueryCache();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const deadline = setTimeout(() => {
      stop();
      resolve();
    }, maxWaitMs);
    const busy = () => cache.findAll({ fetchStatus: 'fetching' }).some((q) => !isOwn(q.queryKey));
    const stop = () => {
      clearTimeout(timer);
      clearTimeout(deadline);
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
