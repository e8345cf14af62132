import { useId } from 'react';
import type { HistoryId, HistoryOption } from '../../model/tuner-history.ts';
import { fieldClass } from '../form-field.tsx';

/** Props of {@link HistoryPicker}. */
export interface HistoryPickerProps {
  options: readonly HistoryOption[];
  /** What the person chose. */
  wanted: HistoryId;
  /** What is shown: `wanted`, or a shorter history when the period cannot look back that far. */
  shown: HistoryOption | undefined;
  /** The period in words, to explain the unavailable choices. */
  periodLabel: string;
  onChange: (id: HistoryId) => void;
}

/**
 * How far back to replay: 1 day to 90 days. Choices CloudWatch cannot serve at the alarm's period
 * are disabled, and the reasons listed under the control.
 */
export function HistoryPicker({ options, wanted, shown, periodLabel, onChange }: HistoryPickerProps) {
  const id = useId();
  const disabled = options.filter((o) => o.disabledReason);
  const reasons = [...new Set(disabled.map((o) => o.disabledReason))];
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-xs font-medium text-slate-700">
        History
      </label>
      <select
        id={id}
        className={fieldClass.replace('w-full', 'w-36')}
        value={shown?.id ?? wanted}
        aria-describedby={reasons.length > 0 || shown?.id !== wanted ? `${id}-hint` : undefined}
        onChange={(e) => onChange(e.target.value as HistoryId)}
      >
        {options.map((o) => (
          <option key={o.id} value={o.id} disabled={o.disabledReason !== undefined}>
            {o.disabledReason ? `${o.label} (not at ${periodLabel})` : o.label}
          </option>
        ))}
      </select>
      {(reasons.length > 0 || (shown && shown.id !== wanted)) && (
        <div id={`${id}-hint`} className="max-w-xs text-xs text-slate-500">
          {shown && shown.id !== wanted && (
            <p>
              {options.find((o) => o.id === wanted)?.label} is not available at a {periodLabel} period;
              showing {shown.label}.
            </p>
          )}
          {reasons.map((r) => (
            <p key={r}>{r}</p>
          ))}
          {!shown && <p>No history is available at this period.</p>}
        </div>
      )}
    </div>
  );
}
