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
export { DASHBOARD_PAGE_SIZE, DashboardStore } from './dashboards/store.ts';
export type {
  DashboardListOptions,
  DashboardPage,
  DashboardRecord,
  DashboardSnapshot,
} from './dashboards/store.ts';
export { validateDashboardBody } from './dashboards/validate.ts';
export type { DashboardProblem } from './dashboards/validate.ts';
export type { ClockSnapshot, ClockState, WallClock } from './clock.ts';
export type { Dimension, DimensionFilter, MetricId } from './metrics/identity.ts';
export { BASIC_STATS, parseStat, needsDistribution, statValue } from './metrics/statistics.ts';
export type { BasicStatName, Stat } from './metrics/statistics.ts';
export { STANDARD_UNITS, isStandardUnit } from './metrics/units.ts';
export type { StandardUnit } from './metrics/units.ts';
export type { BucketTable } from './metrics/bucket-table.ts';
export type { Incident, IncidentKind } from './simulation/workload.ts';
export * from './time.ts';
export type {
  Alarm,
  AlarmHistoryItem,
  AlarmMetricQuery,
  AlarmSnapshot,
  AnomalyDetector,
  CompositeAlarm,
  MetricAlarm,
  Notification,
  Topic,
} from './alarms/model.ts';
export { ACCOUNT_ID, alarmArn, topicArn } from './alarms/model.ts';
export {
  MAX_RULE_CHILDREN,
  MAX_RULE_ELEMENTS,
  MAX_RULE_LENGTH,
  evaluateAlarmRule,
  findCycle,
  formatAlarmRule,
  parseAlarmArn,
  parseAlarmRule,
  refName,
  ruleTree,
} from './alarms/composite-rule.ts';
export type {
  ChildAlarmState,
  FormatRuleOptions,
  ParseRuleResult,
  RuleError,
  RuleNode,
  RuleSpan,
  RuleTreeNode,
} from './alarms/composite-rule.ts';
export {
  initialSuppression,
  nextSuppression,
  runSuppression,
  suppressedBy,
  suppressedReason,
  suppressionDeadline,
} from './alarms/suppression.ts';
export type {
  ActionFiring,
  SuppressedBy,
  SuppressionConfig,
  SuppressionEvent,
  SuppressionPeriod,
  SuppressionState,
  SuppressionStep,
  SuppressionTimelineRow,
} from './alarms/suppression.ts';
export {
  assertValidConfig,
  evaluateAlarm,
  evaluationRangeSlots,
  isBandOperator,
  lowSampleThreshold,
} from './alarms/evaluate.ts';
export type {
  AlarmState,
  ComparisonOperator,
  Evaluation,
  EvaluationConfig,
  EvaluationInput,
  TreatMissingData,
  UsedDatapoint,
} from './alarms/evaluate.ts';
export { backtest, evaluationStepMs } from './alarms/backtest.ts';
export type { AlarmTransition, BacktestResult, BacktestSeries, StateSpan } from './alarms/backtest.ts';
export {
  DEFAULT_FLAP_WINDOW_MS,
  formatTuningDuration,
  prepareHistory,
  runPrepared,
  summarizeRun,
  sweepThresholds,
} from './alarms/tuning.ts';
export type {
  AlarmEpisode,
  GroundTruth,
  IncidentOutcome,
  PreparedHistory,
  RunOptions,
  SummaryOptions,
  SweepOptions,
  SweepPoint,
  SweepResult,
  TunedRun,
  TuningSummary,
  Verdict,
} from './alarms/tuning.ts';
export { stringifyReasonData } from './alarms/reason.ts';
export type { AlarmReasonData } from './alarms/reason.ts';
export { checkDataQueries, DataQueryError, getMetricDataResults } from './math/metric-data.ts';
export type { DataQuery, DataQueryMetricStat, MetricDataOptions, QueryResult } from './math/metric-data.ts';
export { MathError } from './math/math-error.ts';
export { anomalyBand, TRAINING_WINDOW_MS } from './anomaly/anomaly-band.ts';
export type { AnomalyBandOptions, TimeRange } from './anomaly/anomaly-band.ts';
export {
  AuditTrail,
  APP_ACCESS_KEY_ID,
  DEFAULT_APP_USER_NAME,
  DEFAULT_EVENTS_PER_DAY,
  MAX_EVENTS_PER_DAY,
  MIN_EVENTS_PER_DAY,
  SIMULATED_DAYS,
} from './trail/audit-trail.ts';
export type {
  StoredEvent,
  TrailDayGenerator,
  TrailEvent,
  TrailHost,
  TrailIdentity,
  TrailSettings,
} from './trail/audit-trail.ts';
export { TrailImportError } from './trail/import.ts';
export { deriveResources, formatEventTime, lookupUsername, parseEventTime } from './trail/derive.ts';
export { MULTI_VALUED_FIELDS, TRAIL_FIELDS } from './trail/model.ts';
export type {
  CloudTrailRecord,
  EventSummary,
  Facet,
  FacetValue,
  ImportRejection,
  ImportReport,
  TrailField,
  TrailOrigin,
  TrailPage,
  TrailQuery,
  TrailResource,
  TrailTerm,
  UserIdentity,
} from './trail/model.ts';
