import { nearestPoint } from '../../lib/chart-rows';
import type { DrawnSeries } from '../../lib/chart-rows';
import { formatDateTime, formatExact, formatValue } from '../../lib/format';

/** Props of {@link ChartHoverTooltip}. */
export interface ChartHoverTooltipProps {
  /** Cursor position in px from the left of the chart. */
  x: number;
  /** The instant under the cursor, epoch ms. */
  time: number;
  /** The drawn series, read at their nearest real point. */
  series: DrawnSeries[];
  /** Top of the plot area in px. */
  top: number;
  /** Height of the plot area in px, for the cursor line. */
  plotHeight: number;
  /** Put the box on the left of the cursor (near the right edge). */
  flip: boolean;
}

/**
 * The cursor line and the box listing, at the instant under the cursor, each series' nearest real
 * point: its exact time (UTC) and value with unit.
 */
export function ChartHoverTooltip({ x, time, series, top, plotHeight, flip }: ChartHoverTooltipProps) {
  const entries = series.map((s) => ({ s, point: nearestPoint(s, time) }));
  let nearest: number | undefined;
  for (const { point } of entries) {
    if (point && (nearest === undefined || Math.abs(point.t - time) < Math.abs(nearest - time)))
      nearest = point.t;
  }
  return (
    <>
      <div
        aria-hidden="true"
        className="pointer-events-none absolute w-px bg-slate-400"
        style={{ left: x, top, height: plotHeight }}
      />
      <div
        role="tooltip"
        className="pointer-events-none absolute z-10 min-w-40 rounded border border-slate-200 bg-white/95 px-2 py-1.5 text-xs shadow-md"
        style={{ top, ...(flip ? { right: `calc(100% - ${x - 12}px)` } : { left: x + 12 }) }}
      >
        <div className="mb-1 font-medium text-slate-900">{formatDateTime(nearest ?? time)}</div>
        <ul>
          {entries.map(({ s, point }) => (
            <li key={s.id} className="flex items-center gap-2 text-slate-700">
              <span
                aria-hidden="true"
                className="inline-block h-2 w-2 rounded-sm"
                style={{ backgroundColor: s.color }}
              />
              <span className="truncate">{s.label}</span>
              <span className="ml-auto pl-3 font-mono tabular-nums text-slate-900">
                {formatExact(point?.value, s.unit)}
              </span>
              <span className="w-16 text-right text-slate-500">{formatValue(point?.value, s.unit)}</span>
            </li>
          ))}
        </ul>
      </div>
    </>
  );
}
