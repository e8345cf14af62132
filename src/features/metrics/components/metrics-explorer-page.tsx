import { useCallback } from 'react';
import type { MetricIdentity } from '../../../lib/cloudwatch/metric-identity.ts';
import { useResolvedRange } from '../../../lib/use-resolved-range.ts';
import { useSelectionUrlSync } from '../hooks/use-selection-url-sync.ts';
import { useMetricBrowser } from '../stores/metric-browser-store.ts';
import { useMetricsSelection } from '../stores/metrics-selection-store.ts';
import { ExplorerMetricBrowser } from './explorer-metric-browser.tsx';
import { MetricGraphPanel } from './metric-graph-panel.tsx';
import { PublishMetricForm } from './publish-metric-form.tsx';

/**
 * The Metrics explorer (route `/metrics`): browse and search every metric, graph the checked ones
 * together, and publish datapoints. The time range comes from the header's picker; the selection
 * (metrics, statistic, period) lives in the URL.
 */
export function MetricsExplorerPage() {
  useSelectionUrlSync();
  const { startMs, endMs, anchorMs, refresh } = useResolvedRange();
  const urlError = useMetricsSelection((s) => s.urlError);

  const onPublished = useCallback(
    (metric: MetricIdentity) => {
      useMetricsSelection.getState().setChecked([metric], true);
      // Show the new metric in the browser, unless a search is under way.
      const browser = useMetricBrowser.getState();
      if (browser.search.trim() === '') browser.open(metric.namespace, metric.metricName);
      // Re-resolve the range at the engine's now, so the new datapoint is inside it.
      refresh();
    },
    [refresh],
  );

  return (
    <div className="space-y-4">
      <h1 className="text-lg font-semibold text-slate-900">Metrics</h1>
      {urlError && (
        <p
          role="alert"
          className="rounded border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-800"
        >
          {urlError}
        </p>
      )}
      <div className="grid items-start gap-4 xl:grid-cols-[minmax(0,1fr)_22rem]">
        <div className="min-w-0 space-y-4">
          <MetricGraphPanel startMs={startMs} endMs={endMs} nowMs={anchorMs} />
          <ExplorerMetricBrowser />
        </div>
        <PublishMetricForm onPublished={onPublished} />
      </div>
    </div>
  );
}
