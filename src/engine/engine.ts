import { AlarmData } from './alarms/alarm-data.ts';
import { AlarmRegistry } from './alarms/registry.ts';
import { Clock, type ClockSnapshot, type ClockState, Scheduler, type WallClock } from './clock.ts';
import { type DashboardSnapshot, DashboardStore } from './dashboards/store.ts';
import { BucketTable } from './metrics/bucket-table.ts';
import {
  type Dimension,
  type DimensionFilter,
  type MetricId,
  matchesDimensionFilters,
  metricKey,
} from './metrics/identity.ts';
import { type Stat, needsDistribution, statValue } from './metrics/statistics.ts';
import { MetricStore } from './metrics/store.ts';
import { type StandardUnit, unitCode, unitFromCode } from './metrics/units.ts';
import {
  SIMULATED_SERIES,
  type SeriesModel,
  TrafficCache,
  incidentAffects,
  modelContext,
} from './simulation/catalog.ts';
import { simulatedDashboards } from './simulation/dashboards.ts';
import { MinuteSampleCache, accumulateSimulated } from './simulation/synthetic-source.ts';
import { simulateTrailDay, simulatedEventDay } from './simulation/trail/index.ts';
import { type Incident, incidentsBetween } from './simulation/workload.ts';
import { AuditTrail, type TrailEvent } from './trail/audit-trail.ts';
import { type EpochMs, HOUR_MS, MINUTE_MS, epochMs } from './time.ts';

/** One datum of PutMetricData, in engine units (validated by the API layer beforehand). */
export interface MetricDatumInput {
  metricName: string;
  dimensions?: readonly Dimension[];
  timestampMs?: number;
  value?: number;
  values?: ArrayLike<number>;
  counts?: ArrayLike<number>;
  statisticValues?: { sampleCount: number; sum: number; minimum: number; maximum: number };
  unit?: StandardUnit;
  storageResolution?: 1 | 60;
}

export interface PutMetricDataInput {
  namespace: string;
  metricData: readonly MetricDatumInput[];
}

export interface ListMetricsInput {
  namespace?: string;
  metricName?: string;
  dimensions?: readonly DimensionFilter[];
  /** Only metrics with datapoints at or after this time. */
  activeSinceMs?: number;
}

/** One statistic of one metric, per period over [startMs, endMs). */
export interface MetricQuery {
  metric: MetricId;
  periodMs: number;
  stat: Stat;
  unit?: StandardUnit;
  startMs: number;
  endMs: number;
}

/** Datapoints in ascending time; timestamps are period starts in epoch ms. */
export interface MetricSeries {
  timestamps: number[];
  values: number[];
}

export interface EngineOptions {
  /** The host's real time in epoch ms (Date.now in a browser or in Node). */
  wallClock: WallClock;
  seed?: number;
  /** False: an empty engine with no simulated account. */
  simulation?: boolean;
  clock?: ClockSnapshot;
}

export interface ClockUpdate {
  now?: number;
  paused?: boolean;
  speed?: number;
  advanceMs?: number;
}

export const DEFAULT_SEED = 42;

/** What the engine tells its host, so the host can persist what users create. */
export type EngineEvent =
  | { type: 'metric-data'; input: PutMetricDataInput }
  | { type: 'reset'; seed: number; simulation: boolean }
  /** Alarms, topics, history or anomaly detectors changed: a host persists `engine.alarms.snapshot()`. */
  | { type: 'alarms-changed' }
  /** A dashboard was put or deleted, or the set was reset or restored: a host persists `engine.dashboards.snapshot()`. */
  | { type: 'dashboards-changed' }
  /** A log file was imported into the audit trail, or a call our API served was recorded. */
  | TrailEvent;

/** Engine work that runs on the simulated clock. */
const ROLLUP_EVERY_MS = 10 * MINUTE_MS;
/** Alarms are evaluated every minute, and every 10 s for 10/20/30-second periods. */
const ALARM_TICK_MS = 10_000;

/**
 * The client-side engine: the metric store, the simulated account and its clock. Inputs and outputs
 * are plain data (structured-clone friendly), so the engine can move into a Web Worker unchanged.
 */
export class Engine {
  readonly clock: Clock;
  /** Alarms, their history and actions, topics, anomaly detectors. */
  readonly alarms: AlarmRegistry;
  /** The audit trail: simulated events, imported log files and the calls our API served. */
  readonly trail: AuditTrail;
  /** The account's CloudWatch dashboards (the simulated account starts with Service-health). */
  readonly dashboards: DashboardStore;
  private scheduler: Scheduler;
  private readonly store = new MetricStore();
  private seedValue: number;
  private simulation: boolean;
  private readonly simulated = new Map<string, SeriesModel>();
  private traffic = new TrafficCache();
  private samples = new MinuteSampleCache();
  private readonly listeners = new Set<(e: EngineEvent) => void>();

