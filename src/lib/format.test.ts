import { describe, expect, it } from 'vitest';
import {
  formatAxisValue,
  formatDateTime,
  formatExact,
  formatPercentChange,
  formatTime,
  formatUnitLabel,
  formatValue,
} from './format';

describe('formatValue', () => {
  it.each<[number | undefined, string | undefined, string]>([
    // value, unit, expected
    [undefined, 'Count', '—'],
    [Number.NaN, 'Count', '—'],
    [Number.POSITIVE_INFINITY, undefined, '—'],
    [0, 'Count', '0'],
    [7, 'Count', '7'],
    [42.25, undefined, '42.3'],
    [999, 'Count', '999'],
    [1234, 'Count', '1.2K'],
    [999_960, 'Count', '1M'],
    [12_345_678, 'None', '12.3M'],
    [3.2e9, 'Count', '3.2B'],
    [-1500, 'Count', '-1.5K'],
    [0.05, 'Count', '0.05'],
    [0.012345, 'None', '0.012'],
    [1234, 'Count/Second', '1.2K/s'],
    [12.5, 'Percent', '12.5 %'],
    [100, 'Percent', '100 %'],
    [0.004, 'Percent', '0.004 %'],
    [250, 'Milliseconds', '250 ms'],
    [1500, 'Milliseconds', '1.5 s'],
    [0.25, 'Seconds', '250 ms'],
    [90, 'Seconds', '1.5 min'],
    [7200, 'Seconds', '2 h'],
    [172_800, 'Seconds', '2 d'],
    [59.99, 'Seconds', '1 min'],
    [750, 'Microseconds', '750 µs'],
    [2500, 'Microseconds', '2.5 ms'],
    [0, 'Seconds', '0 s'],
    [512, 'Bytes', '512 B'],
    [3.4 * 1024 * 1024, 'Bytes', '3.4 MB'],
    [1536, 'Kilobytes', '1.5 MB'],
    [0.5, 'Kilobytes', '512 B'],
    [2048, 'Gigabytes', '2 TB'],
    [3 * 1024, 'Terabytes', '3 PB'],
    [3 * 1024 ** 2, 'Terabytes', '3072 PB'],
    [1_500_000, 'Bits', '1.5 Mb'],
    [2500, 'Megabits', '2.5 Gb'],
    [10 * 1024, 'Bytes/Second', '10 KB/s'],
    [3000, 'Kilobits/Second', '3 Mb/s'],
    [12, 'Requests', '12 Requests'],
  ])('%s %s → %s', (value, unit, expected) => {
    expect(formatValue(value, unit)).toBe(expected);
  });
});

describe('formatAxisValue', () => {
  it.each<[number, string | undefined, string]>([
    [0, undefined, '0'],
    [123_456, 'Count', '123K'],
    [1234, 'Count', '1.2K'],
    [3.4 * 1024 * 1024, 'Bytes', '3.4MB'],
    [250, 'Milliseconds', '250ms'],
    [12.5, 'Percent', '12.5%'],
    [1234, 'Count/Second', '1.2K/s'],
  ])('%s %s → %s', (value, unit, expected) => {
    expect(formatAxisValue(value, unit)).toBe(expected);
  });
});

describe('formatUnitLabel', () => {
  it.each<[string | undefined, string]>([
    [undefined, ''],
    ['None', ''],
    ['Count', 'Count'],
    ['Bytes/Second', 'Bytes/s'],
  ])('%s → %j', (unit, expected) => {
    expect(formatUnitLabel(unit)).toBe(expected);
  });
});

describe('formatTime', () => {
  const t = Date.parse('2026-11-21T09:05:07Z');
  const MIN = 60_000;
  it.each([
    ['10 minutes', 10 * MIN, '09:05:07'],
    ['3 hours', 180 * MIN, '09:05'],
    ['1 day', 1440 * MIN, '11-21 09:05'],
    ['3 days', 3 * 1440 * MIN, '11-21 09:05'],
    ['1 week', 7 * 1440 * MIN, '2026-11-21'],
    ['15 months', 455 * 1440 * MIN, '2026-11-21'],
  ])('over %s', (_name, span, expected) => {
    expect(formatTime(t, span)).toBe(expected);
  });
});

describe('formatDateTime', () => {
  it.each([
    ['2026-11-21T10:15:00Z', '2026-11-21 10:15:00 UTC'],
    ['2026-01-02T03:04:05.678Z', '2026-01-02 03:04:05 UTC'],
    ['2026-11-21T23:59:59+02:00', '2026-11-21 21:59:59 UTC'],
  ])('%s', (iso, expected) => {
    expect(formatDateTime(Date.parse(iso))).toBe(expected);
  });
});

describe('formatPercentChange', () => {
  it.each<[number | undefined, number | undefined, string | undefined]>([
    [110, 100, '+10 %'],
    [90, 100, '-10 %'],
    [100, 100, '0 %'],
    [-50, -100, '+50 %'],
    [5, 0, undefined],
    [undefined, 100, undefined],
    [100, undefined, undefined],
  ])('%s after %s', (value, previous, expected) => {
    expect(formatPercentChange(value, previous)).toBe(expected);
  });
});

describe('formatExact', () => {
  it.each([
    [0.044893621025987346, 'Seconds', '0.04489362103 s'],
    [1204, 'Count', '1,204'],
    [12.5, 'Percent', '12.5 %'],
    [1204.5, 'Count/Second', '1,204.5 Count/Second'],
    [3, undefined, '3'],
    [undefined, 'Seconds', '—'],
    [Number.NaN, 'Bytes', '—'],
  ])('%s %s → %s', (v, unit, expected) => {
    expect(formatExact(v, unit)).toBe(expected);
  });
});
