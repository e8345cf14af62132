import { describe, expect, it } from 'vitest';
import { bodyRange, durationText, isoDurationMs, isoDurationText } from './body-range.ts';

describe('dashboard ranges', () => {
  it('reads relative ISO-8601 durations as CloudWatch writes them', () => {
    expect(isoDurationMs('-PT6H')).toBe(6 * 3_600_000);
    expect(isoDurationMs('-P7D')).toBe(7 * 86_400_000);
    expect(isoDurationMs('-P1W')).toBe(7 * 86_400_000);
    expect(isoDurationMs('-PT15M')).toBe(15 * 60_000);
    expect(isoDurationMs('-P1DT12H')).toBe(36 * 3_600_000);
    expect(isoDurationMs('-P')).toBeUndefined();
    expect(isoDurationMs('-PT')).toBeUndefined();
    expect(isoDurationMs('6h')).toBeUndefined();
  });

  it("turns them into the picker's durations and back", () => {
    expect(durationText(6 * 3_600_000)).toBe('6h');
    expect(durationText(14 * 86_400_000)).toBe('2w');
    expect(durationText(36 * 3_600_000)).toBe('36h');
    expect(isoDurationText(3 * 3_600_000)).toBe('-PT3H');
    expect(isoDurationText(7 * 86_400_000)).toBe('-P7D');
  });

  it('reads start/end as relative or absolute, and nothing otherwise', () => {
    expect(bodyRange('-PT6H', undefined)).toEqual({ kind: 'relative', duration: '6h' });
    expect(bodyRange('2026-11-19T00:00:00Z', '2026-11-19T06:00:00Z')).toEqual({
      kind: 'absolute',
      start: Date.UTC(2026, 10, 19),
      end: Date.UTC(2026, 10, 19, 6),
    });
    expect(bodyRange('2026-11-19T06:00:00Z', '2026-11-19T00:00:00Z')).toBeUndefined();
    expect(bodyRange(undefined, undefined)).toBeUndefined();
    expect(bodyRange('soon', undefined)).toBeUndefined();
  });
});
