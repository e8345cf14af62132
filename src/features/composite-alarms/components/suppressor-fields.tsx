import { useId } from 'react';
import type { AlarmSummary } from '../api/describe-alarms.ts';

/** Props of {@link SuppressorFields}. */
export interface SuppressorFieldsProps {
  suppressor: string;
  waitPeriod: string;
  extensionPeriod: string;
  onChange: (patch: { suppressor?: string; waitPeriod?: string; extensionPeriod?: string }) => void;
  /** Alarm names to suggest. */
  alarms: AlarmSummary[] | undefined;
  errors: { waitPeriod?: string; extensionPeriod?: string };
  disabled?: boolean;
}

const fieldClass =
  'w-full rounded border border-slate-300 bg-white px-2 py-1 text-sm text-slate-900 focus:border-blue-500 focus:outline-none focus:ring-2 focus:ring-blue-500/30 disabled:bg-slate-50 disabled:text-slate-400';
const labelClass = 'mb-1 block text-xs font-medium text-slate-600';

/**
 * The actions suppressor: while that alarm is in ALARM this one takes no actions. Both periods are
 * required once a suppressor is set (spec §b; AWS recommends 60 s each).
 */
export function SuppressorFields({
  suppressor,
  waitPeriod,
  extensionPeriod,
  onChange,
  alarms,
  errors,
  disabled,
}: SuppressorFieldsProps) {
  const ids = {
    suppressor: useId(),
    list: useId(),
    wait: useId(),
    extension: useId(),
    waitErr: useId(),
    extErr: useId(),
  };
  const off = disabled || suppressor.trim() === '';
  return (
    <div className="space-y-2">
      <div>
        <label htmlFor={ids.suppressor} className={labelClass}>
          Actions suppressor
        </label>
        <input
          id={ids.suppressor}
          type="text"
          list={ids.list}
          className={fieldClass}
          placeholder="none (an alarm's name or ARN)"
          value={suppressor}
          disabled={disabled}
          onChange={(e) => onChange({ suppressor: e.target.value })}
        />
        <datalist id={ids.list}>
          {alarms?.map((a) => (
            <option key={a.name} value={a.name} />
          ))}
        </datalist>
      </div>
      <div className="grid grid-cols-2 gap-3">
        <div>
          <label htmlFor={ids.wait} className={labelClass}>
            Wait period (seconds)
          </label>
          <input
            id={ids.wait}
            type="text"
            inputMode="numeric"
            className={fieldClass}
            value={waitPeriod}
            disabled={off}
            aria-invalid={errors.waitPeriod ? true : undefined}
            aria-describedby={errors.waitPeriod ? ids.waitErr : undefined}
            onChange={(e) => onChange({ waitPeriod: e.target.value })}
          />
          {errors.waitPeriod && (
            <p id={ids.waitErr} role="alert" className="mt-1 text-xs text-red-700">
              {errors.waitPeriod}
            </p>
          )}
        </div>
        <div>
          <label htmlFor={ids.extension} className={labelClass}>
            Extension period (seconds)
          </label>
          <input
            id={ids.extension}
            type="text"
            inputMode="numeric"
            className={fieldClass}
            value={extensionPeriod}
            disabled={off}
            aria-invalid={errors.extensionPeriod ? true : undefined}
            aria-describedby={errors.extensionPeriod ? ids.extErr : undefined}
            onChange={(e) => onChange({ extensionPeriod: e.target.value })}
          />
          {errors.extensionPeriod && (
            <p id={ids.extErr} role="alert" className="mt-1 text-xs text-red-700">
              {errors.extensionPeriod}
            </p>
          )}
        </div>
      </div>
      <p className="text-xs text-slate-500">
        After this alarm changes state it waits up to the wait period for the suppressor to reach ALARM before
        acting; after the suppressor leaves ALARM, actions stay suppressed for the extension period. AWS
        recommends 60 seconds for each.
      </p>
    </div>
  );
}
