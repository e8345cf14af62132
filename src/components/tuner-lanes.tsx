// The alarm tuner's lanes: the metric with its threshold, the datapoints the alarm judges, and the
// states it goes through, on one time axis. Canvases redraw on animation frames from columns prepared
// once per data and width, so a threshold drag over 30 days of 1-minute data stays at 60 fps.
import { useEffect, useMemo, useRef, useState } from 'react';
import type { ReactNode, PointerEvent as ReactPointerEvent } from 'react';
import { formatAxisValue, formatDateTime, formatTime, formatUnitLabel, formatValue } from '../lib/format';
import { m4Indices } from '../lib/m4';
import { openLink } from '../lib/navigation';
import { timeTicks } from '../lib/time-ticks';
import { type ChartMarker, ChartMarkerLayer } from './charts/chart-markers';
import { drawDatapointsLane, drawMetricLane, drawStateLane } from './tuner-lanes/draw';
import {
  type Domain,
  type Extent,
  type LaneState,
  bandColumns,
  classifyColumns,
  countSlots,
  dragThreshold,
  extentIn,
  metricDomain,
  nearestIndex,
  spanAt,
  stateColumns,
  timeToX,
  valueToY,
  xToTime,
} from './tuner-lanes/geometry';
import { IncidentShading, type LaneIncident } from './tuner-lanes/incident-shading';
import { LanesLegend } from './tuner-lanes/lanes-legend';
import { LanesReadout, type LanesReadoutData } from './tuner-lanes/lanes-readout';
import { ThresholdHandle } from './tuner-lanes/threshold-handle';
import { useElementWidth } from './use-element-width';

export type { LaneIncident } from './tuner-lanes/incident-shading';

/** A stretch of one alarm state; a timeline's spans are contiguous and ascending. */
export interface LaneStateSpan {
  startMs: number;
  endMs: number;
  state: LaneState;
}

/** How a threshold change came: dragging (many per second), the drag's release, or a key. */
export type ThresholdChangePhase = 'drag' | 'end' | 'key';

/** Props of {@link TunerLanes}. */
export interface TunerLanesProps {
  /** The time axis, epoch ms: the history's range. */
  startMs: number;
  endMs: number;
  /** The alarm's datapoints (one per period), ascending; typed arrays welcome. Keep it stable. */
  metric: { timestamps: ArrayLike<number>; values: ArrayLike<number> };
  /** The anomaly band at the metric's timestamps (band operators). Keep it stable. */
  band?: { timestamps: ArrayLike<number>; lower: ArrayLike<number>; upper: ArrayLike<number> };
  /** The alarm's period, ms. */
  periodMs: number;
  /** Start of slot 0 of `slotClass`, epoch ms (the tuner's loaded history). */
  firstSlotMs: number;
  /** The replay's per-slot classes: 0 missing, 1 not breaching, 2 breaching; none before a replay. */
  slotClass?: Uint8Array;
  /** The replay's states. */
  timeline?: readonly LaneStateSpan[];
  /** The compared configuration's states (A/B), drawn as a second row. */
  compareTimeline?: readonly LaneStateSpan[];
  /** The threshold line (static operators); none for band alarms. */
  threshold?: number;
  /** Where datapoints breach, tinted: above (Greater…) or below (Less…) the threshold. */
  thresholdSide?: 'above' | 'below';
  /** The compared configuration's threshold, dashed. */
  compareThreshold?: number;
  /** Makes the threshold draggable and keyboard-adjustable; the prop stays the source of truth. */
  onThresholdChange?: (value: number, phase: ThresholdChangePhase) => void;
  /** Labeled incidents (ground truth), shaded across the lanes. */
  incidents?: readonly LaneIncident[];
  /** Audit events marked at the top of the metric lane. Keep the array stable. */
  markers?: readonly ChartMarker[];
  /** A marker was clicked; by default its `href` opens. */
  onMarkerClick?: (marker: ChartMarker) => void;
  /** The metric's CloudWatch unit, for the axis and readout. */
  unit?: string;
  /** The metric's name for the legend and screen readers, e.g. "CPUUtilization (Average)". */
  metricLabel?: string;
  /** Name of the current configuration's state row ("B" when comparing, else "State"). */
  currentLabel?: string;
  /** Name of the compared configuration ("A"). */
  compareLabel?: string;
  /** Height of the metric lane, px (default 200). */
  height?: number;
}

