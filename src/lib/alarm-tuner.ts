// The alarm tuner's channel: replays an alarm over a history it was loaded with, on every edit. The
// app registers a Web Worker-backed tuner (the page's main thread stays free while a threshold is
// dragged); tests register an in-process one. The types mirror the engine's (src/engine/alarms/
// tuning.ts), which features may not import: the registration in src/app checks they still match.

/** An alarm's state, as the evaluator produces it. */
export type TunerAlarmState = 'OK' | 'ALARM' | 'INSUFFICIENT_DATA';

/** PutMetricAlarm's ComparisonOperator. */
export type TunerComparisonOperator =
  | 'GreaterThanOrEqualToThreshold'
  | 'GreaterThanThreshold'
  | 'LessThanThreshold'
  | 'LessThanOrEqualToThreshold'
  | 'LessThanLowerOrGreaterThanUpperThreshold'
  | 'LessThanLowerThreshold'
  | 'GreaterThanUpperThreshold';

/** PutMetricAlarm's TreatMissingData. */
export type TunerTreatMissingData = 'missing' | 'ignore' | 'breaching' | 'notBreaching';

/** What the evaluator needs of an alarm (the engine's EvaluationConfig). */
export interface TunerConfig {
  periodMs: number;
  /** N. */
  evaluationPeriods: number;
  /** M, 1 ≤ M ≤ N. */
  datapointsToAlarm: number;
  comparisonOperator: TunerComparisonOperator;
  /** Required by the static operators, unused by the anomaly-band ones. */
  threshold?: number;
  treatMissingData: TunerTreatMissingData;
  /** AWS/DynamoDB always ignores missing data, whatever treatMissingData says. */
  namespace?: string;
  /** p of a percentile statistic as a fraction (p99 → 0.99), for EvaluateLowSampleCountPercentile. */
  percentile?: number;
  evaluateLowSampleCountPercentile?: 'evaluate' | 'ignore';
  /** StateReasonData's `statistic`; omit for metric-math alarms. */
  statisticLabel?: string;
}

/** One datapoint per period of the alarm, as GetMetricData returns for its Period and statistic. */
export interface TunerSeries {
  /** Period starts, epoch ms, ascending. */
  timestamps: number[];
  values: number[];
  /** The anomaly band at each timestamp, for the band operators. */
  lower?: number[];
  upper?: number[];
  sampleCounts?: number[];
}

/** A change of the alarm's state in the replay. */
export interface TunerTransition {
  atMs: number;
  from: TunerAlarmState;
  to: TunerAlarmState;
  reason: string;
}

/** A stretch of one state; a timeline's spans are contiguous. */
export interface TunerStateSpan {
  startMs: number;
  endMs: number;
  state: TunerAlarmState;
}

/** A labeled incident of the simulation: what the alarm should have caught. */
export interface GroundTruth {
  id: string;
  startMs: number;
  endMs: number;
  label: string;
}

/** One stretch in ALARM. */
export interface AlarmEpisode {
  startMs: number;
  endMs: number;
  /** The incident it overlaps, if any. */
  incidentId?: string;
  /** Started soon after the previous episode ended. */
  flap: boolean;
  /** Its time in ALARM outside every incident window. */
  outsideMs: number;
  /** It overlaps incident windows but stays in ALARM outside them longer than those windows last. */
  overstays: boolean;
}

/** Whether, and how fast, the alarm caught one incident. */
export interface IncidentOutcome {
  id: string;
  label: string;
  startMs: number;
  endMs: number;
  detected: boolean;
  /** First ALARM at or after the start minus the start; 0 if already in ALARM. */
  detectMs?: number;
}

/** The summary in plain words. */
export interface Verdict {
  tone: 'good' | 'noisy' | 'blind' | 'noisy-and-blind' | 'quiet' | 'untested';
  text: string;
}

/** What a replay amounts to. */
export interface TuningSummary {
  /** ALARM spans within the history. */
  episodes: AlarmEpisode[];
  alarmCount: number;
  /** Total time in ALARM. */
  alarmMs: number;
  longestMs: number;
  /** Episodes starting within the flap window after the previous one ended. */
  flaps: number;
  insufficientMs: number;
  incidents: IncidentOutcome[];
  detected: number;
  missed: number;
  meanDetectMs?: number;
  maxDetectMs?: number;
  /** Episodes overlapping no incident window [start, end + grace]. */
  falseAlarms: number;
  /** Episodes that overlap incident windows but stay in ALARM outside them longer than those windows last. */
  overstays: number;
  /** Time in ALARM outside every incident window. */
  alarmOutsideMs: number;
  verdict: Verdict;
}

