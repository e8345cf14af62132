/** CloudWatch's StandardUnit values, in the order of the API model. */
export const STANDARD_UNITS = [
  'Seconds',
  'Microseconds',
  'Milliseconds',
  'Bytes',
  'Kilobytes',
  'Megabytes',
  'Gigabytes',
  'Terabytes',
  'Bits',
  'Kilobits',
  'Megabits',
  'Gigabits',
  'Terabits',
  'Percent',
  'Count',
  'Bytes/Second',
  'Kilobytes/Second',
  'Megabytes/Second',
  'Gigabytes/Second',
  'Terabytes/Second',
  'Bits/Second',
  'Kilobits/Second',
  'Megabits/Second',
  'Gigabits/Second',
  'Terabits/Second',
  'Count/Second',
  'None',
] as const;

export type StandardUnit = (typeof STANDARD_UNITS)[number];

const UNIT_CODE = new Map<string, number>(STANDARD_UNITS.map((u, i) => [u, i]));

export const isStandardUnit = (u: string): u is StandardUnit => UNIT_CODE.has(u);

/** Units are stored as one byte per datapoint. */
export const unitCode = (u: StandardUnit): number => UNIT_CODE.get(u) ?? STANDARD_UNITS.length - 1;
export const unitFromCode = (c: number): StandardUnit => STANDARD_UNITS[c] ?? 'None';
