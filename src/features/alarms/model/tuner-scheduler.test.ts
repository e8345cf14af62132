import { describe, expect, it } from 'vitest';
import { TunerScheduler } from './tuner-scheduler.ts';

/** Frames fired by hand. */
function manualFrames() {
  let pending: (() => void)[] = [];
  return {
    request: (cb: () => void) => {
      pending.push(cb);
      return () => {
        pending = pending.filter((p) => p !== cb);
      };
    },
    fire() {
      const now = pending;
      pending = [];
      for (const cb of now) cb();
    },
    get count() {
      return pending.length;
    },
  };
}

const tick = () => new Promise((r) => setTimeout(r, 0));

function deferred<T>() {
  let resolve!: (v: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

describe('tuner scheduler', () => {
  it('coalesces the requests of one frame into one run of the latest', async () => {
    const frames = manualFrames();
    const s = new TunerScheduler(frames.request);
    const ran: number[] = [];
    const done: number[] = [];
    for (let i = 1; i <= 5; i++) {
      s.schedule('B', { run: async () => (ran.push(i), i), done: (r) => done.push(r), fail: () => {} });
    }
    expect(frames.count).toBe(1);
    frames.fire();
    await tick();
    expect(ran).toEqual([5]);
    expect(done).toEqual([5]);
  });

  it('never runs two at once; what was asked meanwhile runs next, latest only', async () => {
    const frames = manualFrames();
    const s = new TunerScheduler(frames.request);
    const first = deferred<string>();
    let inFlight = 0;
    let maxInFlight = 0;
    const ran: string[] = [];
    const job = (name: string, p?: Promise<string>) => ({
      run: async () => {
        inFlight++;
        maxInFlight = Math.max(maxInFlight, inFlight);
        ran.push(name);
        const r = await (p ?? Promise.resolve(name));
        inFlight--;
        return r;
      },
      done: () => {},
      fail: () => {},
    });
    s.schedule('B', job('b1', first.promise));
    frames.fire();
    expect(ran).toEqual(['b1']);
    s.schedule('B', job('b2'));
    s.schedule('A', job('a1'));
    s.schedule('B', job('b3'));
    expect(frames.count).toBe(0);
    first.resolve('b1');
    await tick();
    frames.fire();
    await tick();
    frames.fire();
    await tick();
    expect(ran).toEqual(['b1', 'b3', 'a1']);
    expect(maxInFlight).toBe(1);
    expect(s.pending).toBe(false);
  });

  it('reports failures, and drops answers on clear', async () => {
    const frames = manualFrames();
    const s = new TunerScheduler(frames.request);
    const errors: unknown[] = [];
    s.schedule('B', {
      run: () => Promise.reject(new Error('boom')),
      done: () => {},
      fail: (e) => errors.push(e),
    });
    frames.fire();
    await tick();
    expect(String(errors[0])).toBe('Error: boom');
    const done: unknown[] = [];
    s.schedule('B', { run: async () => 1, done: (r) => done.push(r), fail: () => {} });
    frames.fire();
    s.clear();
    await tick();
    expect(done).toEqual([]);
    s.schedule('B', { run: async () => 2, done: (r) => done.push(r), fail: () => {} });
    s.schedule('A', { run: async () => 3, done: (r) => done.push(r), fail: () => {} });
    s.clear();
    expect(frames.count).toBe(0);
    s.schedule('B', { run: async () => 4, done: (r) => done.push(r), fail: () => {} });
    frames.fire();
    await tick();
    expect(done).toEqual([4]);
  });
});
