import { useState } from 'react';
import { type Topic, useTopics } from '../api/list-topics.ts';
import type { AlarmDraft } from '../model/alarm-draft.ts';
import { ALARM_STATES, type AlarmState } from '../model/alarm-state.ts';
import { MAX_ACTIONS_PER_STATE, type AlarmErrors } from '../model/alarm-validation.ts';
import { buttonClass } from '../../../components/button-styles.ts';
import { fieldClass } from './form-field.tsx';

/** Props of {@link ActionsSection}. */
export interface ActionsSectionProps {
  draft: AlarmDraft;
  errors: AlarmErrors;
  onChange: (patch: Partial<AlarmDraft>) => void;
}

/** The actions run when the alarm enters each state (SNS topics or any ARN), and whether they run at all. */
export function ActionsSection({ draft, errors, onChange }: ActionsSectionProps) {
  const topics = useTopics();
  const setActions = (state: AlarmState, arns: string[]) =>
    onChange({ actions: { ...draft.actions, [state]: arns } });
  return (
    <fieldset className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
      <legend className="px-1 text-sm font-semibold text-slate-900">Actions</legend>
      <label className="flex items-center gap-2 text-sm">
        <input
          type="checkbox"
          checked={draft.actionsEnabled}
          onChange={(e) => onChange({ actionsEnabled: e.target.checked })}
        />
        Actions enabled
      </label>
      {topics.error ? (
        <p className="text-xs text-amber-700">The topic list could not be loaded; type ARNs instead.</p>
      ) : null}
      <div className="grid gap-3 lg:grid-cols-3">
        {ALARM_STATES.map((state) => (
          <StateActions
            key={state}
            state={state}
            arns={draft.actions[state]}
            topics={topics.data ?? []}
            error={errors[state]}
            onChange={(arns) => setActions(state, arns)}
          />
        ))}
      </div>
    </fieldset>
  );
}

interface StateActionsProps {
  state: AlarmState;
  arns: string[];
  topics: Topic[];
  error?: string;
  onChange: (arns: string[]) => void;
}

/** The actions of one state: a checkbox per known topic, then any other ARN typed in. */
function StateActions({ state, arns, topics, error, onChange }: StateActionsProps) {
  const [typed, setTyped] = useState('');
  const known = new Set(topics.map((t) => t.arn));
  const others = arns.filter((a) => !known.has(a));
  const errorId = `actions-${state}-error`;
  const add = () => {
    const arn = typed.trim();
    if (arn === '') return;
    if (!arns.includes(arn)) onChange([...arns, arn]);
    setTyped('');
  };
  return (
    <fieldset
      className="space-y-2 rounded border border-slate-200 p-3"
      aria-describedby={error ? errorId : undefined}
    >
      <legend className="px-1 text-xs font-semibold text-slate-700">Notify on {state}</legend>
      {topics.length === 0 && <p className="text-xs text-slate-500">No SNS topics known.</p>}
      <ul className="space-y-1">
        {topics.map((t) => (
          <li key={t.arn}>
            <label className="flex items-center gap-2 text-sm" title={t.arn}>
              <input
                type="checkbox"
                aria-label={`Notify ${t.name} on ${state}`}
                checked={arns.includes(t.arn)}
                onChange={(e) =>
                  onChange(e.target.checked ? [...arns, t.arn] : arns.filter((a) => a !== t.arn))
                }
              />
              {t.name}
            </label>
          </li>
        ))}
      </ul>
      {others.length > 0 && (
        <ul className="space-y-1">
          {others.map((arn) => (
            <li key={arn} className="flex items-center gap-2 text-xs">
              <span className="min-w-0 flex-1 font-mono break-all">{arn}</span>
              <button
                type="button"
                className="text-red-700 hover:underline"
                aria-label={`Remove ${arn} from ${state}`}
                onClick={() => onChange(arns.filter((a) => a !== arn))}
              >
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="flex gap-2">
        <input
          type="text"
          aria-label={`${state} action ARN`}
          placeholder="arn:aws:sns:…"
          className={`${fieldClass} font-mono text-xs`}
          value={typed}
          onChange={(e) => setTyped(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              add();
            }
          }}
        />
        <button type="button" className={buttonClass} aria-label={`Add ${state} action`} onClick={add}>
          Add
        </button>
      </div>
      <p className="text-xs text-slate-500">
        {arns.length} of {MAX_ACTIONS_PER_STATE} actions
      </p>
      {error && (
        <p id={errorId} className="text-xs text-red-700">
          {error}
        </p>
      )}
    </fieldset>
  );
}
