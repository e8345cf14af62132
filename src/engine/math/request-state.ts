import type { AnomalyBandOptions } from '../anomaly/anomaly-band.ts';
import type { MetricSeries } from '../engine.ts';
import type { MetricId } from '../metrics/identity.ts';
import type { StandardUnit } from '../metrics/units.ts';
import type { DataQuery, DataQueryMetricStat, MetricDataOptions } from './data-query.ts';
import type { EvalContext } from './eval-context.ts';
import { checkResult, evaluate } from './evaluate.ts';
import { MathError } from './math-error.ts';
import type { Node } from './parser.ts';
import type { Compiled, CompiledRequest } from './query-graph.ts';
import { type GridRange, type Series, type Value, single } from './series.ts';

const DEFAULT_PERIOD_MS = 60_000;

/** Where datapoints come from: the engine, or nothing at all for a dry run that only checks types. */
export interface MetricSource {
  fetch(stat: DataQueryMetricStat, startMs: number, endMs: number): MetricSeries;
  unitOf(metric: MetricId): StandardUnit | undefined;
  /** Every metric with datapoints in the two weeks before now (what SEARCH looks through). */
  list(): readonly MetricId[];
}

/** The range a request is evaluated over, and where its periods begin and end by period length. */
export interface EvaluatedRange extends GridRange {
  periodEnd(periodMs: number): number;
}

/** One evaluation of a request over one range: memoized query values, cycle-safe. */
export class RequestState {
  private readonly memo = new Map<string, Value | MathError>();
  private readonly active = new Set<string>();
  private training: RequestState | undefined;
  private searchable: readonly MetricId[] | undefined;
  readonly metricIds: string[];
  readonly smallestPeriodMs: number;

  constructor(
    readonly request: CompiledRequest,
    readonly range: EvaluatedRange,
    readonly source: MetricSource,
    readonly options: MetricDataOptions,
    /** How far back ANOMALY_DETECTION_BAND trains; undefined inside a training window. */
    readonly trainingWindowMs: number | undefined,
  ) {
    const stats = request.list.filter((c) => c.query.metricStat && !c.error);
    this.metricIds = stats.map((c) => c.query.id);
    const periods = stats.map((c) => (c.query.metricStat as DataQueryMetricStat).periodMs);
    this.smallestPeriodMs = periods.length > 0 ? Math.min(...periods) : DEFAULT_PERIOD_MS;
  }

  /** The same request over the two weeks before this range. */
  trainingState(): RequestState | undefined {
    const window = this.trainingWindowMs;
    if (window === undefined) return undefined;
    const { startMs, gridStart } = this.range;
    this.training ??= new RequestState(
      this.request,
      {
        startMs: startMs - window,
        endMs: startMs,
        gridStart: (p) => {
          const s = gridStart(p);
          return s === undefined ? undefined : s - window;
        },
        // The training window ends where the evaluated range's periods begin.
        periodEnd: (p) => gridStart(p) ?? startMs,
      },
      this.source,
      this.options,
      undefined,
    );
    return this.training;
  }

  /** A query's value; its own error (with positions in its own expression) when it has one. */
  valueOf(id: string): Value {
    const c = this.request.byId.get(id) as Compiled;
    if (c.error) throw c.error;
    const cached = this.memo.get(id);
    if (cached instanceof MathError) throw cached;
    if (cached) return cached;
    if (this.active.has(id)) throw new MathError(`Circular reference to '${id}'`, 0, id);
    this.active.add(id);
    try {
      const v = c.node ? this.evaluateExpression(c) : this.fetch(c.query);
      this.memo.set(id, v);
      return v;
    } catch (e) {
      if (e instanceof MathError) this.memo.set(id, e);
      throw e;
    } finally {
      this.active.delete(id);
    }
  }

  private fetch(q: DataQuery): Value {
    const stat = q.metricStat as DataQueryMetricStat;
    return single(this.fetchStat(stat, q.label ?? stat.metric.metricName));
  }

  /** One statistic of one metric over this range's periods of its length. */
  fetchStat(stat: DataQueryMetricStat, label: string): Series {
    const start = this.range.gridStart(stat.periodMs);
    const end = this.range.periodEnd(stat.periodMs);
    const data =
      start === undefined || start >= end
        ? { timestamps: [], values: [] }
        : this.source.fetch(stat, start, end);
    return { timestamps: data.timestamps, values: data.values, periodMs: stat.periodMs, label };
  }

  /** The metrics SEARCH looks through, listed once per request. */
  searchableMetrics(): readonly MetricId[] {
    this.searchable ??= this.source.list();
    return this.searchable;
  }

  private evaluateExpression(c: Compiled): Value {
    const v = evaluate(c.node as Node, new QueryContext(this, c.query.periodMs ?? this.smallestPeriodMs));
    checkResult(v);
    if (v.type === 'TS') return single({ ...v.series, label: c.query.label ?? c.query.id });
    return v;
  }
}

/** The context one expression is evaluated in: its request's state and its own default period. */
class QueryContext implements EvalContext {
  constructor(
    private readonly state: RequestState,
    readonly defaultPeriodMs: number,
  ) {}

  get startMs(): number {
    return this.state.range.startMs;
  }

  get endMs(): number {
    return this.state.range.endMs;
  }

  gridStart(periodMs: number): number | undefined {
    return this.state.range.gridStart(periodMs);
  }

  reference(id: string, position: number): Value {
    if (!this.state.request.byId.has(id)) throw new MathError(`Unknown Id '${id}'`, position, id);
    try {
      return this.state.valueOf(id);
    } catch (e) {
      if (!(e instanceof MathError)) throw e;
      throw new MathError(`Invalid reference to '${id}'`, position, id, `${id} has an error: ${e.message}`);
    }
  }

  metricPeriodMs(id: string): number | undefined {
    return this.state.request.byId.get(id)?.query.metricStat?.periodMs;
  }

  metricIds(): readonly string[] {
    return this.state.metricIds;
  }

  searchableMetrics(): readonly MetricId[] {
    return this.state.searchableMetrics();
  }

  metricSeries(stat: DataQueryMetricStat, label: string): Series {
    return this.state.fetchStat(stat, label);
  }

  trainingContext(): EvalContext | undefined {
    const training = this.state.trainingState();
    return training && new QueryContext(training, this.defaultPeriodMs);
  }

  anomalyOptions(input: Node): AnomalyBandOptions {
    if (input.type !== 'ref') return {};
    const q = this.state.request.byId.get(input.id)?.query;
    if (!q) return {};
    const excluded = this.state.options.excludedTimeRanges?.(q);
    const stat = q.metricStat;
    const unit = stat && (stat.unit ?? this.state.source.unitOf(stat.metric));
    return { ...(excluded && { excluded }), percent: unit === 'Percent' };
  }
}
