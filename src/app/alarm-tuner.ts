// The app's alarm tuner: a Web Worker that replays alarms over the history the tuner panel fetched.
// It needs no engine state (only GetMetricData's answers), so it serves the embedded engine and a
// remote endpoint alike; the worker starts on the first request.
import {
  type AlarmEpisode,
  type GroundTruth,
  type IncidentOutcome,
  type SweepResult,
  type Tuner,
  type TunerConfig,
  type TunerStateSpan,
  type TuningSummary,
  registerTuner,
} from '../lib/alarm-tuner.ts';
import { createWorkerTuner } from '../mocks/tuner-client.ts';
import type {
  EngineAlarmEpisode,
  EngineGroundTruth,
  EngineIncidentOutcome,
  EngineStateSpan,
  EngineSweepResult,
  EngineTunerConfig,
  EngineTuningSummary,
} from '../mocks/tuner-protocol.ts';

// src/lib/alarm-tuner.ts mirrors the engine's types (features may not import the engine): these fail
// to compile when the two drift apart.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const mirrors: [
  Same<TunerConfig, EngineTunerConfig>,
  Same<GroundTruth, EngineGroundTruth>,
  Same<TunerStateSpan, EngineStateSpan>,
  Same<AlarmEpisode, EngineAlarmEpisode>,
  Same<IncidentOutcome, EngineIncidentOutcome>,
  Same<TuningSummary, EngineTuningSummary>,
  Same<SweepResult, EngineSweepResult>,
] = [true, true, true, true, true, true, true];
void mirrors;

/** Registers the worker-backed tuner (the worker itself starts when first asked). */
export function registerWorkerTuner(): void {
  const tuner: Tuner = createWorkerTuner();
  registerTuner(tuner);
}
