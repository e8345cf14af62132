import { type ReactNode, useId, useState } from 'react';
import { TradeoffChart } from '../../../../components/charts/tradeoff-chart.tsx';
import {
  type GroundTruth,
  type SweepResult,
  type TunerConfig,
  getTuner,
  isSupersededRun,
} from '../../../../lib/alarm-tuner.ts';
import type { AlarmDraft } from '../../model/alarm-draft.ts';
import { graceMs } from '../../model/tuner-config.ts';
import { formatCount, formatSpan } from '../../model/tuner-format.ts';
import type { TunerScheduler } from '../../model/tuner-scheduler.ts';
import { buttonClass, primaryButtonClass } from '../../../../components/button-styles.ts';
import { type LoadedHistory, asError } from './use-loaded-history.ts';

/** Props of {@link TunerSuggest}. */
export interface TunerSuggestProps {
  /** The form's draft: the sweep starts from its configuration. */
  draft: AlarmDraft;
  /** The draft's evaluation configuration, undefined while a condition field has an error. */
  config: TunerConfig | undefined;
  loaded: LoadedHistory | undefined;
  truth: readonly GroundTruth[];
  /** Whether labeled incidents can be had at all (control endpoints). */
  truthAvailable: boolean;
  scheduler: TunerScheduler;
  /** Fills the form with the suggestion. */
  onUse: (patch: Partial<AlarmDraft>) => void;
}

/** Thresholds tried per sweep. */
const SWEEP_COUNT = 200;
/** At most this many values of M are tried, spread over 1..N. */
const MAX_M_VALUES = 10;

/** 1..N, or MAX_M_VALUES values spread over it (1 and N included). */
export function mValues(n: number): number[] {
  if (n <= MAX_M_VALUES) return Array.from({ length: n }, (_, i) => i + 1);
  const out = new Set<number>();
  for (let i = 0; i < MAX_M_VALUES; i++) out.add(Math.round(1 + (i * (n - 1)) / (MAX_M_VALUES - 1)));
  return [...out];
}

/** What a sweep depends on besides the threshold (and M when M varies). */
const sweepKey = (
  loaded: LoadedHistory,
  config: TunerConfig,
  truth: readonly GroundTruth[],
  varyM: boolean,
) =>
  JSON.stringify([
    loaded.historyId,
    { ...config, threshold: undefined, datapointsToAlarm: varyM ? undefined : config.datapointsToAlarm },
    truth.map((t) => t.id),
    varyM,
  ]);

const THRESHOLD = new Intl.NumberFormat('en-US', { maximumSignificantDigits: 6 });
const formatThreshold = (v: number) => THRESHOLD.format(v);

/**
 * "Suggest threshold": replays the alarm at 200 thresholds over the history (and several M when
 * asked) and proposes the one that catches every labeled incident with the fewest false alarms,
 * with its trade-off curve. The suggestion fills the form only through "Use this threshold".
 */
