import { describe, expect, it } from 'vitest';
import { Clock, Scheduler } from './clock.ts';
import { type EpochMs, HOUR_MS, MINUTE_MS, SECOND_MS, epochMs } from './time.ts';

const T0 = Date.parse('2026-11-19T16:00:00Z');

/** A wall clock the test moves by hand. */
function fakeWall(start = T0) {
  let now = start;
  return {
    read: () => now,
    advance: (ms: number) => {
      now += ms;
    },
  };
}

describe('Clock', () => {
  it('starts at the wall time, unpaused, at speed 1', () => {
    const clock = new Clock(fakeWall().read);
    expect(clock.state()).toEqual({ now: T0, paused: false, speed: 1 });
  });

  it.each<[number, number, number]>([
    // speed, wall time elapsed (ms), simulated time elapsed (ms)
    [1, 10 * SECOND_MS, 10 * SECOND_MS],
    [60, 10 * SECOND_MS, 10 * MINUTE_MS],
    [600, 6 * SECOND_MS, HOUR_MS],
    [3600, 1 * SECOND_MS, HOUR_MS],
    [0.5, 10 * SECOND_MS, 5 * SECOND_MS],
  ])('at speed %s, %s ms of wall time move simulated time by %s ms', (speed, wallMs, simMs) => {
    const wall = fakeWall();
    const clock = new Clock(wall.read);
    clock.setSpeed(speed);
    wall.advance(wallMs);
    expect(clock.now()).toBe(T0 + simMs);
  });

  it('changing speed does not make time jump', () => {
    const wall = fakeWall();
    const clock = new Clock(wall.read);
    wall.advance(30 * SECOND_MS);
    clock.setSpeed(60);
    expect(clock.now()).toBe(T0 + 30 * SECOND_MS);
    wall.advance(SECOND_MS);
    expect(clock.now()).toBe(T0 + 30 * SECOND_MS + MINUTE_MS);
    clock.setSpeed(1);
    wall.advance(SECOND_MS);
    expect(clock.now()).toBe(T0 + 31 * SECOND_MS + MINUTE_MS);
  });

  it('pause freezes time and play resumes from where it stood', () => {
    const wall = fakeWall();
    const clock = new Clock(wall.read);
    clock.setSpeed(60);
    wall.advance(SECOND_MS);
    clock.setPaused(true);
    const frozen = clock.now();
    expect(frozen).toBe(T0 + MINUTE_MS);
    wall.advance(HOUR_MS);
    expect(clock.now()).toBe(frozen);
    expect(clock.state()).toEqual({ now: frozen, paused: true, speed: 60 });
    clock.setPaused(false);
    expect(clock.now()).toBe(frozen);
    wall.advance(SECOND_MS);
    expect(clock.now()).toBe(frozen + MINUTE_MS);
  });

  it('setNow moves time and keeps running from there; while paused it stays there', () => {
    const wall = fakeWall();
    const clock = new Clock(wall.read);
    const target = epochMs(Date.parse('2026-01-01T00:00:00Z'));
    clock.setNow(target);
    expect(clock.now()).toBe(target);
    wall.advance(5 * SECOND_MS);
    expect(clock.now()).toBe(target + 5 * SECOND_MS);
    clock.setPaused(true);
    clock.setNow(epochMs(T0));
    wall.advance(HOUR_MS);
    expect(clock.now()).toBe(T0);
  });

  it('snapshot and restore resume the same simulated time, speed and pause', () => {
    const wall = fakeWall();
    const clock = new Clock(wall.read);
    clock.setSpeed(600);
    wall.advance(SECOND_MS);
    const snapshot = clock.snapshot();
    const at = clock.now();
    // A reload: a new clock on the same wall clock, restored from the snapshot.
    const restored = new Clock(wall.read, snapshot);
    expect(restored.state()).toEqual({ now: at, paused: false, speed: 600 });
    wall.advance(SECOND_MS);
    expect(restored.now()).toBe(at + 10 * MINUTE_MS);
    // The snapshot is plain data (structured-clone and JSON friendly).
    expect(JSON.parse(JSON.stringify(snapshot))).toEqual(snapshot);
  });

  it('a restored paused clock stays paused at its time', () => {
    const wall = fakeWall();
    const clock = new Clock(wall.read);
    clock.setNow(epochMs(T0 - HOUR_MS));
    clock.setPaused(true);
    const restored = new Clock(wall.read);
    restored.restore(clock.snapshot());
    wall.advance(HOUR_MS);
    expect(restored.state()).toEqual({ now: T0 - HOUR_MS, paused: true, speed: 1 });
  });
});

/** A scheduler at `start` with tasks that record when they ran. */
function recordingScheduler(start: number, tasks: [name: string, everyMs: number][]) {
  const runs: [string, number][] = [];
  const scheduler = new Scheduler(epochMs(start));
  for (const [name, everyMs] of tasks) scheduler.every(name, everyMs, (at: EpochMs) => runs.push([name, at]));
  return { scheduler, runs };
}

