import { useId, useState } from 'react';

/** Props of {@link BandWidthInput}. */
export interface BandWidthInputProps {
  /** The width in use, in standard deviations. */
  value: number;
  /** The graphed metric's label, for the accessible name "Band width for <label>". */
  metricLabel: string;
  /** Called with each positive number typed. */
  onChange: (bandWidth: number) => void;
}

/** Parses a band width as typed: any positive number, whole or not. */
export function parseBandWidth(text: string): number | undefined {
  if (text.trim() === '') return undefined;
  const n = Number(text);
  return Number.isFinite(n) && n > 0 ? n : undefined;
}

/** The anomaly band's width (ANOMALY_DETECTION_BAND's second argument); keeps what is typed while it is not a positive number. */
export function BandWidthInput({ value, metricLabel, onChange }: BandWidthInputProps) {
  const errorId = useId();
  const [draft, setDraft] = useState(String(value));
  // A width set from outside (a link, back/forward) replaces what the input shows.
  const [shown, setShown] = useState(value);
  if (value !== shown) {
    setShown(value);
    if (parseBandWidth(draft) !== value) setDraft(String(value));
  }
  const invalid = parseBandWidth(draft) === undefined;
  return (
    <span className="inline-flex items-center gap-1">
      <input
        type="number"
        min="0"
        step="0.1"
        inputMode="decimal"
        aria-label={`Band width for ${metricLabel}`}
        title="Width of the band in standard deviations"
        aria-invalid={invalid || undefined}
        aria-describedby={invalid ? errorId : undefined}
        value={draft}
        onChange={(e) => {
          setDraft(e.target.value);
          const parsed = parseBandWidth(e.target.value);
          if (parsed !== undefined && parsed !== value) onChange(parsed);
        }}
        className="w-16 rounded border border-slate-300 bg-white px-1.5 py-0.5 text-xs text-slate-900 focus:border-blue-500 focus:outline-none focus:ring-2 focus:ring-blue-500/30 aria-[invalid=true]:border-red-400"
      />
      {invalid && (
        <span id={errorId} className="text-xs text-red-700">
          Enter a number above 0
        </span>
      )}
    </span>
  );
}
