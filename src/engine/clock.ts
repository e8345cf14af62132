import { type EpochMs, epochMs } from './time.ts';

/** The host's real-time source. The engine never reads Date.now() itself: the host injects it. */
export type WallClock = () => number;

/** What the control endpoint reports: `GET /_watchtrail/clock`. */
export interface ClockState {
  now: EpochMs;
  paused: boolean;
  speed: number;
}

/** The clock's persisted form: enough to resume where it was after a reload. */
export interface ClockSnapshot {
  anchorWall: number;
  anchorSim: number;
  paused: boolean;
  speed: number;
}

export const CLOCK_SPEEDS = [1, 60, 600, 3600] as const;

/**
 * The engine's clock. Simulated time advances at `speed` times wall time while playing, and stands
 * still while paused. Tests set and advance it explicitly.
 */
export class Clock {
  private anchorWall: number;
  private anchorSim: number;
  private paused = false;
  private speed = 1;
  private readonly wall: WallClock;

  constructor(wall: WallClock, snapshot?: ClockSnapshot) {
    this.wall = wall;
    this.anchorWall = wall();
    this.anchorSim = this.anchorWall;
    if (snapshot) this.restore(snapshot);
  }

  now(): EpochMs {
    if (this.paused) return epochMs(this.anchorSim);
    return epochMs(Math.floor(this.anchorSim + (this.wall() - this.anchorWall) * this.speed));
  }

  state(): ClockState {
    return { now: this.now(), paused: this.paused, speed: this.speed };
  }

  snapshot(): ClockSnapshot {
    return { anchorWall: this.anchorWall, anchorSim: this.anchorSim, paused: this.paused, speed: this.speed };
  }

  restore(s: ClockSnapshot): void {
    this.anchorWall = s.anchorWall;
    this.anchorSim = s.anchorSim;
    this.paused = s.paused;
    this.speed = s.speed;
  }

  /** Re-anchors at the current instant so that a change of speed or pause does not jump time. */
  private reanchor(simNow: number): void {
    this.anchorWall = this.wall();
    this.anchorSim = simNow;
  }

  setNow(t: EpochMs): void {
    this.reanchor(t);
  }

  setPaused(paused: boolean): void {
    this.reanchor(this.now());
    this.paused = paused;
  }

  setSpeed(speed: number): void {
    this.reanchor(this.now());
    this.speed = speed;
  }
}

/** A task that runs every `everyMs` of simulated time, at multiples of `everyMs` since the epoch. */
interface Task {
  name: string;
  everyMs: number;
  nextAt: number;
  run: (at: EpochMs) => void;
}

/**
 * Runs periodic engine work (alarm evaluation, rollups, simulated activity) on the simulated clock.
 * `runUntil` runs every due occurrence in time order, so advancing the clock by an hour runs exactly
 * what would have run during that hour.
 */
export class Scheduler {
  private readonly tasks: Task[] = [];
  private cursor: number;

  constructor(start: EpochMs) {
    this.cursor = start;
  }

  every(name: string, everyMs: number, run: (at: EpochMs) => void): void {
    const nextAt = Math.floor(this.cursor / everyMs) * everyMs + everyMs;
    this.tasks.push({ name, everyMs, nextAt, run });
  }

  /** Moves the cursor without running anything (a jump, a reset, a seed change). */
  resetTo(t: EpochMs): void {
    this.cursor = t;
    for (const task of this.tasks) task.nextAt = Math.floor(t / task.everyMs) * task.everyMs + task.everyMs;
  }

  private running = false;

  /**
   * Runs every occurrence due at or before `t`, earliest first; ties run in registration order. A
   * task that reads engine data (and so asks for a tick) while running does not re-enter: it sees
   * the time it runs at, in order.
   */
  runUntil(t: EpochMs): number {
    if (this.running) return 0;
    this.running = true;
    try {
      return this.runDue(t);
    } finally {
      this.running = false;
    }
  }

  private runDue(t: EpochMs): number {
    let ran = 0;
    for (;;) {
      let next: Task | undefined;
      for (const task of this.tasks)
        if (task.nextAt <= t && (!next || task.nextAt < next.nextAt)) next = task;
      if (!next) break;
      const at = next.nextAt;
      next.nextAt += next.everyMs;
      next.run(epochMs(at));
      ran++;
    }
    if (t > this.cursor) this.cursor = t;
    return ran;
  }
}
