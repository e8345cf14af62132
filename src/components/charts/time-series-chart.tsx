import { memo, useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import type { MouseEvent as ReactMouseEvent } from 'react';
import {
  Area,
  CartesianGrid,
  ComposedChart,
  Line,
  ReferenceArea,
  ReferenceLine,
  XAxis,
  YAxis,
} from 'recharts';
import { reduceSeries, stackSeries } from '../../lib/chart-rows';
import { seriesColor } from '../../lib/palette';
import { formatAxisValue, formatTime, formatUnitLabel } from '../../lib/format';
import { openLink } from '../../lib/navigation';
import type { SeriesData } from '../../lib/series';
import { clearCrosshair, setCrosshair } from '../../lib/crosshair';
import { timeTicks } from '../../lib/time-ticks';
import { useElementWidth } from '../use-element-width';
import { BAND_COLOR, THRESHOLD_COLOR, annotationExtent, clipRanges, reduceBand } from './chart-annotations';
import { ChartAnnotationKey } from './chart-annotation-key';
import { ChartCrosshair } from './chart-crosshair';
import { ChartHoverTooltip } from './chart-hover-tooltip';
import { ChartLegend } from './chart-legend';
import { type ChartMarker, ChartMarkerLayer } from './chart-markers';

export type { ChartMarker } from './chart-markers';

/** What a chart draws besides its series. */
export interface ChartAnnotations {
  /** Horizontal lines (alarm thresholds); the y axis always includes them. */
  thresholds?: { value: number; label: string; color?: string }[];
  /** Shaded time ranges (ALARM periods, incidents), behind the lines. */
  ranges?: { startMs: number; endMs: number; color: string; label?: string }[];
  /** A band between lower and upper (anomaly detection), drawn behind the lines (grey). */
  band?: { timestamps: number[]; lower: number[]; upper: number[]; label: string };
  /** Point events (audit events): a triangle at the plot's top edge and a hairline; keep the array stable. */
  markers?: ChartMarker[];
  /**
   * Horizontal annotations: a line at `value`, or a band from `value` to `to`; `fill` shades from the
   * line to the top or bottom of the plot. On the left axis unless `axis` is 'right'.
   */
  horizontal?: {
    value: number;
    to?: number;
    label?: string;
    color?: string;
    fill?: 'above' | 'below';
    axis?: 'left' | 'right';
  }[];
  /** Vertical lines at instants (epoch ms); shaded time spans go in `ranges`. */
  verticals?: { timeMs: number; label?: string; color?: string }[];
}

/** The second y axis, on the right, and the series drawn against it. */
export interface RightAxis {
  /** Ids of the series measured on the right axis. */
  seriesIds: readonly string[];
  /** Fixed bounds, as {@link TimeSeriesChartProps.yDomain}. */
  domain?: [number | undefined, number | undefined];
  /** Axis label; by default the unit of its series. */
  label?: string;
}

/** Props of {@link TimeSeriesChart}. */
export interface TimeSeriesChartProps {
  /** The series to draw; keep the array stable between renders (it is reduced with M4 on change). */
  series: SeriesData[];
  /** Start of the x domain, epoch ms: always the full requested range, whatever the data covers. */
  startMs: number;
  /** End of the x domain, epoch ms. */
  endMs: number;
  /** Height of the drawing in px; the legend sits below it. */
  height: number;
  /** Separate lines, or areas stacked on each other. */
  variant: 'line' | 'stacked-area';
  /** Fixed y bounds; an undefined bound is chosen from the data (0 at the bottom unless values go below). */
  yDomain?: [number | undefined, number | undefined];
  /** Unit label on the y axis; by default the series' common unit. */
  yLabel?: string;
  /** Called with the ordered range a person selected by dragging across the plot. */
  onZoom?: (startMs: number, endMs: number) => void;
  /** Called with the plot width in px (one column per pixel), to choose the query period. */
  onWidthChange?: (widthPx: number) => void;
  /** Shown instead of the chart when no series has a point in the range. */
  emptyText?: string;
  /** Threshold lines, shaded ranges, a band and markers; keep the object stable between renders. */
  annotations?: ChartAnnotations;
  /** A marker was clicked; by default its `href` opens. */
  onMarkerClick?: (marker: ChartMarker) => void;
  /** A right y axis for some series; keep the object stable between renders. */
  rightAxis?: RightAxis;
  /** Where the legend sits (default below the plot). */
  legendPosition?: 'bottom' | 'right' | 'hidden';
  /**
   * Share the pointer's instant with the page's other graphs that share it: hovering this one draws
   * a hairline and values on them, and theirs on this one (src/lib/crosshair.ts).
   */
  syncCrosshair?: boolean;
}

const MARGIN = { top: 8, right: 16, bottom: 0, left: 0 };
const RIGHT_AXIS_ID = 'right';
const NO_IDS: readonly string[] = [];
const LEGEND_RIGHT_PX = 160;
const Y_AXIS_WIDTH = 64;
const X_AXIS_HEIGHT = 24;
const MIN_ZOOM_PX = 5;
const TICK_STYLE = { fontSize: 11, fill: '#64748b' };

/**
 * An automatic upper bound that stays above a fixed lower one: with `min` above every value, the axis
 * runs from `min` up (the graph is empty) instead of turning upside down.
 */
export function autoAbove(min: number | 'auto'): 'auto' | ((dataMax: number) => number) {
  if (min === 'auto') return 'auto';
  return (dataMax: number) => (dataMax > min ? dataMax : min + Math.max(1, Math.abs(min)));
}

interface Drag {
  fromX: number;
  toX: number;
}

/**
 * A time-series chart: lines or stacked areas over a fixed time domain, reduced to at most four
 * points per pixel column per series (M4), with a hover tooltip, a legend that hides and shows
 * series, and drag-to-zoom.
 */
export const TimeSeriesChart = memo(function TimeSeriesChart({
  series,
  startMs,
  endMs,
  height,
  variant,
  yDomain,
  yLabel,
  onZoom,
  onWidthChange,
  emptyText,
  annotations,
  onMarkerClick,
  rightAxis,
  legendPosition = 'bottom',
  syncCrosshair = false,
}: TimeSeriesChartProps) {
  const [rootRef, rootWidth] = useElementWidth<HTMLDivElement>();
  const chartId = useId();
  const rightIds = rightAxis?.seriesIds ?? NO_IDS;
  const horizontal = annotations?.horizontal;
  const hasRight = rightIds.length > 0 || (horizontal ?? []).some((h) => h.axis === 'right');
  const legendRight = legendPosition === 'right' && series.length > 0;
  const width = Math.max(0, rootWidth - (legendRight ? LEGEND_RIGHT_PX : 0));
  const [hidden, setHidden] = useState<ReadonlySet<string>>(() => new Set());
  const [drag, setDrag] = useState<Drag | undefined>(undefined);
  const [hoverX, setHoverX] = useState<number | undefined>(undefined);
  const [markerActive, setMarkerActive] = useState(false);

  const plotLeft = MARGIN.left + Y_AXIS_WIDTH;
  // recharts places a right axis inside the chart, beside the margin.
  const marginRight = MARGIN.right + (hasRight ? Y_AXIS_WIDTH : 0);
  const plotWidth = Math.max(0, Math.floor(width - plotLeft - marginRight));
  const plotHeight = Math.max(0, height - MARGIN.top - MARGIN.bottom - X_AXIS_HEIGHT);
  const span = endMs - startMs;

  const onWidthChangeRef = useRef(onWidthChange);
  useEffect(() => {
    onWidthChangeRef.current = onWidthChange;
  });
  useEffect(() => {
    if (plotWidth > 0) onWidthChangeRef.current?.(plotWidth);
  }, [plotWidth]);

  const visible = useMemo(() => series.filter((s) => !hidden.has(s.id)), [series, hidden]);
  const hasData = useMemo(
    () =>
      series.some((s) =>
        s.timestamps.some((t, i) => t >= startMs && t <= endMs && !Number.isNaN(s.values[i])),
      ),
    [series, startMs, endMs],
  );
  const prepared = useMemo(() => {
    if (plotWidth <= 0) return undefined;
    // Colours follow the position in `series`, so hiding one series does not recolour the others.
    const colored = visible.map((s) => (s.color ? s : { ...s, color: paletteFor(series, s) }));
    // Lines each get their own rows, so no line is handed points of another; stacking needs shared rows.
    return variant === 'stacked-area'
      ? stackSeries(colored, startMs, endMs, plotWidth)
      : { ...reduceSeries(colored, startMs, endMs, plotWidth), rows: undefined };
  }, [visible, series, startMs, endMs, plotWidth, variant]);

  const leftSeries = useMemo(() => series.filter((s) => !rightIds.includes(s.id)), [series, rightIds]);
  const rightSeries = useMemo(() => series.filter((s) => rightIds.includes(s.id)), [series, rightIds]);
  const unit = commonUnit(leftSeries.length > 0 ? leftSeries : series);
  const rightUnit = commonUnit(rightSeries);
  const axisLabel = yLabel ?? formatUnitLabel(unit);
  const rightLabel = rightAxis?.label ?? formatUnitLabel(rightUnit);
  const [minValue, rightMinValue] = useMemo(() => {
    let min = Infinity;
    let rightMin = Infinity;
    for (const s of prepared?.series ?? []) {
      const right = rightIds.includes(s.id);
      for (const v of s.values) {
        if (right) rightMin = Math.min(rightMin, v);
        else min = Math.min(min, v);
      }
    }
    return [min, rightMin];
  }, [prepared, rightIds]);

  const band = annotations?.band;
  const verticals = annotations?.verticals;
  const ranges = annotations?.ranges;
  const bandRows = useMemo(
    () => (band && plotWidth > 0 ? reduceBand(band, startMs, endMs, plotWidth) : []),
    [band, startMs, endMs, plotWidth],
  );
  const thresholds = annotations?.thresholds;
  const extent = useMemo(() => {
    const e = annotationExtent(bandRows, thresholds);
    for (const h of horizontal ?? []) {
      if (h.axis === 'right') continue;
      for (const v of [h.value, h.to]) {
        if (v === undefined || !Number.isFinite(v)) continue;
        e.min = Math.min(e.min, v);
        e.max = Math.max(e.max, v);
      }
    }
    return e;
  }, [bandRows, thresholds, horizontal]);
  const rightExtent = useMemo(() => {
    let min = Infinity;
    let max = -Infinity;
    for (const h of horizontal ?? []) {
      if (h.axis !== 'right') continue;
      for (const v of [h.value, h.to]) {
        if (v === undefined || !Number.isFinite(v)) continue;
        min = Math.min(min, v);
        max = Math.max(max, v);
      }
    }
    return { min, max };
  }, [horizontal]);
  const shadedRanges = useMemo(() => clipRanges(ranges, startMs, endMs), [ranges, startMs, endMs]);

  const toTime = (x: number) => {
    const f = Math.min(1, Math.max(0, (x - plotLeft) / Math.max(1, plotWidth)));
    return startMs + f * span;
  };

  const lines = useMemo(
    () =>
      (prepared?.series ?? []).map((s) =>
        variant === 'stacked-area' ? (
          <Area
            key={s.id}
            type="linear"
            dataKey={s.key}
            name={s.label}
            {...(rightIds.includes(s.id)
              ? { yAxisId: RIGHT_AXIS_ID, stackId: 'stack-right' }
              : { stackId: 'stack' })}
            stroke={s.color}
            strokeWidth={1.5}
            fill={s.color}
            fillOpacity={0.25}
            dot={false}
            activeDot={false}
            connectNulls={false}
            isAnimationActive={false}
          />
        ) : (
          <Line
            key={s.id}
            type="linear"
            {...(rightIds.includes(s.id) ? { yAxisId: RIGHT_AXIS_ID } : {})}
            data={s.rows}
            dataKey="v"
            name={s.label}
            stroke={s.color}
            strokeWidth={1.5}
            dot={false}
            activeDot={false}
            connectNulls={false}
            isAnimationActive={false}
          />
        ),
      ),
    [prepared, variant, rightIds],
  );

  const selection = drag && Math.abs(drag.toX - drag.fromX) > 0 ? [drag.fromX, drag.toX] : undefined;
  const selectionFrom = selection ? toTime(Math.min(...selection)) : undefined;
  const selectionTo = selection ? toTime(Math.max(...selection)) : undefined;

  const chart = useMemo(() => {
    if (!prepared || plotWidth <= 0) return undefined;
    const ticks = timeTicks(startMs, endMs, Math.max(2, Math.floor(plotWidth / 90)));
    // Thresholds and the band always fit on the y axis, fixed bounds included.
    const lowest = Math.min(minValue, extent.min);
    const yMin = yDomain?.[0] !== undefined ? Math.min(yDomain[0], extent.min) : lowest < 0 ? 'auto' : 0;
    const yMax = yDomain?.[1] !== undefined ? Math.max(yDomain[1], extent.max) : autoAbove(yMin);
    const rightDomain = rightAxis?.domain;
    const rightLowest = Math.min(rightMinValue, rightExtent.min);
    const rMin =
      rightDomain?.[0] !== undefined
        ? Math.min(rightDomain[0], rightExtent.min)
        : rightLowest < 0
          ? 'auto'
          : 0;
    const rMax = rightDomain?.[1] !== undefined ? Math.max(rightDomain[1], rightExtent.max) : autoAbove(rMin);
    const axisOf = (a: 'left' | 'right' | undefined) =>
      a === 'right' && hasRight ? { yAxisId: RIGHT_AXIS_ID } : {};
    return (
      <ComposedChart
        width={plotWidth + plotLeft + marginRight}
        height={height}
        data={prepared.rows}
        margin={MARGIN}
      >
        <CartesianGrid stroke="#e2e8f0" vertical={false} />
        <XAxis
          dataKey="t"
          type="number"
          domain={[startMs, endMs]}
          allowDataOverflow
          ticks={ticks}
          tickFormatter={(t: number) => formatTime(t, span)}
          tick={TICK_STYLE}
          stroke="#cbd5e1"
          height={X_AXIS_HEIGHT}
        />
        <YAxis
          type="number"
          width={Y_AXIS_WIDTH}
          domain={[yMin, yMax]}
          allowDataOverflow={yDomain?.[0] !== undefined || yDomain?.[1] !== undefined}
          tickFormatter={(v: number) => formatAxisValue(v, unit)}
          tick={TICK_STYLE}
          stroke="#cbd5e1"
          label={
            axisLabel
              ? {
                  value: axisLabel,
                  angle: -90,
                  position: 'insideLeft',
                  style: { ...TICK_STYLE, textAnchor: 'middle' },
                }
              : undefined
          }
        />
        {hasRight && (
          <YAxis
            yAxisId={RIGHT_AXIS_ID}
            orientation="right"
            type="number"
            width={Y_AXIS_WIDTH}
            domain={[rMin, rMax]}
            allowDataOverflow={rightDomain?.[0] !== undefined || rightDomain?.[1] !== undefined}
            tickFormatter={(v: number) => formatAxisValue(v, rightUnit)}
            tick={TICK_STYLE}
            stroke="#cbd5e1"
            label={
              rightLabel
                ? {
                    value: rightLabel,
                    angle: 90,
                    position: 'insideRight',
                    style: { ...TICK_STYLE, textAnchor: 'middle' },
                  }
                : undefined
            }
          />
        )}
        {/* recharts layers by zIndex (reference areas and areas 100, lines and reference lines 400),
            then by order: shaded ranges, then the band, behind the series; thresholds in front. */}
        {shadedRanges.map((r, i) => (
          <ReferenceArea
            key={`range-${i}`}
            className="chart-range"
            x1={r.startMs}
            x2={r.endMs}
            fill={r.color}
            fillOpacity={0.15}
            ifOverflow="hidden"
            label={
              r.label
                ? { value: r.label, position: 'insideTopLeft', style: { ...TICK_STYLE, fill: r.color } }
                : undefined
            }
          />
        ))}
        {(horizontal ?? []).map((h, i) => {
          const area = horizontalArea(h);
          if (!area) return null;
          return (
            <ReferenceArea
              key={`hfill-${i}`}
              className="chart-horizontal-fill"
              {...axisOf(h.axis)}
              // recharts extends a missing y1 to the plot's top and a missing y2 to its bottom.
              y1={area.high}
              y2={area.low}
              fill={h.color ?? HORIZONTAL_COLOR}
              fillOpacity={0.12}
              ifOverflow="hidden"
            />
          );
        })}
        {bandRows.length > 0 && (
          <Area
            className="chart-band"
            type="linear"
            data={bandRows}
            dataKey="range"
            name={band?.label}
            stroke="none"
            fill={BAND_COLOR}
            fillOpacity={0.3}
            dot={false}
            activeDot={false}
            connectNulls={false}
            isAnimationActive={false}
          />
        )}
        {lines}
        {(thresholds ?? [])
          .filter((t) => Number.isFinite(t.value))
          .map((t, i) => (
            <ReferenceLine
              key={`threshold-${i}`}
              className="chart-threshold"
              y={t.value}
              stroke={t.color ?? THRESHOLD_COLOR}
              strokeDasharray="6 4"
              strokeWidth={1.5}
              ifOverflow="extendDomain"
              label={{
                value: t.label,
                position: 'insideTopRight',
                style: { ...TICK_STYLE, fill: t.color ?? THRESHOLD_COLOR },
              }}
            />
          ))}
        {(horizontal ?? [])
          .filter((h) => h.to === undefined && Number.isFinite(h.value))
          .map((h, i) => (
            <ReferenceLine
              key={`hline-${i}`}
              className="chart-horizontal"
              {...axisOf(h.axis)}
              y={h.value}
              stroke={h.color ?? HORIZONTAL_COLOR}
              strokeWidth={1.5}
              ifOverflow="extendDomain"
              label={
                h.label
                  ? {
                      value: h.label,
                      position: 'insideTopLeft',
                      style: { ...TICK_STYLE, fill: h.color ?? HORIZONTAL_COLOR },
                    }
                  : undefined
              }
            />
          ))}
        {(verticals ?? [])
          .filter((v) => v.timeMs >= startMs && v.timeMs <= endMs)
          .map((v, i) => (
            <ReferenceLine
              key={`vline-${i}`}
              className="chart-vertical"
              x={v.timeMs}
              stroke={v.color ?? HORIZONTAL_COLOR}
              strokeWidth={1.5}
              label={
                v.label
                  ? {
                      value: v.label,
                      position: 'insideTopRight',
                      style: { ...TICK_STYLE, fill: v.color ?? HORIZONTAL_COLOR },
                    }
                  : undefined
              }
            />
          ))}
        {selectionFrom !== undefined && selectionTo !== undefined && (
          <ReferenceArea
            x1={selectionFrom}
            x2={selectionTo}
            fill="#3b82f6"
            fillOpacity={0.15}
            stroke="#3b82f6"
            strokeOpacity={0.4}
            ifOverflow="hidden"
          />
        )}
      </ComposedChart>
    );
  }, [
    prepared,
    plotWidth,
    plotLeft,
    marginRight,
    hasRight,
    rightAxis?.domain,
    rightMinValue,
    rightExtent,
    rightUnit,
    rightLabel,
    horizontal,
    verticals,
    height,
    startMs,
    endMs,
    span,
    yDomain,
    minValue,
    extent,
    shadedRanges,
    bandRows,
    thresholds,
    band?.label,
    unit,
    axisLabel,
    lines,
    selectionFrom,
    selectionTo,
  ]);

  const markers = annotations?.markers;
  const onMarkerClickRef = useRef(onMarkerClick);
  useEffect(() => {
    onMarkerClickRef.current = onMarkerClick;
  });
  const openMarker = useCallback((m: ChartMarker) => {
    if (onMarkerClickRef.current) onMarkerClickRef.current(m);
    else if (m.href) openLink(m.href);
  }, []);

  const pointerX = (e: ReactMouseEvent<HTMLDivElement>) =>
    e.clientX - e.currentTarget.getBoundingClientRect().left;
  const inPlot = (x: number) => x >= plotLeft && x <= plotLeft + plotWidth;

  const handleMouseDown = (e: ReactMouseEvent<HTMLDivElement>) => {
    const x = pointerX(e);
    if (!onZoom || e.button !== 0 || !inPlot(x)) return;
    e.preventDefault();
    setDrag({ fromX: x, toX: x });
  };
  const handleMouseMove = (e: ReactMouseEvent<HTMLDivElement>) => {
    const x = pointerX(e);
    setHoverX(inPlot(x) ? x : undefined);
    if (syncCrosshair) {
      if (inPlot(x)) setCrosshair(chartId, Math.round(toTime(x)));
      else clearCrosshair(chartId);
    }
    if (drag) setDrag({ fromX: drag.fromX, toX: Math.min(plotLeft + plotWidth, Math.max(plotLeft, x)) });
  };
  const handleMouseUp = () => {
    if (!drag) return;
    setDrag(undefined);
    if (onZoom && Math.abs(drag.toX - drag.fromX) >= MIN_ZOOM_PX) {
      const from = toTime(Math.min(drag.fromX, drag.toX));
      const to = toTime(Math.max(drag.fromX, drag.toX));
      onZoom(Math.round(from), Math.round(to));
    }
  };
  const handleMouseLeave = () => {
    if (syncCrosshair) clearCrosshair(chartId);
    setHoverX(undefined);
    setDrag(undefined);
  };

  const toggle = (id: string) =>
    setHidden((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  const legend = (
    <ChartLegend
      items={series.map((s) => ({ id: s.id, label: s.label, color: s.color ?? paletteFor(series, s) }))}
      hidden={hidden}
      onToggle={toggle}
    />
  );
  const plotArea = hasData ? (
    <div
      className={`relative select-none ${onZoom ? 'cursor-crosshair' : ''}`}
      style={{ height }}
      onMouseDown={handleMouseDown}
      onMouseMove={handleMouseMove}
      onMouseUp={handleMouseUp}
      onMouseLeave={handleMouseLeave}
    >
      {chart}
      {markers && markers.length > 0 && plotWidth > 0 && (
        <ChartMarkerLayer
          markers={markers}
          startMs={startMs}
          endMs={endMs}
          plotLeft={plotLeft}
          plotWidth={plotWidth}
          top={MARGIN.top}
          plotHeight={plotHeight}
          onOpen={openMarker}
          onActiveChange={setMarkerActive}
        />
      )}
      {syncCrosshair && prepared && plotWidth > 0 && (
        <ChartCrosshair
          chartId={chartId}
          series={prepared.series}
          startMs={startMs}
          endMs={endMs}
          plotLeft={plotLeft}
          plotWidth={plotWidth}
          top={MARGIN.top}
          plotHeight={plotHeight}
        />
      )}
      {hoverX !== undefined && !drag && !markerActive && prepared && (
        <ChartHoverTooltip
          x={hoverX}
          time={toTime(hoverX)}
          series={prepared.series}
          top={MARGIN.top}
          plotHeight={plotHeight}
          flip={hoverX > plotLeft + plotWidth / 2}
        />
      )}
    </div>
  ) : (
    <div
      className="flex items-center justify-center rounded border border-dashed border-slate-300 bg-slate-50 text-sm text-slate-500"
      style={{ height }}
    >
      {emptyText ?? 'No data for this time range'}
    </div>
  );
  const pointCount = hasData ? (prepared?.pointCount ?? 0) : 0;
  const lastTimestamp = series.reduce(
    (t, s) => Math.max(t, s.timestamps[s.timestamps.length - 1] ?? -Infinity),
    -Infinity,
  );
  return (
    <div
      ref={rootRef}
      data-testid="time-series-chart"
      data-points={pointCount}
      data-series-count={hasData ? visible.length : 0}
      data-start={startMs}
      data-end={endMs}
      data-last-timestamp={lastTimestamp}
      data-legend={legendPosition}
      className="w-full min-w-0"
    >
      {legendRight ? (
        <div className="flex items-start gap-1">
          <div className="min-w-0 flex-1">{plotArea}</div>
          <div className="shrink-0 overflow-auto" style={{ width: LEGEND_RIGHT_PX, maxHeight: height }}>
            {legend}
          </div>
        </div>
      ) : (
        plotArea
      )}
      {legendPosition === 'bottom' && series.length > 0 && legend}
      {hasData && annotations && <ChartAnnotationKey annotations={annotations} />}
    </div>
  );
});

/** Horizontal annotations without a colour of their own, as CloudWatch draws them. */
const HORIZONTAL_COLOR = '#64748b';

/**
 * The shaded y span of a horizontal annotation: a band between its two values, or from its line to
 * the plot's top (`fill: 'above'`) or bottom (`'below'`); undefined for a plain line. A missing
 * `low` means the plot's bottom, a missing `high` its top.
 */
export function horizontalArea(
  h: NonNullable<ChartAnnotations['horizontal']>[number],
): { low?: number; high?: number } | undefined {
  if (!Number.isFinite(h.value)) return undefined;
  if (h.to !== undefined)
    return Number.isFinite(h.to)
      ? { low: Math.min(h.value, h.to), high: Math.max(h.value, h.to) }
      : undefined;
  if (h.fill === 'above') return { low: h.value };
  if (h.fill === 'below') return { high: h.value };
  return undefined;
}

/** The palette colour for `s` by its position among all series, hidden ones included. */
function paletteFor(all: SeriesData[], s: SeriesData): string {
  return seriesColor(all.indexOf(s));
}

/** The unit all series share, or undefined when they differ or none is given. */
function commonUnit(series: SeriesData[]): string | undefined {
  const first = series[0]?.unit;
  return series.every((s) => s.unit === first) ? first : undefined;
}
