import { type FormEvent, useState } from 'react';
import {
  DEFAULT_CONNECTION,
  EMBEDDED,
  useConnectionStore,
  validateEndpoint,
} from '../../../lib/connection-store.ts';
import { useResetEngine } from '../api/control.ts';
import { useEngineState } from '../api/get-engine-state.ts';
import { AuditSettings } from './audit-settings.tsx';

const input = 'w-full rounded border border-slate-300 px-2 py-1 text-sm';
const primary =
  'rounded bg-blue-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-blue-700 disabled:opacity-50';
const secondary =
  'rounded border border-slate-300 bg-white px-3 py-1.5 text-sm hover:bg-slate-100 disabled:opacity-50';

function SimulationSettings() {
  const { data: state, error } = useEngineState();
  const reset = useResetEngine();
  const [seedText, setSeedText] = useState('');
  const [problem, setProblem] = useState<string | undefined>(undefined);
  const seedShown = seedText === '' && state ? String(state.seed) : seedText;

  const restart = (e: FormEvent) => {
    e.preventDefault();
    const seed = Number(seedShown);
    if (!/^\d+$/.test(seedShown.trim()) || seed > 0xffffffff) {
      setProblem('The seed must be a whole number from 0 to 4294967295.');
      return;
    }
    setProblem(undefined);
    reset.mutate({ seed, simulation: true }, { onSuccess: () => setSeedText('') });
  };

  return (
    <section aria-labelledby="simulation-heading" className="rounded-md border border-slate-200 bg-white p-4">
      <h2 id="simulation-heading" className="mb-2 font-semibold">
        Simulation
      </h2>
      {error && (
        <p role="alert" className="text-sm text-red-700">
          {error.message}
        </p>
      )}
      {state && (
        <p className="mb-3 text-sm text-slate-600">
          {state.simulation
            ? `Simulating the demo account from seed ${state.seed}: ${state.simulatedSeries} metrics.`
            : 'The engine is empty: no simulated account.'}{' '}
          {state.publishedSeries} published metric(s), {state.storedDatapoints.toLocaleString('en-US')} stored
          datapoint(s).
        </p>
      )}
      <form onSubmit={restart} className="flex flex-wrap items-end gap-2">
        <label className="text-sm">
          <span className="block text-slate-600">Seed</span>
          <input
            aria-label="Seed"
            className={input}
            inputMode="numeric"
            value={seedShown}
            onChange={(e) => setSeedText(e.target.value)}
          />
        </label>
        <button type="submit" className={primary} disabled={reset.isPending}>
          Restart simulation
        </button>
        <button
          type="button"
          className={secondary}
          disabled={reset.isPending}
          onClick={() => reset.mutate({ simulation: false })}
        >
          Empty engine
        </button>
      </form>
      {(problem ?? reset.error?.message) && (
        <p role="alert" className="mt-2 text-sm text-red-700">
          {problem ?? reset.error?.message}
        </p>
      )}
      <p className="mt-3 text-xs text-slate-500">
        The same seed always gives the same workload, noise and incidents. Restarting clears everything the
        engine holds, including published metrics. The clock&apos;s speed and pause state, and the seed,
        survive a reload.
      </p>
    </section>
  );
}