  constructor(options: EngineOptions) {
    this.clock = new Clock(options.wallClock, options.clock);
    this.seedValue = options.seed ?? DEFAULT_SEED;
    this.simulation = options.simulation ?? true;
    this.alarms = new AlarmRegistry(new AlarmData(this));
    this.alarms.onChange = () => this.emit({ type: 'alarms-changed' });
    this.scheduler = this.makeScheduler();
    this.indexSimulation();
    this.dashboards = new DashboardStore(
      () => this.clock.now(),
      () => this.emit({ type: 'dashboards-changed' }),
    );
    this.dashboards.restore(this.seededDashboards());
    this.trail = new AuditTrail(
      { now: () => this.clock.now(), seed: () => this.seedValue, simulation: () => this.simulation },
      simulateTrailDay,
      (e) => this.emit(e),
      simulatedEventDay,
    );
  }

  private makeScheduler(): Scheduler {
    const s = new Scheduler(this.clock.now());
    s.every('metric rollups', ROLLUP_EVERY_MS, (at) => this.store.compact(at));
    s.every('alarm evaluation', ALARM_TICK_MS, (at) => this.alarms.evaluateDue(at));
    return s;
  }

  private indexSimulation(): void {
    this.simulated.clear();
    if (this.simulation) for (const m of SIMULATED_SERIES) this.simulated.set(metricKey(m.id), m);
  }

  /** The simulated account's dashboards, when the simulation is on. */
  private seededDashboards(): DashboardSnapshot {
    const lastModifiedMs = this.clock.now();
    const seeded = this.simulation ? simulatedDashboards() : [];
    return { version: 1, dashboards: seeded.map((d) => ({ ...d, lastModifiedMs, size: 0 })) };
  }

