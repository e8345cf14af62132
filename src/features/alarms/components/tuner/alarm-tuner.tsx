import { type ReactNode, useEffect, useMemo, useRef, useState } from 'react';
import { AwsErrorAlert } from '../../../../components/aws-error-alert.tsx';
import { TunerLanes } from '../../../../components/tuner-lanes.tsx';
import { type TunerConfig, hasTuner } from '../../../../lib/alarm-tuner.ts';
import { useChartMarkers } from '../../../../lib/audit-events/audit-events.ts';
import { useClockReading } from '../../../../lib/engine-clock.ts';
import { formatDateTime } from '../../../../lib/format.ts';
import { useIncidents } from '../../api/get-incidents.ts';
import { useTunerHistory } from '../../api/get-tuner-history.ts';
import type { AlarmDraft } from '../../model/alarm-draft.ts';
import type { AlarmErrors } from '../../model/alarm-validation.ts';
import { periodLabel } from '../../model/durations.ts';
import { tuningFields } from '../../model/tuner-compare.ts';
import {
  type TunerDataSpec,
  dataSpecKey,
  draftMetrics,
  draftResourceNames,
  graceMs,
  groundTruth,
  tunerConfigFromDraft,
  tunerDataSpec,
} from '../../model/tuner-config.ts';
import { formatCount, formatSpan } from '../../model/tuner-format.ts';
import {
  DEFAULT_HISTORY,
  type HistoryId,
  effectiveHistory,
  historyOptions,
  historyWindow,
  lookbackSlots,
} from '../../model/tuner-history.ts';
import { roundToRange, startingThreshold } from '../../model/tuner-rounding.ts';
import { TunerScheduler } from '../../model/tuner-scheduler.ts';
import { buttonClass } from '../../../../components/button-styles.ts';
import { HistoryPicker } from './history-picker.tsx';
import { LastValidReplay, type ReplayFreshness } from './last-valid-replay.tsx';
import { TUNE_PARAM } from './tune-alarm-button.tsx';
import { TunerCompareBar } from './tuner-compare-bar.tsx';
import { TunerSuggest } from './tuner-suggest.tsx';
import { TunerSummary } from './tuner-summary.tsx';
import { TunerTransitions } from './tuner-transitions.tsx';
import { type LoadedHistory, useLoadedHistory } from './use-loaded-history.ts';
import { useTunerRun } from './use-tuner-run.ts';

/** Props of {@link AlarmTuner}. */
export interface AlarmTunerProps {
  /** The form's draft: what is typed is the source of truth, the tuner only proposes changes. */
  draft: AlarmDraft;
  /** All of the draft's errors (shown or not): the tuner replays once the fields it needs are valid. */
  errors: AlarmErrors;
  /** Sets form fields (a dragged threshold, an applied configuration, a used suggestion). */
  onChange: (patch: Partial<AlarmDraft>) => void;
  /** The condition fields, placed beside the summary so an edit and its figures stay in view. */
  conditions: ReactNode;
  /** The condition in words, under the lanes. */
  sentence: ReactNode;
  /** What the lanes' y axis measures. */
  label: string;
  unit?: string;
}

/** The pinned configuration A. */
interface Pinned {
  draft: AlarmDraft;
  spec: TunerDataSpec;
  config: TunerConfig;
}

/** A close-up of the lanes around `atMs`: 60 periods (at least 2 hours) before it, a third of that after. */
function zoomAround(atMs: number, loaded: LoadedHistory): { atMs: number; startMs: number; endMs: number } {
  const before = Math.max(2 * 3_600_000, 60 * loaded.periodMs);
  const after = before / 3;
  let startMs = Math.max(loaded.startMs, atMs - before);
  const endMs = Math.min(loaded.endMs, startMs + before + after);
  startMs = Math.max(loaded.startMs, endMs - before - after);
  return { atMs, startMs, endMs };
}

/** Which side of the threshold breaches, for the lanes' tint. */
const thresholdSide = (op: string): 'above' | 'below' => (op.startsWith('Greater') ? 'above' : 'below');

