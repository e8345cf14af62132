import { useMemo } from 'react';
import { Line, LineChart, XAxis, YAxis } from 'recharts';
import { reduceSeries } from '../../lib/chart-rows';
import { seriesColor } from '../../lib/palette';
import type { SeriesData } from '../../lib/series';

/** Props of {@link Sparkline}. */
export interface SparklineProps {
  /** The series to draw. */
  series: SeriesData;
  /** Width in px (also the number of M4 columns). */
  width?: number;
  /** Height in px. */
  height?: number;
  /** Start of the x domain, epoch ms; the first point by default. */
  startMs?: number;
  /** End of the x domain, epoch ms; the last point by default. */
  endMs?: number;
}

/** A tiny line without axes, to show the shape of a series next to a number. */
export function Sparkline({ series, width = 120, height = 32, startMs, endMs }: SparklineProps) {
  const from = startMs ?? series.timestamps[0] ?? 0;
  const to = endMs ?? series.timestamps[series.timestamps.length - 1] ?? 0;
  const drawn = useMemo(() => reduceSeries([series], from, to, width).series[0], [series, from, to, width]);
  return (
    <div
      data-testid="sparkline"
      data-points={drawn.timestamps.length}
      aria-hidden="true"
      style={{ width, height }}
    >
      {drawn.timestamps.length > 1 && (
        <LineChart width={width} height={height} margin={{ top: 2, right: 1, bottom: 2, left: 1 }}>
          <XAxis dataKey="t" type="number" domain={[from, to]} allowDataOverflow hide />
          <YAxis type="number" domain={['auto', 'auto']} hide />
          <Line
            data={drawn.rows}
            dataKey="v"
            type="linear"
            stroke={series.color ?? seriesColor(0)}
            strokeWidth={1.5}
            dot={false}
            activeDot={false}
            connectNulls={false}
            isAnimationActive={false}
          />
        </LineChart>
      )}
    </div>
  );
}
