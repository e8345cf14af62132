// The alarm tuner in-process (Node, vitest) and the core the tuner's Web Worker runs: histories laid
// on the period grid once, runs and sweeps over them, the latest request per history winning.
import {
  type BacktestSeries,
  type EvaluationConfig,
  type GroundTruth,
  type PreparedHistory,
  type SweepResult,
  prepareHistory,
  runPrepared,
  summarizeRun,
  sweepThresholds,
} from '../engine/index.ts';
import {
  type EngineTuner,
  type TunerRunOpts,
  type TunerRunPayload,
  type TunerSweepOpts,
  supersededError,
} from './tuner-protocol.ts';

/** The histories a tuner holds, and what it does with them. Synchronous; the callers schedule. */
export class TunerCore {
  readonly #histories = new Map<string, PreparedHistory>();

  load(
    historyId: string,
    periodMs: number,
    series: BacktestSeries,
    startMs: number,
    endMs: number,
    lookbackSlots: number,
  ): { firstSlotMs: number; slots: number } {
    const h = prepareHistory(periodMs, series, startMs, endMs, lookbackSlots);
    this.#histories.set(historyId, h);
    return { firstSlotMs: h.firstSlotMs, slots: h.values.length };
  }

  run(
    historyId: string,
    config: EvaluationConfig,
    truth: readonly GroundTruth[],
    opts: TunerRunOpts,
  ): { run: TunerRunPayload; summary: ReturnType<typeof summarizeRun> } {
    const h = this.#history(historyId);
    const tuned = runPrepared(config, h, {
      ...(opts.initial ? { initial: opts.initial } : {}),
      reasons: opts.reasons ?? true,
    });
    const summary = summarizeRun(tuned, truth, {
      startMs: h.startMs,
      endMs: h.endMs,
      graceMs: opts.graceMs,
      ...(opts.flapWindowMs !== undefined ? { flapWindowMs: opts.flapWindowMs } : {}),
    });
    return {
      run: { transitions: tuned.transitions, timeline: tuned.timeline, slotClass: tuned.slotClass },
      summary,
    };
  }

  sweep(
    historyId: string,
    config: EvaluationConfig,
    truth: readonly GroundTruth[],
    opts: TunerSweepOpts,
  ): SweepResult {
    return sweepThresholds(config, this.#history(historyId), truth, opts);
  }

  release(historyId: string): void {
    this.#histories.delete(historyId);
  }

  #history(historyId: string): PreparedHistory {
    const h = this.#histories.get(historyId);
    if (!h) throw new Error(`The tuner holds no history "${historyId}": load it first.`);
    return h;
  }
}

interface Pending {
  seq: number;
  historyId: string;
  job: () => void;
  supersede: () => void;
}

/**
 * Requests that only matter in their latest version (the runs of a threshold drag): per key, a newer
 * request supersedes the pending one, and pending requests run together once the queue is drained.
 */
export class LatestWins {
  readonly #pending = new Map<string, Pending>();
  readonly #schedule: (flush: () => void) => void;
  #scheduled = false;

  /** `schedule` runs the flush later: a microtask in-process, a macrotask in the worker. */
  constructor(schedule: (flush: () => void) => void) {
    this.#schedule = schedule;
  }

  /** Queues `job` under `key` (one per kind and history); `supersede` is called if a newer one replaces it. */
  submit(key: string, historyId: string, seq: number, job: () => void, supersede: () => void): void {
    const older = this.#pending.get(key);
    if (older && older.seq > seq) {
      supersede();
      return;
    }
    older?.supersede();
    this.#pending.set(key, { seq, historyId, job, supersede });
    if (this.#scheduled) return;
    this.#scheduled = true;
    this.#schedule(() => {
      this.#scheduled = false;
      const jobs = [...this.#pending.values()];
      this.#pending.clear();
      for (const p of jobs) p.job();
    });
  }

  /** Supersedes everything pending for `historyId` (it was released). */
  dropHistory(historyId: string): void {
    for (const [key, p] of this.#pending) {
      if (p.historyId !== historyId) continue;
      this.#pending.delete(key);
      p.supersede();
    }
  }
}

/** Calls `fn` and settles a promise with its result or error. */
function settle<T>(fn: () => T, resolve: (v: T) => void, reject: (e: unknown) => void): void {
  try {
    resolve(fn());
  } catch (e) {
    reject(e);
  }
}

/**
 * The tuner in-process: the same API, semantics and engine calls as the worker-backed one, without a
 * worker (Node has none). Requests run in a microtask, so several runs issued together leave only
 * the latest (the others reject with an AbortError).
 */
export function createLocalTuner(): EngineTuner {
  const core = new TunerCore();
  const queue = new LatestWins((flush) => queueMicrotask(flush));
  let seq = 0;
  return {
    load(historyId, periodMs, series, startMs, endMs, lookbackSlots) {
      return new Promise((resolve, reject) => {
        queue.dropHistory(historyId);
        settle(() => core.load(historyId, periodMs, series, startMs, endMs, lookbackSlots), resolve, reject);
      });
    },
    run(historyId, config, truth, opts) {
      return new Promise((resolve, reject) => {
        queue.submit(
          `run:${historyId}`,
          historyId,
          ++seq,
          () => settle(() => core.run(historyId, config, truth, opts), resolve, reject),
          () => reject(supersededError()),
        );
      });
    },
    sweep(historyId, config, truth, opts = {}) {
      return new Promise((resolve, reject) => {
        queue.submit(
          `sweep:${historyId}`,
          historyId,
          ++seq,
          () => settle(() => core.sweep(historyId, config, truth, opts), resolve, reject),
          () => reject(supersededError()),
        );
      });
    },
    release(historyId) {
      queue.dropHistory(historyId);
      core.release(historyId);
    },
  };
}