export function TunerSuggest({
  draft,
  config,
  loaded,
  truth,
  truthAvailable,
  scheduler,
  onUse,
}: TunerSuggestProps) {
  const checkboxId = useId();
  const [varyM, setVaryM] = useState(false);
  const [state, setState] = useState<
    | { status: 'idle' }
    | { status: 'running' }
    | { status: 'done'; key: string; result: SweepResult; varyM: boolean; n: number }
    | { status: 'error'; error: Error }
  >({ status: 'idle' });
  const [curveM, setCurveM] = useState<number | undefined>(undefined);

  if (draft.thresholdType === 'anomaly') {
    return (
      <Frame>
        <p className="text-sm text-slate-600">
          Suggestions sweep a static threshold. An anomaly detection alarm has none: its band follows the
          metric hour by hour, and its width is the knob. Change the band width above and watch the summary,
          or pin a width as A and compare.
        </p>
      </Frame>
    );
  }

  const n = config?.evaluationPeriods ?? 1;
  const ready = loaded !== undefined && config !== undefined;
  const suggest = () => {
    if (!loaded || !config) return;
    const key = sweepKey(loaded, config, truth, varyM);
    const withM = varyM;
    setState({ status: 'running' });
    setCurveM(undefined);
    scheduler.schedule('sweep', {
      run: () =>
        getTuner().sweep(loaded.historyId, config, truth, {
          count: SWEEP_COUNT,
          graceMs: graceMs(config),
          ...(withM ? { datapointsToAlarm: mValues(config.evaluationPeriods) } : {}),
        }),
      done: (result) => setState({ status: 'done', key, result, varyM: withM, n: config.evaluationPeriods }),
      fail: (e) => {
        if (!isSupersededRun(e)) setState({ status: 'error', error: asError(e) });
      },
    });
  };

  const done = state.status === 'done' ? state : undefined;
  const stale = done !== undefined && (!ready || sweepKey(loaded, config, truth, done.varyM) !== done.key);
  const suggestion = done?.result.suggestion;
  const ms = done ? [...new Set(done.result.points.map((p) => p.datapointsToAlarm))] : [];
  const shownM = curveM ?? suggestion?.datapointsToAlarm ?? ms[0];
  const curve = done ? done.result.points.filter((p) => p.datapointsToAlarm === shownM) : [];
  const current = config?.threshold;

  return (
    <Frame>
      <div className="flex flex-wrap items-center gap-3">
        <button
          type="button"
          className={primaryButtonClass}
          disabled={!ready || state.status === 'running'}
          onClick={suggest}
        >
          {state.status === 'running' ? 'Sweeping…' : 'Suggest threshold'}
        </button>
        <label htmlFor={checkboxId} className="flex items-center gap-1.5 text-sm text-slate-700">
          <input
            id={checkboxId}
            type="checkbox"
            checked={varyM}
            onChange={(e) => setVaryM(e.target.checked)}
          />
          Also vary M ({n <= MAX_M_VALUES ? `1 to ${n}` : `${MAX_M_VALUES} values from 1 to ${n}`})
        </label>
      </div>
      <p className="text-xs text-slate-500">
        Replays the alarm at {SWEEP_COUNT} thresholds from the lowest to the highest datapoint of the history
        and proposes the one that catches every labeled incident (or the most) with the fewest false alarms
        and overstays; ties go to less time in ALARM outside incidents, then faster detection, then the middle
        of the widest run of equally good thresholds. A threshold at which the alarm stays on is proposed only
        when nothing else catches anything. Our rule, not CloudWatch&apos;s; nothing changes until you use it.
        {!truthAvailable && ' This backend has no labeled incidents, so there is nothing to tune against.'}
      </p>
      {state.status === 'error' && (
        <p role="alert" className="text-sm text-red-700">
          The sweep failed: {state.error.message}
        </p>
      )}
      {done && (
        <div className="space-y-2" data-testid="tuner-suggestion" aria-live="polite">
          {stale && (
            <p className="text-xs text-amber-700">
              The configuration or the history changed since this sweep.{' '}
              <button type="button" className="text-blue-700 underline" onClick={suggest} disabled={!ready}>
                Suggest again
              </button>
            </p>
          )}
          {suggestion ? (
            <div className="flex flex-wrap items-start justify-between gap-2 rounded border border-blue-200 bg-blue-50 p-2">
              <div className="min-w-0 flex-1 text-sm">
                <p className="font-medium text-slate-900">
                  Suggested threshold:{' '}
                  <span data-testid="tuner-suggested-threshold">{formatThreshold(suggestion.threshold)}</span>
                  {done.varyM && ` with M = ${suggestion.datapointsToAlarm} of ${done.n}`}
                </p>
                <p className="text-slate-700" data-testid="tuner-suggestion-why">
                  {suggestion.why}
                </p>
                <p className="text-xs text-slate-500">
                  {formatCount(suggestion.alarmCount)} alarms, {formatSpan(suggestion.alarmMs)} in ALARM,{' '}
                  {suggestion.detected} detected, {suggestion.missed} missed.
                </p>
              </div>
              <button
                type="button"
                className={buttonClass}
                onClick={() =>
                  onUse({
                    threshold: String(suggestion.threshold),
                    ...(done.varyM ? { datapointsToAlarm: String(suggestion.datapointsToAlarm) } : {}),
                  })
                }
              >
                Use this threshold
              </button>
            </div>
          ) : (
            <p className="text-sm text-slate-700" data-testid="tuner-no-suggestion">
              {done.result.noSuggestion ?? 'No suggestion.'}
            </p>
          )}
          {curve.length > 1 && (
            <figure className="space-y-1">
              <figcaption className="flex flex-wrap items-center gap-2 text-xs text-slate-600">
                False alarms and missed incidents by threshold
                {ms.length > 1 && (
                  <label className="flex items-center gap-1">
                    for M =
                    <select
                      className="rounded border border-slate-300 px-1 py-0.5 text-xs"
                      value={shownM}
                      onChange={(e) => setCurveM(Number(e.target.value))}
                    >
                      {ms.map((m) => (
                        <option key={m} value={m}>
                          {m}
                        </option>
                      ))}
                    </select>
                  </label>
                )}
              </figcaption>
              <TradeoffChart
                points={curve}
                {...(suggestion && suggestion.datapointsToAlarm === shownM
                  ? { suggested: suggestion.threshold }
                  : {})}
                {...(current !== undefined ? { current } : {})}
                formatThreshold={formatThreshold}
                label={`Trade-off over ${curve.length} thresholds from ${formatThreshold(curve[0].threshold)} to ${formatThreshold(curve[curve.length - 1].threshold)}`}
              />
            </figure>
          )}
        </div>
      )}
    </Frame>
  );
}

function Frame({ children }: { children: ReactNode }) {
  return (
    <section aria-labelledby="tuner-suggest-title" className="space-y-2">
      <h3 id="tuner-suggest-title" className="text-sm font-semibold text-slate-900">
        Suggest
      </h3>
      {children}
    </section>
  );
}