/** One configuration of a sweep and what it would have done. */
export interface SweepPoint {
  threshold: number;
  datapointsToAlarm: number;
  alarmCount: number;
  falseAlarms: number;
  detected: number;
  missed: number;
  alarmMs: number;
  meanDetectMs?: number;
  /** As in {@link TuningSummary}. */
  overstays: number;
  alarmOutsideMs: number;
}

/** A sweep over thresholds (and M), and the value it proposes, if any. */
export interface SweepResult {
  /** Sorted by datapointsToAlarm, then threshold. */
  points: SweepPoint[];
  suggestion?: SweepPoint & { why: string };
  /** Why there is no suggestion. */
  noSuggestion?: string;
}

/** The history a tuner holds once loaded: the alarm's period grid. */
export interface TunerHistoryInfo {
  /** Start of slot 0 (the period grid of the series), epoch ms. */
  firstSlotMs: number;
  /** Number of periods on the grid, lookback included. */
  slots: number;
}

/** A replay of the alarm over a loaded history. */
export interface TunerRun {
  transitions: TunerTransition[];
  /** Contiguous spans covering the history's range. */
  timeline: TunerStateSpan[];
  /** Per slot of the history: 0 missing, 1 not breaching, 2 breaching. */
  slotClass: Uint8Array;
}

/** Options of {@link Tuner.run}. */
export interface TunerRunOptions {
  /** How long after an incident ends an ALARM still counts as catching it (pass N × period). */
  graceMs: number;
  /** An episode starting this soon after the previous one ended is a flap (default 30 minutes). */
  flapWindowMs?: number;
  /** The state the replay starts in (default INSUFFICIENT_DATA). */
  initial?: TunerAlarmState;
  /** Words for each transition (default true; false is faster and leaves them empty). */
  reasons?: boolean;
}

/** Options of {@link Tuner.sweep}. */
export interface TunerSweepOptions {
  /** Thresholds tried (default 200). */
  count?: number;
  /** Range of thresholds (default: the values' range). */
  min?: number;
  max?: number;
  /** Values of M tried (default the config's). */
  datapointsToAlarm?: number[];
  graceMs?: number;
  flapWindowMs?: number;
}

/**
 * Replays alarms over histories. A history is loaded once per `historyId` (laid on the alarm's period
 * grid); runs and sweeps then reuse it, so a threshold edit costs one pass of the evaluator.
 * Latest wins: a run for a history supersedes that history's pending runs, which reject with an
 * error that {@link isSupersededRun} recognizes (likewise for sweeps).
 */
export interface Tuner {
  /** Loads (or replaces) a history: the alarm's datapoints over [startMs, endMs) plus `lookbackSlots` periods before. */
  load(
    historyId: string,
    periodMs: number,
    series: TunerSeries,
    startMs: number,
    endMs: number,
    lookbackSlots: number,
  ): Promise<TunerHistoryInfo>;
  /** Replays `config` over a loaded history and sums it up against the ground truth. */
  run(
    historyId: string,
    config: TunerConfig,
    truth: readonly GroundTruth[],
    opts: TunerRunOptions,
  ): Promise<{ run: TunerRun; summary: TuningSummary }>;
  /** Tries many thresholds (static operators only) and proposes one. */
  sweep(
    historyId: string,
    config: TunerConfig,
    truth: readonly GroundTruth[],
    opts?: TunerSweepOptions,
  ): Promise<SweepResult>;
  /** Forgets a history; its pending runs are superseded. */
  release(historyId: string): void;
}

/** The `name` of the error a superseded run rejects with (as fetch's abort). */
export const SUPERSEDED_ERROR_NAME = 'AbortError';

/** Whether `e` is the rejection of a run or sweep that a newer one replaced: nothing to report. */
export function isSupersededRun(e: unknown): boolean {
  return typeof e === 'object' && e !== null && (e as { name?: unknown }).name === SUPERSEDED_ERROR_NAME;
}

let registered: Tuner | undefined;

/** The app (or a test setup) registers the tuner here; `undefined` unregisters it. */
export function registerTuner(t: Tuner | undefined): void {
  registered = t;
}

/** Whether a tuner is registered. */
export function hasTuner(): boolean {
  return registered !== undefined;
}

/** The registered tuner; throws when none is (the app registers one at start). */
export function getTuner(): Tuner {
  if (!registered) {
    throw new Error(
      'No alarm tuner is registered: the app registers one at start (src/app), tests in their setup file.',
    );
  }
  return registered;
}
