/** One time series ready to draw: timestamps are epoch milliseconds, ascending, index-aligned with values. */
export interface SeriesData {
  id: string;
  label: string;
  unit?: string;
  color?: string;
  timestamps: number[];
  values: number[];
}
