// The page's side of the alarm tuner's Web Worker: the worker starts on first use; each request
// is a message with an id, answered once. A run (or sweep) for a history rejects that history's
// pending older ones at once with an AbortError: only the latest position of a drag matters.
import type { SweepResult, TuningSummary } from '../engine/index.ts';
import {
  type EngineTuner,
  type FromTuner,
  type ToTuner,
  type TunerRunPayload,
  seriesTransferables,
  supersededError,
  toWireSeries,
} from './tuner-protocol.ts';

type Answer =
  | { type: 'loaded'; firstSlotMs: number; slots: number }
  | { type: 'ran'; run: TunerRunPayload; summary: TuningSummary }
  | { type: 'swept'; result: SweepResult };

type LoadMessage = Extract<ToTuner, { type: 'load' }>;
type RunMessage = Extract<ToTuner, { type: 'run' }>;
type SweepMessage = Extract<ToTuner, { type: 'sweep' }>;

interface PendingRequest {
  /** `run:<historyId>` or `sweep:<historyId>`; loads have none. */
  key?: string;
  historyId: string;
  resolve: (a: Answer) => void;
  reject: (e: Error) => void;
}

/** The worker's error as the engine threw it: a RangeError stays one. */
function rebuildError(name: string, message: string): Error {
  const known: Record<string, ErrorConstructor> = { RangeError, TypeError, SyntaxError };
  const Ctor = known[name] as ErrorConstructor | undefined;
  return Ctor ? new Ctor(message) : Object.assign(new Error(message), { name });
}

/** The default worker: a module worker bundled by Vite from tuner-worker.ts. */
const startTunerWorker = (): Worker =>
  new Worker(new URL('./tuner-worker.ts', import.meta.url), { type: 'module', name: 'alarm-tuner' });

/**
 * A tuner whose work runs in a dedicated Web Worker, started on the first request. `createWorker`
 * is for tests; the app uses the bundled tuner-worker.ts.
 */
export function createWorkerTuner(createWorker: () => Worker = startTunerWorker): EngineTuner {
  let worker: Worker | undefined;
  const pending = new Map<number, PendingRequest>();
  let nextId = 1;
  let seq = 0;

  const failAll = (error: Error) => {
    for (const p of pending.values()) p.reject(error);
    pending.clear();
  };

  const ensureWorker = (): Worker => {
    if (worker) return worker;
    const w = createWorker();
    w.onmessage = (ev: MessageEvent<FromTuner>) => {
      const msg = ev.data;
      const p = pending.get(msg.id);
      if (!p) return; // superseded on this side already
      pending.delete(msg.id);
      if (msg.type === 'superseded') p.reject(supersededError());
      else if (msg.type === 'failed') p.reject(rebuildError(msg.name, msg.message));
      else p.resolve(msg);
    };
    w.onerror = (ev) => {
      ev.preventDefault();
      // The worker is gone with its histories: the next request starts a fresh one.
      w.terminate();
      worker = undefined;
      failAll(new Error(`The alarm tuner's worker failed: ${ev.message || 'it did not start'}.`));
    };
    worker = w;
    return w;
  };

  const request = (
    msg: LoadMessage | RunMessage | SweepMessage,
    historyId: string,
    key: string | undefined,
    transfer: Transferable[] = [],
  ): Promise<Answer> => {
    if (key) {
      for (const [id, p] of pending) {
        if (p.key !== key) continue;
        pending.delete(id);
        p.reject(supersededError());
      }
    }
    return new Promise<Answer>((resolve, reject) => {
      pending.set(msg.id, { key, historyId, resolve, reject });
      ensureWorker().postMessage(msg, transfer);
    });
  };

  const dropPending = (historyId: string) => {
    for (const [id, p] of pending) {
      if (p.historyId !== historyId || !p.key) continue;
      pending.delete(id);
      p.reject(supersededError());
    }
  };

  const expect = <T extends Answer['type']>(a: Answer, type: T): Extract<Answer, { type: T }> => {
    if (a.type !== type) throw new Error(`The alarm tuner answered ${a.type} to a ${type} request.`);
    return a as Extract<Answer, { type: T }>;
  };

  return {
    async load(historyId, periodMs, series, startMs, endMs, lookbackSlots) {
      dropPending(historyId);
      const wire = toWireSeries(series);
      const msg: LoadMessage = {
        type: 'load',
        id: nextId++,
        historyId,
        periodMs,
        series: wire,
        startMs,
        endMs,
        lookbackSlots,
      };
      const { firstSlotMs, slots } = expect(
        await request(msg, historyId, undefined, seriesTransferables(wire)),
        'loaded',
      );
      return { firstSlotMs, slots };
    },
    async run(historyId, config, truth, opts) {
      const msg: RunMessage = {
        type: 'run',
        id: nextId++,
        seq: ++seq,
        historyId,
        config,
        truth: [...truth],
        opts,
      };
      const { run, summary } = expect(await request(msg, historyId, `run:${historyId}`), 'ran');
      return { run, summary };
    },
    async sweep(historyId, config, truth, opts = {}) {
      const msg: SweepMessage = {
        type: 'sweep',
        id: nextId++,
        seq: ++seq,
        historyId,
        config,
        truth: [...truth],
        opts,
      };
      return expect(await request(msg, historyId, `sweep:${historyId}`), 'swept').result;
    },
    release(historyId) {
      dropPending(historyId);
      worker?.postMessage({ type: 'release', historyId } satisfies ToTuner);
    },
  };
}
