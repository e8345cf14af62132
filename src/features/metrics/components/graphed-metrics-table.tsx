import { metricKey } from '../../../lib/cloudwatch/metric-identity.ts';
import type { MetricIdentity } from '../../../lib/cloudwatch/metric-identity.ts';
import { formatUnitLabel } from '../../../lib/format.ts';
import { navigate } from '../../../lib/navigation.ts';
import type { GraphedMetric } from '../hooks/use-metric-graph.ts';

/** Props of {@link GraphedMetricsTable}. */
export interface GraphedMetricsTableProps {
  /** The metrics on the graph, in graph order, with their colour and label. */
  graphed: readonly GraphedMetric[];
  /** Takes a metric off the graph (unchecks it). */
  onRemove: (metric: MetricIdentity) => void;
  /** The graph's statistic and period, carried to "Create alarm" so the alarm judges what the graph shows. */
  stat: string;
  periodSeconds: number;
}

/** Opens the alarm form prefilled with one graphed metric. */
function createAlarmFrom(metric: MetricIdentity, stat: string, periodSeconds: number): void {
  navigate('/alarms/new', {
    namespace: metric.namespace,
    metricName: metric.metricName,
    dimensions: JSON.stringify(metric.dimensions.map((d) => ({ name: d.name, value: d.value }))),
    stat,
    period: String(Math.max(60, periodSeconds)),
  });
}

/** The metrics on the graph, each with its colour, identity, unit and a remove button. */
export function GraphedMetricsTable({ graphed, onRemove, stat, periodSeconds }: GraphedMetricsTableProps) {
  if (graphed.length === 0) return null;
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm" aria-label="Graphed metrics">
        <thead className="border-b border-slate-200 text-xs uppercase tracking-wide text-slate-500">
          <tr>
            <th scope="col" className="px-3 py-1.5 font-medium">
              Label
            </th>
            <th scope="col" className="px-3 py-1.5 font-medium">
              Namespace
            </th>
            <th scope="col" className="px-3 py-1.5 font-medium">
              Dimensions
            </th>
            <th scope="col" className="px-3 py-1.5 font-medium">
              Unit
            </th>
            <th scope="col" className="px-3 py-1.5">
              <span className="sr-only">Alarm</span>
            </th>
            <th scope="col" className="w-10 px-3 py-1.5">
              <span className="sr-only">Remove</span>
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {graphed.map((g) => (
            <tr key={metricKey(g.metric)} className="text-slate-700">
              <td className="px-3 py-1.5">
                <span className="flex items-center gap-2">
                  <span
                    aria-hidden="true"
                    className="inline-block h-2.5 w-2.5 shrink-0 rounded-sm"
                    style={{ backgroundColor: g.color }}
                  />
                  <span className="font-medium text-slate-900">{g.label}</span>
                </span>
              </td>
              <td className="px-3 py-1.5">{g.metric.namespace}</td>
              <td className="px-3 py-1.5 text-xs">
                {g.metric.dimensions.length === 0
                  ? '—'
                  : g.metric.dimensions.map((d) => `${d.name}=${d.value}`).join(', ')}
              </td>
              <td className="px-3 py-1.5 text-xs">{formatUnitLabel(g.unit) || '—'}</td>
              <td className="px-3 py-1.5 text-right">
                <button
                  type="button"
                  aria-label={`Create alarm on ${g.label}`}
                  onClick={() => createAlarmFrom(g.metric, stat, periodSeconds)}
                  className="whitespace-nowrap rounded border border-slate-300 px-2 py-0.5 text-xs text-slate-700 hover:bg-slate-100"
                >
                  Create alarm
                </button>
              </td>
              <td className="px-3 py-1.5 text-right">
                <button
                  type="button"
                  aria-label={`Remove ${g.label}`}
                  title={`Remove ${g.label} from the graph`}
                  onClick={() => onRemove(g.metric)}
                  className="rounded px-1.5 text-base leading-none text-slate-400 hover:bg-slate-100 hover:text-slate-700 focus-visible:outline focus-visible:outline-2 focus-visible:outline-blue-500"
                >
                  ×
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
