// The tuner's work queue. A drag asks for a replay on every pointer move; the replays that matter are
// the latest of each kind (the live configuration, the pinned one, a sweep). So: one job in flight at
// a time, a newer request of a kind replaces the waiting one, and work starts on an animation frame,
// which coalesces the requests of one frame into one replay.

/** Something to run, and where its answer goes. */
export interface TunerJob<T> {
  run: () => Promise<T>;
  done: (result: T) => void;
  fail: (error: unknown) => void;
}

/** Schedules a callback for the next frame; returns a way to cancel it. */
export type FrameRequest = (callback: () => void) => () => void;

const animationFrame: FrameRequest = (callback) => {
  if (typeof requestAnimationFrame === 'function') {
    const id = requestAnimationFrame(() => callback());
    return () => cancelAnimationFrame(id);
  }
  const id = setTimeout(callback, 16);
  return () => clearTimeout(id);
};

/** Runs the latest job of each kind, one at a time, starting on animation frames. */
export class TunerScheduler {
  readonly #waiting = new Map<string, TunerJob<unknown>>();
  readonly #frame: FrameRequest;
  #busy = false;
  #cancelFrame: (() => void) | undefined;
  /** Bumped by clear(): answers of jobs started before it are dropped. */
  #generation = 0;

  constructor(frame: FrameRequest = animationFrame) {
    this.#frame = frame;
  }

  /** Asks for `job` as the latest of `kind`: it replaces a waiting job of that kind, which never runs. */
  schedule<T>(kind: string, job: TunerJob<T>): void {
    this.#waiting.set(kind, job as TunerJob<unknown>);
    this.#wake();
  }

  /** Drops the waiting job of `kind` (a running one still reports). */
  cancel(kind: string): void {
    this.#waiting.delete(kind);
  }

  /** Whether a job runs or waits. */
  get pending(): boolean {
    return this.#busy || this.#waiting.size > 0;
  }

  /** Drops every waiting job and the running job's answer (on unmount); later jobs run as usual. */
  clear(): void {
    this.#generation++;
    this.#waiting.clear();
    this.#cancelFrame?.();
    this.#cancelFrame = undefined;
  }

  #wake(): void {
    if (this.#busy || this.#cancelFrame || this.#waiting.size === 0) return;
    this.#cancelFrame = this.#frame(() => {
      this.#cancelFrame = undefined;
      this.#next();
    });
  }

  #next(): void {
    const generation = this.#generation;
    // Map order is insertion order: kinds are served in the order they first asked.
    const first = this.#waiting.entries().next();
    if (first.done) return;
    const [kind, job] = first.value;
    this.#waiting.delete(kind);
    this.#busy = true;
    let promise: Promise<unknown>;
    try {
      promise = job.run();
    } catch (e) {
      promise = Promise.reject(e);
    }
    promise
      .then(
        (result) => {
          if (generation === this.#generation) job.done(result);
        },
        (error: unknown) => {
          if (generation === this.#generation) job.fail(error);
        },
      )
      .finally(() => {
        this.#busy = false;
        this.#wake();
      });
  }
}
