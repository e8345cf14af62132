import {
  Bar,
  BarChart as RechartsBarChart,
  CartesianGrid,
  Cell,
  ReferenceLine,
  XAxis,
  YAxis,
} from 'recharts';
import { formatAxisValue, formatValue } from '../../lib/format';
import { seriesColor } from '../../lib/palette';
import { useElementWidth } from '../use-element-width';

/** One bar: a metric's value over the range (or its latest period). */
export interface BarItem {
  id: string;
  label: string;
  /** Undefined draws no bar ("No data" in its title). */
  value?: number;
  color?: string;
  unit?: string;
}

/** Props of {@link MetricBarChart}. */
export interface MetricBarChartProps {
  items: BarItem[];
  /** Height of the drawing in px. */
  height: number;
  /** Fixed y bounds; undefined bounds follow the values (0 at the bottom unless one is negative). */
  yDomain?: [number | undefined, number | undefined];
  /** Unit label of the y axis. */
  yLabel?: string;
  /** Horizontal lines across the bars (annotations); the y axis includes them. */
  lines?: { value: number; label?: string; color?: string }[];
}

const TICK_STYLE = { fontSize: 11, fill: '#64748b' };
const Y_AXIS_WIDTH = 56;

/** Average width of a tick character at 11 px, px. */
const TICK_CHAR_PX = 6.2;

/** A bar's label cut to the width of its band (with "…"), so neighbours never overlap; hover shows all. */
export function fitLabel(label: string, bandPx: number): string {
  const chars = Math.floor((bandPx - 4) / TICK_CHAR_PX);
  if (label.length <= chars) return label;
  return chars <= 1 ? '' : `${label.slice(0, chars - 1)}…`;
}

/** CloudWatch's bar view: one vertical bar per metric, coloured as its line would be. */
export function MetricBarChart({ items, height, yDomain, yLabel, lines }: MetricBarChartProps) {
  const [ref, width] = useElementWidth<HTMLDivElement>();
  const data = items.map((item, i) => ({
    id: item.id,
    label: item.label,
    value: item.value !== undefined && Number.isFinite(item.value) ? item.value : undefined,
    color: item.color ?? seriesColor(i),
  }));
  const unit = items.every((i) => i.unit === items[0]?.unit) ? items[0]?.unit : undefined;
  const values = [
    ...data.map((d) => d.value).filter((v): v is number => v !== undefined),
    ...(lines ?? []).map((l) => l.value).filter(Number.isFinite),
  ];
  const lowest = Math.min(0, ...values);
  const yMin = yDomain?.[0] ?? lowest;
  const yMax = yDomain?.[1] ?? 'auto';
  return (
    <div
      ref={ref}
      data-testid="bar-chart"
      data-bars={data.filter((d) => d.value !== undefined).length}
      className="w-full min-w-0"
      role="img"
      aria-label={data.map((d) => `${d.label}: ${formatValue(d.value, unit)}`).join(', ')}
    >
      {width > 0 && (
        <RechartsBarChart
          width={width}
          height={height}
          data={data}
          margin={{ top: 8, right: 16, bottom: 0, left: 0 }}
        >
          <CartesianGrid stroke="#e2e8f0" vertical={false} />
          <XAxis
            dataKey="label"
            tick={TICK_STYLE}
            stroke="#cbd5e1"
            interval={0}
            height={24}
            tickFormatter={(label: string) =>
              fitLabel(label, (width - Y_AXIS_WIDTH - 16) / Math.max(1, data.length))
            }
          />
          <YAxis
            type="number"
            width={Y_AXIS_WIDTH}
            domain={[yMin, yMax]}
            tickFormatter={(v: number) => formatAxisValue(v, unit)}
            tick={TICK_STYLE}
            stroke="#cbd5e1"
            label={
              yLabel
                ? {
                    value: yLabel,
                    angle: -90,
                    position: 'insideLeft',
                    style: { ...TICK_STYLE, textAnchor: 'middle' },
                  }
                : undefined
            }
          />
          <Bar dataKey="value" isAnimationActive={false}>
            {data.map((d) => (
              <Cell key={d.id} fill={d.color} />
            ))}
          </Bar>
          {(lines ?? [])
            .filter((l) => Number.isFinite(l.value))
            .map((l, i) => (
              <ReferenceLine
                key={i}
                className="chart-horizontal"
                y={l.value}
                stroke={l.color ?? '#64748b'}
                strokeWidth={1.5}
                ifOverflow="extendDomain"
                label={
                  l.label
                    ? {
                        value: l.label,
                        position: 'insideTopLeft',
                        style: { ...TICK_STYLE, fill: l.color ?? '#64748b' },
                      }
                    : undefined
                }
              />
            ))}
        </RechartsBarChart>
      )}
    </div>
  );
}
