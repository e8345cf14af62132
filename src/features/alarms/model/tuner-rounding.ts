// Values a dragged threshold writes into the form: a pointer moves by fractions of a pixel, but a
// person wants to read `83.5`, not `83.48261`.

/**
 * `value` rounded to `digits` significant digits of the range it is dragged over: over a 0–100 axis,
 * 3 digits give steps of 1 (`83`); over 0–1.5, steps of 0.01 (`0.83`). The text has no float noise
 * (`0.3`, not `0.30000000000000004`; no trailing zeros). Non-finite input gives ''.
 */
export function roundToRange(value: number, min: number, max: number, digits = 3): string {
  if (!Number.isFinite(value)) return '';
  let span = Math.abs(max - min);
  if (!Number.isFinite(span) || span === 0) span = Math.abs(value);
  if (span === 0) return '0';
  const exponent = Math.floor(Math.log10(span)) - (digits - 1);
  const step = 10 ** exponent;
  const rounded = Math.round(value / step) * step;
  const decimals = Math.max(0, -exponent);
  const text = rounded.toFixed(Math.min(decimals, 20));
  // -0 reads 0; 0.50 reads 0.5.
  if (Number(text) === 0) return '0';
  return text.includes('.') ? text.replace(/\.?0+$/, '') : text;
}

/**
 * Where a threshold could start when none is typed: the 99th percentile of the datapoints (so the
 * alarm would have been breaching 1 % of the time), rounded to the range. Undefined without data.
 */
export function startingThreshold(values: ArrayLike<number>): string | undefined {
  const finite: number[] = [];
  for (let i = 0; i < values.length; i++) if (Number.isFinite(values[i])) finite.push(values[i]);
  if (finite.length === 0) return undefined;
  finite.sort((a, b) => a - b);
  const at = finite[Math.min(finite.length - 1, Math.floor(finite.length * 0.99))];
  return roundToRange(at, finite[0], finite[finite.length - 1]);
}