function ConnectionSettings() {
  const connection = useConnectionStore();
  const [endpoint, setEndpoint] = useState(connection.endpoint);
  const [region, setRegion] = useState(connection.region);
  const [accessKeyId, setAccessKeyId] = useState(connection.accessKeyId);
  const [secretAccessKey, setSecret] = useState(connection.secretAccessKey);
  const [problem, setProblem] = useState<string | undefined>(undefined);
  const [saved, setSaved] = useState(false);

  const save = (e: FormEvent) => {
    e.preventDefault();
    const err =
      validateEndpoint(endpoint) ??
      (region.trim() === '' ? 'The Region is required, for example us-east-1.' : undefined);
    setProblem(err);
    if (err) return;
    connection.setConnection({
      endpoint: endpoint.trim(),
      region: region.trim(),
      accessKeyId,
      secretAccessKey,
    });
    setSaved(true);
    // The embedded engine starts with the page: reload to start or stop it.
    if ((endpoint.trim() === EMBEDDED) !== (connection.endpoint === EMBEDDED)) location.reload();
  };

  return (
    <section aria-labelledby="connection-heading" className="rounded-md border border-slate-200 bg-white p-4">
      <h2 id="connection-heading" className="mb-2 font-semibold">
        Connection
      </h2>
      <form onSubmit={save} className="grid max-w-xl grid-cols-2 gap-3">
        <label className="col-span-2 text-sm">
          <span className="block text-slate-600">Endpoint</span>
          <input
            aria-label="Endpoint"
            className={input}
            value={endpoint}
            onChange={(e) => setEndpoint(e.target.value)}
          />
          <span className="text-xs text-slate-500">
            &quot;embedded&quot; runs the engine in this tab. A URL such as http://127.0.0.1:4566 (npm run
            api) or a LocalStack endpoint makes this app a console for that backend.
          </span>
        </label>
        <label className="text-sm">
          <span className="block text-slate-600">Region</span>
          <input
            aria-label="Region"
            className={input}
            value={region}
            onChange={(e) => setRegion(e.target.value)}
          />
        </label>
        <label className="text-sm">
          <span className="block text-slate-600">Access key id</span>
          <input
            aria-label="Access key id"
            className={input}
            value={accessKeyId}
            onChange={(e) => setAccessKeyId(e.target.value)}
          />
        </label>
        <label className="col-span-2 text-sm">
          <span className="block text-slate-600">Secret access key</span>
          <input
            aria-label="Secret access key"
            type="password"
            className={input}
            value={secretAccessKey}
            onChange={(e) => setSecret(e.target.value)}
          />
        </label>
        <div className="col-span-2 flex gap-2">
          <button type="submit" className={primary}>
            Save connection
          </button>
          <button
            type="button"
            className={secondary}
            onClick={() => {
              setEndpoint(DEFAULT_CONNECTION.endpoint);
              setRegion(DEFAULT_CONNECTION.region);
              setAccessKeyId(DEFAULT_CONNECTION.accessKeyId);
              setSecret(DEFAULT_CONNECTION.secretAccessKey);
            }}
          >
            Use defaults
          </button>
        </div>
      </form>
      {problem && (
        <p role="alert" className="mt-2 text-sm text-red-700">
          {problem}
        </p>
      )}
      {saved && !problem && <p className="mt-2 text-sm text-green-700">Saved.</p>}
    </section>
  );
}

/** Settings: the connection, the simulation, and how time works here. */
export function SettingsPage() {
  return (
    <div className="max-w-3xl space-y-4">
      <h1 className="text-lg font-semibold">Settings</h1>
      <ConnectionSettings />
      <SimulationSettings />
      <AuditSettings />
      <section
        aria-labelledby="time-heading"
        className="rounded-md border border-slate-200 bg-white p-4 text-sm text-slate-700"
      >
        <h2 id="time-heading" className="mb-2 font-semibold">
          How time works
        </h2>
        <ul className="list-disc space-y-1 pl-5">
          <li>
            The engine has its own clock, shown in the header. Pause it, or play at 1×, 60×, 600× or 3600×;
            &quot;Now&quot; jumps back to real time.
          </li>
          <li>
            Relative ranges (&quot;last 3 hours&quot;) count back from the engine&apos;s time. All times are
            UTC, as in CloudWatch.
          </li>
          <li>
            Auto refresh intervals are engine time: &quot;1m&quot; at 600× refreshes every few seconds (never
            faster than every 2 s).
          </li>
          <li>
            Data ages as in CloudWatch: 1-second data for 3 hours, 1-minute data for 15 days, 5-minute data
            for 63 days, hourly data for 15 months. Graph periods follow those rules automatically.
          </li>
          <li>
            Simulated DynamoDB capacity is reported in units per second (Average), so consumed and provisioned
            capacity compare directly; AWS reports consumed capacity as a per-minute Sum.
          </li>
        </ul>
      </section>
    </div>
  );
}
