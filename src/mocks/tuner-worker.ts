/// <reference lib="webworker" />
// The alarm tuner in a Web Worker: replays of weeks of history and threshold sweeps run here, off the
// page's main thread, so a threshold drag stays smooth. Holds each history laid on the period grid;
// a run for a history supersedes the pending older ones, so a drag only costs its latest position.
import { TunerCore, LatestWins } from './tuner-local.ts';
import { type FromTuner, type ToTuner, fromWireSeries } from './tuner-protocol.ts';

declare const self: DedicatedWorkerGlobalScope;

const core = new TunerCore();
// A macrotask, so that the requests already queued behind the current one arrive (and supersede) first.
const queue = new LatestWins((flush) => setTimeout(flush, 0));

const post = (m: FromTuner, transfer: Transferable[] = []) => self.postMessage(m, transfer);

function fail(id: number, err: unknown): void {
  const e = err instanceof Error ? err : new Error(String(err));
  post({ type: 'failed', id, name: e.name, message: e.message });
}

self.onmessage = (ev: MessageEvent<ToTuner>) => {
  const msg = ev.data;
  switch (msg.type) {
    case 'load': {
      queue.dropHistory(msg.historyId);
      try {
        const info = core.load(
          msg.historyId,
          msg.periodMs,
          fromWireSeries(msg.series),
          msg.startMs,
          msg.endMs,
          msg.lookbackSlots,
        );
        post({ type: 'loaded', id: msg.id, ...info });
      } catch (err) {
        fail(msg.id, err);
      }
      return;
    }
    case 'run':
      queue.submit(
        `run:${msg.historyId}`,
        msg.historyId,
        msg.seq,
        () => {
          try {
            const { run, summary } = core.run(msg.historyId, msg.config, msg.truth, msg.opts);
            // A copy of our own to transfer: the engine may keep reusing its array.
            const slotClass = run.slotClass.slice();
            post({ type: 'ran', id: msg.id, run: { ...run, slotClass }, summary }, [slotClass.buffer]);
          } catch (err) {
            fail(msg.id, err);
          }
        },
        () => post({ type: 'superseded', id: msg.id }),
      );
      return;
    case 'sweep':
      queue.submit(
        `sweep:${msg.historyId}`,
        msg.historyId,
        msg.seq,
        () => {
          try {
            post({
              type: 'swept',
              id: msg.id,
              result: core.sweep(msg.historyId, msg.config, msg.truth, msg.opts),
            });
          } catch (err) {
            fail(msg.id, err);
          }
        },
        () => post({ type: 'superseded', id: msg.id }),
      );
      return;
    case 'release':
      queue.dropHistory(msg.historyId);
      core.release(msg.historyId);
      return;
  }
};
