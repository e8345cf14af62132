/// <reference lib="webworker" />
// The embedded engine in a Web Worker: the whole API (engine and AWS operations) runs off the page's
// main thread, so a 15-month query never freezes the UI. The page's MSW handlers forward requests here.
// The audit trail's imports and API records are saved to IndexedDB from here, so a 100,000-record log
// file never crosses to the page.
import { isGzip } from '../api/control/trail-control.ts';
import { handleApiRequest } from '../api/router.ts';
import { DEFAULT_SEED, Engine, TrailImportError } from '../engine/index.ts';
import { TrailStore } from './journal.ts';
import {
  type FromWorker,
  type ImportProgress,
  type PersistedEngine,
  type ToWorker,
  toWire,
  transferables,
} from './worker-protocol.ts';

declare const self: DedicatedWorkerGlobalScope;

let engine: Engine | undefined;
let trailStore: TrailStore | undefined;
/** Trail writes run one after another; `lastFileSave` is the write of the file imported last. */
let saving: Promise<void> = Promise.resolve();
let lastFileSave: Promise<void> | undefined;

const post = (m: FromWorker, transfer: Transferable[] = []) => self.postMessage(m, transfer);
const snapshot = (e: Engine): PersistedEngine => ({
  clock: e.clock.snapshot(),
  seed: e.seed,
  simulation: e.simulationEnabled,
  trail: e.trail.settings(),
});

function persist(write: () => Promise<void>): Promise<void> {
  const p = saving.then(write);
  saving = p.catch((err: unknown) => console.error('Could not save the audit trail to IndexedDB:', err));
  return p;
}

async function start(msg: Extract<ToWorker, { type: 'init' }>): Promise<void> {
  const e = new Engine({
    wallClock: Date.now,
    seed: msg.saved?.seed ?? DEFAULT_SEED,
    simulation: msg.saved?.simulation ?? true,
    clock: msg.saved?.clock,
  });
  for (const input of msg.journal) e.putMetricData(input);
  if (msg.alarms) e.alarms.restore(msg.alarms);
  // A saved snapshot, even an empty one, replaces the seeded dashboards: a deleted Service-health stays deleted.
  if (msg.dashboards) e.dashboards.restore(msg.dashboards);
  if (msg.saved?.trail) e.trail.applySettings(msg.saved.trail);
  trailStore = await TrailStore.open();
  if (trailStore) {
    try {
      e.trail.restore(await trailStore.readAll());
    } catch (err) {
      console.error('Could not restore the audit trail from IndexedDB:', err);
    }
  }
  // Alarm changes come in bursts (an evaluation minute, a clock jump): persist them together, a moment later.
  let pendingSnapshot: ReturnType<typeof setTimeout> | undefined;
  e.subscribe((event) => {
    const store = trailStore;
    switch (event.type) {
      case 'alarms-changed':
        pendingSnapshot ??= setTimeout(() => {
          pendingSnapshot = undefined;
          post({ type: 'alarms', snapshot: e.alarms.snapshot() });
        }, 50);
        return;
      case 'dashboards-changed':
        post({ type: 'dashboards', snapshot: e.dashboards.snapshot() });
        return;
      case 'trail-imported':
        if (store) {
          lastFileSave = persist(() => store.saveFile(event.file));
          lastFileSave.catch(() => undefined);
        }
        return;
      case 'trail-recorded':
        if (store) persist(() => store.appendApiRecord(event.record)).catch(() => undefined);
        return;
      case 'reset':
        if (store) persist(() => store.clear()).catch(() => undefined);
        post({ type: 'event', event });
        return;
      default:
        post({ type: 'event', event });
    }
  });
  setInterval(() => e.tick(), 1000);
  engine = e;
  post({ type: 'ready' });
}

/** Gunzips with progress in compressed bytes read. */
async function decompress(
  bytes: Uint8Array<ArrayBuffer>,
  progress: (p: ImportProgress) => void,
): Promise<Uint8Array<ArrayBuffer>> {
  const SLICE = 1 << 20;
  let at = 0;
  const input = new ReadableStream<Uint8Array<ArrayBuffer>>({
    pull(controller) {
      if (at >= bytes.length) {
        controller.close();
        return;
      }
      controller.enqueue(bytes.slice(at, at + SLICE));
      at = Math.min(bytes.length, at + SLICE);
      progress({ phase: 'decompressing', done: at, total: bytes.length });
    },
  });
  const out = await new Response(input.pipeThrough(new DecompressionStream('gzip'))).arrayBuffer();
  return new Uint8Array(out);
}

/** The direct import channel: decompress, parse, import, save; progress on the way. */
async function importFile(e: Engine, msg: Extract<ToWorker, { type: 'import' }>): Promise<void> {
  const { id, name } = msg;
  const progress = (p: ImportProgress) => post({ type: 'import-progress', id, ...p });
  try {
    let bytes = new Uint8Array(msg.bytes);
    if (isGzip(bytes)) {
      try {
        bytes = await decompress(bytes, progress);
      } catch (err) {
        throw new Error(`${name} starts like gzip data but does not decompress.`, { cause: err });
      }
    }
    progress({ phase: 'parsing', done: 0, total: bytes.length });
    let doc: unknown;
    try {
      doc = JSON.parse(new TextDecoder().decode(bytes));
    } catch (err) {
      throw new Error(`${name} is not JSON: ${(err as Error).message}`, { cause: err });
    }
    progress({ phase: 'parsing', done: bytes.length, total: bytes.length });
    const records = (doc as { Records?: unknown } | null)?.Records;
    const count = Array.isArray(records) ? records.length : 0;
    progress({ phase: 'indexing', done: 0, total: count });
    lastFileSave = undefined;
    const result = e.trail.importFile(name, doc);
    progress({ phase: 'indexing', done: count, total: count });
    const saved = lastFileSave as Promise<void> | undefined;
    const warnings = [...result.warnings];
    if (saved) {
      progress({ phase: 'saving', done: 0, total: 1 });
      try {
        await saved;
      } catch (err) {
        warnings.push(
          `The file was imported but not saved, so it will be gone after a reload: ${String(err)}`,
        );
      }
      progress({ phase: 'saving', done: 1, total: 1 });
    }
    const { file, imported, rejected, rejections } = result;
    post({ type: 'import-done', id, report: { file, imported, rejected, rejections, warnings } });
  } catch (err) {
    const message = err instanceof TrailImportError || err instanceof Error ? err.message : String(err);
    post({ type: 'import-failed', id, error: message });
  }
}

self.onmessage = async (ev: MessageEvent<ToWorker>) => {
  const msg = ev.data;
  if (msg.type === 'init') {
    await start(msg);
    return;
  }
  if (!engine) return;
  const e = engine;
  if (msg.type === 'import') {
    await importFile(e, msg);
    return;
  }
  const { url = '', method = 'GET', headers, body } = msg.request;
  let response: Response;
  try {
    response = await handleApiRequest(new Request(url, { method, headers, body }), {
      engine: e,
      onStateChange: () => post({ type: 'state', state: snapshot(e) }),
      sourceIp: '127.0.0.1',
    });
  } catch (err) {
    response = new Response(JSON.stringify({ message: String(err) }), { status: 500 });
  }
  const wire = await toWire(response);
  post({ type: 'response', id: msg.id, response: wire }, transferables(wire));
};
