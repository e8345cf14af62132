import type { MetricDataQuery } from '@aws-sdk/client-cloudwatch';
import { useCallback, useMemo } from 'react';
import { type ChartAnnotations, TimeSeriesChart } from '../../../components/charts/time-series-chart.tsx';
import { useChartMarkers } from '../../../lib/audit-events/audit-events.ts';
import type { SeriesData } from '../../../lib/series.ts';
import { useTimeState } from '../../../lib/time-state.ts';
import { useAlarmMetricData } from '../api/get-metric-data.ts';
import { bandFromResults, chartPeriod, withPeriod } from '../model/alarm-chart-data.ts';
import { STATE_LOOK } from '../model/alarm-state.ts';
import { periodLabel } from '../model/durations.ts';
import { AwsErrorAlert } from '../../../components/aws-error-alert.tsx';

/** Props of {@link AlarmChart}. */
export interface AlarmChartProps {
  /** The alarm's queries (its `Metrics`, or one built from its metric); undefined while incomplete. */
  queries: MetricDataQuery[] | undefined;
  /** The alarm's period, seconds; the chart uses it or a whole multiple of it. */
  periodS: number;
  /** Id of the evaluated query, drawn as the line. */
  evaluatedId: string;
  /** Id of the band expression, for anomaly detection alarms. */
  bandId?: string;
  /** Legend label of the line. */
  label: string;
  /** Unit of the line's values, for the y axis. */
  unit?: string;
  /** The threshold line: value and label. */
  threshold?: { value: number; label: string };
  /** Label of the anomaly band. */
  bandLabel?: string;
  /** Spans of time spent in ALARM, shaded red. */
  alarmRanges?: { startMs: number; endMs: number }[];
  startMs: number;
  endMs: number;
  /** Engine time the range was resolved at. */
  nowMs: number;
  height?: number;
  /** Mark the audit events of the range (as the shared audit-marker filter selects them); default true. */
  auditMarkers?: boolean;
}

/**
 * An alarm's metric over the range with its threshold line (the y axis always includes it) or its
 * anomaly band, and its ALARM periods shaded. Drag across it to zoom the shared time range.
 */
export function AlarmChart(props: AlarmChartProps) {
  const { queries, periodS, evaluatedId, bandId, label, unit, threshold, bandLabel, alarmRanges } = props;
  const { startMs, endMs, nowMs, height = 260, auditMarkers = true } = props;
  const period = chartPeriod(periodS, startMs, endMs, nowMs);
  const request = useMemo(
    () => (queries ? { queries: withPeriod(queries, period), startMs, endMs } : undefined),
    [queries, period, startMs, endMs],
  );
  const data = useAlarmMetricData(request);
  const markers = useChartMarkers(startMs, endMs, auditMarkers);

  const series = useMemo((): SeriesData[] => {
    const found = (data.data ?? []).find((r) => r.id === evaluatedId);
    return [
      {
        id: evaluatedId,
        label,
        color: '#1f77b4',
        ...(unit !== undefined ? { unit } : {}),
        timestamps: found?.timestamps ?? [],
        values: found?.values ?? [],
      },
    ];
  }, [data.data, evaluatedId, label, unit]);

  const thresholdValue = threshold?.value;
  const thresholdLabel = threshold?.label;
  const annotations = useMemo((): ChartAnnotations => {
    const band = bandId ? bandFromResults(data.data ?? [], bandId) : undefined;
    return {
      ...(thresholdValue !== undefined && thresholdLabel !== undefined
        ? { thresholds: [{ value: thresholdValue, label: thresholdLabel }] }
        : {}),
      ...(band ? { band: { ...band, label: bandLabel ?? 'Anomaly band' } } : {}),
      ...(alarmRanges && alarmRanges.length > 0
        ? { ranges: alarmRanges.map((r) => ({ ...r, color: STATE_LOOK.ALARM.color, label: 'ALARM' })) }
        : {}),
      ...(markers ? { markers } : {}),
    };
  }, [data.data, bandId, bandLabel, thresholdValue, thresholdLabel, alarmRanges, markers]);

  const onZoom = useCallback((start: number, end: number) => {
    useTimeState.getState().setRange({ kind: 'absolute', start, end });
  }, []);

  return (
    <div className="space-y-2" aria-busy={data.isFetching}>
      {data.error && <AwsErrorAlert title="The metric could not be graphed" error={data.error} />}
      <TimeSeriesChart
        series={series}
        startMs={startMs}
        endMs={endMs}
        height={height}
        variant="line"
        onZoom={onZoom}
        annotations={annotations}
        emptyText={
          queries === undefined
            ? 'Choose a metric to preview it'
            : data.isFetching
              ? 'Loading…'
              : 'No data for this time range'
        }
      />
      <p className="text-xs text-slate-500">
        {period === periodS
          ? `Datapoints of ${periodLabel(period)}, the alarm's period.`
          : `Datapoints of ${periodLabel(period)} (the alarm's period is ${periodLabel(periodS)}; this range is shown coarser).`}
      </p>
    </div>
  );
}
