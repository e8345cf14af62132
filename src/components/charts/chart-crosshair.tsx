import { memo } from 'react';
import type { DrawnSeries } from '../../lib/chart-rows';
import { nearestPoint } from '../../lib/chart-rows';
import { useCrosshairFrom } from '../../lib/crosshair';
import { formatDateTime, formatValue } from '../../lib/format';

/** Props of {@link ChartCrosshair}. */
export interface ChartCrosshairProps {
  /** This chart's id in the crosshair store: its own hover is not echoed back. */
  chartId: string;
  /** The drawn series, read at their nearest real point. */
  series: DrawnSeries[];
  startMs: number;
  endMs: number;
  /** Left edge and width of the plot area, px. */
  plotLeft: number;
  plotWidth: number;
  /** Top and height of the plot area, px. */
  top: number;
  plotHeight: number;
}

/** At most this many values in the readout; the rest are counted. */
const MAX_VALUES = 4;

/**
 * The hairline and small value readout another graph's hover puts on this one. It alone subscribes
 * to the crosshair store, so the chart's series never re-render while a person hovers elsewhere.
 */
export const ChartCrosshair = memo(function ChartCrosshair({
  chartId,
  series,
  startMs,
  endMs,
  plotLeft,
  plotWidth,
  top,
  plotHeight,
}: ChartCrosshairProps) {
  const position = useCrosshairFrom(chartId);
  if (!position || !(endMs > startMs)) return null;
  const { timeMs } = position;
  if (timeMs < startMs || timeMs > endMs) return null;
  const x = plotLeft + ((timeMs - startMs) / (endMs - startMs)) * plotWidth;
  const entries = series
    .map((s) => ({ s, point: nearestPoint(s, timeMs) }))
    .filter((e) => e.point !== undefined);
  const flip = x > plotLeft + plotWidth / 2;
  return (
    <div data-testid="chart-crosshair" data-time={timeMs} className="pointer-events-none absolute inset-0">
      <div
        aria-hidden="true"
        className="absolute w-px bg-slate-500/70"
        style={{ left: x, top, height: plotHeight }}
      />
      <div
        className="absolute rounded border border-slate-200 bg-white/90 px-1.5 py-0.5 text-[10px] leading-tight text-slate-700 shadow-sm"
        style={{ top, ...(flip ? { right: `calc(100% - ${x - 4}px)` } : { left: x + 4 }) }}
      >
        <div className="font-medium text-slate-900">{formatDateTime(timeMs)}</div>
        {entries.slice(0, MAX_VALUES).map(({ s, point }) => (
          <div key={s.id} className="flex items-center gap-1 whitespace-nowrap">
            <span
              aria-hidden="true"
              className="inline-block h-1.5 w-1.5 rounded-sm"
              style={{ backgroundColor: s.color }}
            />
            <span className="max-w-28 truncate">{s.label}</span>
            <span className="ml-auto pl-1 tabular-nums text-slate-900">
              {formatValue(point?.value, s.unit)}
            </span>
          </div>
        ))}
        {entries.length > MAX_VALUES && (
          <div className="text-slate-500">+{entries.length - MAX_VALUES} more</div>
        )}
      </div>
    </div>
  );
});
