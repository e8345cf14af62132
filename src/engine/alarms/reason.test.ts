import { describe, expect, it } from 'vitest';
import { javaDouble, reasonDataTimestamp, reasonTimestamp, stringifyReasonData } from './reason.ts';

describe("javaDouble prints numbers like Java's Double.toString", () => {
  it.each<[number, string]>([
    [80, '80.0'],
    [0, '0.0'],
    [-0, '-0.0'],
    [-3, '-3.0'],
    [91.2, '91.2'],
    [99.50160229693434, '99.50160229693434'],
    [45628, '45628.0'],
    [0.001, '0.001'],
    [9999999, '9999999.0'],
    [1e7, '1.0E7'],
    [12345678.9, '1.23456789E7'],
    [0.00015, '1.5E-4'],
    [-2.5e-5, '-2.5E-5'],
    [1e21, '1.0E21'],
    [Infinity, 'Infinity'],
    [NaN, 'NaN'],
  ])('%d → %s', (x, text) => {
    expect(javaDouble(x)).toBe(text);
  });
});

describe('timestamps', () => {
  it.each<[string, string, string]>([
    ['2019-10-02T16:59:00Z', '02/10/19 16:59:00', '2019-10-02T16:59:00.000+0000'],
    ['2026-01-09T03:04:05.678Z', '09/01/26 03:04:05', '2026-01-09T03:04:05.678+0000'],
    ['2000-12-31T23:59:59Z', '31/12/00 23:59:59', '2000-12-31T23:59:59.000+0000'],
  ])('%s → %s in a reason, %s in reason data', (iso, inReason, inData) => {
    expect(reasonTimestamp(Date.parse(iso))).toBe(inReason);
    expect(reasonDataTimestamp(Date.parse(iso))).toBe(inData);
  });
});

describe('stringifyReasonData', () => {
  it.each<[object, string]>([
    [{}, '{}'],
    [
      { period: 60, threshold: 5, recentDatapoints: [] },
      '{"period":60,"threshold":5.0,"recentDatapoints":[]}',
    ],
    [
      { statistic: 'p99', skipped: undefined, nested: [{ value: 1 }] },
      '{"statistic":"p99","nested":[{"value":1.0}]}',
    ],
    [{ period: 0.5 }, '{"period":0.5}'],
  ])('%j → %s', (data, json) => {
    expect(stringifyReasonData(data)).toBe(json);
    expect(JSON.parse(json)).toEqual(JSON.parse(JSON.stringify(data)));
  });
});
