import { formatValue } from '../../lib/format';

/** A colour band of a gauge: from `value` up to the next threshold (or the maximum). */
export interface GaugeThreshold {
  value: number;
  color: string;
}

/** Props of {@link GaugeChart}. */
export interface GaugeChartProps {
  /** The value to show; undefined shows "No data". */
  value?: number;
  /** The value at the left end of the arc. */
  min: number;
  /** The value at the right end of the arc. */
  max: number;
  /** CloudWatch unit of the value, for formatting. */
  unit?: string;
  /** What the gauge measures, shown under it. */
  label: string;
  /** Colour bands; by default green, then amber from 70 % and red from 90 % of the range. */
  thresholds?: GaugeThreshold[];
}

const GREEN = '#16a34a';
const AMBER = '#f59e0b';
const RED = '#dc2626';
const TRACK = '#e2e8f0';
const NO_BAND = '#94a3b8';

const CX = 100;
const CY = 100;
const BAND_RADIUS = 88;
const VALUE_RADIUS = 72;

/** The default bands: green, amber from 70 % of the range, red from 90 %. */
export function defaultThresholds(min: number, max: number): GaugeThreshold[] {
  const range = max - min;
  return [
    { value: min, color: GREEN },
    { value: min + 0.7 * range, color: AMBER },
    { value: min + 0.9 * range, color: RED },
  ];
}

/** A horizontal annotation as a gauge reads it: a line at `value`, or a band from `value` to `to`. */
export interface GaugeAnnotation {
  value: number;
  to?: number;
  color?: string;
  fill?: 'above' | 'below' | 'none';
}

/** Colours of annotations without one: above a line red, below it green, a band amber. */
const ABOVE_COLOR = RED;
const BELOW_COLOR = GREEN;
const BAND_COLOR = AMBER;

/**
 * The bands of a gauge from CloudWatch's horizontal annotations: a fill `above` colours from its value
 * to the maximum, `below` from the minimum to its value, a band between its two values; where
 * several cover a span the later one wins, and spans none covers are neutral grey. Lines without a
 * fill colour nothing. Undefined when no annotation colours anything (the default bands apply).
 */
export function gaugeThresholds(
  annotations: readonly GaugeAnnotation[],
  min: number,
  max: number,
): GaugeThreshold[] | undefined {
  const spans: { from: number; to: number; color: string }[] = [];
  for (const a of annotations) {
    if (!Number.isFinite(a.value)) continue;
    if (a.to !== undefined) {
      if (!Number.isFinite(a.to)) continue;
      spans.push({
        from: Math.min(a.value, a.to),
        to: Math.max(a.value, a.to),
        color: a.color ?? BAND_COLOR,
      });
    } else if (a.fill === 'above') spans.push({ from: a.value, to: max, color: a.color ?? ABOVE_COLOR });
    else if (a.fill === 'below') spans.push({ from: min, to: a.value, color: a.color ?? BELOW_COLOR });
  }
  if (spans.length === 0) return undefined;
  const cuts = [...new Set([min, max, ...spans.flatMap((s) => [s.from, s.to])])]
    .filter((v) => v >= min && v <= max)
    .sort((a, b) => a - b);
  const out: GaugeThreshold[] = [];
  for (let i = 0; i + 1 < cuts.length; i++) {
    const mid = (cuts[i] + cuts[i + 1]) / 2;
    let color = NO_BAND;
    for (const s of spans) if (mid >= s.from && mid <= s.to) color = s.color;
    if (out.length === 0 || out[out.length - 1].color !== color) out.push({ value: cuts[i], color });
  }
  return out;
}

/** The colour of the band `value` falls in, or undefined below the first threshold. */
export function bandColor(value: number, thresholds: readonly GaugeThreshold[]): string | undefined {
  let color: string | undefined;
  for (const t of [...thresholds].sort((a, b) => a.value - b.value)) if (value >= t.value) color = t.color;
  return color;
}

function point(fraction: number, radius: number): string {
  const angle = Math.PI * (1 - fraction);
  return `${(CX + radius * Math.cos(angle)).toFixed(2)} ${(CY - radius * Math.sin(angle)).toFixed(2)}`;
}

/** An arc of the semicircle from fraction `from` to `to` (0 = left end, 1 = right end). */
function arc(from: number, to: number, radius: number): string {
  return `M ${point(from, radius)} A ${radius} ${radius} 0 0 1 ${point(to, radius)}`;
}

/** A semicircle gauge: the value as an arc coloured by the band it falls in, over the bands themselves. */
export function GaugeChart({ value, min, max, unit, label, thresholds }: GaugeChartProps) {
  const range = max > min ? max - min : 1;
  const fractionOf = (v: number) => Math.min(1, Math.max(0, (v - min) / range));
  const bands = [...(thresholds ?? defaultThresholds(min, max))].sort((a, b) => a.value - b.value);
  const known = value !== undefined && Number.isFinite(value);
  const text = known ? formatValue(value, unit) : 'No data';
  const valueColor = known ? (bandColor(value, bands) ?? NO_BAND) : NO_BAND;

  return (
    <figure data-testid="gauge" className="flex flex-col items-center">
      <svg viewBox="-20 0 240 124" className="w-full max-w-64" role="img" aria-label={`${label}: ${text}`}>
        {bands.map((band, i) => {
          const from = fractionOf(band.value);
          const to = fractionOf(bands[i + 1]?.value ?? max);
          return to > from ? (
            <path key={i} d={arc(from, to, BAND_RADIUS)} fill="none" stroke={band.color} strokeWidth={6} />
          ) : undefined;
        })}
        <path d={arc(0, 1, VALUE_RADIUS)} fill="none" stroke={TRACK} strokeWidth={14} />
        {known && fractionOf(value) > 0 && (
          <path
            data-testid="gauge-value"
            d={arc(0, fractionOf(value), VALUE_RADIUS)}
            fill="none"
            stroke={valueColor}
            strokeWidth={14}
          />
        )}
        <text
          x={CX}
          y={CY - 8}
          textAnchor="middle"
          className={known ? 'fill-slate-900 text-[26px] font-semibold' : 'fill-slate-400 text-[18px]'}
        >
          {text}
        </text>
        <text x={CX - BAND_RADIUS} y={CY + 18} textAnchor="middle" className="fill-slate-500 text-[11px]">
          {formatValue(min, unit)}
        </text>
        <text x={CX + BAND_RADIUS} y={CY + 18} textAnchor="middle" className="fill-slate-500 text-[11px]">
          {formatValue(max, unit)}
        </text>
      </svg>
      <figcaption className="mt-1 text-center text-sm text-slate-600">{label}</figcaption>
    </figure>
  );
}
