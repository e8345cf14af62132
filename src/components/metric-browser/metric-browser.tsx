import { type ReactNode, useCallback, useDeferredValue, useId, useMemo, useState } from 'react';
import type { MetricIdentity } from '../../lib/cloudwatch/metric-identity.ts';
import { useListMetrics } from '../../lib/cloudwatch/list-metrics.ts';
import { filterMetrics, metricsNamed, summarizeMetricNames, summarizeNamespaces } from './metric-search.ts';
import { AwsErrorAlert } from '../aws-error-alert.tsx';
import { BrowseBreadcrumb } from './browse-breadcrumb.tsx';
import { MetricNameTable } from './metric-name-table.tsx';
import { MetricSeriesTable } from './metric-series-table.tsx';
import { NamespaceTable } from './namespace-table.tsx';

/** Where a metric browser is: its search text and the namespace and metric name opened. */
export interface MetricBrowseState {
  /** The search box's text; when not blank, the browser shows matches across namespaces. */
  search: string;
  /** The namespace opened, if any. */
  namespace?: string;
  /** The metric name opened inside `namespace`, if any. */
  metricName?: string;
}

/** The browser at its root: all namespaces, no search. */
export const ROOT_BROWSE_STATE: MetricBrowseState = { search: '' };

/** Props of {@link MetricBrowser}. */
export interface MetricBrowserProps {
  /** Keys ({@link metricKey}) of the metrics that are selected (checked). */
  selectedKeys: ReadonlySet<string>;
  /** Checks or unchecks metrics (one row, or every row shown). */
  onToggle: (metrics: readonly MetricIdentity[], checked: boolean) => void;
  /** Where the browser is, when the caller keeps it; without it the browser keeps its own. */
  browse?: MetricBrowseState;
  /** Called with the new place whenever the search or the level opened changes. */
  onBrowseChange?: (browse: MetricBrowseState) => void;
  /** The heading (default "Browse"). */
  heading?: string;
}

/**
 * The metric browser: namespaces → metric names → one row per metric (dimension set) with a
 * checkbox that selects it, or, while the search box has text, every match across namespaces.
 * Controlled: the caller owns the selection; the place browsed is the caller's or its own.
 */
export function MetricBrowser({
  selectedKeys: checkedKeys,
  onToggle,
  browse,
  onBrowseChange,
  heading = 'Browse',
}: MetricBrowserProps) {
  const headingId = useId();
  const listed = useListMetrics();
  const [ownBrowse, setOwnBrowse] = useState<MetricBrowseState>(ROOT_BROWSE_STATE);
  const place = browse ?? ownBrowse;
  const { search, namespace, metricName } = place;
  const setPlace = useCallback(
    (next: MetricBrowseState) => {
      if (browse === undefined) setOwnBrowse(next);
      onBrowseChange?.(next);
    },
    [browse, onBrowseChange],
  );

  const all = listed.data;
  const deferredSearch = useDeferredValue(search);
  const searching = deferredSearch.trim() !== '';
  const matches = useMemo(
    () => (all && searching ? filterMetrics(all, deferredSearch) : []),
    [all, searching, deferredSearch],
  );

  const onOpen = useCallback(
    (ns?: string, name?: string) =>
      setPlace({ search: '', namespace: ns, metricName: ns === undefined ? undefined : name }),
    [setPlace],
  );
  const setSearch = (text: string) => setPlace({ ...place, search: text });
  const onCheckedChange = onToggle;

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
          {heading}
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
