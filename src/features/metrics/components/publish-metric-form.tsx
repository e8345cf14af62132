import { type FormEvent, useId, useState } from 'react';
import type { MetricIdentity } from '../../../lib/cloudwatch/metric-identity.ts';
import { STANDARD_UNITS } from '../../../lib/cloudwatch/standard-units.ts';
import { usePutMetricData } from '../api/put-metric-data.ts';
import { EMPTY_PUBLISH_DRAFT, type PublishDraft, buildPublishRequest } from '../model/publish-request.ts';
import { AwsErrorAlert } from '../../../components/aws-error-alert.tsx';
import { DimensionRows } from './dimension-rows.tsx';

/** Props of {@link PublishMetricForm}. */
export interface PublishMetricFormProps {
  /** Called after the server accepted the datapoints, with the metric they went to. */
  onPublished: (metric: MetricIdentity) => void;
}

const fieldClass =
  'w-full rounded border border-slate-300 bg-white px-2 py-1 text-sm text-slate-900 focus:border-blue-500 focus:outline-none focus:ring-2 focus:ring-blue-500/30';
const labelClass = 'mb-1 block text-xs font-medium text-slate-600';

type Outcome =
  | { kind: 'published'; text: string }
  | { kind: 'invalid'; text: string }
  | { kind: 'failed'; error: unknown };

/**
 * Publishes datapoints with PutMetricData. Only plain mistakes are caught here (an empty required
 * field, a value that is not a number); the server judges the rest and its error is shown as sent,
 * with every field left as typed.
 */
export function PublishMetricForm({ onPublished }: PublishMetricFormProps) {
  const ids = {
    heading: useId(),
    namespace: useId(),
    metricName: useId(),
    values: useId(),
    unit: useId(),
    resolution: useId(),
    timestamp: useId(),
  };
  const [draft, setDraft] = useState<PublishDraft>(EMPTY_PUBLISH_DRAFT);
  const [outcome, setOutcome] = useState<Outcome | undefined>(undefined);
  const put = usePutMetricData();
  const edit = (patch: Partial<PublishDraft>) => setDraft((d) => ({ ...d, ...patch }));

  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const request = buildPublishRequest(draft);
    if (!request.ok) {
      setOutcome({ kind: 'invalid', text: request.error });
      return;
    }
    setOutcome(undefined);
    put.mutate(request.input, {
      onSuccess: () => {
        const { namespace, metricName } = request.metric;
        setOutcome({
          kind: 'published',
          text: `Published ${request.datapointCount} datapoint(s) to ${namespace}/${metricName}`,
        });
        onPublished(request.metric);
      },
      onError: (error) => setOutcome({ kind: 'failed', error }),
    });
  };

  const busy = put.isPending;
  return (
    <section aria-labelledby={ids.heading} className="rounded-lg border border-slate-200 bg-white">
      <h2
        id={ids.heading}
        className="border-b border-slate-200 px-4 py-3 text-sm font-semibold text-slate-900"
      >
        Publish metric data
      </h2>
      <form className="space-y-3 p-4" onSubmit={onSubmit} noValidate>
        <div>
          <label htmlFor={ids.namespace} className={labelClass}>
            Namespace
          </label>
          <input
            id={ids.namespace}
            type="text"
            className={fieldClass}
            placeholder="e.g. MyApp/Checkout"
            value={draft.namespace}
            disabled={busy}
            onChange={(e) => edit({ namespace: e.target.value })}
          />
        </div>
        <div>
          <label htmlFor={ids.metricName} className={labelClass}>
            Metric name
          </label>
          <input
            id={ids.metricName}
            type="text"
            className={fieldClass}
            placeholder="e.g. Latency"
            value={draft.metricName}
            disabled={busy}
            onChange={(e) => edit({ metricName: e.target.value })}
          />
        </div>
        <DimensionRows
          rows={draft.dimensions}
          onChange={(dimensions) => edit({ dimensions })}
          disabled={busy}
        />
        <div>
          <label htmlFor={ids.values} className={labelClass}>
            Value(s)
          </label>
          <input
            id={ids.values}
            type="text"
            inputMode="decimal"
            className={fieldClass}
            placeholder="42 or 1.5, 2, 7"
            value={draft.values}
            disabled={busy}
            onChange={(e) => edit({ values: e.target.value })}
          />
          <p className="mt-1 text-xs text-slate-500">One number, or several separated by commas.</p>
        </div>
        <div className="grid grid-cols-2 gap-3">
          <div>
            <label htmlFor={ids.unit} className={labelClass}>
              Unit
            </label>
            <select
              id={ids.unit}
              className={fieldClass}
              value={draft.unit}
              disabled={busy}
              onChange={(e) => edit({ unit: e.target.value })}
            >
              {STANDARD_UNITS.map((u) => (
                <option key={u} value={u}>
                  {u}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor={ids.resolution} className={labelClass}>
              Storage resolution
            </label>
            <select
              id={ids.resolution}
              className={fieldClass}
              value={draft.storageResolution}
              disabled={busy}
              onChange={(e) => edit({ storageResolution: e.target.value === '1' ? '1' : '60' })}
            >
              <option value="60">Standard (60 s)</option>
              <option value="1">High (1 s)</option>
            </select>
          </div>
        </div>
        <div>
          <label htmlFor={ids.timestamp} className={labelClass}>
            Timestamp (UTC)
          </label>
          <input
            id={ids.timestamp}
            type="datetime-local"
            step={1}
            className={fieldClass}
            value={draft.timestamp}
            disabled={busy}
            onChange={(e) => edit({ timestamp: e.target.value })}
          />
          <p className="mt-1 text-xs text-slate-500">Leave empty for now (the engine's clock).</p>
        </div>
        <div aria-live="polite">
          {outcome?.kind === 'published' && (
            <p
              role="status"
              className="rounded border border-green-200 bg-green-50 px-3 py-2 text-sm text-green-800"
            >
              {outcome.text}
            </p>
          )}
          {outcome?.kind === 'invalid' && (
            <p
              role="alert"
              className="rounded border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-800"
            >
              {outcome.text}
            </p>
          )}
          {outcome?.kind === 'failed' && (
            <AwsErrorAlert title="The datapoints were not published" error={outcome.error} />
          )}
        </div>
        <button
          type="submit"
          disabled={busy}
          aria-busy={busy}
          className="rounded bg-blue-600 px-4 py-1.5 text-sm font-medium text-white hover:bg-blue-700 focus-visible:outline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600 disabled:opacity-50"
        >
          Publish
        </button>
      </form>
    </section>
  );
}
