import { describe, expect, it } from 'vitest';
import { compositePath, compositeRoute, metricAlarmPath } from './composite-route.ts';

describe('compositeRoute', () => {
  it.each([
    ['/alarms/composite', { kind: 'index' }],
    ['/alarms/composite/', { kind: 'index' }],
    ['/alarms/composite/new', { kind: 'new' }],
    ['/alarms/composite/checkout-down', { kind: 'detail', name: 'checkout-down' }],
    ['/alarms/composite/checkout-down/edit', { kind: 'edit', name: 'checkout-down' }],
    ['/alarms/composite/a%20b%2Fc/edit', { kind: 'edit', name: 'a b/c' }],
    ['/alarms/composite/x/y', { kind: 'unknown' }],
    ['/alarms/composite/%E0%A4%A', { kind: 'unknown' }],
    ['/alarms/cpu', { kind: 'unknown' }],
  ])('%s', (path, route) => expect(compositeRoute(path)).toEqual(route));

  it('round-trips names through paths', () => {
    for (const name of ['plain', 'with space', 'slash/and?query#hash', 'ünïcode']) {
      expect(compositeRoute(compositePath(name))).toEqual({ kind: 'detail', name });
      expect(compositeRoute(compositePath(name, true))).toEqual({ kind: 'edit', name });
    }
    expect(metricAlarmPath('cpu high')).toBe('/alarms/cpu%20high');
  });
});
