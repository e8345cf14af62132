import type { StandardUnit } from '@aws-sdk/client-cloudwatch';
// Human formatting of CloudWatch values and of times. Times are always shown in UTC, as the
// CloudWatch console does by default; the labels around them say so.

/** The CloudWatch standard units (`StandardUnit` in the API). */
/** CloudWatch's standard units, as the SDK defines them. */
export type CloudWatchUnit = `${StandardUnit}`;

/** What is shown for a missing value. */
export const NO_VALUE = '—';

interface Scale {
  /** Steps from the smallest suffix up, each `factor` times the previous one. */
  suffixes: readonly string[];
  factor: number;
  /** Index in `suffixes` of the unit the raw value is in. */
  baseIndex: number;
  /** Whether a space separates number and suffix (`3.4 MB`), or not (`1.2K`). */
  spaced: boolean;
  /** Appended after the suffix (`/s` for rates). */
  rate: string;
}

const BYTE_SUFFIXES = ['B', 'KB', 'MB', 'GB', 'TB', 'PB'];
const BIT_SUFFIXES = ['b', 'Kb', 'Mb', 'Gb', 'Tb', 'Pb'];
const COUNT_SUFFIXES = ['', 'K', 'M', 'B', 'T'];
const SIZE_INDEX: Record<string, number> = {
  Bytes: 0,
  Kilobytes: 1,
  Megabytes: 2,
  Gigabytes: 3,
  Terabytes: 4,
};
const BIT_INDEX: Record<string, number> = { Bits: 0, Kilobits: 1, Megabits: 2, Gigabits: 3, Terabits: 4 };

function scaleOf(unit: string | undefined): Scale | undefined {
  if (unit === undefined || unit === 'None' || unit === 'Count') {
    return { suffixes: COUNT_SUFFIXES, factor: 1000, baseIndex: 0, spaced: false, rate: '' };
  }
  if (unit === 'Count/Second')
    return { suffixes: COUNT_SUFFIXES, factor: 1000, baseIndex: 0, spaced: false, rate: '/s' };
  const [base, per] = unit.split('/');
  const rate = per === 'Second' ? '/s' : '';
  if (per !== undefined && per !== 'Second') return undefined;
  // Storage sizes use powers of 1024 (as memory and disks are reported); bit rates use powers of 1000.
  if (base in SIZE_INDEX)
    return { suffixes: BYTE_SUFFIXES, factor: 1024, baseIndex: SIZE_INDEX[base], spaced: true, rate };
  if (base in BIT_INDEX)
    return { suffixes: BIT_SUFFIXES, factor: 1000, baseIndex: BIT_INDEX[base], spaced: true, rate };
  return undefined;
}

/** Rounds for display: one decimal from 1 up, two significant digits below 1; no trailing zeros. */
function roundForDisplay(x: number, short: boolean): string {
  const abs = Math.abs(x);
  if (abs === 0) return '0';
  let text: string;
  if (abs >= 100 && short) text = x.toFixed(0);
  else if (abs >= 1) text = x.toFixed(1);
  else text = x.toPrecision(2);
  return text.includes('e') || !text.includes('.') ? text : text.replace(/\.?0+$/, '');
}

function formatScaled(v: number, scale: Scale, short: boolean): string {
  let index = scale.baseIndex;
  let x = v;
  // Step down for fractions of a larger unit, then climb while the rounded number would read 1000 or more.
  while (index > 0 && Math.abs(x) < 1 && x !== 0) {
    x *= scale.factor;
    index--;
  }
  while (index < scale.suffixes.length - 1 && Math.abs(Number(roundForDisplay(x, short))) >= scale.factor) {
    x /= scale.factor;
    index++;
  }
  const suffix = scale.suffixes[index];
  const space = scale.spaced && !short && suffix !== '' ? ' ' : '';
  return `${roundForDisplay(x, short)}${space}${suffix}${scale.rate}`;
}

const DURATION_STEPS: readonly [number, string][] = [
  [86_400, 'd'],
  [3_600, 'h'],
  [60, 'min'],
  [1, 's'],
  [1e-3, 'ms'],
  [1e-6, 'µs'],
];

