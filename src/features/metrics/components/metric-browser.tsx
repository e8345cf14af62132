import { type ReactNode, useCallback, useDeferredValue, useId, useMemo } from 'react';
import { type MetricIdentity, metricKey } from '../../../lib/cloudwatch/metric-identity.ts';
import { useListMetrics } from '../../../lib/cloudwatch/list-metrics.ts';
import {
  filterMetrics,
  metricsNamed,
  summarizeMetricNames,
  summarizeNamespaces,
} from '../model/metric-search.ts';
import { useMetricBrowser } from '../stores/metric-browser-store.ts';
import { useMetricsSelection } from '../stores/metrics-selection-store.ts';
import { AwsErrorAlert } from '../../../components/aws-error-alert.tsx';
import { BrowseBreadcrumb } from './browse-breadcrumb.tsx';
import { MetricNameTable } from './metric-name-table.tsx';
import { MetricSeriesTable } from './metric-series-table.tsx';
import { NamespaceTable } from './namespace-table.tsx';

/**
 * The metric browser: namespaces → metric names → one row per metric (dimension set) with a
 * checkbox that graphs it, or, while the search box has text, every match across namespaces.
 */
export function MetricBrowser() {
  const headingId = useId();
  const listed = useListMetrics();
  const search = useMetricBrowser((s) => s.search);
  const namespace = useMetricBrowser((s) => s.namespace);
  const metricName = useMetricBrowser((s) => s.metricName);
  const setSearch = useMetricBrowser((s) => s.setSearch);
  const open = useMetricBrowser((s) => s.open);
  const selected = useMetricsSelection((s) => s.metrics);
  const setChecked = useMetricsSelection((s) => s.setChecked);

  const all = listed.data;
  const deferredSearch = useDeferredValue(search);
  const searching = deferredSearch.trim() !== '';
  const checkedKeys = useMemo(() => new Set(selected.map(metricKey)), [selected]);
  const matches = useMemo(
    () => (all && searching ? filterMetrics(all, deferredSearch) : []),
    [all, searching, deferredSearch],
  );

  const onOpen = useCallback(
    (ns?: string, name?: string) => {
      setSearch('');
      open(ns, name);
    },
    [open, setSearch],
  );
  const onCheckedChange = useCallback(
    (ms: readonly MetricIdentity[], checked: boolean) => setChecked(ms, checked),
    [setChecked],
  );

  let body: ReactNode;
  if (listed.isPending) {
    body = <p className="px-4 py-6 text-sm text-slate-500">Loading metrics…</p>;
  } else if (!all) {
    body = (
      <div className="space-y-2 px-4 py-4">
        <AwsErrorAlert title="The metrics could not be listed" error={listed.error} />
        <button
          type="button"
          onClick={() => void listed.refetch()}
          className="rounded border border-slate-300 bg-white px-3 py-1 text-sm text-slate-700 hover:bg-slate-50"
        >
          Try again
        </button>
      </div>
    );
  } else if (searching) {
    body = (
      <MetricSeriesTable
        metrics={matches}
        layout="flat"
        checkedKeys={checkedKeys}
        onCheckedChange={onCheckedChange}
      />
    );
  } else if (namespace === undefined) {
    body = <NamespaceTable namespaces={summarizeNamespaces(all)} onOpen={(ns) => onOpen(ns)} />;
  } else if (metricName === undefined) {
    const names = summarizeMetricNames(all, namespace);
    body =
      names.length === 0 ? (
        <p className="px-4 py-6 text-sm text-slate-500">The namespace {namespace} has no metrics.</p>
      ) : (
        <MetricNameTable metricNames={names} onOpen={(name) => onOpen(namespace, name)} />
      );
  } else {
    body = (
      <MetricSeriesTable
        metrics={metricsNamed(all, namespace, metricName)}
        layout="dimension-columns"
        checkedKeys={checkedKeys}
        onCheckedChange={onCheckedChange}
      />
    );
  }

  return (
    <section aria-labelledby={headingId} className="rounded-lg border border-slate-200 bg-white">
      <div className="flex flex-wrap items-center justify-between gap-3 border-b border-slate-200 px-4 py-3">
        <h2 id={headingId} className="text-sm font-semibold text-slate-900">
          Browse
          {all && <span className="ml-2 font-normal text-slate-500">{all.length} metrics</span>}
        </h2>
        <input
          type="search"
          aria-label="Search metrics"
          placeholder="Search metrics"
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          className="w-72 max-w-full rounded border border-slate-300 bg-white px-2 py-1 text-sm text-slate-900 focus:border-blue-500 focus:outline-none focus:ring-2 focus:ring-blue-500/30"
        />
      </div>
      <BrowseBreadcrumb
        namespace={namespace}
        metricName={metricName}
        search={deferredSearch}
        matchCount={matches.length}
        onOpen={(ns) => onOpen(ns)}
      />
      <div className="border-t border-slate-100">{body}</div>
    </section>
  );
}
