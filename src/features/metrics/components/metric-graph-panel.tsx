import { useCallback, useId, useMemo, useState } from 'react';
import { AuditMarkerFilterControl } from '../../../components/audit-marker-filter.tsx';
import { type ChartAnnotations, TimeSeriesChart } from '../../../components/charts/time-series-chart.tsx';
import { useChartMarkers } from '../../../lib/audit-events/audit-events.ts';
import type { MetricIdentity } from '../../../lib/cloudwatch/metric-identity.ts';
import { useTimeState } from '../../../lib/time-state.ts';
import { MAX_GRAPHED_METRICS, useMetricGraph } from '../hooks/use-metric-graph.ts';
import type { PeriodChoice } from '../model/graph-options.ts';
import { useMetricsSelection } from '../stores/metrics-selection-store.ts';
import { AwsErrorAlert } from '../../../components/aws-error-alert.tsx';
import { GraphControls } from './graph-controls.tsx';
import { GraphedMetricsTable } from './graphed-metrics-table.tsx';
import { MathExpressions } from './math-expressions.tsx';

const CHART_HEIGHT_PX = 320;

/** Props of {@link MetricGraphPanel}. */
export interface MetricGraphPanelProps {
  /** Start of the graphed range, epoch ms. */
  startMs: number;
  /** End of the graphed range, epoch ms. */
  endMs: number;
  /** Engine time the range was resolved at, epoch ms. */
  nowMs: number;
}

/**
 * The graph of every checked metric and math expression, its Statistic and Period controls, the
 * graphed metrics (Ids, Show, anomaly band) and the expressions.
 */
export function MetricGraphPanel({ startMs, endMs, nowMs }: MetricGraphPanelProps) {
  const headingId = useId();
  const metrics = useMetricsSelection((s) => s.metrics);
  const metricOptions = useMetricsSelection((s) => s.metricOptions);
  const expressions = useMetricsSelection((s) => s.expressions);
  const stat = useMetricsSelection((s) => s.stat);
  const period = useMetricsSelection((s) => s.period);
  const setStat = useMetricsSelection((s) => s.setStat);
  const setPeriod = useMetricsSelection((s) => s.setPeriod);
  const setChecked = useMetricsSelection((s) => s.setChecked);
  const setMetricVisible = useMetricsSelection((s) => s.setMetricVisible);
  const setBand = useMetricsSelection((s) => s.setBand);
  const addExpression = useMetricsSelection((s) => s.addExpression);
  const updateExpression = useMetricsSelection((s) => s.updateExpression);
  const removeExpression = useMetricsSelection((s) => s.removeExpression);
  const [widthPx, setWidthPx] = useState<number | undefined>(undefined);

  const graph = useMetricGraph({
    metrics,
    metricOptions,
    expressions,
    stat,
    period,
    startMs,
    endMs,
    nowMs,
    widthPx,
  });
  const { band } = graph;
  const markers = useChartMarkers(startMs, endMs);
  const annotations = useMemo(
    (): ChartAnnotations | undefined =>
      band || markers
        ? {
            ...(band
              ? {
                  band: {
                    timestamps: band.timestamps,
                    lower: band.lower,
                    upper: band.upper,
                    label: band.label,
                  },
                }
              : {}),
            ...(markers ? { markers } : {}),
          }
        : undefined,
    [band, markers],
  );
  const hasExpression = expressions.some((e) => e.expression.trim() !== '');

  const onZoom = useCallback((start: number, end: number) => {
    useTimeState.getState().setRange({ kind: 'absolute', start, end });
  }, []);
  const onRemove = useCallback((m: MetricIdentity) => setChecked([m], false), [setChecked]);
  const onPeriodChange = useCallback((p: PeriodChoice) => setPeriod(p), [setPeriod]);

  return (
    <section
      aria-labelledby={headingId}
      aria-busy={graph.isFetching}
      className="rounded-lg border border-slate-200 bg-white"
    >
      <div className="flex flex-wrap items-end justify-between gap-3 border-b border-slate-200 px-4 py-3">
        <div className="flex items-center gap-2">
          <h2 id={headingId} className="text-sm font-semibold text-slate-900">
            Graph
          </h2>
          {graph.isFetching && (
            <span aria-hidden="true" className="text-xs text-slate-500">
              Loading…
            </span>
          )}
        </div>
        <div className="flex flex-wrap items-end gap-3">
          <GraphControls
            stat={stat}
            period={period}
            periodSeconds={graph.periodSeconds}
            onStatChange={setStat}
            onPeriodChange={onPeriodChange}
          />
          <AuditMarkerFilterControl startMs={startMs} endMs={endMs} />
        </div>
      </div>
      <div className="space-y-3 p-4">
        {graph.error && <AwsErrorAlert title="The graph could not be loaded" error={graph.error} />}
        {metrics.length > 0 && stat.trim() === '' && (
          <p className="text-sm text-amber-700">Enter a statistic, for example p99.9 or TM(10%:90%).</p>
        )}
        {graph.truncated && (
          <p className="text-sm text-amber-700">
            A graph shows at most {MAX_GRAPHED_METRICS} metrics: the first {MAX_GRAPHED_METRICS} checked are
            drawn.
          </p>
        )}
        {metrics.length > 0 && !graph.drawsAnything && (
          <p className="text-sm text-amber-700">
            Every metric and expression is hidden: check Show on one to draw it.
          </p>
        )}
        {metrics.length === 0 && !hasExpression ? (
          <div
            className="flex items-center justify-center rounded border border-dashed border-slate-300 bg-slate-50 text-sm text-slate-500"
            style={{ height: CHART_HEIGHT_PX }}
          >
            Select metrics to graph them
          </div>
        ) : (
          <TimeSeriesChart
            series={graph.series}
            startMs={startMs}
            endMs={endMs}
            height={CHART_HEIGHT_PX}
            variant="line"
            onZoom={onZoom}
            onWidthChange={setWidthPx}
            annotations={annotations}
            emptyText={graph.isFetching ? 'Loading…' : 'No data for this time range'}
          />
        )}
        <GraphedMetricsTable
          graphed={graph.graphed}
          problems={graph.problems}
          onRemove={onRemove}
          onVisibleChange={setMetricVisible}
          onBandChange={setBand}
          stat={stat}
          periodSeconds={graph.periodSeconds}
        />
        <MathExpressions
          expressions={expressions}
          problems={graph.problems}
          colors={graph.expressionColors}
          onAdd={addExpression}
          onChange={updateExpression}
          onRemove={removeExpression}
        />
      </div>
    </section>
  );
}
