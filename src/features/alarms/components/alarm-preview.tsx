import type { ReactNode } from 'react';
import { useMetricUnits } from '../../../lib/cloudwatch/get-metric-unit.ts';
import { unitForStat } from '../../../lib/cloudwatch/known-units.ts';
import type { MetricIdentity } from '../../../lib/cloudwatch/metric-identity.ts';
import { useResolvedRange } from '../../../lib/use-resolved-range.ts';
import { conditionSummary } from '../model/alarm-condition.ts';
import { type AlarmDraft, toPutMetricAlarmInput } from '../model/alarm-draft.ts';
import type { AlarmErrors } from '../model/alarm-validation.ts';
import { AlarmTuner } from './tuner/alarm-tuner.tsx';

/** Props of {@link AlarmPreview}. */
export interface AlarmPreviewProps {
  draft: AlarmDraft;
  /** The draft's errors: the tuner replays once the fields it needs are valid. */
  errors: AlarmErrors;
  /** Sets form fields from the tuner (a dragged threshold, an applied configuration, a suggestion). */
  onChange: (patch: Partial<AlarmDraft>) => void;
  /** The form's condition fields, shown inside the tuner beside its summary. */
  conditions: ReactNode;
}

/**
 * The live preview of the alarm: the tuner (its replay over the history, drawn in lanes, with the
 * summary) and the condition in words.
 */
export function AlarmPreview({ draft, errors, onChange, conditions }: AlarmPreviewProps) {
  const { endMs } = useResolvedRange();
  const metricReady =
    !errors.namespace &&
    !errors.metricName &&
    !errors.stat &&
    !errors.period &&
    !errors.expression &&
    !errors.bandWidth;
  const metric: MetricIdentity = {
    namespace: draft.namespace,
    metricName: draft.metricName,
    dimensions: draft.dimensions,
  };
  const [metricUnit] = useMetricUnits(draft.metricMode === 'metric' && metricReady ? [metric] : [], endMs);
  const unit = draft.metricMode === 'metric' ? unitForStat(metricUnit, draft.stat.trim()) : undefined;
  const label =
    draft.metricMode === 'expression'
      ? draft.expressionLabel.trim() || draft.expression.trim() || 'Expression'
      : draft.metricName || 'Metric';
  const summaryReady =
    metricReady && !errors.threshold && !errors.evaluationPeriods && !errors.datapointsToAlarm;

  return (
    <AlarmTuner
      draft={draft}
      errors={errors}
      onChange={onChange}
      conditions={conditions}
      label={label}
      {...(unit !== undefined ? { unit } : {})}
      sentence={
        <p className="text-sm text-slate-700" data-testid="alarm-condition-preview">
          {summaryReady
            ? `ALARM when ${conditionSummary(toPutMetricAlarmInput(draft))}.`
            : 'Complete the metric and the conditions to see when the alarm fires.'}
        </p>
      }
    />
  );
}
