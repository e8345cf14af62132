import { create } from 'zustand';
import { type MetricIdentity, canonicalMetric, metricKey } from '../../../lib/cloudwatch/metric-identity.ts';
import type { PeriodChoice } from '../model/graph-options.ts';
import { type ExpressionChange, type MetricQueryOptions, nextId } from '../model/graph-queries.ts';
import { DEFAULT_SELECTION, type MetricsSelection } from '../model/selection-url.ts';

interface MetricsSelectionState extends MetricsSelection {
  /** Why part of the URL's selection was ignored, if it was. */
  urlError?: string;
  /** Checks or unchecks metrics; checked ones are appended to the graph in the order given, each with the next free Id. */
  setChecked: (metrics: readonly MetricIdentity[], checked: boolean) => void;
  setStat: (stat: string) => void;
  setPeriod: (period: PeriodChoice) => void;
  /** Draws the metric with this Id, or fetches it only for expressions (ReturnData). */
  setMetricVisible: (id: string, visible: boolean) => void;
  /** Turns the metric's anomaly band on with this width, or off (undefined). */
  setBand: (id: string, bandWidth: number | undefined) => void;
  /** Adds an empty expression row with the next free Id and returns that Id. */
  addExpression: () => string;
  updateExpression: (id: string, change: ExpressionChange) => void;
  removeExpression: (id: string) => void;
  /** Replaces the whole selection (from the URL). */
  replace: (selection: MetricsSelection, urlError?: string) => void;
}

/**
 * The chart draws one band (its `annotations.band`), so turning a band on turns the others off;
 * the options keep a width per metric so that limit can go without changing the model or the URL.
 */
function withOneBand(options: readonly MetricQueryOptions[], id?: string): MetricQueryOptions[] {
  const keep = id ?? options.find((o) => o.bandWidth !== undefined)?.id;
  return options.map((o) => {
    if (o.bandWidth === undefined || o.id === keep) return o;
    const { bandWidth: _off, ...rest } = o;
    return rest;
  });
}

/**
 * The graph's selection: checked metrics with their Ids and options, math expressions, statistic
 * and period. UI state only (the data stays in TanStack Query); `useSelectionUrlSync` keeps it in
 * the URL.
 */
export const useMetricsSelection = create<MetricsSelectionState>()((set, get) => ({
  ...DEFAULT_SELECTION,
  setChecked: (metrics, checked) =>
    set((state) => {
      const keys = new Set(metrics.map(metricKey));
      if (!checked) {
        const kept = state.metrics.flatMap((m, i) =>
          keys.has(metricKey(m)) ? [] : [{ metric: m, options: state.metricOptions[i] }],
        );
        if (kept.length === state.metrics.length) return state;
        return { metrics: kept.map((k) => k.metric), metricOptions: kept.map((k) => k.options) };
      }
      const have = new Set(state.metrics.map(metricKey));
      const added: MetricIdentity[] = [];
      const addedOptions: MetricQueryOptions[] = [];
      const ids = state.metricOptions.map((o) => o.id);
      for (const m of metrics) {
        const key = metricKey(m);
        if (have.has(key)) continue;
        have.add(key);
        added.push(canonicalMetric(m));
        const id = nextId('m', ids, state.expressions);
        ids.push(id);
        addedOptions.push({ id, visible: true });
      }
      return added.length > 0
        ? {
            metrics: [...state.metrics, ...added],
            metricOptions: [...state.metricOptions, ...addedOptions],
          }
        : state;
    }),
  setStat: (stat) => set({ stat }),
  setPeriod: (period) => set({ period }),
  setMetricVisible: (id, visible) =>
    set((state) => ({
      metricOptions: state.metricOptions.map((o) => (o.id === id ? { ...o, visible } : o)),
    })),
  setBand: (id, bandWidth) =>
    set((state) => {
      const options = state.metricOptions.map((o) => {
        if (o.id !== id) return o;
        if (bandWidth !== undefined) return { ...o, bandWidth };
        const { bandWidth: _off, ...rest } = o;
        return rest;
      });
      return { metricOptions: bandWidth === undefined ? options : withOneBand(options, id) };
    }),
  addExpression: () => {
    const state = get();
    const id = nextId(
      'e',
      state.expressions.map((e) => e.id),
      state.expressions,
    );
    set({ expressions: [...state.expressions, { id, expression: '', label: '', visible: true }] });
    return id;
  },
  updateExpression: (id, change) =>
    set((state) => ({
      expressions: state.expressions.map((e) => (e.id === id ? { ...e, ...change } : e)),
    })),
  removeExpression: (id) => set((state) => ({ expressions: state.expressions.filter((e) => e.id !== id) })),
  replace: (selection, urlError) =>
    set({ ...selection, metricOptions: withOneBand(selection.metricOptions), urlError }),
}));
