import { type FormEvent, useId, useState } from 'react';
import { navigate } from '../../../lib/navigation.ts';
import { useAllAlarms } from '../api/describe-alarms.ts';
import { useTopics } from '../api/list-topics.ts';
import { usePutCompositeAlarm } from '../api/put-composite-alarm.ts';
import { useRuleCheck } from '../hooks/use-rule-check.ts';
import { type CompositeDraft, type DraftField, buildCompositeInput } from '../model/composite-draft.ts';
import { compositePath } from '../model/composite-route.ts';
import type { AlarmStateValue } from '../model/rule-tree.ts';
import { ActionsFields } from './actions-fields.tsx';
import { AlarmRuleField } from './alarm-rule-field.tsx';
import { AwsErrorAlert } from '../../../components/aws-error-alert.tsx';
import { RuleCheckPanel } from './rule-check-panel.tsx';
import { SuppressorFields } from './suppressor-fields.tsx';

/** Props of {@link CompositeAlarmEditor}. */
export interface CompositeAlarmEditorProps {
  /** Create a new alarm (the name is typed), or edit one (the name is fixed). */
  mode: 'create' | 'edit';
  /** The form's first content; later changes to it are ignored (the form keeps what is typed). */
  initial: CompositeDraft;
}

const fieldClass =
  'w-full rounded border border-slate-300 bg-white px-2 py-1 text-sm text-slate-900 focus:border-blue-500 focus:outline-none focus:ring-2 focus:ring-blue-500/30 read-only:bg-slate-50 read-only:text-slate-600';
const labelClass = 'mb-1 block text-xs font-medium text-slate-600';

const ACTION_KEY: Record<AlarmStateValue, 'alarmActions' | 'okActions' | 'insufficientDataActions'> = {
  ALARM: 'alarmActions',
  OK: 'okActions',
  INSUFFICIENT_DATA: 'insufficientDataActions',
};

function FieldError({ id, text }: { id: string; text: string | undefined }) {
  if (!text) return null;
  return (
    <p id={id} role="alert" className="mt-1 text-xs text-red-700">
      {text}
    </p>
  );
}

/**
 * The composite alarm form: name, description, the rule (checked live as it is typed, with its
 * tree and the children's states), actions per state and the actions suppressor. Saving sends
 * PutCompositeAlarm; a server error is shown inline and every field keeps what was typed.
 */
