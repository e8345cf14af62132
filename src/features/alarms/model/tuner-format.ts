// The tuner's figures and reasons in few words.
import { coarseDuration } from './durations.ts';

// One formatter for every count: toLocaleString builds a new one per call, and a drag re-renders
// these figures on every frame.
const COUNT = new Intl.NumberFormat('en-US');

/** A whole count with thousands separators: `1,234`. */
export const formatCount = (n: number): string => COUNT.format(n);

/** A span of time, coarse: `0`, `40 s`, `12 min`, `3 h 5 min`, `2 d 4 h`. */
export function formatSpan(ms: number | undefined): string {
  if (ms === undefined || !Number.isFinite(ms)) return '—';
  const s = Math.round(Math.abs(ms) / 1000);
  if (s === 0) return '0';
  return `${ms < 0 ? '−' : ''}${coarseDuration(s, Math.round)}`;
}

/** A signed change for a delta column: `+3`, `−10`, `+1 h 5 min`, `0`. */
export function formatDelta(delta: number | undefined, kind: 'count' | 'duration'): string {
  if (delta === undefined) return '—';
  if (delta === 0) return '0';
  const sign = delta > 0 ? '+' : '−';
  const size = kind === 'duration' ? formatSpan(Math.abs(delta)) : formatCount(Math.abs(delta));
  return `${sign}${size}`;
}

/**
 * A transition's reason without the datapoints and band bounds it lists and the minimum clause:
 * `Threshold Crossed: 3 out of the last 3 datapoints [95.0 (21/11/26 12:00:00), …] were greater than
 * the threshold (80.0) (minimum 3 datapoints for OK -> ALARM transition).` reads `3 out of the last 3
 * datapoints were greater than the threshold (80.0)`.
 */
export function shortReason(reason: string): string {
  const text = reason
    .replace(/^[A-Z][A-Za-z ]+:\s*/, '')
    .replace(/\s*\[[^\]]*\([^\]]*\]/g, '')
    .replace(/\s*\[[-+\d.eE,\s]*\]/g, '')
    .replace(/\s*\(minimum [^)]*\)/g, '')
    .replace(/\.\s*$/, '')
    .trim();
  return text || reason;
}
