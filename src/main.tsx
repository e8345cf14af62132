import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { registerWorkerTuner } from './app/alarm-tuner.ts';
import { App } from './app/app.tsx';
import { EMBEDDED, useConnectionStore } from './lib/connection-store.ts';
import { registerDashboardValidator } from './lib/dashboard-validation.ts';
import { engineDashboardValidator } from './mocks/dashboard-validation.ts';
import './index.css';

/** Starts the embedded engine (and its service worker) unless the app is pointed at another backend. */
async function startBackend(): Promise<void> {
  if (import.meta.env.VITE_MSW !== '1') return;
  if (useConnectionStore.getState().endpoint !== EMBEDDED) return;
  const { startEmbeddedApi } = await import('./app/embedded-api.ts');
  await startEmbeddedApi();
}

// The alarm tuner works from the data the app fetched, whichever backend answers.
registerWorkerTuner();
// Dashboard bodies are checked as PutDashboard checks them, whichever backend saves them.
registerDashboardValidator(engineDashboardValidator);

startBackend()
  .catch((e: unknown) => console.error('The embedded engine did not start:', e))
  .finally(() => {
    const root = document.getElementById('root');
    if (!root) throw new Error('index.html has no #root element.');
    createRoot(root).render(
      <StrictMode>
        <App />
      </StrictMode>,
    );
  });
