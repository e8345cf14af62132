// How far back the tuner replays an alarm, and which of those histories CloudWatch can still serve at
// the alarm's period. CloudWatch keeps 1-second data for 3 hours, 1-minute data for 15 days, 5-minute
// data for 63 days and 1-hour data for 15 months; older than that, a finer period returns nothing
// (GetMetricData, "Amazon CloudWatch retains metric data as follows").
// https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_GetMetricData.html

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;

/** The histories the picker offers. */
export type HistoryId = '2h' | '1d' | '3d' | '7d' | '14d' | '30d' | '90d';

export interface HistoryChoice {
  id: HistoryId;
  label: string;
  durationMs: number;
}

/**
 * 1 day to 90 days; for 10-, 20- and 30-second periods, whose data CloudWatch keeps 3 hours, 2 hours
 * (which leaves room for the periods before it that the first evaluations read).
 */
export const HISTORY_CHOICES: readonly HistoryChoice[] = [
  { id: '2h', label: '2 hours', durationMs: 2 * HOUR_MS },
  { id: '1d', label: '1 day', durationMs: DAY_MS },
  { id: '3d', label: '3 days', durationMs: 3 * DAY_MS },
  { id: '7d', label: '7 days', durationMs: 7 * DAY_MS },
  { id: '14d', label: '14 days', durationMs: 14 * DAY_MS },
  { id: '30d', label: '30 days', durationMs: 30 * DAY_MS },
  { id: '90d', label: '90 days', durationMs: 90 * DAY_MS },
];

/** The history a new tuner starts with, when the period allows it. */
export const DEFAULT_HISTORY: HistoryId = '7d';

export function isHistoryId(text: string): text is HistoryId {
  return HISTORY_CHOICES.some((c) => c.id === text);
}

/** One tier of CloudWatch's retention: data older than 3 h, 15 d, 63 d comes at coarser periods. */
interface RetentionTier {
  /** Data up to this age… */
  maxAgeMs: number;
  /** …is kept at this period (any multiple of it can be requested). */
  periodS: number;
  /** How a person says that tier. */
  resolution: string;
  keptFor: string;
}

const RETENTION: readonly RetentionTier[] = [
  { maxAgeMs: 3 * HOUR_MS, periodS: 1, resolution: 'sub-minute', keptFor: '3 hours' },
  { maxAgeMs: 15 * DAY_MS, periodS: 60, resolution: '1-minute', keptFor: '15 days' },
  { maxAgeMs: 63 * DAY_MS, periodS: 300, resolution: '5-minute', keptFor: '63 days' },
  { maxAgeMs: 455 * DAY_MS, periodS: 3600, resolution: '1-hour', keptFor: '15 months' },
];

/** The tier that serves data `ageMs` old (boundaries inclusive, as GetMetricData's rules). */
function tierFor(ageMs: number): RetentionTier | undefined {
  return RETENTION.find((t) => ageMs <= t.maxAgeMs);
}

/**
 * The periods fetched before the history, so the first evaluations read a full window: the evaluator
 * looks at the last N + 2 periods (N + 1 for periods over half a day). Rounded up to a power of two
 * (at least 16), so that editing N rarely changes what is fetched.
 */
export function lookbackSlots(evaluationPeriods: number, periodS: number): number {
  const n = Number.isInteger(evaluationPeriods) && evaluationPeriods >= 1 ? evaluationPeriods : 1;
  const needed = n + (periodS * 2 <= 86_400 ? 2 : 1);
  return Math.max(16, 2 ** Math.ceil(Math.log2(needed)));
}

const periodLabel = (s: number): string => {
  if (s % 3600 === 0) return s === 3600 ? '1 hour' : `${s / 3600} hours`;
  if (s % 60 === 0) return s === 60 ? '1 minute' : `${s / 60} minutes`;
  return `${s} seconds`;
};

/**
 * Why `periodS` cannot look back `durationMs` (plus the lookback): the oldest datapoint needed is
 * older than CloudWatch keeps data at that period. Undefined when it can.
 */
