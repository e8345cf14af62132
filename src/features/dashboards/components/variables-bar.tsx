import { useEffect, useId, useMemo, useState } from 'react';
import { useListMetrics } from '../../../lib/cloudwatch/list-metrics.ts';
import type { DashboardVariable } from '../model/dashboard-body.ts';
import { FIRST_VALUE, type VariableChoice, listedChoices, searchChoices } from '../model/variables.ts';

const fieldClass =
  'rounded border border-slate-300 bg-white px-2 py-1 text-sm text-slate-900 focus:border-blue-500 focus:outline-none focus:ring-2 focus:ring-blue-500/30';

/**
 * The choices of every radio/select variable: its own `values`, or the values of dimension
 * `populateFrom` over the metrics its `search` finds (ListMetrics). Pass them to `variableValues`
 * so a `__FIRST` default resolves.
 */
export function useVariableChoices(
  variables: readonly DashboardVariable[],
): Record<string, VariableChoice[]> {
  const searching = variables.some((v) => typeof v.search === 'string' && listedChoices(v).length === 0);
  const listed = useListMetrics();
  const metrics = searching ? listed.data : undefined;
  return useMemo(() => {
    const out: Record<string, VariableChoice[]> = {};
    for (const v of variables) {
      const own = listedChoices(v);
      if (own.length > 0) out[v.id] = own;
      else if (typeof v.search === 'string' && metrics) {
        out[v.id] = searchChoices(v.search, v.populateFrom ?? v.property ?? '', metrics);
      }
    }
    return out;
  }, [variables, metrics]);
}

/** Props of {@link VariablesBar}. */
export interface VariablesBarProps {
  /** The body's variables; those with `visible: false` are not shown. */
  variables: readonly DashboardVariable[];
  /** The current value of each variable, by id. */
  values: Record<string, string>;
  /** Called when a person picks or types a value. */
  onChange: (id: string, value: string) => void;
}

/**
 * The dashboard's variables above the widgets: a text box, radio buttons or a select each, as the
 * variable's `inputType` says. A `__FIRST` variable without a value takes the first search result
 * once the results are in.
 */
export function VariablesBar({ variables, values, onChange }: VariablesBarProps) {
  const choices = useVariableChoices(variables);
  useEffect(() => {
    for (const v of variables) {
      const list = choices[v.id];
      if (values[v.id] === undefined && v.defaultValue === FIRST_VALUE && list && list.length > 0) {
        onChange(v.id, list[0].value);
      }
    }
  }, [variables, values, choices, onChange]);

  const shown = variables.filter((v) => v.visible !== false);
  if (shown.length === 0) return null;
  return (
    <div
      role="group"
      aria-label="Variables"
      className="flex flex-wrap items-end gap-4 rounded border border-slate-200 bg-white px-3 py-2"
    >
      {shown.map((v) => (
        <VariableField
          key={v.id}
          variable={v}
          value={values[v.id]}
          choices={choices[v.id]}
          onChange={(value) => onChange(v.id, value)}
        />
      ))}
    </div>
  );
}

interface VariableFieldProps {
  variable: DashboardVariable;
  value?: string;
  /** Undefined while a search is loading. */
  choices?: VariableChoice[];
  onChange: (value: string) => void;
}

function VariableField({ variable, value, choices, onChange }: VariableFieldProps) {
  const id = useId();
  const label = variable.label ?? variable.id;
  const [text, setText] = useState(value ?? '');
  const [seen, setSeen] = useState(value);
  if (seen !== value) {
    setSeen(value);
    setText(value ?? '');
  }

  if (variable.inputType === 'input' || (choices === undefined && typeof variable.search !== 'string')) {
    const commit = () => {
      if (text !== (value ?? '')) onChange(text);
    };
    return (
      <div className="space-y-0.5">
        <label htmlFor={id} className="block text-xs font-medium text-slate-600">
          {label}
        </label>
        <input
          id={id}
          type="text"
          value={text}
          onChange={(e) => setText(e.target.value)}
          onBlur={commit}
          onKeyDown={(e) => {
            if (e.key === 'Enter') commit();
          }}
          className={fieldClass}
        />
      </div>
    );
  }

  const list = choices ?? [];
  // A value that is not among the choices (from the URL, say) is still offered.
  const options = value !== undefined && !list.some((c) => c.value === value) ? [{ value }, ...list] : list;
  if (variable.inputType === 'radio') {
    return (
      <fieldset className="space-y-0.5">
        <legend className="text-xs font-medium text-slate-600">{label}</legend>
        <div className="flex flex-wrap gap-3">
          {choices === undefined && <span className="text-sm text-slate-500">Loading…</span>}
          {options.map((c) => (
            <label key={c.value} className="flex items-center gap-1.5 text-sm text-slate-800">
              <input
                type="radio"
                name={id}
                value={c.value}
                checked={c.value === value}
                onChange={() => onChange(c.value)}
              />
              {c.label ?? c.value}
            </label>
          ))}
        </div>
      </fieldset>
    );
  }
  return (
    <div className="space-y-0.5">
      <label htmlFor={id} className="block text-xs font-medium text-slate-600">
        {label}
      </label>
      <select id={id} value={value ?? ''} onChange={(e) => onChange(e.target.value)} className={fieldClass}>
        {value === undefined && <option value="">{choices === undefined ? 'Loading…' : 'Choose…'}</option>}
        {options.map((c) => (
          <option key={c.value} value={c.value}>
            {c.label ?? c.value}
          </option>
        ))}
      </select>
    </div>
  );
}
