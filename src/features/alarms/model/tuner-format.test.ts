import { describe, expect, it } from 'vitest';
import { formatDelta, formatSpan, shortReason } from './tuner-format.ts';

const MIN = 60_000;

describe('tuner figures in words', () => {
  it.each([
    [0, '0'],
    [40_000, '40 s'],
    [12 * MIN, '12 min'],
    [185 * MIN, '3 h 5 min'],
    [180 * MIN, '3 h'],
    [52 * 60 * MIN, '2 d 4 h'],
    [undefined, '—'],
  ])('span %s → %s', (ms, text) => {
    expect(formatSpan(ms)).toBe(text);
  });

  it.each([
    [3, 'count', '+3'],
    [-10, 'count', '−10'],
    [0, 'count', '0'],
    [65 * MIN, 'duration', '+1 h 5 min'],
    [-5 * MIN, 'duration', '−5 min'],
    [undefined, 'count', '—'],
  ] as const)('delta %s (%s) → %s', (d, kind, text) => {
    expect(formatDelta(d, kind)).toBe(text);
  });

  it.each([
    [
      'Threshold Crossed: 3 out of the last 3 datapoints [95.0 (21/11/26 12:00:00), 91.0 (21/11/26 11:55:00)] were greater than the threshold (80.0) (minimum 3 datapoints for OK -> ALARM transition).',
      '3 out of the last 3 datapoints were greater than the threshold (80.0)',
    ],
    [
      'Threshold Crossed: no datapoints were received for 3 periods and 3 missing datapoints were treated as [Breaching].',
      'no datapoints were received for 3 periods and 3 missing datapoints were treated as [Breaching]',
    ],
    [
      'Threshold Crossed: 1 out of the last 1 datapoints was less than the lower thresholds [32.80600747832455] or greater than the upper thresholds [40.186909183245, 41.5].',
      '1 out of the last 1 datapoints was less than the lower thresholds or greater than the upper thresholds',
    ],
    ['', ''],
  ])('short reason of %s', (reason, short) => {
    expect(shortReason(reason)).toBe(short);
  });
});
