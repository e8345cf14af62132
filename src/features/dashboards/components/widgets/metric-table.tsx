import { formatDateTime, formatValue } from '../../../../lib/format.ts';
import type { SeriesData } from '../../../../lib/series.ts';
import type { MetricWidgetProperties } from '../../model/dashboard-body.ts';

/** Props of {@link MetricTable}. */
export interface MetricTableProps {
  series: SeriesData[];
  /** The widget's `table` settings. */
  table?: MetricWidgetProperties['table'];
}

/** Summary columns CloudWatch offers, and how each reads a series. */
const SUMMARIES: Record<string, { title: string; of: (values: number[]) => number | undefined }> = {
  MIN: { title: 'Min', of: (v) => (v.length ? Math.min(...v) : undefined) },
  MAX: { title: 'Max', of: (v) => (v.length ? Math.max(...v) : undefined) },
  SUM: { title: 'Sum', of: (v) => (v.length ? v.reduce((a, b) => a + b, 0) : undefined) },
  AVG: { title: 'Average', of: (v) => (v.length ? v.reduce((a, b) => a + b, 0) / v.length : undefined) },
  LAST: { title: 'Last', of: (v) => v[v.length - 1] },
  FIRST: { title: 'First', of: (v) => v[0] },
};
const DEFAULT_SUMMARY = ['MIN', 'MAX', 'SUM', 'AVG'];
/** Newest datapoints shown per series when the table shows time series data. */
const MAX_TIME_COLUMNS = 12;

/**
 * CloudWatch's table view: a row per metric with its summary (min, max, sum, average by default)
 * and, with `showTimeSeriesData`, its newest datapoints; `layout: 'vertical'` puts metrics in columns.
 */
export function MetricTable({ series, table }: MetricTableProps) {
  const chosen = (table?.summaryColumns ?? []).map((c) => c.toUpperCase()).filter((c) => c in SUMMARIES);
  const summaries = chosen.length > 0 ? chosen : DEFAULT_SUMMARY;
  const times = table?.showTimeSeriesData
    ? [...new Set(series.flatMap((s) => s.timestamps))].sort((a, b) => a - b).slice(-MAX_TIME_COLUMNS)
    : [];
  const finite = (s: SeriesData) => s.values.filter(Number.isFinite);
  const valueAt = (s: SeriesData, t: number) => {
    const i = s.timestamps.indexOf(t);
    return i >= 0 ? s.values[i] : undefined;
  };
  const columns = [
    ...summaries.map((c) => ({
      key: c,
      title: SUMMARIES[c].title,
      read: (s: SeriesData) => SUMMARIES[c].of(finite(s)),
    })),
    ...times.map((t) => ({
      key: String(t),
      title: formatDateTime(t).slice(11, 16),
      read: (s: SeriesData) => valueAt(s, t),
    })),
  ];
  const cell = 'border-b border-slate-100 px-2 py-1 text-right tabular-nums';
  const head = 'border-b border-slate-200 bg-slate-50 px-2 py-1 text-left font-medium text-slate-600';
  if (series.length === 0) return <p className="p-3 text-sm text-slate-500">No data for this time range</p>;
  if (table?.layout === 'vertical') {
    return (
      <table data-testid="metric-table" data-layout="vertical" className="w-full border-collapse text-xs">
        <thead>
          <tr>
            <th className={head}>
              <span className="sr-only">Value</span>
            </th>
            {series.map((s) => (
              <th key={s.id} scope="col" className={head}>
                {s.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {columns.map((c) => (
            <tr key={c.key}>
              <th scope="row" className={head}>
                {c.title}
              </th>
              {series.map((s) => (
                <td key={s.id} className={cell}>
                  {formatValue(c.read(s), s.unit)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    );
  }
  return (
    <table data-testid="metric-table" data-layout="horizontal" className="w-full border-collapse text-xs">
      <thead>
        <tr>
          <th scope="col" className={head}>
            Label
          </th>
          {columns.map((c) => (
            <th key={c.key} scope="col" className={`${head} text-right`}>
              {c.title}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {series.map((s) => (
          <tr key={s.id}>
            <th
              scope="row"
              className="border-b border-slate-100 px-2 py-1 text-left font-normal text-slate-800"
            >
              {s.label}
            </th>
            {columns.map((c) => (
              <td key={c.key} className={cell}>
                {formatValue(c.read(s), s.unit)}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
