/**
 * Alarm tuning: replays a configuration over a prepared history (the backtest, so the one evaluator),
 * judges the result against labeled incidents, and sweeps the threshold for a suggestion. AWS defines
 * none of the figures below; their definitions are Watchtrail's and the tuner's help repeats them.
 */
import {
  type BacktestResult,
  type PreparedFacts,
  type PreparedHistory,
  type Replay,
  prepareFacts,
  rejudgeFacts,
  replay,
  timelineOf,
} from './backtest.ts';
import { type EvaluationConfig, assertValidConfig, isBandOperator } from './evaluate.ts';

export { prepareHistory, runPrepared } from './backtest.ts';
export type { PreparedHistory, RunOptions, TunedRun } from './backtest.ts';

/** A labeled incident the alarm should catch (the simulation's incidents, or the user's own). */
export interface GroundTruth {
  id: string;
  startMs: number;
  endMs: number;
  label: string;
}

/** An episode: a maximal span in ALARM, clipped to the summarized range. */
export interface AlarmEpisode {
  startMs: number;
  endMs: number;
  /** The first incident (by start) whose window [start, end + grace] the episode overlaps. */
  incidentId?: string;
  /** It started less than the flap window after the previous episode ended. */
  flap: boolean;
  /** Its time in ALARM outside every incident window. */
  outsideMs: number;
  /**
   * It overlaps incident windows but stays in ALARM outside them longer than those windows last: an
   * alarm that stays on catches every incident, which says nothing.
   */
  overstays: boolean;
}

export interface IncidentOutcome {
  id: string;
  label: string;
  startMs: number;
  endMs: number;
  /** Some episode overlaps the incident's window [start, end + grace]. */
  detected: boolean;
  /** The first such episode's start minus the incident's start; 0 if already in ALARM when it began. */
  detectMs?: number;
}

export interface Verdict {
  tone: 'good' | 'noisy' | 'blind' | 'noisy-and-blind' | 'quiet' | 'untested';
  text: string;
}

