import { BAND_OPERATORS, STATIC_OPERATORS } from '../model/alarm-condition.ts';
import type { AlarmDraft, ThresholdType } from '../model/alarm-draft.ts';
import { MISSING_DATA_CHOICES } from '../model/alarm-options.ts';
import type { AlarmErrors } from '../model/alarm-validation.ts';
import { FormField, fieldClass } from './form-field.tsx';

/** Props of {@link ConditionSection}. */
export interface ConditionSectionProps {
  draft: AlarmDraft;
  errors: AlarmErrors;
  onChange: (patch: Partial<AlarmDraft>) => void;
}

/**
 * When the alarm fires: a static threshold or an anomaly band (its width and which side of it
 * breaches), M of N datapoints, and how missing data counts.
 */
export function ConditionSection({ draft, errors, onChange }: ConditionSectionProps) {
  const anomaly = draft.thresholdType === 'anomaly';
  const setType = (t: ThresholdType) =>
    onChange({
      thresholdType: t,
      comparison: t === 'anomaly' ? BAND_OPERATORS[0].value : STATIC_OPERATORS[0].value,
    });
  const operators = anomaly ? BAND_OPERATORS : STATIC_OPERATORS;
  const missing = MISSING_DATA_CHOICES.find((c) => c.value === draft.treatMissingData);
  return (
    <fieldset className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
      <legend className="px-1 text-sm font-semibold text-slate-900">Conditions</legend>
      <div className="flex gap-4 text-sm" role="radiogroup" aria-label="Condition type">
        <label className="flex items-center gap-1.5">
          <input type="radio" name="threshold-type" checked={!anomaly} onChange={() => setType('static')} />
          Static value
        </label>
        <label className="flex items-center gap-1.5">
          <input type="radio" name="threshold-type" checked={anomaly} onChange={() => setType('anomaly')} />
          Anomaly detection band
        </label>
      </div>
      <div className="grid gap-3 sm:grid-cols-2">
        <FormField label="Comparison" error={errors.comparison}>
          <select
            className={fieldClass}
            value={draft.comparison}
            onChange={(e) => onChange({ comparison: e.target.value as AlarmDraft['comparison'] })}
          >
            {operators.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        </FormField>
        {anomaly ? (
          <FormField
            label="Band width"
            error={errors.bandWidth}
            hint="Standard deviations of ANOMALY_DETECTION_BAND: a higher number gives a wider band. AWS does not publish its model; Watchtrail's own is the median of each hour of the week over the two weeks before, ± k robust standard deviations (median absolute deviation × 1.4826)."
          >
            <input
              type="number"
              step="0.1"
              min="0"
              className={fieldClass}
              value={draft.bandWidth}
              onChange={(e) => onChange({ bandWidth: e.target.value })}
            />
          </FormField>
        ) : (
          <FormField
            label="Threshold"
            error={errors.threshold}
            hint="Type it, or drag the threshold line on the lanes (arrow keys on its handle)."
          >
            <input
              type="text"
              inputMode="decimal"
              autoComplete="off"
              className={fieldClass}
              value={draft.threshold}
              onChange={(e) => onChange({ threshold: e.target.value })}
            />
          </FormField>
        )}
      </div>
      <div className="grid gap-3 sm:grid-cols-2">
        <FormField
          label="Datapoints to alarm"
          error={errors.datapointsToAlarm}
          hint="M: how many of the last N datapoints must breach."
        >
          <input
            type="number"
            min="1"
            step="1"
            className={fieldClass}
            value={draft.datapointsToAlarm}
            onChange={(e) => onChange({ datapointsToAlarm: e.target.value })}
          />
        </FormField>
        <FormField
          label="Evaluation periods"
          error={errors.evaluationPeriods}
          hint="N: how many recent periods are evaluated."
        >
          <input
            type="number"
            min="1"
            step="1"
            className={fieldClass}
            value={draft.evaluationPeriods}
            onChange={(e) => onChange({ evaluationPeriods: e.target.value })}
          />
        </FormField>
      </div>
      <FormField label="Missing data treatment" error={errors.treatMissingData} hint={missing?.explanation}>
        <select
          className={fieldClass}
          value={draft.treatMissingData}
          onChange={(e) => onChange({ treatMissingData: e.target.value })}
        >
          {MISSING_DATA_CHOICES.map((c) => (
            <option key={c.value} value={c.value}>
              {c.label}
            </option>
          ))}
          {!missing && <option value={draft.treatMissingData}>{draft.treatMissingData}</option>}
        </select>
      </FormField>
    </fieldset>
  );
}
