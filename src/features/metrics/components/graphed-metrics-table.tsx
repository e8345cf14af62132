import { metricKey } from '../../../lib/cloudwatch/metric-identity.ts';
import type { MetricIdentity } from '../../../lib/cloudwatch/metric-identity.ts';
import { formatUnitLabel } from '../../../lib/format.ts';
import { navigate } from '../../../lib/navigation.ts';
import { DEFAULT_BAND_WIDTH, bandId } from '../model/graph-queries.ts';
import type { GraphedMetric, QueryProblem } from '../model/graph-results.ts';
import { BandWidthInput } from './band-width-input.tsx';
import { QueryProblemText } from './query-problem-text.tsx';

/** Watchtrail's anomaly model, in a sentence (the band is ours, not AWS's). */
export const ANOMALY_BAND_HELP =
  "Watchtrail's own model (AWS does not publish theirs): an hour-of-week median with a robust spread, trained on the two weeks before the range; values outside the band are anomalies.";

/** Props of {@link GraphedMetricsTable}. */
export interface GraphedMetricsTableProps {
  /** The metrics on the graph, in graph order, with their Id, colour, label and options. */
  graphed: readonly GraphedMetric[];
  /** Why a band drew nothing, by the band's query Id (adN). */
  problems: Readonly<Record<string, QueryProblem>>;
  /** Takes a metric off the graph (unchecks it). */
  onRemove: (metric: MetricIdentity) => void;
  /** Draws the metric, or fetches it only for expressions. */
  onVisibleChange: (id: string, visible: boolean) => void;
  /** Turns the metric's anomaly band on with a width, or off (undefined). */
  onBandChange: (id: string, bandWidth: number | undefined) => void;
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

const checkboxClass = 'h-3.5 w-3.5 rounded border-slate-300 accent-blue-600';

/**
 * The metrics on the graph, each with its Id (for expressions), a Show toggle, its colour, identity,
 * unit, an anomaly band toggle with its width, and a remove button.
 */
export function GraphedMetricsTable({
  graphed,
  problems,
  onRemove,
  onVisibleChange,
  onBandChange,
  stat,
  periodSeconds,
}: GraphedMetricsTableProps) {
  if (graphed.length === 0) return null;
  const anyBand = graphed.some((g) => g.bandWidth !== undefined);
  return (
    <div className="space-y-1">
      <div className="overflow-x-auto">
        <table className="w-full text-left text-sm" aria-label="Graphed metrics">
          <thead className="border-b border-slate-200 text-xs uppercase tracking-wide text-slate-500">
            <tr>
              <th scope="col" className="px-3 py-1.5 font-medium">
                Id
              </th>
              <th scope="col" className="px-3 py-1.5 font-medium">
                Show
              </th>
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
              <th scope="col" className="px-3 py-1.5 font-medium">
                Anomaly band
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
            {graphed.map((g) => {
              const bandProblem = problems[bandId(g.id)];
              return (
                <tr key={metricKey(g.metric)} className="text-slate-700">
                  <td className="px-3 py-1.5 font-mono text-xs text-slate-600">{g.id}</td>
                  <td className="px-3 py-1.5">
                    <input
                      type="checkbox"
                      aria-label={`Show ${g.id}`}
                      title={g.visible ? 'Drawn' : 'Not drawn: only an input of expressions'}
                      checked={g.visible}
                      onChange={(e) => onVisibleChange(g.id, e.target.checked)}
                      className={checkboxClass}
                    />
                  </td>
                  <td className="px-3 py-1.5">
                    <span className="flex items-center gap-2">
                      <span
                        aria-hidden="true"
                        className={`inline-block h-2.5 w-2.5 shrink-0 rounded-sm ${g.visible ? '' : 'opacity-30'}`}
                        style={{ backgroundColor: g.color }}
                      />
                      <span className={`font-medium ${g.visible ? 'text-slate-900' : 'text-slate-500'}`}>
                        {g.label}
                      </span>
                    </span>
                  </td>
                  <td className="px-3 py-1.5">{g.metric.namespace}</td>
                  <td className="px-3 py-1.5 text-xs">
                    {g.metric.dimensions.length === 0
                      ? '—'
                      : g.metric.dimensions.map((d) => `${d.name}=${d.value}`).join(', ')}
                  </td>
                  <td className="px-3 py-1.5 text-xs">{formatUnitLabel(g.unit) || '—'}</td>
                  <td className="px-3 py-1.5">
                    <span className="flex flex-wrap items-center gap-2">
                      <input
                        type="checkbox"
                        aria-label={`Anomaly band for ${g.label}`}
                        title={ANOMALY_BAND_HELP}
                        checked={g.bandWidth !== undefined}
                        onChange={(e) =>
                          onBandChange(g.id, e.target.checked ? DEFAULT_BAND_WIDTH : undefined)
                        }
                        className={checkboxClass}
                      />
                      {g.bandWidth !== undefined && (
                        <BandWidthInput
                          value={g.bandWidth}
                          metricLabel={g.label}
                          onChange={(w) => onBandChange(g.id, w)}
                        />
                      )}
                    </span>
                    {bandProblem && <QueryProblemText problem={bandProblem} />}
                  </td>
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
              );
            })}
          </tbody>
        </table>
      </div>
      {anyBand && (
        <p className="px-3 text-xs text-slate-500">
          <span className="font-medium text-slate-600">Anomaly band:</span> {ANOMALY_BAND_HELP} The graph
          draws one band at a time.
        </p>
      )}
    </div>
  );
}