const DEFAULT_HEIGHT = 200;
const GUTTER_LEFT = 64;
const GUTTER_RIGHT = 8;
/** Room above the plot for the audit markers' triangles and incident labels. */
const PLOT_TOP = 16;
const PLOT_BOTTOM = 6;
const MARKER_TOP = 10;
const DATAPOINTS_HEIGHT = 12;
const STATE_ROW_HEIGHT = 12;
const STATE_ROW_GAP = 3;
const LANE_GAP = 6;
/** A pointer this close to the threshold line grabs it. */
const GRAB_PX = 6;
const EMPTY_INCIDENTS: readonly LaneIncident[] = [];

interface Drag {
  value: number;
  /** The y range when the drag began: it holds still under the pointer. */
  domain: Domain;
  /** The pointer's offset from the line when grabbed, px. */
  offset: number;
}

/** Requests a draw on the next animation frame; a newer request replaces a pending one. */
function useFrameDraw(draw: () => void): void {
  useEffect(() => {
    if (typeof requestAnimationFrame !== 'function') {
      draw();
      return undefined;
    }
    const frame = requestAnimationFrame(draw);
    return () => cancelAnimationFrame(frame);
  }, [draw]);
}

/**
 * Three lanes on one time axis over an alarm's history: the metric (M4-reduced to pixel columns)
 * with the threshold line, band, incidents and audit markers; the per-period datapoints coloured as
 * the alarm judged them; and the state timeline (a second row for the compared configuration).
 * The threshold drags with the pointer and moves with the keys of its slider handle.
 */