/** A whole number ≥ 1 typed as text, else 1. */
const wholeOrOne = (text: string): number => {
  const n = Number(text);
  return Number.isInteger(n) && n >= 1 ? n : 1;
};

/** The finite range of the history's values and band: the scale a dragged threshold is rounded to. */
function valueRange(loaded: LoadedHistory | undefined): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const list of [loaded?.history.values, loaded?.history.lower, loaded?.history.upper]) {
    for (const v of list ?? []) {
      if (!Number.isFinite(v)) continue;
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
  }
  return lo <= hi ? [lo, hi] : [0, 1];
}

/**
 * The alarm tuner: replays the draft over a chosen history with the evaluator the live alarms use,
 * on every edit. Three lanes (the metric with its threshold or band, the per-period datapoints
 * colored as the alarm judges them, the state timeline), a live summary against the simulation's
 * labeled incidents, A/B comparison, a threshold suggestion, and the transitions to ALARM with the
 * audit events before each.
 */
export function AlarmTuner({ draft, errors, onChange, conditions, sentence, label, unit }: AlarmTunerProps) {
  const [scheduler] = useState(() => new TunerScheduler());
  useEffect(() => () => scheduler.clear(), [scheduler]);
  // Opened with "Tune" (`?tune=1`): the tuner comes into view once its lanes are drawn.
  const sectionRef = useRef<HTMLElement>(null);
  const [scrollToTuner] = useState(() => new URLSearchParams(location.search).get(TUNE_PARAM) === '1');
  const scrolled = useRef(false);
  const tunerAvailable = hasTuner();

  // The history: a window ending at the engine's "now" when the tuner opened (it stays put while tuning).
  const [wanted, setWanted] = useState<HistoryId>(DEFAULT_HISTORY);
  const n = wholeOrOne(draft.evaluationPeriods);
  const options = useMemo(() => historyOptions(draft.period, n), [draft.period, n]);
  const shown = effectiveHistory(wanted, options);
  const lookback = lookbackSlots(n, draft.period);
  const { data: clock } = useClockReading();
  const [anchor, setAnchor] = useState<number | undefined>(undefined);
  if (anchor === undefined && clock) setAnchor(clock.now);
  const replayWindow =
    anchor !== undefined && shown
      ? historyWindow(anchor, shown.durationMs, draft.period, lookback)
      : undefined;

  // The data, fetched when the metric, statistic, period, band width or history change — not otherwise.
  const spec = useMemo(() => tunerDataSpec(draft, errors), [draft, errors]);
  const request =
    tunerAvailable && spec && replayWindow ? { spec, ...replayWindow, lookbackSlots: lookback } : undefined;
  const history = useTunerHistory(request);
  const { loaded, error: loadError } = useLoadedHistory(history.data);

  // The ground truth: the labeled incidents whose effect shows in the alarm's metrics.
  const metrics = useMemo(
    () => draftMetrics(draft),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [draft.namespace, draft.metricName, draft.dimensions, draft.extraQueries],
  );
  const incidents = useIncidents(
    replayWindow && spec ? { startMs: replayWindow.startMs, endMs: replayWindow.endMs, metrics } : undefined,
  );
  const truth = useMemo(() => groundTruth(incidents.incidents ?? []), [incidents.incidents]);
  const truthSettled = !incidents.available || incidents.incidents !== undefined || incidents.error !== null;
  const withTruth = incidents.available && incidents.incidents !== undefined;

  // B: the form's configuration, replayed on every edit.
  const config = useMemo(() => tunerConfigFromDraft(draft, errors), [draft, errors]);
  const b = useTunerRun(
    scheduler,
    'B',
    loaded && config && truthSettled ? { loaded, config, truth } : undefined,
  );

  // A: a pinned configuration, replayed over its own data when its metric, statistic or period differ.
  const [pinned, setPinned] = useState<Pinned | undefined>(undefined);
  const [applied, setApplied] = useState('');
  const pinnedShares =
    pinned !== undefined && spec !== undefined && dataSpecKey(pinned.spec) === dataSpecKey(spec);
  const pinnedRequest =
    pinned && !pinnedShares && replayWindow
      ? {
          spec: pinned.spec,
          ...replayWindow,
          lookbackSlots: lookbackSlots(pinned.config.evaluationPeriods, pinned.spec.periodS),
        }
      : undefined;
  const pinnedHistory = useTunerHistory(pinnedRequest);
  const pinnedOwn = useLoadedHistory(pinnedRequest ? pinnedHistory.data : undefined).loaded;
  const pinnedLoaded = pinnedShares ? loaded : pinnedOwn;
  const a = useTunerRun(
    scheduler,
    'A',
    pinned && pinnedLoaded && truthSettled
      ? { loaded: pinnedLoaded, config: pinned.config, truth }
      : undefined,
  );

  const view = b.result;
  // The last replay stays on screen until the next one is in. While the form cannot be replayed (a
  // threshold typed "6o", no metric), it is the last valid configuration's and no newer one is coming.
  const freshness: ReplayFreshness =
    view === undefined || (config !== undefined && b.current)
      ? 'current'
      : config === undefined || spec === undefined
        ? 'outdated'
        : 'replaying';
  const shownLoaded = view?.loaded ?? loaded;
  const [lo, hi] = useMemo(() => valueRange(shownLoaded), [shownLoaded]);
  const threshold = draft.thresholdType === 'static' ? config?.threshold : undefined;
  const markers = useChartMarkers(shownLoaded?.startMs ?? 0, shownLoaded?.endMs ?? 0);
  // A transition shown close up: the lanes' axis narrows around it.
  const [zoom, setZoom] = useState<{ atMs: number; startMs: number; endMs: number } | undefined>(undefined);
  const axis =
    shownLoaded && zoom && zoom.startMs >= shownLoaded.startMs && zoom.endMs <= shownLoaded.endMs
      ? zoom
      : shownLoaded;
  const resourceNames = useMemo(() => draftResourceNames(draft), [draft]);

  const pin = () => {
    if (!spec || !config) return;
    setPinned({ draft, spec, config });
    setApplied('');
  };
  const applyA = () => {
    if (!pinned) return;
    onChange(tuningFields(pinned.draft));
    setPinned(undefined);
    setApplied('Applied A: the form has its configuration again. Save to keep it.');
  };
  const applyB = () => {
    setPinned(undefined);
    setApplied('Applied B: the form keeps its configuration. Save to keep it.');
  };

  const data = shownLoaded?.history;
  useEffect(() => {
    if (!scrollToTuner || scrolled.current || !data) return;
    scrolled.current = true;
    sectionRef.current?.scrollIntoView?.({ block: 'start' });
  }, [scrollToTuner, data]);
  const band = useMemo(
    () =>
      data?.lower && data.upper
        ? { timestamps: data.timestamps, lower: data.lower, upper: data.upper }
        : undefined,
    [data],
  );
  const periodText = periodLabel(draft.period);
  const showPinned = pinned && a.result;
  const start = useMemo(
    () =>
      draft.thresholdType === 'static' && draft.threshold.trim() === '' && data
        ? startingThreshold(data.values)
        : undefined,
    [draft.thresholdType, draft.threshold, data],
  );
  const anchorOld = clock && anchor !== undefined && clock.now - anchor > 60_000;

  return (
    <section
      ref={sectionRef}
      aria-labelledby="tuner-title"
      className="space-y-3 rounded-lg border border-slate-200 bg-white p-4"
    >
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div className="min-w-0 flex-1">
          <h2 id="tuner-title" className="text-sm font-semibold text-slate-900">
            Tune
          </h2>
          <p className="text-xs text-slate-500">
            Replays this alarm over its history with the evaluator the live alarms use, on every edit: drag
            the threshold on the graph or type it, change M, N, the period, the statistic or missing data, and
            watch when it would have fired.
          </p>
        </div>
        <div className="flex items-end gap-2">
          <HistoryPicker
            options={options}
            wanted={wanted}
            shown={shown}
            periodLabel={periodText}
            onChange={setWanted}
          />
          {anchorOld && (
            <button type="button" className={buttonClass} onClick={() => setAnchor(clock.now)}>
              Replay up to now
            </button>
          )}
        </div>
      </div>

      <TunerStatus
        tunerAvailable={tunerAvailable}
        metricReady={spec !== undefined}
        // Until the chosen history is in, the figures shown are the previous one's: say it is loading.
        fetching={
          history.isFetching ||
          (replayWindow !== undefined &&
            shownLoaded !== undefined &&
            (shownLoaded.startMs !== replayWindow.startMs || shownLoaded.endMs !== replayWindow.endMs))
        }
        historyLabel={shown?.label}
        periodText={periodText}
        points={data?.timestamps.length}
        conditionsReady={config !== undefined}
        elapsedMs={view?.elapsedMs}
        stale={freshness === 'replaying'}
      />
      {start !== undefined && (
        <p className="flex flex-wrap items-center gap-2 text-sm text-slate-700">
          Type a threshold, or start from the 99th percentile of the history and drag it from there:
          <button type="button" className={buttonClass} onClick={() => onChange({ threshold: start })}>
            Start at {start}
          </button>
        </p>
      )}
      {history.error && <AwsErrorAlert title="The history could not be read" error={history.error} />}
      {loadError && <AwsErrorAlert title="The tuner could not load the history" error={loadError} />}
      {b.error && <AwsErrorAlert title="The replay failed" error={b.error} />}
      {data?.messages.map((m) => (
        <p key={m} className="text-xs text-amber-700">
          {m}
        </p>
      ))}

      {shownLoaded && data && (
        <LastValidReplay outdated={freshness === 'outdated'}>
          <TunerLanes
            startMs={axis?.startMs ?? shownLoaded.startMs}
            endMs={axis?.endMs ?? shownLoaded.endMs}
            metric={data}
            {...(band ? { band } : {})}
            periodMs={shownLoaded.periodMs}
            firstSlotMs={shownLoaded.firstSlotMs}
            {...(view ? { slotClass: view.run.slotClass, timeline: view.run.timeline } : {})}
            {...(showPinned ? { compareTimeline: a.result?.run.timeline } : {})}
            {...(threshold !== undefined
              ? { threshold, thresholdSide: thresholdSide(draft.comparison) }
              : {})}
            {...(showPinned && pinned.config.threshold !== undefined
              ? { compareThreshold: pinned.config.threshold }
              : {})}
            {...(draft.thresholdType === 'static'
              ? {
                  onThresholdChange: (v: number) => {
                    const text = roundToRange(v, lo, hi);
                    if (text !== '') onChange({ threshold: text });
                  },
                }
              : {})}
            incidents={truth}
            {...(markers ? { markers } : {})}
            // A marker opens its event in a new tab: leaving the form would lose what is typed.
            onMarkerClick={(m) => {
              if (m.href) window.open(m.href, '_blank', 'noopener');
            }}
            metricLabel={`${label} (${draft.metricMode === 'metric' ? draft.stat : 'expression'}, ${periodText})`}
            {...(unit !== undefined ? { unit } : {})}
          />
        </LastValidReplay>
      )}
      {zoom && axis === zoom && (
        <p className="flex flex-wrap items-center gap-2 text-xs text-slate-600">
          Showing {formatDateTime(zoom.startMs)} to {formatDateTime(zoom.endMs)} around the transition at{' '}
          {formatDateTime(zoom.atMs)}.
          <button type="button" className="text-blue-700 underline" onClick={() => setZoom(undefined)}>
            Show the whole history
          </button>
        </p>
      )}
      {sentence}

      <div className="grid gap-4 lg:grid-cols-2">
        <div>{conditions}</div>
        <div className="space-y-3">
          <TunerCompareBar
            draft={draft}
            pinned={pinned?.draft}
            canPin={b.result !== undefined && b.current && spec !== undefined && config !== undefined}
            onPin={pin}
            onUnpin={() => setPinned(undefined)}
            onApplyA={applyA}
            onApplyB={applyB}
          />
          {applied && (
            <p role="status" className="text-xs text-slate-600">
              {applied}
            </p>
          )}
          <TruthNote
            available={incidents.available}
            error={incidents.error}
            count={withTruth ? truth.length : undefined}
            historyLabel={shown?.label}
          />
          {(view || spec) && (
            <TunerSummary
              summary={view?.summary}
              {...(showPinned && a.result ? { pinned: a.result.summary } : {})}
              withTruth={withTruth}
              graceLabel={config ? formatSpan(graceMs(config)) : 'N × period'}
              freshness={freshness}
            />
          )}
        </div>
      </div>

      {shownLoaded && (
        <TunerSuggest
          draft={draft}
          config={config}
          loaded={loaded}
          truth={truth}
          truthAvailable={incidents.available}
          scheduler={scheduler}
          onUse={onChange}
        />
      )}
      {view && (
        <LastValidReplay outdated={freshness === 'outdated'}>
          <TunerTransitions
            transitions={view.run.transitions}
            resourceNames={resourceNames}
            onShow={(t) => shownLoaded && setZoom(zoomAround(t.atMs, shownLoaded))}
            {...(zoom && axis === zoom ? { shownMs: zoom.atMs } : {})}
          />
        </LastValidReplay>
      )}
    </section>
  );
}