export function CompositeAlarmEditor({ mode, initial }: CompositeAlarmEditorProps) {
  const ids = {
    name: useId(),
    nameErr: useId(),
    description: useId(),
    descriptionErr: useId(),
    check: useId(),
    ruleErr: useId(),
    enabled: useId(),
  };
  const [draft, setDraft] = useState(initial);
  const [errors, setErrors] = useState<Partial<Record<DraftField, string>>>({});
  const edit = (patch: Partial<CompositeDraft>) => setDraft((d) => ({ ...d, ...patch }));
  const put = usePutCompositeAlarm();
  const alarms = useAllAlarms();
  const topics = useTopics();
  const check = useRuleCheck(draft.rule);
  const others = alarms.data?.filter((a) => mode === 'create' || a.name !== initial.name);

  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const built = buildCompositeInput(draft);
    if (!built.ok) {
      setErrors(built.errors);
      return;
    }
    setErrors({});
    put.mutate(built.input, {
      onSuccess: () => navigate(compositePath(built.input.AlarmName ?? '')),
    });
  };

  const busy = put.isPending;
  const topicsNote =
    topics.base === undefined
      ? 'This backend has no Watchtrail control endpoints, so its topics cannot be listed: add action ARNs by hand.'
      : topics.error
        ? `The topics could not be listed (${topics.error.message}): add action ARNs by hand.`
        : undefined;

  return (
    <form className="grid gap-4 lg:grid-cols-2" onSubmit={onSubmit} noValidate>
      <div className="space-y-4">
        <section className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
          <div>
            <label htmlFor={ids.name} className={labelClass}>
              Alarm name
            </label>
            <input
              id={ids.name}
              type="text"
              className={fieldClass}
              value={draft.name}
              readOnly={mode === 'edit'}
              disabled={busy}
              aria-invalid={errors.name ? true : undefined}
              aria-describedby={errors.name ? ids.nameErr : undefined}
              onChange={(e) => edit({ name: e.target.value })}
            />
            {mode === 'edit' && (
              <p className="mt-1 text-xs text-slate-500">
                An alarm&apos;s name cannot change once it exists.
              </p>
            )}
            <FieldError id={ids.nameErr} text={errors.name} />
          </div>
          <div>
            <label htmlFor={ids.description} className={labelClass}>
              Description
            </label>
            <textarea
              id={ids.description}
              rows={2}
              className={fieldClass}
              value={draft.description}
              disabled={busy}
              aria-invalid={errors.description ? true : undefined}
              aria-describedby={errors.description ? ids.descriptionErr : undefined}
              onChange={(e) => edit({ description: e.target.value })}
            />
            <FieldError id={ids.descriptionErr} text={errors.description} />
          </div>
          <div>
            <AlarmRuleField
              value={draft.rule}
              onChange={(rule) => edit({ rule })}
              alarms={others}
              describedBy={errors.rule ? `${ids.ruleErr} ${ids.check}` : ids.check}
              disabled={busy}
            />
            <FieldError id={ids.ruleErr} text={errors.rule} />
          </div>
        </section>

        <section className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
          <h2 className="text-sm font-semibold text-slate-900">Actions</h2>
          <label className="flex items-center gap-2 text-sm" htmlFor={ids.enabled}>
            <input
              id={ids.enabled}
              type="checkbox"
              checked={draft.actionsEnabled}
              disabled={busy}
              onChange={(e) => edit({ actionsEnabled: e.target.checked })}
            />
            Actions enabled
          </label>
          <ActionsFields
            value={{
              ALARM: draft.alarmActions,
              OK: draft.okActions,
              INSUFFICIENT_DATA: draft.insufficientDataActions,
            }}
            onChange={(state, arns) => edit({ [ACTION_KEY[state]]: arns })}
            topics={topics.data}
            topicsNote={topicsNote}
            disabled={busy}
          />
          {errors.actions && (
            <p role="alert" className="text-xs text-red-700">
              {errors.actions}
            </p>
          )}
          <h3 className="pt-2 text-sm font-semibold text-slate-900">Actions suppressor</h3>
          <SuppressorFields
            suppressor={draft.suppressor}
            waitPeriod={draft.waitPeriod}
            extensionPeriod={draft.extensionPeriod}
            onChange={edit}
            alarms={others}
            errors={errors}
            disabled={busy}
          />
        </section>

        {put.error && <AwsErrorAlert error={put.error} title="The alarm could not be saved" />}
        <div className="flex items-center gap-2">
          <button
            type="submit"
            className="rounded bg-blue-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-blue-700 disabled:opacity-60"
            disabled={busy}
          >
            {mode === 'create' ? 'Create composite alarm' : 'Save'}
          </button>
          <button
            type="button"
            className="rounded border border-slate-300 bg-white px-3 py-1.5 text-sm hover:bg-slate-100"
            onClick={() => navigate(mode === 'edit' ? compositePath(initial.name) : '/alarms')}
          >
            Cancel
          </button>
          {busy && <span className="text-sm text-slate-500">Saving…</span>}
        </div>
      </div>

      <section
        aria-label="Rule check"
        className="h-fit space-y-2 rounded-lg border border-slate-200 bg-white p-4 lg:sticky lg:top-28"
      >
        <h2 className="text-sm font-semibold text-slate-900">Rule check</h2>
        <RuleCheckPanel check={check} messageId={ids.check} />
      </section>
    </form>
  );
}
