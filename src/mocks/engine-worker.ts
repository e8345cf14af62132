/// <reference lib="webworker" />
// The embedded engine in a Web Worker: the whole API (engine and AWS operations) runs off the page's
// main thread, so a 15-month query never freezes the UI. The page's MSW handlers forward requests here.
import { handleApiRequest } from '../api/router.ts';
import { DEFAULT_SEED, Engine } from '../engine/index.ts';
import {
  type FromWorker,
  type PersistedEngine,
  type ToWorker,
  toWire,
  transferables,
} from './worker-protocol.ts';

declare const self: DedicatedWorkerGlobalScope;

let engine: Engine | undefined;
const post = (m: FromWorker, transfer: Transferable[] = []) => self.postMessage(m, transfer);
const snapshot = (e: Engine): PersistedEngine => ({
  clock: e.clock.snapshot(),
  seed: e.seed,
  simulation: e.simulationEnabled,
});

self.onmessage = async (ev: MessageEvent<ToWorker>) => {
  const msg = ev.data;
  if (msg.type === 'init') {
    const e = new Engine({
      wallClock: Date.now,
      seed: msg.saved?.seed ?? DEFAULT_SEED,
      simulation: msg.saved?.simulation ?? true,
      clock: msg.saved?.clock,
    });
    for (const input of msg.journal) e.putMetricData(input);
    if (msg.alarms) e.alarms.restore(msg.alarms);
    // Alarm changes come in bursts (an evaluation minute, a clock jump): persist them together, a moment later.
    let pendingSnapshot: ReturnType<typeof setTimeout> | undefined;
    e.subscribe((event) => {
      if (event.type !== 'alarms-changed') {
        post({ type: 'event', event });
        return;
      }
      pendingSnapshot ??= setTimeout(() => {
        pendingSnapshot = undefined;
        post({ type: 'alarms', snapshot: e.alarms.snapshot() });
      }, 50);
    });
    setInterval(() => e.tick(), 1000);
    engine = e;
    post({ type: 'ready' });
    return;
  }
  if (!engine) return;
  const e = engine;
  const { url = '', method = 'GET', headers, body } = msg.request;
  let response: Response;
  try {
    response = await handleApiRequest(new Request(url, { method, headers, body }), {
      engine: e,
      onStateChange: () => post({ type: 'state', state: snapshot(e) }),
    });
  } catch (err) {
    response = new Response(JSON.stringify({ message: String(err) }), { status: 500 });
  }
  const wire = await toWire(response);
  post({ type: 'response', id: msg.id, response: wire }, transferables(wire));
};
