import { useEffect, useRef, useState } from 'react';
import { getTuner, isSupersededRun } from '../../../../lib/alarm-tuner.ts';
import type { TunerHistory } from '../../api/get-tuner-history.ts';

/** A history the tuner holds: replays name it by `historyId`. */
export interface LoadedHistory {
  historyId: string;
  history: TunerHistory;
  periodMs: number;
  /** The replay's range, [startMs, endMs). */
  startMs: number;
  endMs: number;
  /** Start of slot 0 of the period grid (lookback included) and the number of slots. */
  firstSlotMs: number;
  slots: number;
}

let nextHistory = 0;

/**
 * Loads fetched data into the tuner once per fetch (laid on the period grid there), and forgets it
 * when newer data has loaded or the panel goes away. The previous history stays usable until the
 * next one is in, so the lanes keep showing while a new period loads.
 */
export function useLoadedHistory(history: TunerHistory | undefined): {
  loaded: LoadedHistory | undefined;
  error: Error | undefined;
} {
  const [state, setState] = useState<{ loaded?: LoadedHistory; error?: Error }>({});
  const current = useRef<string | undefined>(undefined);

  useEffect(() => {
    if (!history) return;
    const { spec, startMs, endMs, lookbackSlots } = history.request;
    const periodMs = spec.periodS * 1000;
    const historyId = `tuner-history-${++nextHistory}`;
    let live = true;
    const tuner = getTuner();
    tuner
      .load(
        historyId,
        periodMs,
        {
          timestamps: history.timestamps,
          values: history.values,
          ...(history.lower ? { lower: history.lower } : {}),
          ...(history.upper ? { upper: history.upper } : {}),
          ...(history.sampleCounts ? { sampleCounts: history.sampleCounts } : {}),
        },
        startMs,
        endMs,
        lookbackSlots,
      )
      .then(
        (info) => {
          if (!live) {
            tuner.release(historyId);
            return;
          }
          const previous = current.current;
          current.current = historyId;
          setState({ loaded: { historyId, history, periodMs, startMs, endMs, ...info } });
          if (previous) tuner.release(previous);
        },
        (e: unknown) => {
          if (live && !isSupersededRun(e)) setState((s) => ({ ...s, error: asError(e) }));
        },
      );
    return () => {
      live = false;
    };
  }, [history]);

  useEffect(
    () => () => {
      if (current.current) getTuner().release(current.current);
      current.current = undefined;
    },
    [],
  );

  return { loaded: state.loaded, error: state.error };
}

export const asError = (e: unknown): Error => (e instanceof Error ? e : new Error(String(e)));
