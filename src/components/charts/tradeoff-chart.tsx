import { CartesianGrid, Legend, Line, LineChart, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts';
import { useElementWidth } from '../use-element-width';

/** One threshold tried, and what it would have cost. */
export interface TradeoffPoint {
  threshold: number;
  falseAlarms: number;
  missed: number;
}

/** Props of {@link TradeoffChart}. */
export interface TradeoffChartProps {
  /** The thresholds tried, ascending (at most a few hundred). */
  points: readonly TradeoffPoint[];
  /** The proposed threshold, marked with a solid line. */
  suggested?: number;
  /** The form's threshold, marked with a dashed line. */
  current?: number;
  /** How a threshold reads on the axis and in the tooltip. */
  formatThreshold?: (v: number) => string;
  /** Height in px. */
  height?: number;
  /** Names the chart for assistive technology, which reads the figures from the text beside it. */
  label: string;
}

const FALSE_COLOR = '#d97706';

/** Round ticks over [lo, hi]: multiples of a 1, 2 or 5 step, about five of them. */
function roundTicks(lo: number, hi: number): number[] {
  if (!(hi > lo)) return [lo];
  const rough = (hi - lo) / 5;
  const power = 10 ** Math.floor(Math.log10(rough));
  const f = rough / power;
  const step = (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * power;
  const ticks: number[] = [];
  for (let t = Math.ceil(lo / step) * step; t <= hi + step * 1e-9; t += step)
    ticks.push(Number(t.toPrecision(12)));
  return ticks;
}
const MISSED_COLOR = '#dc2626';

/**
 * The trade-off of a threshold sweep: false alarms and missed incidents against the threshold, as
 * steps (each figure is a whole count), with the suggestion and the current threshold marked.
 */
export function TradeoffChart({
  points,
  suggested,
  current,
  formatThreshold = (v) => v.toLocaleString('en-US', { maximumSignificantDigits: 4 }),
  height = 180,
  label,
}: TradeoffChartProps) {
  const [ref, width] = useElementWidth<HTMLDivElement>();
  const first = points[0]?.threshold ?? 0;
  const last = points[points.length - 1]?.threshold ?? 1;
  const ticks = roundTicks(first, last);
  return (
    <div
      ref={ref}
      role="img"
      aria-label={label}
      data-testid="tradeoff-chart"
      data-points={points.length}
      style={{ height }}
    >
      {width > 0 && points.length > 1 && (
        <LineChart
          width={width}
          height={height}
          data={points as TradeoffPoint[]}
          margin={{ top: 18, right: 16, bottom: 4, left: 0 }}
        >
          <CartesianGrid stroke="#e2e8f0" vertical={false} />
          <XAxis
            dataKey="threshold"
            type="number"
            domain={[first, last]}
            ticks={ticks}
            tickFormatter={formatThreshold}
            tick={{ fontSize: 11, fill: '#475569' }}
            allowDataOverflow
          />
          <YAxis allowDecimals={false} width={36} tick={{ fontSize: 11, fill: '#475569' }} />
          <Tooltip
            labelFormatter={(v) => `Threshold ${formatThreshold(Number(v))}`}
            contentStyle={{ fontSize: 12 }}
            isAnimationActive={false}
          />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          <Line
            type="stepAfter"
            dataKey="falseAlarms"
            name="False alarms"
            stroke={FALSE_COLOR}
            strokeWidth={2}
            dot={false}
            isAnimationActive={false}
          />
          <Line
            type="stepAfter"
            dataKey="missed"
            name="Missed incidents"
            stroke={MISSED_COLOR}
            strokeWidth={2}
            dot={false}
            isAnimationActive={false}
          />
          {suggested !== undefined && (
            <ReferenceLine
              x={suggested}
              stroke="#2563eb"
              strokeWidth={2}
              label={{ value: 'suggested', position: 'top', fontSize: 11, fill: '#2563eb' }}
            />
          )}
          {current !== undefined && current >= first && current <= last && (
            <ReferenceLine
              x={current}
              stroke="#334155"
              strokeDasharray="4 3"
              label={{ value: 'current', position: 'insideTopRight', fontSize: 11, fill: '#334155' }}
            />
          )}
        </LineChart>
      )}
    </div>
  );
}