  /** Listens to what changes the engine's stored state; returns the unsubscribe function. */
  subscribe(listener: (e: EngineEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit(e: EngineEvent): void {
    for (const l of this.listeners) l(e);
  }

  get seed(): number {
    return this.seedValue;
  }

  get simulationEnabled(): boolean {
    return this.simulation;
  }

  now(): EpochMs {
    return this.clock.now();
  }

  /** Runs every scheduled task due up to the clock's now. Hosts call it on a timer and before requests. */
  tick(): void {
    this.scheduler.runUntil(this.clock.now());
  }

  clockState(): ClockState {
    this.tick();
    return this.clock.state();
  }

  /** Applies a clock change; moving forward runs everything that would have run meanwhile, in order. */
  setClock(update: ClockUpdate): ClockState {
    this.tick();
    if (update.speed !== undefined) this.clock.setSpeed(update.speed);
    if (update.paused !== undefined) this.clock.setPaused(update.paused);
    const before = this.clock.now();
    let target: number = before;
    if (update.now !== undefined) target = update.now;
    if (update.advanceMs !== undefined) target += update.advanceMs;
    if (target !== before) {
      this.clock.setNow(epochMs(target));
      if (target < before) this.scheduler.resetTo(epochMs(target));
      this.tick();
    }
    return this.clock.state();
  }

  /** Clears everything the engine holds; with a seed, the simulation starts over from it. */
  reset(options: { seed?: number; simulation?: boolean } = {}): void {
    this.store.clear();
    this.alarms.clear();
    this.trail.clear();
    if (options.seed !== undefined) this.seedValue = options.seed;
    if (options.simulation !== undefined) this.simulation = options.simulation;
    this.indexSimulation();
    this.traffic = new TrafficCache();
    this.samples = new MinuteSampleCache();
    this.scheduler = this.makeScheduler();
    this.emit({ type: 'reset', seed: this.seedValue, simulation: this.simulation });
    // After 'reset' (one 'dashboards-changed'), so a host that clears its storage on reset then
    // saves the re-seeded set.
    this.dashboards.restore(this.seededDashboards());
  }

  /**
   * PutMetricData: stores datapoints (a datum without a timestamp is stamped with the engine's now).
   * https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_PutMetricData.html
   */
  putMetricData(input: PutMetricDataInput): number {
    const now = this.clock.now();
    if (this.listeners.size > 0) {
      const stamped = input.metricData.map((d) =>
        d.timestampMs === undefined ? { ...d, timestampMs: now } : d,
      );
      this.emit({ type: 'metric-data', input: { namespace: input.namespace, metricData: stamped } });
    }
    let stored = 0;
    for (const d of input.metricData) {
      const series = this.store.getOrCreate({
        namespace: input.namespace,
        metricName: d.metricName,
        dimensions: d.dimensions ?? [],
      });
      const t = d.timestampMs ?? now;
      const highRes = d.storageResolution === 1;
      const tMs = highRes ? Math.floor(t / 1000) * 1000 : Math.floor(t / MINUTE_MS) * MINUTE_MS;
      if (highRes) series.highResolution = true;
      const unit = unitCode(d.unit ?? 'None');
      if (d.value !== undefined) {
        series.append(tMs, 1, d.value, d.value, d.value, unit);
        stored++;
      } else if (d.values !== undefined) {
        series.appendValues(tMs, d.values, d.counts, unit);
        stored += d.values.length;
      } else if (d.statisticValues !== undefined) {
        const s = d.statisticValues;
        series.append(tMs, s.sampleCount, s.sum, s.minimum, s.maximum, unit);
        stored++;
      }
      if (tMs > series.lastWriteMs) series.lastWriteMs = tMs;
    }
    return stored;
  }

  /** Every known metric: published ones and the simulated account's, filtered as ListMetrics filters. */
  listMetrics(input: ListMetricsInput = {}): MetricId[] {
    const now = this.clock.now();
    const horizon = input.activeSinceMs ?? now - 14 * 24 * HOUR_MS;
    const out = new Map<string, MetricId>();
    const consider = (key: string, id: MetricId) => {
      if (input.namespace !== undefined && id.namespace !== input.namespace) return;
      if (input.metricName !== undefined && id.metricName !== input.metricName) return;
      if (input.dimensions && !matchesDimensionFilters(id, input.dimensions)) return;
      out.set(key, id);
    };
    for (const [key, m] of this.simulated) consider(key, m.id);
    for (const s of this.store.all()) if (s.lastWriteMs >= horizon) consider(s.key, s.id);
    return [...out.values()];
  }

  /** The per-period aggregates of a metric over a range: the raw material of every statistic. */
  aggregate(
    metric: MetricId,
    startMs: number,
    endMs: number,
    periodMs: number,
    withDistribution: boolean,
    unit?: StandardUnit,
  ): BucketTable {
    this.tick();
    const table = new BucketTable(startMs, endMs, periodMs, withDistribution);
    const key = metricKey(metric);
    const model = this.simulated.get(key);
    if (model && (unit === undefined || unit === model.unit)) {
      const ctx = modelContext(
        this.seedValue,
        incidentsBetween(this.seedValue, startMs - HOUR_MS, endMs + HOUR_MS),
        this.traffic,
      );
      accumulateSimulated(model, ctx, table, this.clock.now(), this.samples);
      table.units.add(unitCode(model.unit));
    }
    this.store.get(metric)?.accumulate(table, unit === undefined ? undefined : unitCode(unit));
    return table;
  }

  /** One statistic per period, ascending, periods without data omitted (as CloudWatch does). */
  queryMetric(q: MetricQuery): MetricSeries {
    const table = this.aggregate(q.metric, q.startMs, q.endMs, q.periodMs, needsDistribution(q.stat), q.unit);
    const timestamps: number[] = [];
    const values: number[] = [];
    for (let i = 0; i < table.length; i++) {
      if (table.count[i] === 0) continue;
      const v = statValue(q.stat, table.count[i], table.sum[i], table.min[i], table.max[i], table.dist?.[i]);
      if (v === undefined) continue;
      timestamps.push(table.startMs + i * table.periodMs);
      values.push(v);
    }
    return { timestamps, values };
  }

  /** The unit a metric's datapoints were published or simulated with, if known. */
  unitOf(metric: MetricId): StandardUnit | undefined {
    const model = this.simulated.get(metricKey(metric));
    if (model) return model.unit;
    const s = this.store.get(metric);
    return s && s.length > 0 ? unitFromCode(s.unit[s.length - 1]) : undefined;
  }

  /** Whether a metric was published with 1-second storage resolution. */
  isHighResolution(metric: MetricId): boolean {
    return this.store.get(metric)?.highResolution ?? false;
  }

  /**
   * The simulation's labeled incidents overlapping a range: ground truth for what the metrics show.
   * With `metrics`, only those whose effect shows in at least one of them (as the simulation's
   * catalog declares); a metric the simulation does not model shows none.
   */
  incidents(startMs: number, endMs: number, metrics?: readonly MetricId[]): Incident[] {
    if (!this.simulation) return [];
    const now = this.clock.now();
    const all = incidentsBetween(this.seedValue, startMs, Math.min(endMs, now)).filter(
      (i) => i.startMs <= now,
    );
    if (metrics === undefined) return all;
    const models = metrics.flatMap((m) => this.simulated.get(metricKey(m)) ?? []);
    return all.filter((i) => models.some((m) => incidentAffects(m, i)));
  }

  /** Counts for diagnostics and benchmarks. */
  stats(): { publishedSeries: number; storedDatapoints: number; simulatedSeries: number } {
    return {
      publishedSeries: this.store.size,
      storedDatapoints: this.store.datapointCount(),
      simulatedSeries: this.simulated.size,
    };
  }
}
