/** One benchmark figure, printed beside its target. */
export interface Figure {
  name: string;
  value: number;
  unit: string;
  target: string;
  /** Undefined for figures that are reported, not judged. */
  ok?: boolean;
}

export const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

export function print(f: Figure): void {
  const v =
    f.value >= 1000 ? Math.round(f.value).toLocaleString('en-US') : f.value.toFixed(f.value < 10 ? 2 : 1);
  const verdict = f.ok === undefined ? '' : f.ok ? '  ok' : '  MISSED';
  console.log(`${f.name.padEnd(100)} ${`${v} ${f.unit}`.padStart(24)}   target ${f.target}${verdict}`);
}
