/** The engine's public entry point: everything outside src/engine/ imports from here. */
export { Engine, DEFAULT_SEED } from './engine.ts';
export type {
  ClockUpdate,
  EngineEvent,
  EngineOptions,
  ListMetricsInput,
  MetricDatumInput,
  MetricQuery,
  MetricSeries,
  PutMetricDataInput,
} from './engine.ts';
export { CLOCK_SPEEDS } from './clock.ts';
export type { ClockSnapshot, ClockState, WallClock } from './clock.ts';
export type { Dimension, DimensionFilter, MetricId } from './metrics/identity.ts';
export { BASIC_STATS, parseStat, needsDistribution, statValue } from './metrics/statistics.ts';
export type { BasicStatName, Stat } from './metrics/statistics.ts';
export { STANDARD_UNITS, isStandardUnit } from './metrics/units.ts';
export type { StandardUnit } from './metrics/units.ts';
export type { BucketTable } from './metrics/bucket-table.ts';
export type { Incident, IncidentKind } from './simulation/workload.ts';
export * from './time.ts';
