import { useMemo } from 'react';
import { useMetricUnits } from '../../../lib/cloudwatch/get-metric-unit.ts';
import { unitForStat } from '../../../lib/cloudwatch/known-units.ts';
import type { MetricIdentity } from '../../../lib/cloudwatch/metric-identity.ts';
import { useResolvedRange } from '../../../lib/use-resolved-range.ts';
import { useDebouncedValue } from '../hooks/use-debounced-value.ts';
import { conditionSummary, operatorSymbol } from '../model/alarm-condition.ts';
import { type AlarmDraft, draftQueries, evaluatedId, toPutMetricAlarmInput } from '../model/alarm-draft.ts';
import type { AlarmErrors } from '../model/alarm-validation.ts';
import { parseNumber } from '../model/alarm-validation.ts';
import { AlarmChart } from './alarm-chart.tsx';

/** Props of {@link AlarmPreview}. */
export interface AlarmPreviewProps {
  draft: AlarmDraft;
  /** The draft's errors: a preview is drawn once the metric part is complete. */
  errors: AlarmErrors;
}

/** Typing settles this long before the preview re-queries. */
const PREVIEW_DELAY_MS = 400;

/**
 * The live preview: the draft's metric (or expression) over the current time range with the
 * threshold line or the anomaly band, and the condition in words.
 */
export function AlarmPreview({ draft, errors }: AlarmPreviewProps) {
  const { startMs, endMs, anchorMs } = useResolvedRange();
  const metricReady =
    !errors.namespace &&
    !errors.metricName &&
    !errors.stat &&
    !errors.period &&
    !errors.expression &&
    !errors.bandWidth;
  const settled = useDebouncedValue(metricReady ? JSON.stringify(draftQueries(draft)) : '', PREVIEW_DELAY_MS);
  const queries = useMemo(
    () => (settled ? (JSON.parse(settled) as ReturnType<typeof draftQueries>) : undefined),
    [settled],
  );

  const metric: MetricIdentity = {
    namespace: draft.namespace,
    metricName: draft.metricName,
    dimensions: draft.dimensions,
  };
  const [metricUnit] = useMetricUnits(draft.metricMode === 'metric' && metricReady ? [metric] : [], endMs);
  const unit = draft.metricMode === 'metric' ? unitForStat(metricUnit, draft.stat.trim()) : undefined;

  const threshold = draft.thresholdType === 'static' ? parseNumber(draft.threshold) : undefined;
  const label =
    draft.metricMode === 'expression'
      ? draft.expressionLabel.trim() || draft.expression.trim() || 'Expression'
      : draft.metricName || 'Metric';
  const summaryReady =
    metricReady && !errors.threshold && !errors.evaluationPeriods && !errors.datapointsToAlarm;

  return (
    <section aria-label="Preview" className="space-y-2 rounded-lg border border-slate-200 bg-white p-4">
      <h2 className="text-sm font-semibold text-slate-900">Preview</h2>
      <AlarmChart
        queries={queries}
        periodS={draft.period}
        evaluatedId={evaluatedId(draft)}
        {...(draft.thresholdType === 'anomaly'
          ? { bandId: draft.bandId, bandLabel: `Anomaly band (width ${draft.bandWidth})` }
          : {})}
        label={label}
        {...(unit !== undefined ? { unit } : {})}
        {...(threshold !== undefined
          ? { threshold: { value: threshold, label: `${operatorSymbol(draft.comparison)} ${threshold}` } }
          : {})}
        startMs={startMs}
        endMs={endMs}
        nowMs={anchorMs}
      />
      <p className="text-sm text-slate-700" data-testid="alarm-condition-preview">
        {summaryReady
          ? `ALARM when ${conditionSummary(toPutMetricAlarmInput(draft))}.`
          : 'Complete the metric and the conditions to see when the alarm fires.'}
      </p>
    </section>
  );
}
