import { type AnomalyBandOptions, TRAINING_WINDOW_MS } from '../anomaly/anomaly-band.ts';
import type { EvalContext } from './eval-context.ts';
import { MathError } from './math-error.ts';
import { type Series, type Value, emptySeries, single } from './series.ts';

export interface SeriesContextInput {
  /** Series by Id, each standing for a MetricStat query (METRICS() returns them in this order). */
  metrics: Readonly<Record<string, Series>>;
  /** The evaluated range, [startMs, endMs); periods of every length begin at startMs. */
  startMs: number;
  endMs: number;
  /** The period TIME_SERIES uses; default: the smallest period of the metrics, else 60 s. */
  defaultPeriodMs?: number;
  /** The same metrics over the two weeks before startMs, for ANOMALY_DETECTION_BAND. */
  training?: Readonly<Record<string, Series>>;
  /** Anomaly model options for every band. */
  anomaly?: AnomalyBandOptions;
}

/**
 * A context over series already at hand (no engine, no expressions by Id): evaluates an expression
 * against datapoints a caller already has, and makes metric math easy to test.
 */
export function seriesContext(input: SeriesContextInput): EvalContext {
  const periods = Object.values(input.metrics).map((s) => s.periodMs);
  const defaultPeriodMs = input.defaultPeriodMs ?? (periods.length > 0 ? Math.min(...periods) : 60_000);
  const make = (
    metrics: Readonly<Record<string, Series>>,
    startMs: number,
    endMs: number,
    training: boolean,
  ) => {
    const context: EvalContext = {
      startMs,
      endMs,
      defaultPeriodMs,
      gridStart: () => startMs,
      reference(id: string, position: number): Value {
        const s = metrics[id] as Series | undefined;
        if (!s) throw new MathError(`Unknown Id '${id}'`, position, id);
        return single(s);
      },
      metricPeriodMs: (id) => (metrics[id] as Series | undefined)?.periodMs,
      metricIds: () => Object.keys(metrics),
      // No catalog of metrics here: SEARCH finds nothing (tests of SEARCH go through an engine).
      searchableMetrics: () => [],
      metricSeries: (stat, label) => emptySeries(stat.periodMs, label),
      trainingContext: () => {
        if (training) return undefined;
        const empty = (s: Series): Series => ({ ...s, timestamps: [], values: [] });
        const history =
          input.training ?? Object.fromEntries(Object.entries(metrics).map(([id, s]) => [id, empty(s)]));
        return make(history, startMs - TRAINING_WINDOW_MS, startMs, true);
      },
      anomalyOptions: () => input.anomaly ?? {},
    };
    return context;
  };
  return make(input.metrics, input.startMs, input.endMs, false);
}
