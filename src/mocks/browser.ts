import { setupWorker } from 'msw/browser';
import { type ClockSnapshot, DEFAULT_SEED, Engine } from '../engine/index.ts';
import { createHandlers } from './handlers.ts';
import { MetricJournal } from './journal.ts';

const STORAGE_KEY = 'watchtrail.engine';

interface PersistedEngine {
  clock: ClockSnapshot;
  seed: number;
  simulation: boolean;
}

function load(): PersistedEngine | undefined {
  try {
    const raw = localStorage.getItem(STORAGE_KEY);
    return raw ? (JSON.parse(raw) as PersistedEngine) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Starts the embedded engine in this tab and the service worker that routes the SDK's requests to it.
 * The clock (speed, pause, time), the seed, the simulation switch and published metrics survive a reload.
 */
export async function startEmbeddedApi(): Promise<Engine> {
  const saved = load();
  const engine = new Engine({
    wallClock: Date.now,
    seed: saved?.seed ?? DEFAULT_SEED,
    simulation: saved?.simulation ?? true,
    clock: saved?.clock,
  });
  // Replay what users published before this page load, then journal what they publish next.
  const journal = await MetricJournal.open();
  if (journal) {
    for (const input of await journal.readAll()) engine.putMetricData(input);
    engine.subscribe((e) => {
      const write = e.type === 'metric-data' ? journal.append(e.input) : journal.clear();
      write.catch((err: unknown) => console.error('Could not save to IndexedDB:', err));
    });
  }
  const persist = () => {
    const state: PersistedEngine = {
      clock: engine.clock.snapshot(),
      seed: engine.seed,
      simulation: engine.simulationEnabled,
    };
    localStorage.setItem(STORAGE_KEY, JSON.stringify(state));
  };
  const worker = setupWorker(...createHandlers({ engine, onStateChange: persist }));
  await worker.start({
    serviceWorker: { url: '/mockServiceWorker.js' },
    onUnhandledRequest: 'bypass',
    quiet: true,
  });
  setInterval(() => engine.tick(), 1000);
  return engine;
}
