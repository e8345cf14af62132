import { create } from 'zustand';

interface MetricBrowserState {
  /** The search box's text; when not blank, the browser shows matches across namespaces. */
  search: string;
  /** The namespace opened, if any. */
  namespace?: string;
  /** The metric name opened inside `namespace`, if any. */
  metricName?: string;
  setSearch: (search: string) => void;
  /** Opens a level: nothing (all namespaces), a namespace, or a metric name in it. */
  open: (namespace?: string, metricName?: string) => void;
}

/** Where the metric browser is: its search text and the namespace and metric name opened. */
export const useMetricBrowser = create<MetricBrowserState>()((set) => ({
  search: '',
  setSearch: (search) => set({ search }),
  open: (namespace, metricName) =>
    set({ namespace, metricName: namespace === undefined ? undefined : metricName }),
}));