function formatDuration(seconds: number, short: boolean): string {
  const abs = Math.abs(seconds);
  const space = short ? '' : ' ';
  if (abs === 0) return `0${space}s`;
  for (const [size, suffix] of DURATION_STEPS) {
    if (abs >= size * 0.9995 || size === 1e-6)
      return `${roundForDisplay(seconds / size, short)}${space}${suffix}`;
  }
  return `${roundForDisplay(seconds, short)}${space}s`;
}

const TIME_UNIT_SECONDS: Record<string, number> = { Seconds: 1, Milliseconds: 1e-3, Microseconds: 1e-6 };

function format(v: number | undefined, unit: string | undefined, short: boolean): string {
  if (v === undefined || !Number.isFinite(v)) return NO_VALUE;
  if (unit !== undefined && unit in TIME_UNIT_SECONDS)
    return formatDuration(v * TIME_UNIT_SECONDS[unit], short);
  if (unit === 'Percent') return `${roundForDisplay(v, short)}${short ? '' : ' '}%`;
  const scale = scaleOf(unit);
  if (scale) return formatScaled(v, scale, short);
  // A unit we do not know (custom metrics may send anything): keep the number compact and name it.
  return `${formatScaled(v, scaleOf('None') as Scale, short)} ${unit}`;
}

/**
 * A value with its CloudWatch unit, compact for people: `1.2K`, `3.4 MB`, `12.5 %`, `250 ms`,
 * `1.2K/s`. Undefined or non-finite values read `—`.
 */
export function formatValue(v: number | undefined, unit?: string): string {
  return format(v, unit, false);
}

/** A value for an axis tick: like {@link formatValue} but shorter (`3.4MB`, `250ms`, `120K`). */
export function formatAxisValue(v: number | undefined, unit?: string): string {
  return format(v, unit, true);
}

/** The unit as an axis label shows it (`Bytes/Second` reads `Bytes/s`); empty for `None`. */
export function formatUnitLabel(unit: string | undefined): string {
  if (unit === undefined || unit === 'None') return '';
  return unit.replace('/Second', '/s');
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/**
 * A time-axis label in UTC that adapts to the span shown: `HH:mm:ss` under 15 minutes, `HH:mm`
 * under a day, `MM-dd HH:mm` under a week, `yyyy-MM-dd` beyond.
 */
export function formatTime(ms: number, spanMs: number): string {
  const d = new Date(ms);
  const time = `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
  const date = `${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  if (spanMs < 15 * 60_000) return `${time}:${pad(d.getUTCSeconds())}`;
  if (spanMs < DAY_MS) return time;
  if (spanMs < 7 * DAY_MS) return `${date} ${time}`;
  return `${d.getUTCFullYear()}-${date}`;
}

/** A full instant in UTC, e.g. `2026-11-21 10:15:00 UTC`. */
export function formatDateTime(ms: number): string {
  const d = new Date(ms);
  return (
    `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ` +
    `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} UTC`
  );
}

/** A percent change for a trend, e.g. `+12.5 %`, `-3 %`; undefined when it cannot be computed. */
export function formatPercentChange(
  value: number | undefined,
  previous: number | undefined,
): string | undefined {
  if (value === undefined || previous === undefined || previous === 0) return undefined;
  if (!Number.isFinite(value) || !Number.isFinite(previous)) return undefined;
  const change = ((value - previous) / Math.abs(previous)) * 100;
  const sign = change > 0 ? '+' : '';
  return `${sign}${roundForDisplay(change, false)} %`;
}

const EXACT_UNIT_SUFFIX: Record<string, string> = {
  Seconds: ' s',
  Milliseconds: ' ms',
  Microseconds: ' μs',
  Percent: ' %',
  Count: '',
  None: '',
};

/**
 * A value as the API returned it, to 10 significant digits, with its unit: `0.04489362103 s`,
 * `1,204 Count/Second`. Tooltips show it beside the compact form.
 */
export function formatExact(v: number | undefined, unit?: string): string {
  if (v === undefined || !Number.isFinite(v)) return NO_VALUE;
  const n = v.toLocaleString('en-US', { maximumSignificantDigits: 10 });
  const suffix = unit === undefined ? '' : (EXACT_UNIT_SUFFIX[unit] ?? ` ${unit}`);
  return `${n}${suffix}`;
}
