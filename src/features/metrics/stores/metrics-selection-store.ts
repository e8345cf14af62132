import { create } from 'zustand';
import { type MetricIdentity, canonicalMetric, metricKey } from '../../../lib/cloudwatch/metric-identity.ts';
import type { PeriodChoice } from '../model/graph-options.ts';
import { DEFAULT_SELECTION, type MetricsSelection } from '../model/selection-url.ts';

interface MetricsSelectionState extends MetricsSelection {
  /** Why part of the URL's selection was ignored, if it was. */
  urlError?: string;
  /** Checks or unchecks metrics; checked ones are appended to the graph in the order given. */
  setChecked: (metrics: readonly MetricIdentity[], checked: boolean) => void;
  setStat: (stat: string) => void;
  setPeriod: (period: PeriodChoice) => void;
  /** Replaces the whole selection (from the URL). */
  replace: (selection: MetricsSelection, urlError?: string) => void;
}

/**
 * The graph's selection: checked metrics, statistic and period. UI state only (the data stays in
 * TanStack Query); `useSelectionUrlSync` keeps it in the URL.
 */
export const useMetricsSelection = create<MetricsSelectionState>()((set) => ({
  ...DEFAULT_SELECTION,
  setChecked: (metrics, checked) =>
    set((state) => {
      const keys = new Set(metrics.map(metricKey));
      if (!checked) return { metrics: state.metrics.filter((m) => !keys.has(metricKey(m))) };
      const have = new Set(state.metrics.map(metricKey));
      const added: MetricIdentity[] = [];
      for (const m of metrics) {
        const key = metricKey(m);
        if (have.has(key)) continue;
        have.add(key);
        added.push(canonicalMetric(m));
      }
      return added.length > 0 ? { metrics: [...state.metrics, ...added] } : state;
    }),
  setStat: (stat) => set({ stat }),
  setPeriod: (period) => set({ period }),
  replace: (selection, urlError) => set({ ...selection, urlError }),
}));
