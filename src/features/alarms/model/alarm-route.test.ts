import { describe, expect, it } from 'vitest';
import { alarmEditPath, alarmPath, alarmRoute } from './alarm-route.ts';

describe('alarmRoute', () => {
  it.each<[string, ReturnType<typeof alarmRoute>]>([
    ['/alarms', { page: 'list' }],
    ['/alarms/', { page: 'list' }],
    ['/alarms/new', { page: 'create' }],
    ['/alarms/cpu-high', { page: 'detail', name: 'cpu-high' }],
    ['/alarms/cpu-high/edit', { page: 'edit', name: 'cpu-high' }],
    ['/alarms/web%2Fcpu%20high', { page: 'detail', name: 'web/cpu high' }],
    ['/alarms/%E2%9C%93/edit', { page: 'edit', name: '✓' }],
    ['/alarms/bad%E0', { page: 'not-found' }],
    ['/alarms/a/b', { page: 'not-found' }],
  ])('%s', (path, expected) => {
    expect(alarmRoute(path)).toEqual(expected);
  });

  it('round-trips any name through its paths', () => {
    const name = 'web / cpu? #1 100%';
    expect(alarmRoute(alarmPath(name))).toEqual({ page: 'detail', name });
    expect(alarmRoute(alarmEditPath(name))).toEqual({ page: 'edit', name });
  });
});
