import { useId, useState } from 'react';
import type { TopicSummary } from '../api/list-topics.ts';
import type { AlarmStateValue } from '../model/rule-tree.ts';

/** Props of {@link ActionsFields}. */
export interface ActionsFieldsProps {
  /** Action ARNs per state the alarm enters. */
  value: Record<AlarmStateValue, string[]>;
  onChange: (state: AlarmStateValue, arns: string[]) => void;
  /** The topics to offer; undefined where the backend cannot list them. */
  topics: TopicSummary[] | undefined;
  /** Why topics are not offered (no control endpoints, or the listing failed). */
  topicsNote?: string;
  disabled?: boolean;
}

const STATES: { state: AlarmStateValue; legend: string }[] = [
  { state: 'ALARM', legend: 'When the alarm goes to ALARM' },
  { state: 'OK', legend: 'When the alarm goes to OK' },
  { state: 'INSUFFICIENT_DATA', legend: 'When the alarm goes to INSUFFICIENT_DATA' },
];

function OtherArn({
  state,
  onAdd,
  disabled,
}: {
  state: AlarmStateValue;
  onAdd: (arn: string) => void;
  disabled?: boolean;
}) {
  const id = useId();
  const [text, setText] = useState('');
  const add = () => {
    const arn = text.trim();
    if (arn === '') return;
    onAdd(arn);
    setText('');
  };
  return (
    <div className="flex items-center gap-2">
      <label htmlFor={id} className="sr-only">
        Action ARN for {state}
      </label>
      <input
        id={id}
        type="text"
        className="min-w-0 flex-1 rounded border border-slate-300 px-2 py-0.5 font-mono text-xs"
        placeholder="arn:aws:sns:us-east-1:123456789012:my-topic"
        value={text}
        disabled={disabled}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            add();
          }
        }}
      />
      <button
        type="button"
        className="rounded border border-slate-300 bg-white px-2 py-0.5 text-xs hover:bg-slate-100"
        disabled={disabled}
        onClick={add}
      >
        Add ARN for {state}
      </button>
    </div>
  );
}

/**
 * The alarm's actions for each state: the backend's topics as checkboxes, and any other ARN
 * (SNS, Lambda, SSM…; CloudWatch does not check that targets exist, spec a.6).
 */
export function ActionsFields({ value, onChange, topics, topicsNote, disabled }: ActionsFieldsProps) {
  return (
    <div className="space-y-3">
      {topicsNote && <p className="text-xs text-slate-500">{topicsNote}</p>}
      {topics?.length === 0 && (
        <p className="text-xs text-slate-500">
          There are no topics yet: create one on the Notifications page, or add an ARN below.
        </p>
      )}
      {STATES.map(({ state, legend }) => {
        const selected = value[state];
        const others = selected.filter((arn) => !topics?.some((t) => t.arn === arn));
        const toggle = (arn: string, on: boolean) =>
          onChange(state, on ? [...selected, arn] : selected.filter((a) => a !== arn));
        return (
          <fieldset key={state} className="rounded border border-slate-200 px-3 py-2">
            <legend className="px-1 text-xs font-medium text-slate-700">{legend}</legend>
            <div className="space-y-1">
              {topics?.map((t) => (
                <label key={t.arn} className="flex items-center gap-2 text-sm">
                  <input
                    type="checkbox"
                    aria-label={`Notify ${t.name} on ${state}`}
                    checked={selected.includes(t.arn)}
                    disabled={disabled}
                    onChange={(e) => toggle(t.arn, e.target.checked)}
                  />
                  <span>{t.name}</span>
                  <span className="truncate font-mono text-xs text-slate-400">{t.arn}</span>
                </label>
              ))}
              {others.length > 0 && (
                <ul aria-label={`Other actions on ${state}`} className="space-y-1">
                  {others.map((arn) => (
                    <li key={arn} className="flex items-center gap-2 font-mono text-xs">
                      <span className="truncate">{arn}</span>
                      <button
                        type="button"
                        className="text-red-700 underline"
                        disabled={disabled}
                        aria-label={`Remove ${arn} from ${state}`}
                        onClick={() => toggle(arn, false)}
                      >
                        Remove
                      </button>
                    </li>
                  ))}
                </ul>
              )}
              <OtherArn
                state={state}
                disabled={disabled}
                onAdd={(arn) => !selected.includes(arn) && onChange(state, [...selected, arn])}
              />
            </div>
          </fieldset>
        );
      })}
    </div>
  );
}
