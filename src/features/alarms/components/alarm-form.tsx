import { useEffect, useMemo, useRef, useState } from 'react';
import { navigate } from '../../../lib/navigation.ts';
import { usePutMetricAlarm } from '../api/put-metric-alarm.ts';
import { type AlarmDraft, toPutMetricAlarmInput } from '../model/alarm-draft.ts';
import { alarmPath } from '../model/alarm-route.ts';
import {
  type AlarmErrors,
  type AlarmField,
  MAX_NAME_LENGTH,
  isValidDraft,
  validateAlarmDraft,
} from '../model/alarm-validation.ts';
import { ActionsSection } from './actions-section.tsx';
import { AlarmPreview } from './alarm-preview.tsx';
import { AwsErrorAlert } from '../../../components/aws-error-alert.tsx';
import { buttonClass, primaryButtonClass } from '../../../components/button-styles.ts';
import { ConditionSection } from './condition-section.tsx';
import { FormField, fieldClass } from './form-field.tsx';
import { MetricSection } from './metric-section.tsx';

/** Props of {@link AlarmForm}. */
export interface AlarmFormProps {
  /** The fields to start from: empty, prefilled from a link, or an existing alarm's. */
  initial: AlarmDraft;
  /** Editing an existing alarm: its name cannot change (PutMetricAlarm overwrites by name). */
  mode: 'create' | 'edit';
}

/** Which fields a change touches, so their errors show from then on. */
function touchedBy(patch: Partial<AlarmDraft>): AlarmField[] {
  const fields = Object.keys(patch) as (keyof AlarmDraft)[];
  return fields.flatMap((f): AlarmField[] => {
    if (f === 'actions') return ['ALARM', 'OK', 'INSUFFICIENT_DATA'];
    if (f === 'thresholdType') return ['comparison'];
    if (f === 'metricMode') return [];
    return [f as AlarmField];
  });
}

/**
 * The metric alarm form (create and edit): metric or expression, statistic and period; the
 * conditions inside the tuner, which replays them over the history on every edit; actions, name and
 * description. Fields are checked as PutMetricAlarm checks them; a server error shows above the
 * buttons and every field keeps what was typed.
 */
export function AlarmForm({ initial, mode }: AlarmFormProps) {
  const [draft, setDraft] = useState(initial);
  const [touched, setTouched] = useState<ReadonlySet<AlarmField>>(() => new Set());
  const [submitted, setSubmitted] = useState(false);
  const put = usePutMetricAlarm();
  const formRef = useRef<HTMLFormElement>(null);
  const [focusInvalid, setFocusInvalid] = useState(0);

  const errors = useMemo(() => validateAlarmDraft(draft), [draft]);
  const shown = useMemo((): AlarmErrors => {
    if (submitted) return errors;
    const out: AlarmErrors = {};
    for (const [field, message] of Object.entries(errors) as [AlarmField, string][]) {
      if (touched.has(field)) out[field] = message;
    }
    return out;
  }, [errors, touched, submitted]);

  useEffect(() => {
    if (focusInvalid > 0) formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [focusInvalid]);

  const change = (patch: Partial<AlarmDraft>) => {
    setDraft((d) => ({ ...d, ...patch }));
    setTouched((t) => new Set([...t, ...touchedBy(patch)]));
  };

  const submit = () => {
    setSubmitted(true);
    if (!isValidDraft(errors)) {
      setFocusInvalid((n) => n + 1);
      return;
    }
    put.mutate(toPutMetricAlarmInput(draft), { onSuccess: () => navigate(alarmPath(draft.name)) });
  };

  const errorCount = Object.keys(errors).length;
  return (
    <form
      ref={formRef}
      noValidate
      aria-label={mode === 'create' ? 'Create alarm' : `Edit alarm ${initial.name}`}
      className="space-y-4"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <MetricSection draft={draft} errors={shown} onChange={change} />
      <AlarmPreview
        draft={draft}
        errors={errors}
        onChange={change}
        conditions={<ConditionSection draft={draft} errors={shown} onChange={change} />}
      />
      <ActionsSection draft={draft} errors={shown} onChange={change} />
      <fieldset className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
        <legend className="px-1 text-sm font-semibold text-slate-900">Name and description</legend>
        <FormField
          label="Alarm name"
          error={shown.name}
          hint={
            mode === 'edit'
              ? 'The name identifies the alarm: saving overwrites its whole configuration, and the name cannot change.'
              : `Up to ${MAX_NAME_LENGTH} characters, unique in the Region.`
          }
        >
          <input
            type="text"
            className={fieldClass}
            value={draft.name}
            readOnly={mode === 'edit'}
            autoComplete="off"
            onChange={(e) => change({ name: e.target.value })}
          />
        </FormField>
        <FormField label="Description" error={shown.description}>
          <textarea
            rows={2}
            className={fieldClass}
            value={draft.description}
            onChange={(e) => change({ description: e.target.value })}
          />
        </FormField>
      </fieldset>
      {put.error && <AwsErrorAlert title="The alarm could not be saved" error={put.error} />}
      {submitted && errorCount > 0 && (
        <p className="text-sm text-red-700">
          {errorCount === 1 ? 'One field needs' : `${errorCount} fields need`} attention before the alarm can
          be saved.
        </p>
      )}
      <div className="flex justify-end gap-2">
        <button
          type="button"
          className={buttonClass}
          onClick={() => navigate(mode === 'edit' ? alarmPath(initial.name) : '/alarms')}
        >
          Cancel
        </button>
        <button type="submit" className={primaryButtonClass} disabled={put.isPending}>
          {put.isPending ? 'Saving…' : mode === 'create' ? 'Create alarm' : 'Save changes'}
        </button>
      </div>
    </form>
  );
}
