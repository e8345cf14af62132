import { describe, expect, it } from 'vitest';
import {
  autoPeriod,
  parseDuration,
  parseUtcDateTimeLocal,
  rangeFromSearchParams,
  rangeToSearchParams,
  resolveRange,
  toUtcDateTimeLocal,
  validateCustomRange,
  zoomOut,
} from './time-range';
import type { AutoPeriodOptions, RefreshInterval, TimeRange } from './time-range';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
const NOW = Date.parse('2026-11-21T12:00:00Z');

describe('parseDuration', () => {
  it.each([
    ['1h', HOUR],
    ['3h', 3 * HOUR],
    ['12h', 12 * HOUR],
    ['1d', DAY],
    ['3d', 3 * DAY],
    ['1w', 7 * DAY],
    ['2w', 14 * DAY],
    ['30d', 30 * DAY],
    ['90d', 90 * DAY],
    ['15M', 455 * DAY],
    ['45m', 45 * MIN],
    ['1M', (455 * DAY) / 15],
    ['455d', 455 * DAY],
  ])('%s lasts %d ms', (text, durationMs) => {
    expect(parseDuration(text)).toEqual({ ok: true, durationMs });
  });

  it.each([
    ['', /whole number and a unit/],
    ['3', /whole number and a unit/],
    ['h', /whole number and a unit/],
    ['3H', /whole number and a unit/],
    ['1.5h', /whole number and a unit/],
    ['-1h', /whole number and a unit/],
    [' 3h', /whole number and a unit/],
    ['3y', /whole number and a unit/],
    ['0m', /longer than zero/],
    ['16M', /at most 15 months/],
    ['456d', /at most 15 months/],
  ])('rejects %j', (text, error) => {
    const parsed = parseDuration(text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error).toMatch(error);
  });
});

describe('resolveRange', () => {
  it.each<[TimeRange, { start: number; end: number }]>([
    [
      { kind: 'relative', duration: '3h' },
      { start: NOW - 3 * HOUR, end: NOW },
    ],
    [
      { kind: 'relative', duration: '15M' },
      { start: NOW - 455 * DAY, end: NOW },
    ],
    [
      { kind: 'relative', duration: '10m' },
      { start: NOW - 10 * MIN, end: NOW },
    ],
    [
      { kind: 'absolute', start: 1000, end: 2000 },
      { start: 1000, end: 2000 },
    ],
  ])('%j', (range, expected) => {
    expect(resolveRange(range, NOW)).toEqual(expected);
  });

  it('throws on a malformed duration', () => {
    expect(() => resolveRange({ kind: 'relative', duration: 'soon' }, NOW)).toThrow(RangeError);
  });
});

describe('URL search params', () => {
  const start = Date.parse('2026-11-20T08:30:00Z');
  const end = Date.parse('2026-11-20T09:45:30.250Z');

  it.each<[TimeRange, RefreshInterval, string]>([
    [{ kind: 'relative', duration: '3h' }, 'off', 'range=3h&refresh=off'],
    [{ kind: 'relative', duration: '15M' }, '1m', 'range=15M&refresh=1m'],
    [
      { kind: 'absolute', start, end },
      '10s',
      'start=2026-11-20T08%3A30%3A00Z&end=2026-11-20T09%3A45%3A30.250Z&refresh=10s',
    ],
  ])('writes %j with refresh %s and reads it back', (range, refresh, query) => {
    const params = rangeToSearchParams(range, refresh);
    expect(params.toString()).toBe(query);
    expect(rangeFromSearchParams(new URLSearchParams(query))).toEqual({ range, refresh });
  });

  const defaults = { range: { kind: 'relative', duration: '3h' }, refresh: 'off' };
  it.each<[string, object, RegExp | undefined]>([
    ['', defaults, undefined],
    ['refresh=5m', { ...defaults, refresh: '5m' }, undefined],
    ['range=1w', { ...defaults, range: { kind: 'relative', duration: '1w' } }, undefined],
    [
      'start=2026-11-20T08:30:00%2B01:00&end=2026-11-20T10:00:00Z',
      {
        ...defaults,
        range: {
          kind: 'absolute',
          start: Date.parse('2026-11-20T07:30:00Z'),
          end: Date.parse('2026-11-20T10:00:00Z'),
        },
      },
      undefined,
    ],
    ['range=7x', defaults, /Invalid duration "7x"/],
    ['range=99M&refresh=1m', { ...defaults, refresh: '1m' }, /at most 15 months/],
    [
      'range=1h&refresh=2s',
      { ...defaults, range: { kind: 'relative', duration: '1h' } },
      /Invalid refresh "2s"/,
    ],
    ['start=2026-11-20T08:30:00Z', defaults, /needs both start and end/],
    ['end=2026-11-20T08:30:00Z', defaults, /needs both start and end/],
    ['start=yesterday&end=2026-11-20T08:30:00Z', defaults, /Invalid start "yesterday"/],
    ['start=2026-11-20T08:30:00Z&end=2026-11-20T09:30:00', defaults, /Invalid end/],
    ['start=2026-11-20T09:30:00Z&end=2026-11-20T08:30:00Z', defaults, /start .* before its end/],
    [
      'range=3h&start=2026-11-20T08:30:00Z&end=2026-11-20T09:30:00Z',
      defaults,
      /either range or start and end/,
    ],
    ['range=x&refresh=y', defaults, /Invalid duration "x".*Invalid refresh "y"/],
  ])('reads %j', (query, expected, error) => {
    const { error: actual, ...rest } = rangeFromSearchParams(new URLSearchParams(query));
    expect(rest).toEqual(expected);
    if (error) expect(actual).toMatch(error);
    else expect(actual).toBeUndefined();
  });
});

