/**
 * Ten distinct series colours (the d3 "category10" set, which CloudWatch's console also uses), so
 * line N has the same colour in every chart of the app.
 */
export const SERIES_PALETTE: readonly string[] = [
  '#1f77b4',
  '#ff7f0e',
  '#2ca02c',
  '#d62728',
  '#9467bd',
  '#8c564b',
  '#e377c2',
  '#7f7f7f',
  '#bcbd22',
  '#17becf',
];

/** The palette colour for the series at `index`, wrapping after ten. */
export function seriesColor(index: number): string {
  const n = SERIES_PALETTE.length;
  return SERIES_PALETTE[((index % n) + n) % n];
}
