import { formatExact, formatPercentChange, formatValue } from '../lib/format';
import type { SeriesData } from '../lib/series';
import { Sparkline } from './charts/sparkline';

/** Props of {@link NumberStat}. */
export interface NumberStatProps {
  /** What the number measures. */
  label: string;
  /** The latest value; undefined shows "No data". */
  value?: number;
  /** The value one period earlier, for the trend arrow and percent change. */
  previous?: number;
  /** CloudWatch unit of the values, for formatting. */
  unit?: string;
  /** Recent points, drawn as a small line beside the number. */
  sparkline?: SeriesData;
  /** Show every digit (CloudWatch's `singleValueFullPrecision`) instead of the compact form. */
  fullPrecision?: boolean;
}

/** One big number with its unit, how it moved since the previous period, and optionally its recent shape. */
export function NumberStat({ label, value, previous, unit, sparkline, fullPrecision }: NumberStatProps) {
  const known = value !== undefined && Number.isFinite(value);
  const change = known ? formatPercentChange(value, previous) : undefined;
  const direction =
    !known || previous === undefined || !Number.isFinite(previous) || value === previous
      ? undefined
      : value > previous
        ? 'up'
        : 'down';

  return (
    <div data-testid="number-stat" className="flex min-w-0 flex-col gap-1 p-3">
      <div className="truncate text-xs font-medium text-slate-500">{label}</div>
      <div className="flex items-end justify-between gap-3">
        <div
          className={
            known
              ? 'text-3xl font-semibold tabular-nums text-slate-900'
              : 'text-xl font-medium text-slate-400'
          }
        >
          {known ? (fullPrecision ? formatExact(value, unit) : formatValue(value, unit)) : 'No data'}
        </div>
        {sparkline && <Sparkline series={sparkline} width={96} height={32} />}
      </div>
      {direction && (
        <div className="text-xs text-slate-600">
          <span aria-hidden="true" className="text-slate-700">
            {direction === 'up' ? '▲' : '▼'}
          </span>
          <span className="sr-only">{direction === 'up' ? 'Up' : 'Down'}</span>{' '}
          {change ?? `from ${formatValue(previous, unit)}`}
          <span className="text-slate-400"> vs previous period</span>
        </div>
      )}
    </div>
  );
}
