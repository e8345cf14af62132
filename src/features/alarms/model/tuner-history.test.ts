import { describe, expect, it } from 'vitest';
import {
  DATAPOINTS_PER_CALL,
  effectiveHistory,
  fetchChunks,
  historyOptions,
  historyWindow,
  lookbackSlots,
} from './tuner-history.ts';

const MIN = 60_000;
const DAY = 24 * 60 * MIN;

describe('history options by period', () => {
  // period (s), N → the histories that are available.
  it.each([
    [10, 3, ['2h']],
    [30, 1, ['2h']],
    [60, 1, ['1d', '3d', '7d', '14d']],
    [60, 5, ['1d', '3d', '7d', '14d']],
    [300, 3, ['1d', '3d', '7d', '14d', '30d']],
    [900, 1, ['1d', '3d', '7d', '14d', '30d']],
    [3600, 24, ['1d', '3d', '7d', '14d', '30d', '90d']],
    [86_400, 7, ['1d', '3d', '7d', '14d', '30d', '90d']],
  ])('period %i s with N = %i: %j', (period, n, available) => {
    const options = historyOptions(period, n);
    expect(options.filter((o) => !o.disabledReason).map((o) => o.id)).toEqual(available);
  });

  it('offers 2 hours only to sub-minute periods', () => {
    expect(historyOptions(30, 1).map((o) => o.id)).toContain('2h');
    expect(historyOptions(60, 1).map((o) => o.id)).not.toContain('2h');
  });

  it.each([
    [
      60,
      '30d',
      'CloudWatch keeps 1-minute data for 15 days: 30 days needs a period that is a multiple of 5 minutes.',
    ],
    [
      300,
      '90d',
      'CloudWatch keeps 5-minute data for 63 days: 90 days needs a period that is a multiple of 1 hour.',
    ],
    [
      10,
      '1d',
      'CloudWatch keeps sub-minute data for 3 hours: 1 day needs a period that is a multiple of 1 minute.',
    ],
  ])('period %i s explains why %s is unavailable', (period, id, reason) => {
    expect(historyOptions(period, 1).find((o) => o.id === id)?.disabledReason).toBe(reason);
  });

  it('counts the lookback periods before the history', () => {
    // 14 days plus a one-day window of 1-minute periods reaches past 15 days.
    const option = historyOptions(60, 1440).find((o) => o.id === '14d');
    expect(option?.disabledReason).toBe(
      'CloudWatch keeps 1-minute data for 15 days: 14 days and the 2048 periods before it need a period that is a multiple of 5 minutes.',
    );
  });

  it.each([
    [2, 60, 16],
    [14, 300, 16],
    [15, 300, 32],
    [15, 86_400, 16],
    [1440, 60, 2048],
  ])('N = %i at %i s fetches %i periods back', (n, period, slots) => {
    expect(lookbackSlots(n, period)).toBe(slots);
  });
});

describe('effective history', () => {
  it.each([
    [60, '7d', '7d'],
    [60, '30d', '14d'],
    [60, '90d', '14d'],
    [300, '90d', '30d'],
    [10, '7d', '2h'],
  ] as const)('period %i s, wanted %s → %s', (period, wanted, shown) => {
    expect(effectiveHistory(wanted, historyOptions(period, 1))?.id).toBe(shown);
  });
});

describe('history window', () => {
  it('ends at the minute, starts on the period grid, fetches the lookback before', () => {
    const now = Date.parse('2026-11-21T12:03:27Z');
    const w = historyWindow(now, DAY, 300, 5);
    expect(new Date(w.endMs).toISOString()).toBe('2026-11-21T12:03:00.000Z');
    expect(new Date(w.startMs).toISOString()).toBe('2026-11-20T12:00:00.000Z');
    expect(w.fetchStartMs).toBe(w.startMs - 5 * 300_000);
  });
});

describe('fetch chunks', () => {
  it('keeps one call when the datapoints fit', () => {
    expect(fetchChunks(0, 14 * DAY, 60, 3)).toEqual([{ startMs: 0, endMs: 14 * DAY }]);
  });

  it('splits so that no call returns more than the limit', () => {
    const chunks = fetchChunks(0, 90 * DAY, 60, 2);
    expect(chunks.length).toBe(Math.ceil((90 * 1440 * 2) / DATAPOINTS_PER_CALL));
    expect(chunks[0].startMs).toBe(0);
    expect(chunks.at(-1)?.endMs).toBe(90 * DAY);
    for (const c of chunks)
      expect(((c.endMs - c.startMs) / MIN) * 2).toBeLessThanOrEqual(DATAPOINTS_PER_CALL);
    for (let i = 1; i < chunks.length; i++) expect(chunks[i].startMs).toBe(chunks[i - 1].endMs);
  });
});