describe('Scheduler', () => {
  it('advancing an hour runs a 10-minute task 6 times, at exact multiples of 10 minutes', () => {
    const { scheduler, runs } = recordingScheduler(T0, [['rollup', 10 * MINUTE_MS]]);
    expect(scheduler.runUntil(epochMs(T0 + HOUR_MS))).toBe(6);
    expect(runs.map(([, at]) => at - T0)).toEqual([10, 20, 30, 40, 50, 60].map((m) => m * MINUTE_MS));
  });

  it.each<[string, number, number, number]>([
    // case, start offset from T0, advance, expected runs of a 10-minute task
    ['start on a multiple', 0, HOUR_MS, 6],
    ['start between multiples', 3 * MINUTE_MS, HOUR_MS, 6],
    ['just before a multiple', 10 * MINUTE_MS - 1, 1, 1],
    ['not reaching the next multiple', 1, 10 * MINUTE_MS - 2, 0],
    ['a day', 0, 24 * HOUR_MS, 144],
  ])('%s', (_case, offset, advance, expected) => {
    const start = T0 + offset;
    const { scheduler, runs } = recordingScheduler(start, [['task', 10 * MINUTE_MS]]);
    scheduler.runUntil(epochMs(start + advance));
    expect(runs).toHaveLength(expected);
    for (const [, at] of runs) expect(at % (10 * MINUTE_MS)).toBe(0);
  });

  it('runs due tasks in time order, ties in registration order', () => {
    const { scheduler, runs } = recordingScheduler(T0, [
      ['b: every 15 min', 15 * MINUTE_MS],
      ['a: every 10 min', 10 * MINUTE_MS],
      ['c: every 30 min', 30 * MINUTE_MS],
    ]);
    scheduler.runUntil(epochMs(T0 + 30 * MINUTE_MS));
    expect(runs).toEqual([
      ['a: every 10 min', T0 + 10 * MINUTE_MS],
      ['b: every 15 min', T0 + 15 * MINUTE_MS],
      ['a: every 10 min', T0 + 20 * MINUTE_MS],
      ['b: every 15 min', T0 + 30 * MINUTE_MS],
      ['a: every 10 min', T0 + 30 * MINUTE_MS],
      ['c: every 30 min', T0 + 30 * MINUTE_MS],
    ]);
  });

  it('running until the same time twice does not run anything again', () => {
    const { scheduler, runs } = recordingScheduler(T0, [['task', 10 * MINUTE_MS]]);
    expect(scheduler.runUntil(epochMs(T0 + HOUR_MS))).toBe(6);
    expect(scheduler.runUntil(epochMs(T0 + HOUR_MS))).toBe(0);
    expect(scheduler.runUntil(epochMs(T0 + 30 * MINUTE_MS))).toBe(0);
    expect(runs).toHaveLength(6);
    expect(scheduler.runUntil(epochMs(T0 + HOUR_MS + 10 * MINUTE_MS))).toBe(1);
  });

  it('a task sees the time it was due, even when its work moves on later', () => {
    const seen: number[] = [];
    const scheduler = new Scheduler(epochMs(T0));
    scheduler.every('probe', HOUR_MS, (at) => seen.push(at));
    scheduler.runUntil(epochMs(T0 + 3 * HOUR_MS + 59 * MINUTE_MS));
    expect(seen).toEqual([T0 + HOUR_MS, T0 + 2 * HOUR_MS, T0 + 3 * HOUR_MS]);
  });

  it('resetTo moves the cursor without running what lies between', () => {
    const { scheduler, runs } = recordingScheduler(T0, [['task', 10 * MINUTE_MS]]);
    scheduler.resetTo(epochMs(T0 + 5 * HOUR_MS + 5 * MINUTE_MS));
    expect(scheduler.runUntil(epochMs(T0 + 5 * HOUR_MS + 20 * MINUTE_MS))).toBe(2);
    expect(runs.map(([, at]) => at)).toEqual([
      T0 + 5 * HOUR_MS + 10 * MINUTE_MS,
      T0 + 5 * HOUR_MS + 20 * MINUTE_MS,
    ]);
  });

  it('a task registered later starts at the next multiple after the cursor', () => {
    const scheduler = new Scheduler(epochMs(T0));
    scheduler.runUntil(epochMs(T0 + 25 * MINUTE_MS));
    const seen: number[] = [];
    scheduler.every('late', 10 * MINUTE_MS, (at) => seen.push(at));
    scheduler.runUntil(epochMs(T0 + HOUR_MS));
    expect(seen).toEqual([30, 40, 50, 60].map((m) => T0 + m * MINUTE_MS));
  });
});

describe('Scheduler re-entrancy', () => {
  it('a task that asks for a tick while running does not run later occurrences out of order', () => {
    const s = new Scheduler(epochMs(0));
    const seen: number[] = [];
    s.every('reader', 10, (at) => {
      seen.push(at);
      s.runUntil(epochMs(1_000)); // as engine.aggregate() does from inside an alarm evaluation
    });
    s.runUntil(epochMs(50));
    expect(seen).toEqual([10, 20, 30, 40, 50]);
  });
});
