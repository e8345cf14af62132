import { Cell, Pie, PieChart as RechartsPieChart } from 'recharts';
import { formatValue } from '../../lib/format';
import { seriesColor } from '../../lib/palette';
import { useElementWidth } from '../use-element-width';

/** One slice: a metric's value over the range (or its latest period). */
export interface PieSlice {
  id: string;
  label: string;
  value?: number;
  color?: string;
  unit?: string;
}

/** Props of {@link MetricPieChart}. */
export interface MetricPieChartProps {
  slices: PieSlice[];
  /** Height of the drawing in px. */
  height: number;
  /** Write each slice's label and value beside it (CloudWatch's `labels.visible`, default on). */
  showLabels?: boolean;
  /** Where the legend sits. */
  legendPosition?: 'bottom' | 'right' | 'hidden';
}

/** The slices a pie can draw: positive finite values only (a share of a whole). */
export function pieSlices(slices: readonly PieSlice[]): (PieSlice & { value: number; color: string })[] {
  return slices
    .map((s, i) => ({ ...s, color: s.color ?? seriesColor(i) }))
    .filter(
      (s): s is PieSlice & { value: number; color: string } =>
        s.value !== undefined && Number.isFinite(s.value) && s.value > 0,
    );
}

/** CloudWatch's pie view: each metric's share of the total, with a legend of value and percent. */
export function MetricPieChart({
  slices,
  height,
  showLabels = true,
  legendPosition = 'bottom',
}: MetricPieChartProps) {
  const [ref, width] = useElementWidth<HTMLDivElement>();
  const drawn = pieSlices(slices);
  const total = drawn.reduce((t, s) => t + s.value, 0);
  const right = legendPosition === 'right';
  const pieWidth = right ? Math.max(0, width - 180) : width;
  const size = Math.max(0, Math.min(pieWidth, height));
  const percent = (v: number) => `${((v / total) * 100).toFixed(1)} %`;
  return (
    <div
      ref={ref}
      data-testid="pie-chart"
      data-slices={drawn.length}
      className={`w-full min-w-0 ${right ? 'flex items-center' : ''}`}
    >
      {drawn.length === 0 ? (
        <div
          className="flex flex-1 items-center justify-center self-stretch rounded border border-dashed border-slate-300 bg-slate-50 text-sm text-slate-500"
          style={{ height }}
        >
          No data for this time range
        </div>
      ) : (
        pieWidth > 0 && (
          <RechartsPieChart width={pieWidth} height={height}>
            <Pie
              data={drawn}
              dataKey="value"
              nameKey="label"
              cx="50%"
              cy="50%"
              // Room outside the pie for the label line and a "34.8 %" label.
              outerRadius={Math.max(10, size / 2 - (showLabels ? 66 : 4))}
              isAnimationActive={false}
              label={
                showLabels ? (p: { payload?: { value: number } }) => percent(p.payload?.value ?? 0) : false
              }
              labelLine={showLabels}
            >
              {drawn.map((s) => (
                <Cell key={s.id} fill={s.color} />
              ))}
            </Pie>
          </RechartsPieChart>
        )
      )}
      {legendPosition !== 'hidden' && drawn.length > 0 && (
        <ul
          aria-label="Legend"
          className={`text-xs text-slate-700 ${right ? 'w-44 shrink-0' : 'mt-1 flex flex-wrap gap-x-3'}`}
        >
          {drawn.map((s) => (
            <li key={s.id} className="flex items-center gap-1.5">
              <span
                aria-hidden="true"
                className="inline-block h-2.5 w-2.5 rounded-sm"
                style={{ backgroundColor: s.color }}
              />
              <span className="truncate">{s.label}</span>
              <span className="ml-auto pl-2 tabular-nums text-slate-900">
                {formatValue(s.value, s.unit)} · {percent(s.value)}
              </span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
