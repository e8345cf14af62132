import { http } from 'msw';
import { setupWorker } from 'msw/browser';
import { CLOUDWATCH_URL, CONTROL_URL } from './endpoints.ts';
import { MetricJournal } from './journal.ts';
import {
  type FromWorker,
  type PersistedEngine,
  type ToWorker,
  toWire,
  transferables,
} from './worker-protocol.ts';

const STORAGE_KEY = 'watchtrail.engine';

function loadState(): PersistedEngine | undefined {
  try {
    const raw = localStorage.getItem(STORAGE_KEY);
    return raw ? (JSON.parse(raw) as PersistedEngine) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Starts the embedded engine in a Web Worker and the service worker that routes the SDK's requests
 * (and `/_watchtrail/` control calls) to it. The clock (speed, pause, time), the seed, the simulation
 * switch and published metrics survive a reload: the page keeps them in localStorage and IndexedDB.
 */
export async function startEmbeddedApi(): Promise<void> {
  const engineWorker = new Worker(new URL('./engine-worker.ts', import.meta.url), { type: 'module' });
  const pending = new Map<number, (r: Response) => void>();
  let nextId = 1;
  const journal = await MetricJournal.open();
  const save = (write: Promise<void>) =>
    write.catch((err: unknown) => console.error('Could not save to IndexedDB:', err));

  const ready = new Promise<void>((resolve, reject) => {
    engineWorker.onerror = (e) => reject(new Error(e.message || 'The engine worker failed to start.'));
    engineWorker.onmessage = (ev: MessageEvent<FromWorker>) => {
      const msg = ev.data;
      switch (msg.type) {
        case 'ready':
          resolve();
          break;
        case 'response': {
          const { status, headers, body } = msg.response;
          pending.get(msg.id)?.(new Response(body ?? null, { status, headers }));
          pending.delete(msg.id);
          break;
        }
        case 'event':
          if (journal)
            save(msg.event.type === 'metric-data' ? journal.append(msg.event.input) : journal.clear());
          break;
        case 'state':
          localStorage.setItem(STORAGE_KEY, JSON.stringify(msg.state));
          break;
        case 'alarms':
          if (journal) save(journal.saveAlarms(msg.snapshot));
          break;
      }
    };
  });
  const init: ToWorker = {
    type: 'init',
    saved: loadState(),
    journal: journal ? await journal.readAll() : [],
    alarms: journal ? await journal.loadAlarms() : undefined,
  };
  engineWorker.postMessage(init);
  await ready;

  const forward = async (request: Request): Promise<Response> => {
    const id = nextId++;
    const wire = await toWire(request);
    const answer = new Promise<Response>((resolve) => pending.set(id, resolve));
    engineWorker.postMessage({ type: 'request', id, request: wire } satisfies ToWorker, transferables(wire));
    return answer;
  };
  const serviceWorker = setupWorker(
    http.post(CLOUDWATCH_URL, ({ request }) => forward(request)),
    http.all(CONTROL_URL, ({ request }) => forward(request)),
  );
  await serviceWorker.start({
    serviceWorker: { url: '/mockServiceWorker.js' },
    onUnhandledRequest: 'bypass',
    quiet: true,
  });
}