describe('zoomOut', () => {
  it.each<[string, TimeRange, TimeRange]>([
    [
      'doubles an old window around its centre',
      { kind: 'absolute', start: NOW - 10 * HOUR, end: NOW - 8 * HOUR },
      { kind: 'absolute', start: NOW - 11 * HOUR, end: NOW - 7 * HOUR },
    ],
    [
      'moves back to end at now, keeping the doubled width',
      { kind: 'relative', duration: '3h' },
      { kind: 'absolute', start: NOW - 6 * HOUR, end: NOW },
    ],
    [
      'clamps a window that ends in the future',
      { kind: 'absolute', start: NOW - HOUR, end: NOW + HOUR },
      { kind: 'absolute', start: NOW - 4 * HOUR, end: NOW },
    ],
    [
      'never starts before the 15-month retention',
      { kind: 'relative', duration: '15M' },
      { kind: 'absolute', start: NOW - 455 * DAY, end: NOW },
    ],
  ])('%s', (_name, range, expected) => {
    expect(zoomOut(range, NOW)).toEqual(expected);
  });
});

describe('autoPeriod', () => {
  it.each<[string, number, number, number, AutoPeriodOptions, number]>([
    // name, start, end, widthPx, options, expected period (s)
    ['3h standard resolution', NOW - 3 * HOUR, NOW, 1000, {}, 60],
    ['3h high resolution', NOW - 3 * HOUR, NOW, 1000, { highResolution: true }, 30],
    ['1h high resolution, wide', NOW - HOUR, NOW, 1000, { highResolution: true }, 5],
    ['1h high resolution, 3600 px', NOW - HOUR, NOW, 3600, { highResolution: true }, 1],
    ['1h high resolution, narrow', NOW - HOUR, NOW, 100, { highResolution: true }, 60],
    ['1h standard resolution', NOW - HOUR, NOW, 1000, {}, 60],
    ['10 min high resolution', NOW - 10 * MIN, NOW, 1000, { highResolution: true }, 1],
    ['high resolution ignored beyond 3h', NOW - 12 * HOUR, NOW, 5000, { highResolution: true }, 60],
    [
      'high resolution ignored for old data',
      NOW - 5 * HOUR,
      NOW - 4 * HOUR,
      5000,
      { highResolution: true },
      60,
    ],
    ['12h at 300 px', NOW - 12 * HOUR, NOW, 300, {}, 300],
    ['1d at 800 px', NOW - DAY, NOW, 800, {}, 120],
    ['1w at 1000 px', NOW - 7 * DAY, NOW, 1000, {}, 900],
    ['2w at 1000 px', NOW - 14 * DAY, NOW, 1000, {}, 1800],
    ['30d at 1000 px', NOW - 30 * DAY, NOW, 1000, {}, 3600],
    ['30d at 2000 px', NOW - 30 * DAY, NOW, 2000, {}, 1800],
    ['1 h twenty days ago: multiple of 300', NOW - 20 * DAY, NOW - 20 * DAY + HOUR, 1000, {}, 300],
    ['1 d a hundred days ago: multiple of 3600', NOW - 100 * DAY, NOW - 99 * DAY, 1000, {}, 3600],
    ['90d at 1000 px', NOW - 90 * DAY, NOW, 1000, {}, 10800],
    ['15M at 1000 px', NOW - 455 * DAY, NOW, 1000, {}, 43200],
    ['15M at 400 px', NOW - 455 * DAY, NOW, 400, {}, 2 * 86400],
    ['15M at 200 px', NOW - 455 * DAY, NOW, 200, {}, 3 * 86400],
    ['zero width counts as one pixel', NOW - HOUR, NOW, 0, {}, 3600],
    ['empty range', NOW, NOW, 1000, {}, 60],
    ['range in the future is recent', NOW + HOUR, NOW + 2 * HOUR, 1000, { highResolution: true }, 5],
  ])('%s', (_name, start, end, width, options, expected) => {
    expect(autoPeriod(start, end, width, NOW, options)).toBe(expected);
  });
});

describe('custom range input', () => {
  it.each([
    ['2026-11-21T10:15', Date.parse('2026-11-21T10:15:00Z')],
    ['2026-11-21T10:15:30', Date.parse('2026-11-21T10:15:30Z')],
    ['', undefined],
    ['2026-13-40T10:15', undefined],
    ['2026-11-21 10:15', undefined],
  ])('parses %j as UTC', (text, expected) => {
    expect(parseUtcDateTimeLocal(text)).toBe(expected);
  });

  it('formats UTC for a datetime-local input', () => {
    expect(toUtcDateTimeLocal(Date.parse('2026-11-21T10:15:42Z'))).toBe('2026-11-21T10:15');
  });

  it.each<[string, number | undefined, number | undefined, RegExp | undefined]>([
    ['valid', NOW - HOUR, NOW, undefined],
    ['end 2 h in the future', NOW - HOUR, NOW + 2 * HOUR, undefined],
    ['start at the retention edge', NOW - 455 * DAY, NOW, undefined],
    ['missing start', undefined, NOW, /valid start/],
    ['missing end', NOW, undefined, /valid end/],
    ['start after end', NOW, NOW - HOUR, /start must be before the end/],
    ['start equals end', NOW, NOW, /start must be before the end/],
    ['end too far ahead', NOW - HOUR, NOW + 2 * HOUR + 1, /at most 2 hours after now/],
    ['start too old', NOW - 455 * DAY - 1, NOW, /at most 15 months/],
  ])('%s', (_name, start, end, error) => {
    const actual = validateCustomRange(start, end, NOW);
    if (error) expect(actual).toMatch(error);
    else expect(actual).toBeUndefined();
  });
});
