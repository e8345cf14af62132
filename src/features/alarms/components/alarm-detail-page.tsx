import type { MetricAlarm } from '@aws-sdk/client-cloudwatch';
import { useMemo, useState } from 'react';
import { useMetricUnits } from '../../../lib/cloudwatch/get-metric-unit.ts';
import { unitForStat } from '../../../lib/cloudwatch/known-units.ts';
import { useEngineNow } from '../../../lib/engine-clock.ts';
import { formatDateTime } from '../../../lib/format.ts';
import { navigate } from '../../../lib/navigation.ts';
import { useResolvedRange } from '../../../lib/use-resolved-range.ts';
import { useDeleteAlarms } from '../api/delete-alarms.ts';
import { useStateHistory } from '../api/describe-alarm-history.ts';
import { useAlarm } from '../api/describe-alarms.ts';
import { useDisableAlarmActions } from '../api/disable-alarm-actions.ts';
import { useEnableAlarmActions } from '../api/enable-alarm-actions.ts';
import { alarmQueries } from '../model/alarm-chart-data.ts';
import {
  alarmPeriod,
  evaluatedQuery,
  isBandOperator,
  operatorSymbol,
  parseBandExpression,
  queryLabel,
} from '../model/alarm-condition.ts';
import { alarmRanges, stateSegments } from '../model/alarm-ranges.ts';
import { alarmEditPath, compositeAlarmPath } from '../model/alarm-route.ts';
import { isAlarmState } from '../model/alarm-state.ts';
import { timeInState } from '../model/durations.ts';
import { alarmResourceNames } from '../model/what-changed-resources.ts';
import { AlarmChart } from './alarm-chart.tsx';
import { AlarmConfigSummary } from './alarm-config-summary.tsx';
import { Breadcrumb } from './alarm-form-page.tsx';
import { TuneAlarmButton } from './tuner/tune-alarm-button.tsx';
import { AlarmHistoryTable } from './alarm-history-table.tsx';
import { AlarmStateBadge } from './alarm-state-badge.tsx';
import { AlarmStateTimeline } from './alarm-state-timeline.tsx';
import { AuditMarkerFilterControl } from '../../../components/audit-marker-filter.tsx';
import { AwsErrorAlert } from '../../../components/aws-error-alert.tsx';
import { buttonClass } from '../../../components/button-styles.ts';
import { ConfirmDeleteDialog } from './confirm-delete-dialog.tsx';
import { SetStateDialog } from './set-state-dialog.tsx';

/** Props of {@link AlarmDetailPage}. */
export interface AlarmDetailPageProps {
  /** The alarm's name, decoded from the path. */
  name: string;
}

/** `/alarms/<name>`: one metric alarm, its chart, configuration and history. */
export function AlarmDetailPage({ name }: AlarmDetailPageProps) {
  const alarm = useAlarm(name);
  const metricAlarm = alarm.data?.metricAlarm;
  return (
    <div className="space-y-4">
      <Breadcrumb current={name} />
      {alarm.error && <AwsErrorAlert title="The alarm could not be read" error={alarm.error} />}
      {alarm.isPending && <p className="text-sm text-slate-500">Loading the alarm…</p>}
      {alarm.data?.compositeAlarm && (
        <p className="text-sm">
          {name} is a composite alarm.{' '}
          <button
            type="button"
            className="text-blue-700 underline"
            onClick={() => navigate(compositeAlarmPath(name))}
          >
            Open the composite alarm
          </button>
        </p>
      )}
      {alarm.data && !metricAlarm && !alarm.data.compositeAlarm && (
        <p className="text-sm text-slate-700">There is no alarm named {name}; it may have been deleted.</p>
      )}
      {metricAlarm && <MetricAlarmDetail alarm={metricAlarm} />}
    </div>
  );
}

/** Props of {@link MetricAlarmDetail}. */
interface MetricAlarmDetailProps {
  alarm: MetricAlarm;
}