export function TunerLanes({
  startMs,
  endMs,
  metric,
  band,
  periodMs,
  firstSlotMs,
  slotClass,
  timeline,
  compareTimeline,
  threshold,
  thresholdSide,
  compareThreshold,
  onThresholdChange,
  incidents = EMPTY_INCIDENTS,
  markers,
  onMarkerClick,
  unit,
  metricLabel = 'Metric',
  currentLabel,
  compareLabel = 'A',
  height = DEFAULT_HEIGHT,
}: TunerLanesProps) {
  const [plotRef, plotWidth] = useElementWidth<HTMLDivElement>();
  const [drag, setDrag] = useState<Drag | undefined>(undefined);
  const dragRef = useRef<Drag | undefined>(undefined);
  const [hoverX, setHoverX] = useState<number | undefined>(undefined);
  const [nearLine, setNearLine] = useState(false);
  const [markerActive, setMarkerActive] = useState(false);
  const metricCanvas = useRef<HTMLCanvasElement>(null);
  const datapointsCanvas = useRef<HTMLCanvasElement>(null);
  const stateCanvas = useRef<HTMLCanvasElement>(null);

  const comparing = compareTimeline !== undefined;
  const rowLabel = currentLabel ?? (comparing ? 'B' : 'State');
  const extent: Extent = useMemo(
    () => ({ top: PLOT_TOP, height: Math.max(1, height - PLOT_TOP - PLOT_BOTTOM) }),
    [height],
  );

  // Once per data: the metric's and the band's extent.
  const dataExtent = useMemo(() => {
    const m = extentIn(metric.timestamps, metric.values, startMs, endMs);
    if (!band) return m;
    const lo = extentIn(band.timestamps, band.lower, startMs, endMs);
    const hi = extentIn(band.timestamps, band.upper, startMs, endMs);
    return { min: Math.min(m.min, lo.min), max: Math.max(m.max, hi.max) };
  }, [metric, band, startMs, endMs]);
  const maxYTicks = Math.max(2, Math.floor(extent.height / 32));
  const scale = useMemo(
    () => metricDomain(dataExtent.min, dataExtent.max, [threshold, compareThreshold], maxYTicks),
    [dataExtent, threshold, compareThreshold, maxYTicks],
  );
  const domain = drag?.domain ?? scale.domain;
  const yTicks = useMemo(
    () => scale.ticks.filter((t) => t >= domain[0] && t <= domain[1]),
    [scale.ticks, domain],
  );

  // Once per data and width: what each pixel column shows.
  const kept = useMemo(
    () => (plotWidth > 0 ? m4Indices(metric.timestamps, metric.values, startMs, endMs, plotWidth) : []),
    [metric, startMs, endMs, plotWidth],
  );
  const bandCols = useMemo(
    () => (band && plotWidth > 0 ? bandColumns(band, startMs, endMs, plotWidth) : undefined),
    [band, startMs, endMs, plotWidth],
  );
  const ticks = useMemo(
    () => timeTicks(startMs, endMs, Math.max(2, Math.floor(plotWidth / 110))),
    [startMs, endMs, plotWidth],
  );
  // Once per replay: the datapoints' and states' columns.
  const datapointCols = useMemo(
    () =>
      slotClass && plotWidth > 0
        ? classifyColumns(slotClass, firstSlotMs, periodMs, startMs, endMs, plotWidth)
        : undefined,
    [slotClass, firstSlotMs, periodMs, startMs, endMs, plotWidth],
  );
  const slotCounts = useMemo(
    () => (slotClass ? countSlots(slotClass, firstSlotMs, periodMs, startMs, endMs) : undefined),
    [slotClass, firstSlotMs, periodMs, startMs, endMs],
  );
  const stateCols = useMemo(
    () => (timeline && plotWidth > 0 ? stateColumns(timeline, startMs, endMs, plotWidth) : undefined),
    [timeline, startMs, endMs, plotWidth],
  );
  const compareCols = useMemo(
    () =>
      compareTimeline && plotWidth > 0 ? stateColumns(compareTimeline, startMs, endMs, plotWidth) : undefined,
    [compareTimeline, startMs, endMs, plotWidth],
  );
  const alarms = useMemo(() => alarmStats(timeline), [timeline]);
  const compareAlarms = useMemo(() => alarmStats(compareTimeline), [compareTimeline]);

  const shown = drag?.value ?? threshold;
  const shownFinite = shown !== undefined && Number.isFinite(shown) ? shown : undefined;

  const drawMetric = useMemo(
    () => () => {
      const canvas = metricCanvas.current;
      if (!canvas || plotWidth <= 0) return;
      drawMetricLane(canvas, {
        width: plotWidth,
        height,
        startMs,
        endMs,
        domain,
        extent,
        yTicks,
        timeTicks: ticks,
        timestamps: metric.timestamps,
        values: metric.values,
        kept,
        gapMs: periodMs * 1.5,
        ...(bandCols ? { band: bandCols } : {}),
        ...(shownFinite !== undefined ? { threshold: shownFinite } : {}),
        ...(thresholdSide ? { thresholdSide } : {}),
        ...(compareThreshold !== undefined ? { compareThreshold } : {}),
      });
    },
    [
      plotWidth,
      height,
      startMs,
      endMs,
      domain,
      extent,
      yTicks,
      ticks,
      metric,
      kept,
      periodMs,
      bandCols,
      shownFinite,
      thresholdSide,
      compareThreshold,
    ],
  );
  const drawDatapoints = useMemo(
    () => () => {
      const canvas = datapointsCanvas.current;
      if (canvas && plotWidth > 0) drawDatapointsLane(canvas, datapointCols, plotWidth, DATAPOINTS_HEIGHT);
    },
    [datapointCols, plotWidth],
  );
  const stateRows = comparing ? [compareCols, stateCols] : [stateCols];
  const stateHeight = stateRows.length * STATE_ROW_HEIGHT + (stateRows.length - 1) * STATE_ROW_GAP;
  const drawStates = useMemo(
    () => () => {
      const canvas = stateCanvas.current;
      const rows = comparing ? [compareCols, stateCols] : [stateCols];
      if (canvas && plotWidth > 0) drawStateLane(canvas, rows, plotWidth, STATE_ROW_HEIGHT, STATE_ROW_GAP);
    },
    [comparing, compareCols, stateCols, plotWidth],
  );
  useFrameDraw(drawMetric);
  useFrameDraw(drawDatapoints);
  useFrameDraw(drawStates);

  const lanesHeight = height + LANE_GAP + DATAPOINTS_HEIGHT + LANE_GAP + stateHeight;
  const thresholdY = shownFinite !== undefined ? valueToY(shownFinite, domain, extent) : undefined;
  const editable = onThresholdChange !== undefined && shownFinite !== undefined;

  // --- Pointer: drag the threshold on the metric lane; hover anywhere for the readout.
  const laneY = (e: ReactPointerEvent<HTMLElement>) =>
    e.clientY - e.currentTarget.getBoundingClientRect().top;
  // The drag lives in a ref too: pointer events can outrun renders, and a release must end it once.
  const startDrag = (next: Drag) => {
    dragRef.current = next;
    setDrag(next);
  };
  const onMetricPointerDown = (e: ReactPointerEvent<HTMLDivElement>) => {
    if (!editable || thresholdY === undefined || e.button !== 0) return;
    const target = e.target as Element;
    if (target.closest('[data-chart-marker-ui]')) return;
    const y = laneY(e);
    if (!target.closest('[data-threshold-handle]') && Math.abs(y - thresholdY) > GRAB_PX) return;
    e.preventDefault();
    e.currentTarget.setPointerCapture?.(e.pointerId);
    startDrag({ value: shownFinite, domain: scale.domain, offset: y - thresholdY });
  };
  const onMetricPointerMove = (e: ReactPointerEvent<HTMLDivElement>) => {
    const y = laneY(e);
    const current = dragRef.current;
    if (!current) {
      const onHandle = (e.target as Element).closest('[data-threshold-handle]') !== null;
      const near = editable && thresholdY !== undefined && (onHandle || Math.abs(y - thresholdY) <= GRAB_PX);
      if (near !== nearLine) setNearLine(near);
      return;
    }
    const value = dragThreshold(y - current.offset, current.domain, extent);
    if (value === current.value) return;
    startDrag({ ...current, value });
    onThresholdChange?.(value, 'drag');
  };
  const endDrag = (e: ReactPointerEvent<HTMLDivElement>) => {
    const current = dragRef.current;
    if (!current) return;
    dragRef.current = undefined;
    if (e.currentTarget.hasPointerCapture?.(e.pointerId)) e.currentTarget.releasePointerCapture(e.pointerId);
    setDrag(undefined);
    onThresholdChange?.(current.value, 'end');
  };
  const onPlotPointerMove = (e: ReactPointerEvent<HTMLDivElement>) => {
    const x = e.clientX - e.currentTarget.getBoundingClientRect().left;
    setHoverX(x >= 0 && x <= plotWidth ? Math.floor(x) : undefined);
  };

  const readout = useMemo(
    () =>
      hoverX === undefined
        ? undefined
        : readoutAt(xToTime(hoverX + 0.5, startMs, endMs, plotWidth), {
            metric,
            band,
            periodMs,
            firstSlotMs,
            slotClass,
            rows: comparing
              ? [
                  { label: compareLabel, timeline: compareTimeline },
                  { label: rowLabel, timeline },
                ]
              : [{ label: rowLabel, timeline }],
            incidents,
          }),
    [
      hoverX,
      startMs,
      endMs,
      plotWidth,
      metric,
      band,
      periodMs,
      firstSlotMs,
      slotClass,
      comparing,
      compareLabel,
      compareTimeline,
      rowLabel,
      timeline,
      incidents,
    ],
  );

  const openMarker = (m: ChartMarker) => {
    if (onMarkerClick) onMarkerClick(m);
    else if (m.href) openLink(m.href);
  };

  const metricSummary =
    `${metricLabel} from ${formatDateTime(startMs)} to ${formatDateTime(endMs)}` +
    (Number.isFinite(dataExtent.min)
      ? `, between ${formatValue(dataExtent.min, unit)} and ${formatValue(dataExtent.max, unit)}`
      : ', no datapoints') +
    (shownFinite !== undefined ? `; threshold ${formatValue(shownFinite, unit)}` : '') +
    (compareThreshold !== undefined
      ? `; threshold ${compareLabel} ${formatValue(compareThreshold, unit)}`
      : '') +
    (incidents.length > 0
      ? `; ${incidents.length} labeled incident${incidents.length === 1 ? '' : 's'}`
      : '');
  const datapointsSummary = slotCounts
    ? `Datapoints: ${slotCounts[2]} breaching, ${slotCounts[1]} not breaching, ${slotCounts[0]} missing`
    : 'Datapoints: not replayed yet';
  const stateSummary = [
    ...(comparing ? [`${compareLabel}: ${describeAlarms(compareAlarms)}`] : []),
    `${rowLabel}: ${describeAlarms(alarms)}`,
  ].join('; ');

  const span = endMs - startMs;
  const cursor = drag || nearLine ? 'ns-resize' : 'crosshair';
  return (
    <div data-testid="tuner-lanes" data-width={plotWidth} className="w-full min-w-0 select-none">
      <div
        ref={plotRef}
        className="relative"
        style={{ marginLeft: GUTTER_LEFT, marginRight: GUTTER_RIGHT }}
        onPointerMove={onPlotPointerMove}
        onPointerLeave={() => setHoverX(undefined)}
      >
        <div
          data-testid="tuner-lane-metric"
          data-threshold={shownFinite}
          data-points={kept.length}
          className="relative"
          style={{ height, cursor }}
          onPointerDown={onMetricPointerDown}
          onPointerMove={onMetricPointerMove}
          onPointerUp={endDrag}
          onPointerCancel={endDrag}
          onLostPointerCapture={endDrag}
          onPointerLeave={() => setNearLine(false)}
        >
          <canvas
            ref={metricCanvas}
            role="img"
            aria-label={metricSummary}
            className="block"
            style={{ width: plotWidth, height }}
          />
          {yTicks.map((t) => (
            <span
              key={t}
              aria-hidden="true"
              className="absolute right-full -translate-y-1/2 pr-2 text-[11px] whitespace-nowrap text-slate-500 tabular-nums"
              style={{ top: valueToY(t, domain, extent) }}
            >
              {formatAxisValue(t, unit)}
            </span>
          ))}
          {compareThreshold !== undefined && Number.isFinite(compareThreshold) && (
            <span
              aria-hidden="true"
              className="absolute left-1 -translate-y-1/2 rounded-full border border-violet-300 bg-white/90 px-1.5 text-[10px] leading-4 font-medium text-violet-700 tabular-nums"
              style={{ top: valueToY(compareThreshold, domain, extent) }}
            >
              {compareLabel} {formatAxisValue(compareThreshold, unit)}
            </span>
          )}
          {markers && markers.length > 0 && plotWidth > 0 && (
            <ChartMarkerLayer
              markers={markers}
              startMs={startMs}
              endMs={endMs}
              plotLeft={0}
              plotWidth={plotWidth}
              top={MARKER_TOP}
              plotHeight={height - MARKER_TOP}
              onOpen={openMarker}
              onActiveChange={setMarkerActive}
            />
          )}
          {editable && thresholdY !== undefined && (
            <ThresholdHandle
              value={shownFinite}
              domain={domain}
              y={thresholdY}
              unit={unit}
              dragging={drag !== undefined}
              onKeyChange={(v) => onThresholdChange(v, 'key')}
            />
          )}
        </div>
        <div
          data-testid="tuner-lane-datapoints"
          data-breaching={slotCounts?.[2]}
          data-not-breaching={slotCounts?.[1]}
          data-missing={slotCounts?.[0]}
          className="relative"
          style={{ height: DATAPOINTS_HEIGHT, marginTop: LANE_GAP }}
        >
          <canvas
            ref={datapointsCanvas}
            role="img"
            aria-label={datapointsSummary}
            className="block rounded-sm"
            style={{ width: plotWidth, height: DATAPOINTS_HEIGHT }}
          />
          <LaneTitle top={0}>Datapoints</LaneTitle>
        </div>
        <div
          data-testid="tuner-lane-state"
          data-alarm-spans={alarms?.count}
          data-alarm-ms={alarms?.ms}
          data-compare-alarm-spans={compareAlarms?.count}
          className="relative"
          style={{ height: stateHeight, marginTop: LANE_GAP }}
        >
          <canvas
            ref={stateCanvas}
            role="img"
            aria-label={`State timeline. ${stateSummary}`}
            className="block rounded-sm"
            style={{ width: plotWidth, height: stateHeight }}
          />
          {comparing && <LaneTitle top={0}>{compareLabel}</LaneTitle>}
          <LaneTitle top={comparing ? STATE_ROW_HEIGHT + STATE_ROW_GAP : 0}>{rowLabel}</LaneTitle>
        </div>
        <div aria-hidden="true" className="relative h-5 border-t border-slate-300" style={{ marginTop: 4 }}>
          {ticks.map((t) => {
            const x = timeToX(t, startMs, endMs, plotWidth);
            return (
              <div key={t} className="absolute top-0" style={{ left: x }}>
                <div className="h-1 w-px bg-slate-300" />
                <span
                  className="absolute top-1 text-[11px] whitespace-nowrap text-slate-500 tabular-nums"
                  style={{
                    transform: `translateX(${x < 40 ? '-10%' : x > plotWidth - 40 ? '-90%' : '-50%'})`,
                  }}
                >
                  {formatTime(t, span)}
                </span>
              </div>
            );
          })}
        </div>
        {plotWidth > 0 && (
          <IncidentShading
            incidents={incidents}
            startMs={startMs}
            endMs={endMs}
            width={plotWidth}
            top={0}
            height={lanesHeight}
          />
        )}
        {hoverX !== undefined && !drag && !nearLine && (
          <div
            aria-hidden="true"
            className="pointer-events-none absolute top-0 w-px bg-slate-500/60"
            style={{ left: hoverX, height: lanesHeight }}
          />
        )}
        {/* Near the threshold line the pointer is about to drag it: the readout would cover the handle. */}
        {readout && hoverX !== undefined && !drag && !nearLine && !markerActive && (
          <LanesReadout data={readout} x={hoverX} flip={hoverX > plotWidth / 2} unit={unit} />
        )}
      </div>
      <div style={{ marginLeft: GUTTER_LEFT }}>
        <LanesLegend
          metricLabel={formatUnitLabel(unit) ? `${metricLabel} (${formatUnitLabel(unit)})` : metricLabel}
          hasThreshold={shownFinite !== undefined}
          {...(comparing ? { currentLabel: rowLabel } : {})}
          compareLabel={compareLabel}
          hasCompareThreshold={compareThreshold !== undefined}
          hasBand={band !== undefined}
          hasIncidents={incidents.length > 0}
          hasMarkers={(markers?.length ?? 0) > 0}
        />
      </div>
    </div>
  );
}

