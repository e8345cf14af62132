import { describe, expect, it } from 'vitest';
import {
  cssColor,
  gaugeAnnotations,
  horizontalAnnotations,
  metricWidgetTitle,
  parseIsoDuration,
  verticalAnnotations,
  widgetPeriod,
  widgetRange,
} from './widget-model.ts';

const H = 3_600_000;
const NOW = Date.parse('2026-11-21T12:00:00Z');

describe('parseIsoDuration', () => {
  it.each<[string, number | undefined]>([
    ['-PT3H', -3 * H],
    ['-P7D', -7 * 24 * H],
    ['-PT1H30M', -1.5 * H],
    ['-P1W', -7 * 24 * H],
    ['PT15M', 0.25 * H],
    ['-PT0H', -0],
    ['-P', undefined],
    ['3h', undefined],
    ['2026-11-21T10:00:00Z', undefined],
  ])('%s', (text, ms) => {
    expect(parseIsoDuration(text)).toBe(ms);
  });
});

describe('widgetRange', () => {
  it.each([
    ['no override', {}, { startMs: 1, endMs: 2 }],
    ['a relative start', { start: '-PT6H' }, { startMs: NOW - 6 * H, endMs: NOW, own: 'Last 6h' }],
    [
      'absolute instants',
      { start: '2026-11-20T00:00:00Z', end: '2026-11-20T06:00:00.000Z' },
      {
        startMs: Date.parse('2026-11-20T00:00:00Z'),
        endMs: Date.parse('2026-11-20T06:00:00Z'),
        own: '2026-11-20 00:00 – 2026-11-20 06:00 UTC',
      },
    ],
    ['an end before the start', { start: '-PT1H', end: '-PT2H' }, { startMs: 1, endMs: 2 }],
    ['garbage', { start: 'yesterday' }, { startMs: 1, endMs: 2 }],
  ])('%s', (_name, properties, expected) => {
    expect(widgetRange(properties, 1, 2, NOW)).toEqual(expected);
  });
});

describe('widgetPeriod', () => {
  const start = NOW - 3 * H;
  it.each<[string, Parameters<typeof widgetPeriod>[0], string | undefined, number]>([
    ['automatic without a period', {}, undefined, 60],
    ['the widget period when coarser than automatic', { period: 300 }, 'auto', 300],
    ['automatic when coarser than the widget period (auto)', { period: 60 }, 'auto', 60],
    ['the widget period, always, with inherit', { period: 60 }, 'inherit', 60],
    [
      'one period over the range for numbers',
      { view: 'singleValue', setPeriodToTimeRange: true },
      undefined,
      3 * 3600,
    ],
    ['not for graphs', { view: 'timeSeries', setPeriodToTimeRange: true }, undefined, 60],
    ['an invalid period is ignored', { period: 45 }, 'inherit', 60],
  ])('%s', (_name, p, override, expected) => {
    expect(widgetPeriod(p, start, NOW, 600, NOW, override)).toBe(expected);
  });

  it('follows the range with auto: a wide range on few pixels gets a coarse period', () => {
    expect(widgetPeriod({ period: 60 }, NOW - 7 * 24 * H, NOW, 200, NOW, 'auto')).toBe(3600);
    expect(widgetPeriod({ period: 60 }, NOW - 7 * 24 * H, NOW, 200, NOW, 'inherit')).toBe(60);
  });
});

describe('annotations', () => {
  it('reads horizontal lines, fills, bands and sides, and drops hidden ones', () => {
    expect(
      horizontalAnnotations([
        { value: 90, label: 'High', fill: 'above', color: 'd62728' },
        { value: 10, yAxis: 'right' },
        [{ value: 20, label: 'Normal' }, { value: 40 }],
        { value: 5, visible: false },
        [{ value: 1, visible: false }, { value: 2 }],
      ]),
    ).toEqual([
      { value: 90, label: 'High', fill: 'above', color: '#d62728' },
      { value: 10, axis: 'right' },
      { value: 20, to: 40, label: 'Normal' },
    ]);
  });

  it('reads vertical lines, fills before/after and bands within the range', () => {
    const t = (iso: string) => Date.parse(iso);
    const start = t('2026-11-21T00:00:00Z');
    const end = t('2026-11-21T12:00:00Z');
    const { verticals, ranges } = verticalAnnotations(
      [
        { value: '2026-11-21T06:00:00Z', label: 'Deploy', fill: 'after', color: '667788' },
        [{ value: '2026-11-21T02:00:00Z', label: 'Window' }, { value: '2026-11-21T01:00:00Z' }],
        { value: 'not a time' },
        { value: '2026-11-21T03:00:00Z', visible: false },
      ],
      start,
      end,
    );
    expect(verticals).toEqual([{ timeMs: t('2026-11-21T06:00:00Z'), color: '#667788', label: 'Deploy' }]);
    expect(ranges).toEqual([
      { startMs: t('2026-11-21T06:00:00Z'), endMs: end, color: '#667788' },
      {
        startMs: t('2026-11-21T01:00:00Z'),
        endMs: t('2026-11-21T02:00:00Z'),
        color: '#64748b',
        label: 'Window',
      },
    ]);
  });

  it('gives a gauge the left-axis annotations', () => {
    expect(
      gaugeAnnotations([
        { value: 80, fill: 'above' },
        { value: 3, yAxis: 'right', fill: 'below' },
      ]),
    ).toEqual([{ value: 80, fill: 'above' }]);
  });

  it.each([
    ['#abc', '#abc'],
    ['667788', '#667788'],
    ['red', 'red'],
    ['url(javascript:x)', undefined],
    [42, undefined],
  ])('colour %s', (input, expected) => {
    expect(cssColor(input)).toBe(expected);
  });
});

describe('metricWidgetTitle', () => {
  it.each([
    [{ title: 'Mine' }, 'Mine'],
    [
      {
        metrics: [
          ['AWS/EC2', 'CPUUtilization'],
          ['.', 'NetworkIn'],
          ['.', 'CPUUtilization'],
        ],
      },
      'CPUUtilization, NetworkIn',
    ],
    [{ annotations: { alarms: ['arn:aws:cloudwatch:us-east-1:1:alarm:x'] } }, 'Alarm'],
    [{}, 'Untitled graph'],
  ])('%j', (p, expected) => {
    expect(metricWidgetTitle(p)).toBe(expected);
  });
});
