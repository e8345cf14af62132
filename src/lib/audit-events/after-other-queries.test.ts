import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { afterOtherQueries } from './after-other-queries.ts';

const isOwn = (key: readonly unknown[]) => key[0] === 'markers';

describe('afterOtherQueries', () => {
  it('waits for the other queries to finish, then for a quiet moment', async () => {
    const client = new QueryClient();
    let finish: (v: number) => void = () => {};
    const graph = client.fetchQuery({
      queryKey: ['graph'],
      queryFn: () => new Promise<number>((r) => (finish = r)),
    });
    const order: string[] = [];
    const ready = afterOtherQueries(client, isOwn, 20, new AbortController().signal).then(() =>
      order.push('markers'),
    );
    await new Promise((r) => setTimeout(r, 50));
    expect(order).toEqual([]);
    finish(1);
    await graph.then(() => order.push('graph'));
    await ready;
    expect(order).toEqual(['graph', 'markers']);
  });

  it('does not wait for its own kind of query', async () => {
    const client = new QueryClient();
    void client.fetchQuery({ queryKey: ['markers', 1], queryFn: () => new Promise<number>(() => {}) });
    await expect(afterOtherQueries(client, isOwn, 5, new AbortController().signal)).resolves.toBeUndefined();
  });

  it('does not wait longer than its limit for a page that never goes quiet', async () => {
    const client = new QueryClient();
    void client.fetchQuery({ queryKey: ['clock'], queryFn: () => new Promise<number>(() => {}) });
    let done = false;
    const waiting = afterOtherQueries(client, isOwn, 5, new AbortController().signal, 60).then(() => {
      done = true;
    });
    await new Promise((r) => setTimeout(r, 20));
    expect(done).toBe(false);
    await waiting;
    expect(done).toBe(true);
  });

  it('gives up when aborted', async () => {
    const client = new QueryClient();
    void client.fetchQuery({ queryKey: ['graph'], queryFn: () => new Promise<number>(() => {}) });
    const abort = new AbortController();
    const waiting = afterOtherQueries(client, isOwn, 5, abort.signal);
    abort.abort(new Error('The range changed.'));
    await expect(waiting).rejects.toThrow('The range changed.');
  });
});
