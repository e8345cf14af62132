import type { KeyboardEvent } from 'react';
import { formatAxisValue, formatValue } from '../../lib/format';
import { type Domain, keyboardThreshold } from './geometry';

/** Props of {@link ThresholdHandle}. */
export interface ThresholdHandleProps {
  /** The threshold shown (the dragged value while dragging). */
  value: number;
  /** The lane's y range: the slider's bounds. */
  domain: Domain;
  /** Where the threshold line is, px from the lane's top. */
  y: number;
  unit?: string;
  /** A key moved the threshold. */
  onKeyChange: (value: number) => void;
  /** The pointer is dragging it. */
  dragging: boolean;
}

/**
 * The threshold line's grip at the lane's right edge: a slider for the keyboard (arrows 1 % of the
 * range, Page keys 10 %, Home and End the ends) and a handle for the pointer (the lane drags it).
 */
export function ThresholdHandle({ value, domain, y, unit, onKeyChange, dragging }: ThresholdHandleProps) {
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const next = keyboardThreshold(e.key, value, domain);
    if (next === undefined) return;
    e.preventDefault();
    if (next !== value) onKeyChange(next);
  };
  return (
    <div
      role="slider"
      tabIndex={0}
      aria-label="Threshold"
      aria-orientation="vertical"
      aria-valuenow={value}
      aria-valuemin={domain[0]}
      aria-valuemax={domain[1]}
      aria-valuetext={formatValue(value, unit)}
      data-testid="tuner-threshold-handle"
      data-threshold-handle=""
      title="Drag, or use the arrow keys (Page Up/Down for bigger steps)"
      onKeyDown={onKeyDown}
      className={`absolute right-1 z-10 flex h-5 -translate-y-1/2 cursor-ns-resize touch-none items-center gap-1 rounded-full border border-red-700/20 bg-red-600 pr-2 pl-1.5 text-[11px] leading-none font-medium text-white tabular-nums shadow-sm select-none focus:outline-none focus-visible:ring-2 focus-visible:ring-red-300 focus-visible:ring-offset-1 ${
        dragging ? 'ring-2 ring-red-300' : ''
      }`}
      style={{ top: y }}
    >
      <svg width="8" height="10" viewBox="0 0 8 10" aria-hidden="true" className="opacity-80">
        <path d="M4 0 L8 4 H0 Z M4 10 L0 6 H8 Z" fill="currentColor" />
      </svg>
      {formatAxisValue(value, unit)}
    </div>
  );
}
