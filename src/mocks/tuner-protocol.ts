// Messages between the page and the alarm tuner's Web Worker, and the tuner's API in the engine's
// types (src/lib/alarm-tuner.ts mirrors it for the features; src/app checks that the two match).
import type {
  AlarmState,
  AlarmTransition,
  BacktestSeries,
  EvaluationConfig,
  GroundTruth,
  StateSpan,
  SweepResult,
  TuningSummary,
} from '../engine/index.ts';

/** A replay as the tuner hands it over: transitions, timeline and the per-slot classes. */
export interface TunerRunPayload {
  transitions: AlarmTransition[];
  timeline: StateSpan[];
  /** Per slot of the history: 0 missing, 1 not breaching, 2 breaching. */
  slotClass: Uint8Array;
}

export interface TunerRunOpts {
  graceMs: number;
  flapWindowMs?: number;
  initial?: AlarmState;
  reasons?: boolean;
}

export interface TunerSweepOpts {
  count?: number;
  min?: number;
  max?: number;
  datapointsToAlarm?: number[];
  graceMs?: number;
  flapWindowMs?: number;
}

/** The tuner in the engine's types: what `tuner-local` and the worker client implement. */
export interface EngineTuner {
  load(
    historyId: string,
    periodMs: number,
    series: BacktestSeries,
    startMs: number,
    endMs: number,
    lookbackSlots: number,
  ): Promise<{ firstSlotMs: number; slots: number }>;
  run(
    historyId: string,
    config: EvaluationConfig,
    truth: readonly GroundTruth[],
    opts: TunerRunOpts,
  ): Promise<{ run: TunerRunPayload; summary: TuningSummary }>;
  sweep(
    historyId: string,
    config: EvaluationConfig,
    truth: readonly GroundTruth[],
    opts?: TunerSweepOpts,
  ): Promise<SweepResult>;
  release(historyId: string): void;
}

/** A series crossing to the worker: typed arrays, their buffers transferred. */
export interface WireSeries {
  timestamps: Float64Array<ArrayBuffer>;
  values: Float64Array<ArrayBuffer>;
  lower?: Float64Array<ArrayBuffer>;
  upper?: Float64Array<ArrayBuffer>;
  sampleCounts?: Float64Array<ArrayBuffer>;
}

export type ToTuner =
  | {
      type: 'load';
      id: number;
      historyId: string;
      periodMs: number;
      series: WireSeries;
      startMs: number;
      endMs: number;
      lookbackSlots: number;
    }
  /** `seq` grows with every run (and every sweep): a newer one supersedes the pending older ones. */
  | {
      type: 'run';
      id: number;
      seq: number;
      historyId: string;
      config: EvaluationConfig;
      truth: GroundTruth[];
      opts: TunerRunOpts;
    }
  | {
      type: 'sweep';
      id: number;
      seq: number;
      historyId: string;
      config: EvaluationConfig;
      truth: GroundTruth[];
      opts: TunerSweepOpts;
    }
  | { type: 'release'; historyId: string };

export type FromTuner =
  | { type: 'loaded'; id: number; firstSlotMs: number; slots: number }
  | { type: 'ran'; id: number; run: TunerRunPayload; summary: TuningSummary }
  | { type: 'swept'; id: number; result: SweepResult }
  /** A newer request for the same history replaced this one before it ran. */
  | { type: 'superseded'; id: number }
  | { type: 'failed'; id: number; name: string; message: string };

const toArray = (a: ArrayLike<number> | undefined) => (a ? Float64Array.from(a) : undefined);
const fromArray = (a: Float64Array | undefined) => (a ? Array.from(a) : undefined);

/** A series as typed arrays, ready to transfer. */
export function toWireSeries(s: BacktestSeries): WireSeries {
  return {
    timestamps: Float64Array.from(s.timestamps),
    values: Float64Array.from(s.values),
    ...(s.lower ? { lower: toArray(s.lower) } : {}),
    ...(s.upper ? { upper: toArray(s.upper) } : {}),
    ...(s.sampleCounts ? { sampleCounts: toArray(s.sampleCounts) } : {}),
  };
}

/** The buffers of a wire series, to transfer. */
export function seriesTransferables(s: WireSeries): Transferable[] {
  return [s.timestamps, s.values, s.lower, s.upper, s.sampleCounts]
    .filter((a): a is Float64Array<ArrayBuffer> => a !== undefined)
    .map((a) => a.buffer);
}

/** A wire series back as the engine takes it. */
export function fromWireSeries(s: WireSeries): BacktestSeries {
  return {
    timestamps: Array.from(s.timestamps),
    values: Array.from(s.values),
    ...(s.lower ? { lower: fromArray(s.lower) } : {}),
    ...(s.upper ? { upper: fromArray(s.upper) } : {}),
    ...(s.sampleCounts ? { sampleCounts: fromArray(s.sampleCounts) } : {}),
  };
}

/** The error a superseded request rejects with: an AbortError, as an aborted fetch's. */
export function supersededError(): Error {
  return new DOMException('A newer request for this history replaced this one.', 'AbortError');
}

/** The engine's types the tuner speaks, for src/app to check that src/lib/alarm-tuner.ts mirrors them. */
export type {
  AlarmEpisode as EngineAlarmEpisode,
  EvaluationConfig as EngineTunerConfig,
  GroundTruth as EngineGroundTruth,
  IncidentOutcome as EngineIncidentOutcome,
  StateSpan as EngineStateSpan,
  SweepResult as EngineSweepResult,
  TuningSummary as EngineTuningSummary,
} from '../engine/index.ts';
