// The graph's GetMetricData queries: the graphed metrics (Ids m1, m2, …), the math expressions (e1,
// e2, …) and an anomaly band per metric that has one (ad1 for m1, …), as CloudWatch's console
// builds them.
import type { MetricDataQuery } from '@aws-sdk/client-cloudwatch';
import type { MetricIdentity } from '../../../lib/cloudwatch/metric-identity.ts';

/** What the graph does with one graphed metric besides fetching it. */
export interface MetricQueryOptions {
  /** The metric's query Id (`m1`, `m2`, …), by which expressions refer to it. */
  id: string;
  /** ReturnData: false when the metric is only an input of expressions and is not drawn. */
  visible: boolean;
  /** The width of its anomaly band in standard deviations while the band is on. */
  bandWidth?: number;
}

/** A metric math expression of the graph. */
export interface MathExpression {
  /** Its query Id: `e1`, `e2`, … */
  id: string;
  /** As typed, e.g. `m1 * 100 / m2`; a blank one is not sent. */
  expression: string;
  /** The label for its series; blank lets CloudWatch choose. */
  label: string;
  /** ReturnData: whether its result is drawn (it can also be only an input of other expressions). */
  visible: boolean;
}

/** What a person can change in an expression row. */
export type ExpressionChange = Partial<Pick<MathExpression, 'expression' | 'label' | 'visible'>>;

/** The band width the anomaly band starts with, as ANOMALY_DETECTION_BAND's default. */
export const DEFAULT_BAND_WIDTH = 2;

const METRIC_ID = /^m([1-9]\d*)$/;
const EXPRESSION_ID = /^e([1-9]\d*)$/;

/** Whether `id` is a metric's query Id (`m1`, `m2`, …). */
export const isMetricId = (id: string): boolean => METRIC_ID.test(id);
/** Whether `id` is an expression's query Id (`e1`, `e2`, …). */
export const isExpressionId = (id: string): boolean => EXPRESSION_ID.test(id);

/** The number in an Id, `3` for `e3` (what its accessible names count by). */
export function idNumber(id: string): number {
  return Number(/\d+$/.exec(id)?.[0] ?? NaN);
}

/** The Id of the anomaly band query of the metric with Id `metricId`: `ad1` for `m1`. */
export function bandId(metricId: string): string {
  return metricId.replace(/^m/, 'ad');
}

/** Options for `count` newly graphed metrics: Ids m1, m2, … in order, drawn, no band. */
export function defaultMetricOptions(count: number): MetricQueryOptions[] {
  return Array.from({ length: count }, (_, i) => ({ id: `m${i + 1}`, visible: true }));
}

/** Whether the options are what {@link defaultMetricOptions} gives (so a link need not spell them out). */
export function areDefaultMetricOptions(options: readonly MetricQueryOptions[]): boolean {
  return options.every((o, i) => o.id === `m${i + 1}` && o.visible && o.bandWidth === undefined);
}

/** The Ids an expression refers to: lowercase-initial names outside string literals (functions are UPPERCASE). */
export function referencedIds(expression: string): Set<string> {
  const code = expression.replace(/'[^']*'|"[^"]*"/g, ' ');
  return new Set(code.match(/(?<![A-Za-z0-9_])[a-z][A-Za-z0-9_]*/g) ?? []);
}

/**
 * The next free Id with `prefix`: one past the highest in use, counting Ids that expressions still
 * refer to, so a removed metric's Id is not handed to another metric behind an expression's back.
 */
export function nextId(
  prefix: 'm' | 'e',
  taken: readonly string[],
  expressions: readonly MathExpression[],
): string {
  const pattern = prefix === 'm' ? METRIC_ID : EXPRESSION_ID;
  let highest = 0;
  const consider = (id: string) => {
    const match = pattern.exec(id);
    if (match) highest = Math.max(highest, Number(match[1]));
  };
  taken.forEach(consider);
  for (const e of expressions) referencedIds(e.expression).forEach(consider);
  return `${prefix}${highest + 1}`;
}

/** What {@link buildGraphQueries} needs. */
export interface GraphQueryInput {
  metrics: readonly MetricIdentity[];
  /** Index-aligned with `metrics`. */
  options: readonly MetricQueryOptions[];
  /** The metrics' legend labels, index-aligned with `metrics`. */
  labels: readonly string[];
  expressions: readonly MathExpression[];
  stat: string;
  periodSeconds: number;
}

/**
 * One GetMetricData request for the whole graph: each metric as a MetricStat query (ReturnData =
 * visible), its anomaly band as `ANOMALY_DETECTION_BAND(mN, k)` (Id adN), then each non-blank
 * expression with the graph's period (for series made from scalars, e.g. TIME_SERIES(42)).
 */
export function buildGraphQueries(input: GraphQueryInput): MetricDataQuery[] {
  const { metrics, options, labels, expressions, stat, periodSeconds } = input;
  const metricQueries: MetricDataQuery[] = metrics.map((m, i) => ({
    Id: options[i].id,
    Label: labels[i],
    ReturnData: options[i].visible,
    MetricStat: {
      Metric: {
        Namespace: m.namespace,
        MetricName: m.metricName,
        Dimensions: m.dimensions.map((d) => ({ Name: d.name, Value: d.value })),
      },
      Period: periodSeconds,
      Stat: stat.trim(),
    },
  }));
  const bandQueries: MetricDataQuery[] = options.flatMap((o, i) =>
    o.bandWidth === undefined
      ? []
      : [
          {
            Id: bandId(o.id),
            Expression: `ANOMALY_DETECTION_BAND(${o.id}, ${o.bandWidth})`,
            Label: labels[i],
            ReturnData: true,
          },
        ],
  );
  const expressionQueries: MetricDataQuery[] = expressions
    .filter((e) => e.expression.trim() !== '')
    .map((e) => ({
      Id: e.id,
      Expression: e.expression.trim(),
      ...(e.label.trim() !== '' ? { Label: e.label.trim() } : {}),
      ReturnData: e.visible,
      Period: periodSeconds,
    }));
  return [...metricQueries, ...bandQueries, ...expressionQueries];
}

/** Whether any query returns data (GetMetricData refuses a request where none does). */
export function returnsData(queries: readonly MetricDataQuery[]): boolean {
  return queries.some((q) => q.ReturnData !== false);
}

/**
 * The index of the expression query an API error is about, read from the parameter it names
 * (`MetricDataQueries.member.3.Expression` → 2); undefined when it names none.
 */
export function failedExpressionIndex(message: string): number | undefined {
  const match = /MetricDataQueries\.member\.(\d+)\.Expression\b/.exec(message);
  return match ? Number(match[1]) - 1 : undefined;
}

/**
 * The expression queries that use `id`, directly or through other expressions, in request order:
 * they cannot be evaluated without it.
 */
export function dependentsOf(queries: readonly MetricDataQuery[], id: string): string[] {
  const lost = new Set([id]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const q of queries) {
      if (q.Expression === undefined || q.Id === undefined || lost.has(q.Id)) continue;
      const refs = referencedIds(q.Expression);
      if ([...lost].some((l) => refs.has(l))) {
        lost.add(q.Id);
        grew = true;
      }
    }
  }
  return queries
    .filter((q) => q.Id !== undefined && q.Id !== id && lost.has(q.Id))
    .map((q) => q.Id as string);
}
