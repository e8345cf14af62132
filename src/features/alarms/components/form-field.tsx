import { type ReactElement, cloneElement, useId } from 'react';

/** Props of {@link FormField}. */
export interface FormFieldProps {
  /** The label, which names the control. */
  label: string;
  /** What is wrong with the value, shown under the control and announced with it. */
  error?: string;
  /** A line of help under the control. */
  hint?: string;
  /** One form control (input, select, textarea); it receives its id and ARIA attributes. */
  children: ReactElement<Record<string, unknown>>;
  className?: string;
}

export const fieldClass =
  'w-full rounded border border-slate-300 bg-white px-2 py-1 text-sm text-slate-900 focus:border-blue-500 focus:outline-none focus:ring-2 focus:ring-blue-500/30 aria-[invalid=true]:border-red-400 disabled:bg-slate-100 disabled:text-slate-500';

/** A labelled control with its hint and its error, linked by id so assistive technology reads them. */
export function FormField({ label, error, hint, children, className }: FormFieldProps) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint ? hintId : '', error ? errorId : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`flex flex-col gap-1 ${className ?? ''}`}>
      <label htmlFor={id} className="text-xs font-medium text-slate-700">
        {label}
      </label>
      {cloneElement(children, {
        id,
        'aria-describedby': describedBy,
        'aria-invalid': error ? true : undefined,
      })}
      {hint && (
        <p id={hintId} className="text-xs text-slate-500">
          {hint}
        </p>
      )}
      {error && (
        <p id={errorId} className="text-xs text-red-700">
          {error}
        </p>
      )}
    </div>
  );
}
