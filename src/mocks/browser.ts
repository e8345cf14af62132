import { http } from 'msw';
import { setupWorker } from 'msw/browser';
import { CLOUDTRAIL_URL, CLOUDWATCH_URL, CONTROL_URL } from './endpoints.ts';
import { MetricJournal } from './journal.ts';
import {
  type FromWorker,
  type ImportProgress,
  type ImportResult,
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

/** What the page can do with the embedded engine besides calling its API. */
export interface EmbeddedApi {
  /**
   * Imports a CloudTrail log file (JSON, or gzip as CloudTrail delivers it) straight into the engine
   * worker, not through MSW; `bytes` is transferred (detached here). Rejects with the reason when the
   * file is not a log file; nothing is imported then.
   */
  importTrailFile(
    name: string,
    bytes: ArrayBuffer,
    onProgress?: (p: ImportProgress) => void,
  ): Promise<ImportResult>;
}

interface PendingImport {
  resolve: (r: ImportResult) => void;
  reject: (e: Error) => void;
  onProgress?: (p: ImportProgress) => void;
}

/**
 * Starts the embedded engine in a Web Worker and the service worker that routes the SDK's requests
 * (CloudWatch, CloudTrail, and `/_watchtrail/` control calls) to it. The clock (speed, pause, time), the
 * seed, the simulation switch, the trail settings, published metrics, alarms, dashboards, imported log
 * files and the records of the API's own calls survive a reload (localStorage and IndexedDB).
 */
export async function startEmbeddedApi(): Promise<EmbeddedApi> {
  const engineWorker = new Worker(new URL('./engine-worker.ts', import.meta.url), { type: 'module' });
  const pending = new Map<number, (r: Response) => void>();
  const imports = new Map<number, PendingImport>();
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
          if (!journal) break;
          if (msg.event.type === 'metric-data') save(journal.append(msg.event.input));
          else if (msg.event.type === 'reset') save(journal.clear());
          break;
        case 'state':
          localStorage.setItem(STORAGE_KEY, JSON.stringify(msg.state));
          break;
        case 'alarms':
          if (journal) save(journal.saveAlarms(msg.snapshot));
          break;
        case 'dashboards':
          if (journal) save(journal.saveDashboards(msg.snapshot));
          break;
        case 'import-progress': {
          const { phase, done, total } = msg;
          imports.get(msg.id)?.onProgress?.({ phase, done, total });
          break;
        }
        case 'import-done':
          imports.get(msg.id)?.resolve(msg.report);
          imports.delete(msg.id);
          break;
        case 'import-failed':
          imports.get(msg.id)?.reject(new Error(msg.error));
          imports.delete(msg.id);
          break;
      }
    };
  });
  const init: ToWorker = {
    type: 'init',
    saved: loadState(),
    journal: journal ? await journal.readAll() : [],
    alarms: journal ? await journal.loadAlarms() : undefined,
    dashboards: journal ? await journal.loadDashboards() : undefined,
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
    http.post(CLOUDTRAIL_URL, ({ request }) => forward(request)),
    http.all(CONTROL_URL, ({ request }) => forward(request)),
  );
  await serviceWorker.start({
    serviceWorker: { url: '/mockServiceWorker.js' },
    onUnhandledRequest: 'bypass',
    quiet: true,
  });

  return {
    importTrailFile(name, bytes, onProgress) {
      const id = nextId++;
      return new Promise<ImportResult>((resolve, reject) => {
        imports.set(id, { resolve, reject, onProgress });
        engineWorker.postMessage({ type: 'import', id, name, bytes } satisfies ToWorker, [bytes]);
      });
    },
  };
}
