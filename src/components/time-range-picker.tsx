import { useEffect, useId, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { formatDateTime } from '../lib/format';
import {
  PRESET_DURATIONS,
  parseUtcDateTimeLocal,
  resolveRange,
  toUtcDateTimeLocal,
  validateCustomRange,
  zoomOut,
} from '../lib/time-range';
import type { TimeRange } from '../lib/time-range';

/** Props of {@link TimeRangePicker}. */
export interface TimeRangePickerProps {
  /** The selected range. */
  value: TimeRange;
  /** Called with the range a person picked, typed or zoomed out to. */
  onChange: (range: TimeRange) => void;
  /** "Now" in epoch ms (engine time), to resolve and validate ranges. */
  nowMs: number;
}

const PRESET_TITLES: Record<(typeof PRESET_DURATIONS)[number], string> = {
  '1h': 'Last hour',
  '3h': 'Last 3 hours',
  '12h': 'Last 12 hours',
  '1d': 'Last day',
  '3d': 'Last 3 days',
  '1w': 'Last week',
  '2w': 'Last 2 weeks',
  '30d': 'Last 30 days',
  '90d': 'Last 90 days',
  '15M': 'Last 15 months',
};

const SEGMENT =
  'px-2.5 py-1 text-sm border-l border-slate-300 first:border-l-0 focus-visible:relative focus-visible:outline focus-visible:outline-2 focus-visible:outline-blue-500';
const SEGMENT_ON = 'bg-blue-600 font-medium text-white';
const SEGMENT_OFF = 'bg-white text-slate-700 hover:bg-slate-100';
const INPUT =
  'rounded border border-slate-300 px-2 py-1 text-sm text-slate-900 focus:border-blue-500 focus:outline-none focus:ring-1 focus:ring-blue-500';

/**
 * Picks the time range: preset buttons (1h … 15M), a custom absolute range typed in UTC, and
 * zoom out (doubles the window).
 */
export function TimeRangePicker({ value, onChange, nowMs }: TimeRangePickerProps) {
  const [open, setOpen] = useState(false);
  const [startText, setStartText] = useState('');
  const [endText, setEndText] = useState('');
  const [error, setError] = useState<string | undefined>(undefined);
  const rootRef = useRef<HTMLDivElement>(null);
  const startId = useId();
  const endId = useId();
  const errorId = useId();

  useEffect(() => {
    if (!open) return;
    const closeOutside = (e: MouseEvent) => {
      if (rootRef.current && !rootRef.current.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', closeOutside);
    return () => document.removeEventListener('mousedown', closeOutside);
  }, [open]);

  const isCustom = value.kind === 'absolute';

  const toggleCustom = () => {
    if (open) {
      setOpen(false);
      return;
    }
    const { start, end } = resolveRange(value, nowMs);
    setStartText(toUtcDateTimeLocal(start));
    setEndText(toUtcDateTimeLocal(end));
    setError(undefined);
    setOpen(true);
  };

  const apply = (e: FormEvent) => {
    e.preventDefault();
    const start = parseUtcDateTimeLocal(startText);
    const end = parseUtcDateTimeLocal(endText);
    const problem = validateCustomRange(start, end, nowMs);
    if (problem !== undefined || start === undefined || end === undefined) {
      setError(problem);
      return;
    }
    setOpen(false);
    onChange({ kind: 'absolute', start, end });
  };

  return (
    <div
      ref={rootRef}
      className="relative inline-flex flex-wrap items-center gap-2"
      role="group"
      aria-label="Time range"
      onKeyDown={(e) => {
        if (e.key === 'Escape' && open) setOpen(false);
      }}
    >
      <div className="inline-flex overflow-hidden rounded border border-slate-300 shadow-sm">
        {PRESET_DURATIONS.map((duration) => {
          const active = value.kind === 'relative' && value.duration === duration;
          return (
            <button
              key={duration}
              type="button"
              title={PRESET_TITLES[duration]}
              aria-pressed={active}
              onClick={() => {
                setOpen(false);
                onChange({ kind: 'relative', duration });
              }}
              className={`${SEGMENT} ${active ? SEGMENT_ON : SEGMENT_OFF}`}
            >
              {duration}
            </button>
          );
        })}
        <button
          type="button"
          aria-pressed={isCustom}
          aria-expanded={open}
          aria-haspopup="dialog"
          onClick={toggleCustom}
          className={`${SEGMENT} ${isCustom ? SEGMENT_ON : SEGMENT_OFF}`}
        >
          Custom
        </button>
      </div>
      {isCustom && (
        <span className="text-xs text-slate-600 tabular-nums">
          {formatDateTime(value.start).replace(' UTC', '')} – {formatDateTime(value.end)}
        </span>
      )}
      <button
        type="button"
        aria-label="Zoom out"
        title="Zoom out (double the time range)"
        onClick={() => onChange(zoomOut(value, nowMs))}
        className="rounded border border-slate-300 bg-white p-1.5 text-slate-700 shadow-sm hover:bg-slate-100 focus-visible:outline focus-visible:outline-2 focus-visible:outline-blue-500"
      >
        <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" fill="none" stroke="currentColor">
          <circle cx="6.5" cy="6.5" r="4.5" strokeWidth="1.5" />
          <path d="M4.5 6.5h4M10 10l4 4" strokeWidth="1.5" strokeLinecap="round" />
        </svg>
      </button>

      {open && (
        <div
          role="dialog"
          aria-label="Custom time range"
          className="absolute top-full left-0 z-20 mt-1 w-80 rounded border border-slate-200 bg-white p-3 shadow-lg"
        >
          <form onSubmit={apply} noValidate className="flex flex-col gap-3">
            <div className="flex flex-col gap-1">
              <label htmlFor={startId} className="text-xs font-medium text-slate-600">
                Start (UTC)
              </label>
              <input
                id={startId}
                type="datetime-local"
                step={60}
                value={startText}
                onChange={(e) => setStartText(e.target.value)}
                aria-invalid={error !== undefined}
                aria-describedby={error ? errorId : undefined}
                className={INPUT}
              />
            </div>
            <div className="flex flex-col gap-1">
              <label htmlFor={endId} className="text-xs font-medium text-slate-600">
                End (UTC)
              </label>
              <input
                id={endId}
                type="datetime-local"
                step={60}
                value={endText}
                onChange={(e) => setEndText(e.target.value)}
                aria-invalid={error !== undefined}
                aria-describedby={error ? errorId : undefined}
                className={INPUT}
              />
            </div>
            {error && (
              <p id={errorId} role="alert" className="rounded bg-red-50 px-2 py-1 text-xs text-red-700">
                {error}
              </p>
            )}
            <div className="flex justify-end gap-2">
              <button
                type="button"
                onClick={() => setOpen(false)}
                className="rounded px-3 py-1 text-sm text-slate-700 hover:bg-slate-100"
              >
                Cancel
              </button>
              <button
                type="submit"
                className="rounded bg-blue-600 px-3 py-1 text-sm font-medium text-white hover:bg-blue-700 focus-visible:outline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-500"
              >
                Apply
              </button>
            </div>
          </form>
        </div>
      )}
    </div>
  );
}
