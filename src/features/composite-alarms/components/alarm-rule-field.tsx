import { useId, useLayoutEffect, useRef, useState } from 'react';
import type { AlarmSummary } from '../api/describe-alarms.ts';
import { type RuleSnippet, insertSnippet } from '../model/rule-insert.ts';

/** Props of {@link AlarmRuleField}. */
export interface AlarmRuleFieldProps {
  value: string;
  onChange: (rule: string) => void;
  /** Alarms the picker offers (the alarm being edited is left out by the caller). */
  alarms: AlarmSummary[] | undefined;
  /** id of what describes the rule now (its error or its check), for aria-describedby. */
  describedBy?: string;
  disabled?: boolean;
}

const FUNCTIONS = ['ALARM', 'OK', 'INSUFFICIENT_DATA'] as const;
const OPERATORS = ['AND', 'OR', 'NOT'] as const;

const buttonClass =
  'rounded border border-slate-300 bg-white px-2 py-0.5 font-mono text-xs text-slate-800 hover:bg-slate-100 disabled:opacity-50';

/**
 * The AlarmRule textarea, with buttons that insert functions and operators where the cursor is and
 * a picker of existing alarms to insert by name.
 */
export function AlarmRuleField({ value, onChange, alarms, describedBy, disabled }: AlarmRuleFieldProps) {
  const ids = { rule: useId(), picker: useId() };
  const textarea = useRef<HTMLTextAreaElement>(null);
  const [picked, setPicked] = useState('');
  const [cursor, setCursor] = useState<number | undefined>(undefined);

  // Put the cursor after what was inserted, once React has written the new value.
  useLayoutEffect(() => {
    if (cursor === undefined || !textarea.current) return;
    textarea.current.focus();
    textarea.current.setSelectionRange(cursor, cursor);
    setCursor(undefined);
  }, [cursor]);

  const insert = (snippet: RuleSnippet) => {
    const el = textarea.current;
    const from = el?.selectionStart ?? value.length;
    const to = el?.selectionEnd ?? value.length;
    const next = insertSnippet(value, from, to, snippet);
    onChange(next.rule);
    setCursor(next.cursor);
  };

  return (
    <div className="space-y-2">
      <label htmlFor={ids.rule} className="block text-xs font-medium text-slate-600">
        Alarm rule
      </label>
      <div className="flex flex-wrap items-center gap-2" role="group" aria-label="Insert into the rule">
        <label htmlFor={ids.picker} className="text-xs text-slate-600">
          Alarm to insert
        </label>
        <select
          id={ids.picker}
          className="max-w-64 rounded border border-slate-300 bg-white px-2 py-0.5 text-xs"
          value={picked}
          disabled={disabled}
          onChange={(e) => setPicked(e.target.value)}
        >
          <option value="">{alarms === undefined ? 'Loading alarms…' : '(type the name)'}</option>
          {alarms?.map((a) => (
            <option key={a.name} value={a.name}>
              {a.name}
              {a.type === 'CompositeAlarm' ? ' (composite)' : ''} — {a.state}
            </option>
          ))}
        </select>
        {FUNCTIONS.map((fn) => (
          <button
            key={fn}
            type="button"
            className={buttonClass}
            disabled={disabled}
            title={`Insert ${fn}("${picked || '…'}")`}
            onClick={() => insert({ kind: 'function', fn, name: picked })}
          >
            {fn}()
          </button>
        ))}
        {OPERATORS.map((op) => (
          <button
            key={op}
            type="button"
            className={buttonClass}
            disabled={disabled}
            title={`Insert ${op}`}
            onClick={() => insert({ kind: 'operator', op })}
          >
            {op}
          </button>
        ))}
        <button
          type="button"
          className={buttonClass}
          disabled={disabled}
          aria-label="Parentheses"
          title="Insert ( )"
          onClick={() => insert({ kind: 'group' })}
        >
          ( )
        </button>
      </div>
      <textarea
        id={ids.rule}
        ref={textarea}
        rows={4}
        spellCheck={false}
        autoCapitalize="off"
        autoComplete="off"
        className="w-full rounded border border-slate-300 bg-white px-2 py-1 font-mono text-sm text-slate-900 focus:border-blue-500 focus:ring-2 focus:ring-blue-500/30 focus:outline-none"
        placeholder={'ALARM("cpu-high") AND NOT ALARM("deploy-in-progress")'}
        value={value}
        disabled={disabled}
        aria-describedby={describedBy}
        onChange={(e) => onChange(e.target.value)}
      />
    </div>
  );
}
