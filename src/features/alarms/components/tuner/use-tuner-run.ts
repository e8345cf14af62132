import { useEffect, useState } from 'react';
import {
  type GroundTruth,
  type TunerConfig,
  type TunerRun,
  type TuningSummary,
  getTuner,
  isSupersededRun,
} from '../../../../lib/alarm-tuner.ts';
import { graceMs } from '../../model/tuner-config.ts';
import type { TunerScheduler } from '../../model/tuner-scheduler.ts';
import { type LoadedHistory, asError } from './use-loaded-history.ts';

/** A replay of one configuration over one loaded history, and what it amounts to. */
export interface ReplayResult {
  key: string;
  loaded: LoadedHistory;
  config: TunerConfig;
  run: TunerRun;
  summary: TuningSummary;
  /** How long the tuner took, request to answer (worker messaging included). */
  elapsedMs: number;
}

/** What to replay: a configuration over a loaded history, judged against the ground truth. */
export interface ReplayRequest {
  loaded: LoadedHistory;
  config: TunerConfig;
  truth: readonly GroundTruth[];
}

/** Identifies a request: equal keys give equal replays. */
export const replayKey = (r: ReplayRequest): string =>
  `${r.loaded.historyId}|${JSON.stringify(r.config)}|${r.truth.map((t) => t.id).join(',')}`;

/**
 * The replay of `request`, asked of the tuner through `scheduler` as the latest of `kind`: edits
 * faster than the tuner answers are coalesced, and the last answer stays on screen until the next.
 * `current` says whether the answer is for the request as it is now.
 */
export function useTunerRun(
  scheduler: TunerScheduler,
  kind: string,
  request: ReplayRequest | undefined,
): { result: ReplayResult | undefined; current: boolean; error: Error | undefined } {
  const [state, setState] = useState<{ result?: ReplayResult; error?: { key: string; error: Error } }>({});
  const key = request ? replayKey(request) : '';

  useEffect(() => {
    if (!request) return;
    const { loaded, config, truth } = request;
    let startedMs = 0;
    scheduler.schedule(kind, {
      run: () => {
        startedMs = performance.now();
        return getTuner().run(loaded.historyId, config, truth, { graceMs: graceMs(config) });
      },
      done: ({ run, summary }) =>
        setState({ result: { key, loaded, config, run, summary, elapsedMs: performance.now() - startedMs } }),
      fail: (e) => {
        if (!isSupersededRun(e)) setState((s) => ({ ...s, error: { key, error: asError(e) } }));
      },
    });
    // The request is named by its key: a new object with the same key asks for nothing new.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [scheduler, kind, key]);

  return {
    result: state.result,
    current: state.result?.key === key,
    error: state.error?.key === key ? state.error.error : undefined,
  };
}
