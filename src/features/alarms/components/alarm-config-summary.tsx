import type { MetricAlarm } from '@aws-sdk/client-cloudwatch';
import type { ReactNode } from 'react';
import { formatDateTime } from '../../../lib/format.ts';
import { alarmPeriod, conditionSummary } from '../model/alarm-condition.ts';
import { MISSING_DATA_CHOICES } from '../model/alarm-options.ts';
import { periodLabel } from '../model/durations.ts';

/** Props of {@link AlarmConfigSummary}. */
export interface AlarmConfigSummaryProps {
  alarm: MetricAlarm;
}

function ArnList({ arns }: { arns: string[] | undefined }) {
  if (!arns || arns.length === 0) return <span className="text-slate-500">None</span>;
  return (
    <ul className="space-y-0.5">
      {arns.map((a) => (
        <li key={a} className="font-mono text-xs break-all">
          {a}
        </li>
      ))}
    </ul>
  );
}

/** The alarm's configuration as a list of terms: metric, statistic, period, condition, data treatment, actions. */
export function AlarmConfigSummary({ alarm }: AlarmConfigSummaryProps) {
  const period = alarmPeriod(alarm);
  const rows: [string, ReactNode][] = [];
  if (alarm.Metrics && alarm.Metrics.length > 0) {
    rows.push([
      'Metrics',
      <ul key="m" className="space-y-0.5 font-mono text-xs">
        {alarm.Metrics.map((q) => (
          <li key={q.Id}>
            {q.Id} ={' '}
            {q.MetricStat
              ? `${q.MetricStat.Metric?.Namespace} ${q.MetricStat.Metric?.MetricName} ${(q.MetricStat.Metric?.Dimensions ?? []).map((d) => `${d.Name}=${d.Value}`).join(', ')} · ${q.MetricStat.Stat}`
              : q.Expression}
            {q.Id === alarm.ThresholdMetricId ? ' (threshold)' : ''}
          </li>
        ))}
      </ul>,
    ]);
  } else {
    rows.push(['Namespace', alarm.Namespace]);
    rows.push(['Metric name', alarm.MetricName]);
    rows.push([
      'Dimensions',
      (alarm.Dimensions ?? []).map((d) => `${d.Name}=${d.Value}`).join(', ') || 'None',
    ]);
    rows.push(['Statistic', alarm.Statistic ?? alarm.ExtendedStatistic]);
  }
  rows.push(['Period', period !== undefined ? periodLabel(period) : '—']);
  rows.push(['Condition', conditionSummary(alarm)]);
  rows.push([
    'Datapoints to alarm',
    `${alarm.DatapointsToAlarm ?? alarm.EvaluationPeriods} of ${alarm.EvaluationPeriods}`,
  ]);
  rows.push([
    'Missing data treatment',
    MISSING_DATA_CHOICES.find((c) => c.value === (alarm.TreatMissingData ?? 'missing'))?.label ??
      alarm.TreatMissingData,
  ]);
  rows.push(['Actions', alarm.ActionsEnabled === false ? 'Disabled' : 'Enabled']);
  rows.push(['ALARM actions', <ArnList key="a" arns={alarm.AlarmActions} />]);
  rows.push(['OK actions', <ArnList key="o" arns={alarm.OKActions} />]);
  rows.push(['INSUFFICIENT_DATA actions', <ArnList key="i" arns={alarm.InsufficientDataActions} />]);
  if (alarm.AlarmDescription) rows.push(['Description', alarm.AlarmDescription]);
  rows.push([
    'ARN',
    <span key="arn" className="font-mono text-xs break-all">
      {alarm.AlarmArn}
    </span>,
  ]);
  if (alarm.AlarmConfigurationUpdatedTimestamp)
    rows.push(['Configuration updated', formatDateTime(alarm.AlarmConfigurationUpdatedTimestamp.getTime())]);
  return (
    <dl className="grid grid-cols-[minmax(8rem,max-content)_1fr] gap-x-4 gap-y-1.5 text-sm">
      {rows.map(([term, value]) => (
        <div key={term} className="contents">
          <dt className="text-slate-500">{term}</dt>
          <dd className="break-words text-slate-800">{value}</dd>
        </div>
      ))}
    </dl>
  );
}