function LaneTitle({ top, children }: { top: number; children: ReactNode }) {
  return (
    <span
      className="absolute right-full pr-2 text-[10px] leading-3 font-medium whitespace-nowrap text-slate-500"
      style={{ top }}
    >
      {children}
    </span>
  );
}

/** ALARM episodes of a timeline and their total time. */
function alarmStats(
  timeline: readonly LaneStateSpan[] | undefined,
): { count: number; ms: number } | undefined {
  if (!timeline) return undefined;
  let count = 0;
  let ms = 0;
  let previous: LaneStateSpan | undefined;
  for (const s of timeline) {
    if (s.state === 'ALARM') {
      if (previous?.state !== 'ALARM') count++;
      ms += s.endMs - s.startMs;
    }
    previous = s;
  }
  return { count, ms };
}

function describeAlarms(stats: { count: number; ms: number } | undefined): string {
  if (!stats) return 'not replayed yet';
  if (stats.count === 0) return 'never in ALARM';
  return `${stats.count} ALARM episode${stats.count === 1 ? '' : 's'}, ${formatValue(stats.ms / 1000, 'Seconds')} in ALARM`;
}

/** What the lanes show at instant `t`: the period holding it, its datapoint, class and states. */
function readoutAt(
  t: number,
  d: {
    metric: TunerLanesProps['metric'];
    band: TunerLanesProps['band'];
    periodMs: number;
    firstSlotMs: number;
    slotClass: Uint8Array | undefined;
    rows: { label: string; timeline: readonly LaneStateSpan[] | undefined }[];
    incidents: readonly LaneIncident[];
  },
): LanesReadoutData {
  const slot = Math.floor((t - d.firstSlotMs) / d.periodMs);
  const slotStart = d.firstSlotMs + slot * d.periodMs;
  const i = nearestIndex(d.metric.timestamps, slotStart);
  const inSlot = i >= 0 && Math.abs(d.metric.timestamps[i] - slotStart) < d.periodMs;
  const value = inSlot ? d.metric.values[i] : undefined;
  let band: LanesReadoutData['band'];
  if (d.band) {
    const j = nearestIndex(d.band.timestamps, slotStart);
    if (j >= 0 && Math.abs(d.band.timestamps[j] - slotStart) < d.periodMs)
      band = { lower: d.band.lower[j], upper: d.band.upper[j] };
  }
  const datapoint = d.slotClass && slot >= 0 && slot < d.slotClass.length ? d.slotClass[slot] : undefined;
  return {
    timeMs: inSlot ? d.metric.timestamps[i] : slotStart,
    ...(value !== undefined && Number.isFinite(value) ? { value } : {}),
    ...(band ? { band } : {}),
    ...(datapoint !== undefined ? { datapoint } : {}),
    states: d.rows
      .filter((r) => r.timeline !== undefined)
      .map((r) => ({ label: r.label, state: r.timeline ? spanAt(r.timeline, t)?.state : undefined })),
    incident: d.incidents.find((inc) => t >= inc.startMs && t < inc.endMs)?.label,
  };
}