export interface TuningSummary {
  /** ALARM episodes within [startMs, endMs), oldest first. */
  episodes: AlarmEpisode[];
  alarmCount: number;
  /** Total time in ALARM. */
  alarmMs: number;
  longestMs: number;
  /** Episodes starting less than the flap window after the previous one ended. */
  flaps: number;
  /** Total time in INSUFFICIENT_DATA. */
  insufficientMs: number;
  /** The labeled incidents overlapping the range, oldest first. */
  incidents: IncidentOutcome[];
  detected: number;
  missed: number;
  /** Over the detected incidents. */
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

/** Back in ALARM within 30 minutes of recovering counts as a flap. */
export const DEFAULT_FLAP_WINDOW_MS = 30 * 60_000;

export interface SummaryOptions {
  startMs: number;
  endMs: number;
  /**
   * How long after an incident ends an alarm still counts as catching it: an alarm needs up to N
   * periods to see the incident's datapoints, so callers pass N × period.
   */
  graceMs: number;
  flapWindowMs?: number;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** A duration in words: "45 s", "4 min", "2 h 5 min", "3 d 4 h". */
export function formatTuningDuration(ms: number): string {
  const s = Math.round(ms / 1000);
  if (s < 60) return `${s} s`;
  const min = Math.round(s / 60);
  if (min < 60) return `${min} min`;
  const h = Math.floor(min / 60);
  if (h < 24) return min % 60 === 0 ? `${h} h` : `${h} h ${min % 60} min`;
  const d = Math.floor(h / 24);
  return h % 24 === 0 ? `${d} d` : `${d} d ${h % 24} h`;
}

function verdictOf(s: Omit<TuningSummary, 'verdict'>): Verdict {
  const total = s.incidents.length;
  const alarms = plural(s.alarmCount, 'alarm');
  if (total === 0) {
    return s.alarmCount === 0
      ? { tone: 'quiet', text: 'Quiet: no alarms and no labeled incidents in this history.' }
      : {
          tone: 'untested',
          text: `Untested: ${alarms}, but no labeled incidents in this history to judge ${s.alarmCount === 1 ? 'it' : 'them'} against.`,
        };
  }
  const noise: string[] = [];
  if (s.falseAlarms > 0) noise.push(`${alarms}, ${s.falseAlarms} outside incidents`);
  if (s.overstays > 0)
    noise.push(`stays in ALARM ${formatTuningDuration(s.alarmOutsideMs)} outside incidents`);
  const incidents = plural(total, 'incident');
  if (s.missed > 0 && noise.length > 0) {
    return {
      tone: 'noisy-and-blind',
      text: `Noisy and blind: misses ${s.missed} of ${incidents}; ${noise.join('; ')}.`,
    };
  }
  if (s.missed > 0) {
    const none = s.alarmCount === 0 ? ' No alarms in this history.' : '';
    return { tone: 'blind', text: `Misses ${s.missed} of ${incidents}.${none}` };
  }
  const speed =
    s.meanDetectMs === undefined ? '' : `; detects in ${formatTuningDuration(s.meanDetectMs)} on average`;
  if (noise.length > 0) {
    return {
      tone: 'noisy',
      text: `Noisy: ${noise.join('; ')}. Catches ${s.detected} of ${incidents}${speed}.`,
    };
  }
  return { tone: 'good', text: `Caught ${s.detected} of ${incidents}, no false alarms${speed}.` };
}

/** The first index of a sorted-by-time list of episodes whose end is after `ms`. */
function firstEndingAfter(episodes: readonly AlarmEpisode[], ms: number): number {
  let lo = 0;
  let hi = episodes.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (episodes[mid].endMs > ms) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** The union of the incidents' windows [start, end + grace], as disjoint spans in time order. */
function windowUnion(incidents: readonly IncidentOutcome[], graceMs: number): [number, number][] {
  const out: [number, number][] = [];
  for (const inc of incidents) {
    const last = out.at(-1);
    const end = inc.endMs + graceMs;
    if (last && inc.startMs <= last[1]) last[1] = Math.max(last[1], end);
    else out.push([inc.startMs, end]);
  }
  return out;
}

/**
 * Summarizes a run over [startMs, endMs) against labeled incidents. An episode is a maximal ALARM
 * span; a flap is an episode starting less than `flapWindowMs` after the previous one ended; an
 * incident is detected when an episode overlaps [incident start, incident end + graceMs], and its
 * time to detect is max(0, episode start − incident start) for the first such episode; a false
 * alarm is an episode overlapping no incident's window; an episode overstays when it overlaps
 * incident windows but stays in ALARM outside them longer than those windows last. Incidents
 * outside the range are left out.
 */
export function summarizeRun(
  run: BacktestResult,
  truth: readonly GroundTruth[],
  opts: SummaryOptions,
): TuningSummary {
  const { startMs, endMs, graceMs } = opts;
  const flapWindowMs = opts.flapWindowMs ?? DEFAULT_FLAP_WINDOW_MS;
  const episodes: AlarmEpisode[] = [];
  let alarmMs = 0;
  let longestMs = 0;
  let insufficientMs = 0;
  let flaps = 0;
  for (const span of run.timeline) {
    const s = Math.max(span.startMs, startMs);
    const e = Math.min(span.endMs, endMs);
    if (e <= s) continue;
    if (span.state === 'INSUFFICIENT_DATA') insufficientMs += e - s;
    if (span.state !== 'ALARM') continue;
    alarmMs += e - s;
    const prev = episodes.at(-1);
    if (prev && prev.endMs === s) {
      prev.endMs = e;
      longestMs = Math.max(longestMs, e - prev.startMs);
      continue;
    }
    const flap = prev !== undefined && s - prev.endMs < flapWindowMs;
    if (flap) flaps++;
    episodes.push({ startMs: s, endMs: e, flap, outsideMs: 0, overstays: false });
    longestMs = Math.max(longestMs, e - s);
  }

  const incidents: IncidentOutcome[] = truth
    .filter((t) => t.endMs > startMs && t.startMs < endMs)
    .sort((a, b) => a.startMs - b.startMs || a.endMs - b.endMs)
    .map((t) => ({ id: t.id, label: t.label, startMs: t.startMs, endMs: t.endMs, detected: false }));
  let detected = 0;
  let detectSum = 0;
  let maxDetectMs: number | undefined;
  for (const inc of incidents) {
    const windowEnd = inc.endMs + graceMs;
    for (let k = firstEndingAfter(episodes, inc.startMs); k < episodes.length; k++) {
      const ep = episodes[k];
      if (ep.startMs > windowEnd) break;
      ep.incidentId ??= inc.id;
      if (inc.detected) continue;
      inc.detected = true;
      inc.detectMs = Math.max(0, ep.startMs - inc.startMs);
      detected++;
      detectSum += inc.detectMs;
      maxDetectMs = Math.max(maxDetectMs ?? 0, inc.detectMs);
    }
  }

  // Time outside the windows: both lists are in time order, the windows disjoint.
  const windows = windowUnion(incidents, graceMs);
  let falseAlarms = 0;
  let overstays = 0;
  let alarmOutsideMs = 0;
  let w = 0;
  for (const ep of episodes) {
    while (w < windows.length && windows[w][1] <= ep.startMs) w++;
    let inside = 0;
    let overlapped = 0;
    for (let k = w; k < windows.length && windows[k][0] < ep.endMs; k++) {
      inside += Math.min(ep.endMs, windows[k][1]) - Math.max(ep.startMs, windows[k][0]);
      overlapped += windows[k][1] - windows[k][0];
    }
    ep.outsideMs = ep.endMs - ep.startMs - inside;
    alarmOutsideMs += ep.outsideMs;
    if (ep.incidentId === undefined) falseAlarms++;
    else if (ep.outsideMs > overlapped) {
      ep.overstays = true;
      overstays++;
    }
  }

  const summary: Omit<TuningSummary, 'verdict'> = {
    episodes,
    alarmCount: episodes.length,
    alarmMs,
    longestMs,
    flaps,
    insufficientMs,
    incidents,
    detected,
    missed: incidents.length - detected,
    meanDetectMs: detected > 0 ? detectSum / detected : undefined,
    maxDetectMs,
    falseAlarms,
    overstays,
    alarmOutsideMs,
  };
  return { ...summary, verdict: verdictOf(summary) };
}

export interface SweepPoint {
  threshold: number;
  datapointsToAlarm: number;
  alarmCount: number;
  falseAlarms: number;
  detected: number;
  missed: number;
  alarmMs: number;
  meanDetectMs?: number;
  /** See {@link TuningSummary}. */
  overstays: number;
  alarmOutsideMs: number;
}

export interface SweepResult {
  /** Sorted by datapointsToAlarm, then threshold. */
  points: SweepPoint[];
  suggestion?: SweepPoint & { why: string };
  /** Why there is no suggestion. */
  noSuggestion?: string;
}

export interface SweepOptions {
  /** Thresholds evenly spaced over [min, max]: 200 by default. */
  count?: number;
  /** The range swept; the history's smallest and largest datapoints by default. */
  min?: number;
  max?: number;
  /** The values of M to try (each 1..N); the configuration's own by default. */
  datapointsToAlarm?: number[];
  /** N × period by default. */
  graceMs?: number;
  flapWindowMs?: number;
}

/** Rounds to a tenth of the sweep's step (to its order of magnitude), so suggestions read well. */
function roundToStep(x: number, step: number): number {
  if (!(step > 0)) return x;
  const unit = Math.pow(10, Math.floor(Math.log10(step)) - 1);
  return Number((Math.round(x / unit) * unit).toPrecision(15));
}

/** The thresholds of a sweep, ascending and distinct. */
function sweepThresholdValues(h: PreparedHistory, opts: SweepOptions): number[] {
  const count = opts.count ?? 200;
  if (!Number.isInteger(count) || count < 1)
    throw new RangeError(`count must be an integer ≥ 1, not ${count}`);
  let lo = opts.min ?? Infinity;
  let hi = opts.max ?? -Infinity;
  if (opts.min === undefined || opts.max === undefined) {
    for (const v of h.values) {
      if (!Number.isFinite(v)) continue;
      if (opts.min === undefined && v < lo) lo = v;
      if (opts.max === undefined && v > hi) hi = v;
    }
  }
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) return [];
  if (lo > hi) [lo, hi] = [hi, lo];
  if (count === 1 || lo === hi) return [lo];
  const step = (hi - lo) / (count - 1);
  const out: number[] = [];
  for (let i = 0; i < count; i++) {
    const t = roundToStep(i === count - 1 ? hi : lo + i * step, step);
    if (out.length === 0 || t > out[out.length - 1]) out.push(t);
  }
  return out;
}

/**
 * Better first: more incidents caught, less noise (false alarms and overstays), less time in ALARM
 * outside incidents, faster detection, fewer episodes (no flapping through an incident).
 */
function compareCandidates(a: SweepPoint, b: SweepPoint): number {
  return (
    b.detected - a.detected ||
    a.falseAlarms + a.overstays - (b.falseAlarms + b.overstays) ||
    a.alarmOutsideMs - b.alarmOutsideMs ||
    (a.meanDetectMs ?? Infinity) - (b.meanDetectMs ?? Infinity) ||
    a.alarmCount - b.alarmCount
  );
}

/**
 * The best of the candidates; among equally good ones, the middle of the widest run of neighbouring
 * thresholds (the most margin on both sides), then the run nearest the current threshold, then the
 * smaller M. `points` are sorted by M, then threshold.
 */
function pickSuggestion(
  points: readonly SweepPoint[],
  isCandidate: (p: SweepPoint) => boolean,
  current: number | undefined,
): SweepPoint | undefined {
  let best: SweepPoint | undefined;
  for (const p of points) if (isCandidate(p) && (!best || compareCandidates(p, best) < 0)) best = p;
  if (!best) return undefined;
  const top = best;
  const equal = (p: SweepPoint) => isCandidate(p) && compareCandidates(p, top) === 0;
  let pick = top;
  let pickWidth = 0;
  for (let i = 0; i < points.length;) {
    if (!equal(points[i])) {
      i++;
      continue;
    }
    let j = i;
    while (
      j + 1 < points.length &&
      points[j + 1].datapointsToAlarm === points[i].datapointsToAlarm &&
      equal(points[j + 1])
    )
      j++;
    const middle = points[(i + j) >> 1];
    const width = j - i + 1;
    const distance = (p: SweepPoint) => (current === undefined ? 0 : Math.abs(p.threshold - current));
    if (width > pickWidth || (width === pickWidth && distance(middle) < distance(pick))) {
      pick = middle;
      pickWidth = width;
    }
    i = j + 1;
  }
  return pick;
}

function whyOf(best: SweepPoint, total: number, overstayingCatchMore: boolean): string {
  const alarms = plural(best.falseAlarms, 'false alarm');
  const speed =
    best.meanDetectMs === undefined
      ? ''
      : `; detects in ${formatTuningDuration(best.meanDetectMs)} on average`;
  const labeled = plural(total, 'labeled incident');
  if (best.detected === total)
    return `Catches all ${labeled} with ${alarms}, the fewest of the thresholds that catch them all${speed}.`;
  const without = overstayingCatchMore ? ' without staying in ALARM long after them' : '';
  return `No threshold catches all ${labeled}${without}; this one catches ${best.detected} with ${alarms}, the fewest of those catching ${best.detected}${speed}.`;
}

/**
 * Replays the configuration at `count` thresholds (and each given M) over the history and proposes
 * the one that catches every labeled incident (or, if none does, the most) with the fewest false
 * alarms; ties go to less time in ALARM outside incidents, faster mean detection, fewer episodes,
 * then the middle of the widest run of equally good thresholds. Thresholds at which an episode
 * overstays (see {@link AlarmEpisode}) are proposed only when no other catches anything: an alarm
 * that stays on catches every incident. Static operators only: band alarms have no threshold to sweep.
 */
export function sweepThresholds(
  config: EvaluationConfig,
  h: PreparedHistory,
  truth: readonly GroundTruth[],
  opts: SweepOptions = {},
): SweepResult {
  if (isBandOperator(config.comparisonOperator))
    throw new RangeError('The sweep applies to static thresholds.');
  const ms = [...new Set(opts.datapointsToAlarm ?? [config.datapointsToAlarm])].sort((a, b) => a - b);
  for (const m of ms)
    assertValidConfig({ ...config, threshold: config.threshold ?? 0, datapointsToAlarm: m });
  const graceMs = opts.graceMs ?? config.evaluationPeriods * config.periodMs;
  const summaryOpts: SummaryOptions = {
    startMs: h.startMs,
    endMs: h.endMs,
    graceMs,
    flapWindowMs: opts.flapWindowMs,
  };
  const initial = 'INSUFFICIENT_DATA';
  const thresholds = sweepThresholdValues(h, opts);
  const byM = ms.map(() => [] as SweepPoint[]);
  let incidentCount = 0;
  // Slot facts depend on the threshold, not on M; a new threshold only re-judges the breaches, and
  // each M's replay reuses its replay at the previous threshold outside the windows that changed.
  let pf: PreparedFacts | undefined;
  let changed: Int32Array | undefined;
  const previous: (Replay | undefined)[] = ms.map(() => undefined);
  for (const threshold of thresholds) {
    let changedCount = 0;
    if (pf && changed) changedCount = rejudgeFacts({ ...config, threshold }, pf, changed);
    else {
      pf = prepareFacts({ ...config, threshold }, h);
      changed = new Int32Array(pf.facts.size);
    }
    for (let k = 0; k < ms.length; k++) {
      const c = { ...config, threshold, datapointsToAlarm: ms[k] };
      const before = previous[k];
      const r = replay(c, h, pf, initial, false, before && { previous: before, changed, changedCount });
      previous[k] = r;
      const run = {
        transitions: r.transitions,
        timeline: timelineOf(r.transitions, h.startMs, h.endMs, initial),
      };
      const s = summarizeRun(run, truth, summaryOpts);
      incidentCount = s.incidents.length;
      byM[k].push({
        threshold,
        datapointsToAlarm: ms[k],
        alarmCount: s.alarmCount,
        falseAlarms: s.falseAlarms,
        detected: s.detected,
        missed: s.missed,
        alarmMs: s.alarmMs,
        meanDetectMs: s.meanDetectMs,
        overstays: s.overstays,
        alarmOutsideMs: s.alarmOutsideMs,
      });
    }
  }
  const points = byM.flat();
  if (points.length === 0) return { points, noSuggestion: 'No datapoints in this history to sweep over.' };
  if (incidentCount === 0)
    return { points, noSuggestion: 'No labeled incidents in this history: nothing to tune against.' };
  // An overstaying alarm catches incidents by staying on: proposed only when nothing else catches any.
  const best =
    pickSuggestion(points, (p) => p.overstays === 0 && p.detected > 0, config.threshold) ??
    pickSuggestion(points, () => true, config.threshold) ??
    points[0];
  if (best.detected === 0) {
    return {
      points,
      noSuggestion: `No threshold from ${thresholds[0]} to ${thresholds[thresholds.length - 1]} catches any of the ${plural(incidentCount, 'labeled incident')}.`,
    };
  }
  return {
    points,
    suggestion: {
      ...best,
      why: whyOf(
        best,
        incidentCount,
        points.some((p) => p.detected > best.detected),
      ),
    },
  };
}