export function retentionProblem(
  periodS: number,
  durationMs: number,
  lookback: number,
  choiceLabel: string,
): string | undefined {
  const ageMs = durationMs + lookback * periodS * 1000;
  const tier = tierFor(ageMs);
  const needs =
    tierFor(durationMs) === tier ? choiceLabel : `${choiceLabel} and the ${lookback} periods before it`;
  if (!tier) return `CloudWatch keeps metric data for 15 months; ${choiceLabel} is beyond it.`;
  if (periodS % tier.periodS === 0) return undefined;
  const finer = RETENTION.slice()
    .reverse()
    .find((t) => periodS % t.periodS === 0);
  const what = finer
    ? `CloudWatch keeps ${finer.resolution} data for ${finer.keptFor}`
    : `CloudWatch keeps data at a ${periodLabel(periodS)} period for a short time`;
  return `${what}: ${needs} need${needs === choiceLabel ? 's' : ''} a period that is a multiple of ${periodLabel(tier.periodS)}.`;
}

/** A choice of the picker, with why it is unavailable at this period. */
export interface HistoryOption extends HistoryChoice {
  disabledReason?: string;
}

/**
 * The picker's options for an alarm with this period and N: 1 day to 90 days (2 hours first for
 * sub-minute periods), each disabled with the reason when CloudWatch no longer has the data.
 */
export function historyOptions(periodS: number, evaluationPeriods: number): HistoryOption[] {
  const lookback = lookbackSlots(evaluationPeriods, periodS);
  return HISTORY_CHOICES.filter((c) => c.id !== '2h' || periodS < 60).map((c) => {
    const problem = retentionProblem(periodS, c.durationMs, lookback, c.label);
    return problem ? { ...c, disabledReason: problem } : { ...c };
  });
}

/**
 * The history to show for `wanted`: itself when available, else the longest available one shorter
 * than it (or the shortest available). Undefined when none is.
 */
export function effectiveHistory(
  wanted: HistoryId,
  options: readonly HistoryOption[],
): HistoryOption | undefined {
  const available = options.filter((o) => !o.disabledReason);
  const chosen = available.find((o) => o.id === wanted);
  if (chosen) return chosen;
  const wantedMs = HISTORY_CHOICES.find((c) => c.id === wanted)?.durationMs ?? 0;
  const shorter = available.filter((o) => o.durationMs < wantedMs);
  return shorter.at(-1) ?? available[0];
}

/** The instants of one replay. */
export interface HistoryWindow {
  /** The replay, [startMs, endMs): its first evaluation is at startMs. */
  startMs: number;
  endMs: number;
  /** Where the data request starts: `lookback` periods before startMs. */
  fetchStartMs: number;
}

/**
 * The replay window ending at `nowMs` (down to the minute, where evaluations happen), starting
 * `durationMs` earlier on the period grid, with the lookback periods before it to fetch.
 */
export function historyWindow(
  nowMs: number,
  durationMs: number,
  periodS: number,
  lookback: number,
): HistoryWindow {
  const periodMs = periodS * 1000;
  const step = periodS < 60 ? 10_000 : MINUTE_MS;
  const endMs = Math.floor(nowMs / step) * step;
  const startMs = Math.floor((endMs - durationMs) / periodMs) * periodMs;
  return { startMs, endMs, fetchStartMs: startMs - lookback * periodMs };
}

/** GetMetricData returns at most this many datapoints per call; more come with NextToken. */
export const DATAPOINTS_PER_CALL = 100_800;

/**
 * The request split into time chunks, each under the per-call limit for `series` returned series:
 * math expressions return no NextToken, so a long history is asked for in pieces instead.
 */
export function fetchChunks(
  startMs: number,
  endMs: number,
  periodS: number,
  series: number,
): { startMs: number; endMs: number }[] {
  const periodMs = periodS * 1000;
  const perChunk = Math.max(1, Math.floor(DATAPOINTS_PER_CALL / Math.max(1, series))) * periodMs;
  const chunks: { startMs: number; endMs: number }[] = [];
  for (let s = startMs; s < endMs; s += perChunk)
    chunks.push({ startMs: s, endMs: Math.min(endMs, s + perChunk) });
  return chunks;
}
