// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { PERIOD_CHOICES, parsePeriodChoice, periodChoiceLabel, periodLabel } from './graph-options.ts';

describe('period choices', () => {
  it('labels the Period select as the console does', () => {
    expect(PERIOD_CHOICES.map(periodChoiceLabel)).toEqual([
      'Auto',
      '1 second',
      '5 seconds',
      '10 seconds',
      '30 seconds',
      '1 minute',
      '5 minutes',
      '15 minutes',
      '1 hour',
      '6 hours',
      '1 day',
    ]);
  });

  it.each<[number, string]>([
    [90, '90 seconds'],
    [120, '2 minutes'],
    [10_800, '3 hours'],
    [172_800, '2 days'],
  ])('periodLabel(%d)', (seconds, label) => {
    expect(periodLabel(seconds)).toBe(label);
  });

  it.each<[string, number | 'auto' | undefined]>([
    ['auto', 'auto'],
    ['300', 300],
    ['1', 1],
    ['120', undefined],
    ['-60', undefined],
    ['5m', undefined],
  ])('parsePeriodChoice(%j)', (text, expected) => {
    expect(parsePeriodChoice(text)).toBe(expected);
  });
});