/** Props of {@link TunerStatus}. */
interface TunerStatusProps {
  tunerAvailable: boolean;
  metricReady: boolean;
  fetching: boolean;
  historyLabel: string | undefined;
  periodText: string;
  points: number | undefined;
  /** The condition fields are valid: there is something to replay. */
  conditionsReady: boolean;
  elapsedMs: number | undefined;
  stale: boolean;
}

/** One line on what the tuner is doing: loading, replaying, or how big and fast the last replay was. */
function TunerStatus(p: TunerStatusProps) {
  let text: string;
  if (!p.tunerAvailable) text = 'The tuner is not available here: no replay engine is registered.';
  else if (!p.metricReady)
    text = 'Choose a metric (and a valid statistic and period) to replay the alarm over its history.';
  else if (!p.historyLabel) text = `CloudWatch keeps no history this long at a ${p.periodText} period.`;
  else if (p.fetching) text = `Reading ${p.historyLabel} of datapoints at ${p.periodText}…`;
  else if (p.points === undefined) text = 'Loading…';
  else if (p.points === 0)
    text = `No datapoints in the last ${p.historyLabel}: check the metric, its dimensions and the statistic.`;
  else if (!p.conditionsReady)
    text = `${formatCount(p.points)} datapoints over ${p.historyLabel} at ${p.periodText}: complete the conditions to replay them.`;
  else {
    const took = p.elapsedMs !== undefined ? `, replayed in ${Math.max(1, Math.round(p.elapsedMs))} ms` : '';
    text = `${formatCount(p.points)} datapoints over ${p.historyLabel} at ${p.periodText}${took}${p.stale ? ' · replaying…' : ''}.`;
  }
  return (
    <p className="text-xs text-slate-600" data-testid="tuner-status">
      {text}
    </p>
  );
}

/** Props of {@link TruthNote}. */
interface TruthNoteProps {
  available: boolean;
  error: Error | null;
  count: number | undefined;
  historyLabel: string | undefined;
}

/** Where the ground truth comes from, or why there is none. */
function TruthNote({ available, error, count, historyLabel }: TruthNoteProps) {
  let text: string;
  if (!available)
    text =
      'No ground truth: this backend has no Watchtrail control endpoints (it is a real AWS account or another service), so there are no labeled incidents to judge detections and false alarms by. The figures count alarms only.';
  else if (error)
    text = `The labeled incidents could not be read (${error.message}); the figures count alarms only.`;
  else if (count === undefined) text = 'Reading the labeled incidents…';
  else if (count === 0)
    text = `No labeled incident of the simulation shows in this metric in the last ${historyLabel ?? 'history'}: nothing to judge detections against.`;
  else
    text = `${count} labeled incident${count === 1 ? '' : 's'} of the simulation show${count === 1 ? 's' : ''} in this metric in the last ${historyLabel ?? 'history'} (shaded on the lanes): the ground truth.`;
  return (
    <p className="text-xs text-slate-600" data-testid="tuner-truth">
      {text}
    </p>
  );
}
