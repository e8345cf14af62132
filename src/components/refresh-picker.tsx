import { useId } from 'react';
import { REFRESH_INTERVALS } from '../lib/time-range';
import type { RefreshInterval } from '../lib/time-range';

/** Props of {@link RefreshPicker}. */
export interface RefreshPickerProps {
  /** The current refresh interval. */
  value: RefreshInterval;
  /** Called with the interval a person chose. */
  onChange: (refresh: RefreshInterval) => void;
}

const LABELS: Record<RefreshInterval, string> = { off: 'Off', '10s': '10s', '1m': '1m', '5m': '5m' };

/** A select for how often the console re-queries: Off, 10s, 1m or 5m. */
export function RefreshPicker({ value, onChange }: RefreshPickerProps) {
  const id = useId();
  return (
    <div className="inline-flex items-center gap-2 text-sm text-slate-700">
      <label htmlFor={id}>Auto refresh</label>
      <select
        id={id}
        value={value}
        onChange={(e) => onChange(e.target.value as RefreshInterval)}
        className="rounded border border-slate-300 bg-white px-2 py-1 text-sm text-slate-900 shadow-sm focus:border-blue-500 focus:outline-none focus:ring-1 focus:ring-blue-500"
      >
        {REFRESH_INTERVALS.map((interval) => (
          <option key={interval} value={interval}>
            {LABELS[interval]}
          </option>
        ))}
      </select>
    </div>
  );
}
