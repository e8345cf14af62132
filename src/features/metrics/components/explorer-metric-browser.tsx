import { useMemo } from 'react';
import { metricKey } from '../../../lib/cloudwatch/metric-identity.ts';
import { MetricBrowser, type MetricBrowseState } from '../../../components/metric-browser/metric-browser.tsx';
import { useMetricBrowser } from '../stores/metric-browser-store.ts';
import { useMetricsSelection } from '../stores/metrics-selection-store.ts';

/** The shared metric browser wired to the explorer: checked rows are the graph's metrics, the place browsed is kept across visits. */
export function ExplorerMetricBrowser() {
  const search = useMetricBrowser((s) => s.search);
  const namespace = useMetricBrowser((s) => s.namespace);
  const metricName = useMetricBrowser((s) => s.metricName);
  const selected = useMetricsSelection((s) => s.metrics);
  const setChecked = useMetricsSelection((s) => s.setChecked);
  const checkedKeys = useMemo(() => new Set(selected.map(metricKey)), [selected]);
  const browse = useMemo(() => ({ search, namespace, metricName }), [search, namespace, metricName]);
  return (
    <MetricBrowser
      selectedKeys={checkedKeys}
      onToggle={setChecked}
      browse={browse}
      onBrowseChange={(next: MetricBrowseState) => useMetricBrowser.setState(next)}
    />
  );
}
