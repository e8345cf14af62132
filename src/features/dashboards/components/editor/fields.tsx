import { type ReactNode, useEffect, useId, useState } from 'react';
import type { FieldResult } from './field-rules.ts';

export const inputClass =
  'w-full min-w-0 rounded border border-slate-300 bg-white px-2 py-1 text-sm text-slate-900 focus:border-blue-500 focus:outline-none focus:ring-2 focus:ring-blue-500/30 aria-[invalid=true]:border-red-500';

const canon = (v: unknown) => (v === undefined || v === null ? '' : String(v));

/** Props of {@link DraftInput}. */
export interface DraftInputProps<T> {
  label: string;
  /** The value the widget holds, as text ('' when not set). */
  value: string;
  /** Reads the text; an error is shown on the field and nothing is changed. */
  read: (text: string) => FieldResult<T>;
  /** A check of the read value against the other fields (e.g. min below max). */
  check?: (value: T) => string | undefined;
  /** Called with each good value, as the person types. */
  onValue: (value: T) => void;
  placeholder?: string;
  /** Shown under the field while there is no error. */
  hint?: ReactNode;
  multiline?: boolean;
  className?: string;
}

/**
 * A text field that keeps exactly what was typed: every good value goes out at once, a bad one
 * shows its error under the field and changes nothing. A new value from outside (undo, another
 * field) replaces the text.
 */
export function DraftInput<T>({
  label,
  value,
  read,
  check,
  onValue,
  placeholder,
  hint,
  multiline,
  className,
}: DraftInputProps<T>) {
  const id = useId();
  const [text, setText] = useState(value);
  const [seen, setSeen] = useState(value);
  const [error, setError] = useState<string | undefined>();
  if (value !== seen) {
    setSeen(value);
    const r = read(text);
    if (!(r.ok && canon(r.value) === value)) {
      setText(value);
      setError(undefined);
    } else if (check?.(r.value) === undefined) setError(undefined);
  }
  // Text held back by `check` (min above max) goes out once the other field makes it pass.
  const held = read(text);
  const passesNow =
    error !== undefined && held.ok && canon(held.value) !== value && check?.(held.value) === undefined;
  useEffect(() => {
    if (!passesNow) return;
    const r = read(text);
    if (r.ok) onValue(r.value);
  }, [passesNow, text, read, onValue]);
  const onText = (next: string) => {
    setText(next);
    const r = read(next);
    const problem = r.ok ? check?.(r.value) : r.error;
    setError(problem);
    if (r.ok && problem === undefined) onValue(r.value);
  };
  const shownError = passesNow ? undefined : error;
  const errorId = `${id}-error`;
  const common = {
    id,
    value: text,
    placeholder,
    'aria-invalid': shownError !== undefined,
    'aria-describedby': shownError !== undefined ? errorId : undefined,
    className: inputClass,
  };
  return (
    <div className={`min-w-0 space-y-0.5 ${className ?? ''}`}>
      <label htmlFor={id} className="block text-xs font-medium text-slate-600">
        {label}
      </label>
      {multiline ? (
        <textarea {...common} rows={8} onChange={(e) => onText(e.target.value)} />
      ) : (
        <input type="text" {...common} onChange={(e) => onText(e.target.value)} />
      )}
      {shownError !== undefined ? (
        <p id={errorId} role="alert" className="text-xs text-red-700">
          {shownError}
        </p>
      ) : (
        hint && <p className="text-xs text-slate-500">{hint}</p>
      )}
    </div>
  );
}

/** A text field whose every value is good (titles, labels). */
export function TextInput(props: {
  label: string;
  value: string;
  onValue: (value: string | undefined) => void;
  placeholder?: string;
  hint?: ReactNode;
  multiline?: boolean;
  className?: string;
}) {
  return (
    <DraftInput<string | undefined>
      {...props}
      read={(t) => ({ ok: true, value: t === '' ? undefined : t })}
    />
  );
}

/** Props of {@link SelectInput}. */
export interface SelectInputProps<V extends string> {
  label: string;
  value: V;
  options: readonly { value: V; label: string }[];
  onValue: (value: V) => void;
  className?: string;
}

/** A labelled select. */
export function SelectInput<V extends string>({
  label,
  value,
  options,
  onValue,
  className,
}: SelectInputProps<V>) {
  const id = useId();
  return (
    <div className={`min-w-0 space-y-0.5 ${className ?? ''}`}>
      <label htmlFor={id} className="block text-xs font-medium text-slate-600">
        {label}
      </label>
      <select id={id} value={value} onChange={(e) => onValue(e.target.value as V)} className={inputClass}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** A labelled checkbox. */
export function CheckboxInput({
  label,
  checked,
  onValue,
}: {
  label: string;
  checked: boolean;
  onValue: (checked: boolean) => void;
}) {
  return (
    <label className="flex items-center gap-2 text-sm text-slate-800">
      <input
        type="checkbox"
        className="h-4 w-4 accent-blue-600"
        checked={checked}
        onChange={(e) => onValue(e.target.checked)}
      />
      {label}
    </label>
  );
}

/** A titled group of fields. */
export function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <fieldset className="min-w-0 space-y-2 border-t border-slate-200 pt-3">
      <legend className="pr-2 text-xs font-semibold uppercase tracking-wide text-slate-500">{title}</legend>
      {children}
    </fieldset>
  );
}

export const smallButtonClass =
  'rounded border border-slate-300 bg-white px-2 py-0.5 text-xs text-slate-700 hover:bg-slate-100 focus-visible:outline focus-visible:outline-2 focus-visible:outline-blue-500';
