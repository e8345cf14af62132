import type { MetricNameSummary } from './metric-search.ts';

/** Props of {@link MetricNameTable}. */
export interface MetricNameTableProps {
  metricNames: readonly MetricNameSummary[];
  /** Opens a metric name to list its metrics, one per dimension set. */
  onOpen: (metricName: string) => void;
}

const th = 'px-3 py-1.5 font-medium';

/** The metric names of one namespace, with their dimension names and how many metrics carry each. */
export function MetricNameTable({ metricNames, onOpen }: MetricNameTableProps) {
  return (
    <table className="w-full text-left text-sm">
      <thead className="border-b border-slate-200 text-xs uppercase tracking-wide text-slate-500">
        <tr>
          <th scope="col" className={th}>
            Metric name
          </th>
          <th scope="col" className={th}>
            Dimensions
          </th>
          <th scope="col" className={`${th} text-right`}>
            Metrics
          </th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {metricNames.map((m) => (
          <tr key={m.metricName} className="hover:bg-slate-50">
            <td className="px-3 py-1.5">
              <button
                type="button"
                onClick={() => onOpen(m.metricName)}
                className="font-medium text-blue-700 hover:underline focus-visible:outline focus-visible:outline-2 focus-visible:outline-blue-500"
              >
                {m.metricName}
              </button>
            </td>
            <td className="px-3 py-1.5 text-xs text-slate-600">{m.dimensionNames.join(', ') || '—'}</td>
            <td className="px-3 py-1.5 text-right tabular-nums text-slate-700">{m.metricCount}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