function MetricAlarmDetail({ alarm }: MetricAlarmDetailProps) {
  const name = alarm.AlarmName ?? '';
  const state = isAlarmState(alarm.StateValue) ? alarm.StateValue : undefined;
  const { startMs, endMs, anchorMs } = useResolvedRange();
  const { now } = useEngineNow(5_000);
  const [dialog, setDialog] = useState<'set-state' | 'delete' | undefined>(undefined);
  const deleteAlarms = useDeleteAlarms();
  const enable = useEnableAlarmActions();
  const disable = useDisableAlarmActions();

  const changes = useStateHistory(name, startMs, endMs);
  // The ribbon stops at the engine's now (a relative range ends with the current minute).
  const knownEnd = Math.max(startMs, Math.min(endMs, Math.floor(now / 5_000) * 5_000));
  const segments = useMemo(
    () =>
      changes.data
        ? stateSegments(changes.data.changes, startMs, knownEnd, state, changes.data.createdMs)
        : [],
    [changes.data, startMs, knownEnd, state],
  );
  const shaded = useMemo(() => alarmRanges(segments), [segments]);

  const queries = useMemo(() => alarmQueries(alarm), [alarm]);
  const resourceNames = useMemo(() => alarmResourceNames(alarm), [alarm]);
  const metrics = alarm.Metrics ?? [];
  const evaluated = metrics.length > 0 ? evaluatedQuery(metrics, alarm.ThresholdMetricId) : queries[0];
  const anomaly = Boolean(alarm.ThresholdMetricId) || isBandOperator(alarm.ComparisonOperator);
  const bandQuery = metrics.find((q) => q.Id === alarm.ThresholdMetricId);
  const bandWidth = parseBandExpression(bandQuery?.Expression)?.width;
  const metric = evaluated?.MetricStat?.Metric;
  const [metricUnit] = useMetricUnits(
    metric?.Namespace && metric.MetricName
      ? [
          {
            namespace: metric.Namespace,
            metricName: metric.MetricName,
            dimensions: (metric.Dimensions ?? []).map((d) => ({ name: d.Name ?? '', value: d.Value ?? '' })),
          },
        ]
      : [],
    endMs,
  );
  const unit = evaluated?.MetricStat ? unitForStat(metricUnit, evaluated.MetricStat.Stat ?? '') : undefined;
  const period = alarmPeriod(alarm) ?? 60;
  const actionsEnabled = alarm.ActionsEnabled ?? true;
  const toggleError = enable.error ?? disable.error;

  return (
    <>
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0 space-y-1">
          <h1 className="flex flex-wrap items-center gap-2 text-lg font-semibold break-all text-slate-900">
            {name} <AlarmStateBadge state={state} />
          </h1>
          <p className="text-sm text-slate-600">
            {alarm.StateUpdatedTimestamp && (
              <span title={`Since ${formatDateTime(alarm.StateUpdatedTimestamp.getTime())}`}>
                {state ?? 'Unknown'} {timeInState(now - alarm.StateUpdatedTimestamp.getTime())}
              </span>
            )}
            {' · '}Actions {actionsEnabled ? 'enabled' : 'disabled'}
          </p>
          <p className="max-w-4xl text-sm break-words text-slate-700" data-testid="alarm-state-reason">
            {alarm.StateReason}
          </p>
        </div>
        <div className="flex flex-wrap gap-2">
          <button type="button" className={buttonClass} onClick={() => navigate(alarmEditPath(name))}>
            Edit
          </button>
          <TuneAlarmButton name={name} />
          <button type="button" className={buttonClass} onClick={() => setDialog('set-state')}>
            Set state
          </button>
          <button
            type="button"
            className={buttonClass}
            disabled={enable.isPending || disable.isPending}
            onClick={() => (actionsEnabled ? disable : enable).mutate([name])}
          >
            {actionsEnabled ? 'Disable actions' : 'Enable actions'}
          </button>
          <button
            type="button"
            className={buttonClass}
            onClick={() => {
              deleteAlarms.reset();
              setDialog('delete');
            }}
          >
            Delete
          </button>
        </div>
      </div>
      {toggleError && <AwsErrorAlert title="The actions could not be changed" error={toggleError} />}
      <section aria-label="Metric" className="space-y-2 rounded-lg border border-slate-200 bg-white p-4">
        <div className="flex flex-wrap items-center justify-between gap-2">
          <h2 className="text-sm font-semibold text-slate-900">Metric</h2>
          <AuditMarkerFilterControl startMs={startMs} endMs={endMs} />
        </div>
        <AlarmChart
          queries={queries}
          periodS={period}
          evaluatedId={evaluated?.Id ?? 'm1'}
          label={queryLabel(evaluated)}
          {...(unit !== undefined ? { unit } : {})}
          {...(anomaly && alarm.ThresholdMetricId
            ? {
                bandId: alarm.ThresholdMetricId,
                bandLabel: `Anomaly band${bandWidth !== undefined ? ` (width ${bandWidth})` : ''}`,
              }
            : {})}
          {...(!anomaly && alarm.Threshold !== undefined
            ? {
                threshold: {
                  value: alarm.Threshold,
                  label: `${operatorSymbol(alarm.ComparisonOperator)} ${alarm.Threshold}`,
                },
              }
            : {})}
          alarmRanges={shaded}
          startMs={startMs}
          endMs={endMs}
          nowMs={anchorMs}
        />
      </section>
      <div className="grid items-start gap-4 xl:grid-cols-[minmax(0,1fr)_minmax(0,1fr)]">
        <section
          aria-label="Configuration"
          className="space-y-2 rounded-lg border border-slate-200 bg-white p-4"
        >
          <h2 className="text-sm font-semibold text-slate-900">Configuration</h2>
          <AlarmConfigSummary alarm={alarm} />
        </section>
        <section aria-label="History" className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
          <h2 className="text-sm font-semibold text-slate-900">History</h2>
          {changes.error ? (
            <AwsErrorAlert title="The state history could not be read" error={changes.error} />
          ) : (
            <AlarmStateTimeline segments={segments} startMs={startMs} endMs={endMs} />
          )}
          <AlarmHistoryTable alarmName={name} resourceNames={resourceNames} inAlarm={state === 'ALARM'} />
        </section>
      </div>
      {dialog === 'set-state' && (
        <SetStateDialog alarmName={name} current={state} onClose={() => setDialog(undefined)} />
      )}
      {dialog === 'delete' && (
        <ConfirmDeleteDialog
          names={[name]}
          pending={deleteAlarms.isPending}
          error={deleteAlarms.error}
          onCancel={() => setDialog(undefined)}
          onConfirm={() =>
            deleteAlarms.mutate([{ name, kind: 'MetricAlarm' }], { onSuccess: () => navigate('/alarms') })
          }
        />
      )}
    </>
  );
}
