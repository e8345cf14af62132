// What the graph draws from GetMetricData's results: a line per visible metric, a line per series of
// each expression (an array gives several, all with the expression's Id), and each anomaly band's
// [upper, lower] pair as a band rather than two lines.
import type { MetricDataResultSeries } from '../../../lib/cloudwatch/get-metric-data-results.ts';
import { type MetricIdentity, metricKey } from '../../../lib/cloudwatch/metric-identity.ts';
import { seriesColor } from '../../../lib/palette.ts';
import type { SeriesData } from '../../../lib/series.ts';
import { type MathExpression, bandId } from './graph-queries.ts';

/** One graphed metric: its query Id, how it is drawn, and whether it is drawn at all. */
export interface GraphedMetric {
  metric: MetricIdentity;
  /** Its query Id: `m1`, `m2`, … */
  id: string;
  label: string;
  color: string;
  unit?: string;
  /** ReturnData: false when it is only an input of expressions. */
  visible: boolean;
  /** Its anomaly band's width in standard deviations while the band is on. */
  bandWidth?: number;
}

/** Why a query drew nothing: the API's error (exception name and message) or another reason. */
export interface QueryProblem {
  /** The exception's name, e.g. `InvalidParameterValueException`, when the API sent one. */
  name?: string;
  message: string;
}

/** An anomaly band: the upper and lower bound at each timestamp (NaN where one is missing). */
export interface AnomalyBand {
  /** The Id of the metric it models. */
  metricId: string;
  label: string;
  timestamps: number[];
  upper: number[];
  lower: number[];
}

/** The upper and lower bound of a band from its results, aligned on the union of their timestamps. */
export function splitBandResults(
  results: readonly MetricDataResultSeries[],
): Pick<AnomalyBand, 'timestamps' | 'upper' | 'lower'> | undefined {
  // ANOMALY_DETECTION_BAND returns [upper, lower]; the labels say which is which, the order otherwise.
  const upper = results.find((r) => r.label.endsWith('(upper)')) ?? results[0];
  const lower = results.find((r) => r.label.endsWith('(lower)')) ?? results.find((r) => r !== upper);
  if (!upper || !lower || upper === lower) return undefined;
  const valuesAt = (r: MetricDataResultSeries) => new Map(r.timestamps.map((t, i) => [t, r.values[i]]));
  const up = valuesAt(upper);
  const low = valuesAt(lower);
  const timestamps = [...new Set([...upper.timestamps, ...lower.timestamps])].sort((a, b) => a - b);
  return {
    timestamps,
    upper: timestamps.map((t) => up.get(t) ?? NaN),
    lower: timestamps.map((t) => low.get(t) ?? NaN),
  };
}

/** The graph's drawing, from the results of one request. */
export interface GraphView {
  /** Visible metrics in graph order (with or without data), then every series of every visible expression. */
  series: SeriesData[];
  /** One per metric with its band on, in graph order. */
  bands: AnomalyBand[];
  /** The colour of each expression's first series, by expression Id. */
  expressionColors: Record<string, string>;
  /** Results the API could not evaluate, by query Id (a band's problem is under its own Id, adN). */
  problems: Record<string, QueryProblem>;
}

const failed = (r: MetricDataResultSeries) => r.statusCode === 'InternalError';

/** Splits the results of the graph's request into lines, bands and problems. */
export function graphView(
  graphed: readonly GraphedMetric[],
  expressions: readonly MathExpression[],
  results: readonly MetricDataResultSeries[],
): GraphView {
  const byId = new Map<string, MetricDataResultSeries[]>();
  for (const r of results) {
    const list = byId.get(r.id) ?? [];
    list.push(r);
    byId.set(r.id, list);
  }
  const problems: Record<string, QueryProblem> = {};
  for (const r of results) {
    if (failed(r) && problems[r.id] === undefined)
      problems[r.id] = {
        name: r.statusCode,
        message: r.messages.join(' ') || 'The query could not be evaluated.',
      };
  }

  const series: SeriesData[] = [];
  const bands: AnomalyBand[] = [];
  for (const g of graphed) {
    if (g.visible) {
      const found = byId.get(g.id)?.find((r) => !failed(r));
      // Ids follow the metric, not its position, so the legend's hidden series stay hidden when another is removed.
      series.push({
        id: metricKey(g.metric),
        label: g.label,
        color: g.color,
        ...(g.unit !== undefined ? { unit: g.unit } : {}),
        timestamps: found?.timestamps ?? [],
        values: found?.values ?? [],
      });
    }
    if (g.bandWidth !== undefined) {
      const band = splitBandResults((byId.get(bandId(g.id)) ?? []).filter((r) => !failed(r)));
      if (band) bands.push({ metricId: g.id, label: `${g.label} anomaly band (${g.bandWidth})`, ...band });
    }
  }

  const expressionColors: Record<string, string> = {};
  let colorIndex = graphed.length;
  for (const e of expressions) {
    if (!e.visible) continue;
    const own = (byId.get(e.id) ?? []).filter((r) => !failed(r));
    own.forEach((r, k) => {
      const color = seriesColor(colorIndex++);
      if (k === 0) expressionColors[e.id] = color;
      series.push({ id: `${e.id}#${k}`, label: r.label, color, timestamps: r.timestamps, values: r.values });
    });
  }
  return { series, bands, expressionColors, problems };
}
