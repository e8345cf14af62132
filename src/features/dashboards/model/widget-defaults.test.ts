import { describe, expect, it } from 'vitest';
import {
  isAlarmWidget,
  isAuditEventsWidget,
  isMetricWidget,
  isTextWidget,
  widgetMetrics,
} from './dashboard-body.ts';
import { WIDGET_CATALOG, newWidget } from './widget-defaults.ts';

describe('new widgets', () => {
  it.each([
    { kind: 'line', view: 'timeSeries', stacked: false, size: [6, 6] },
    { kind: 'stackedArea', view: 'timeSeries', stacked: true, size: [6, 6] },
    { kind: 'number', view: 'singleValue', stacked: false, size: [6, 3] },
    { kind: 'gauge', view: 'gauge', stacked: false, size: [6, 6] },
    { kind: 'bar', view: 'bar', stacked: false, size: [6, 6] },
    { kind: 'pie', view: 'pie', stacked: false, size: [6, 6] },
  ] as const)(
    '$kind: a metric widget, $view, no metrics yet, region us-east-1',
    ({ kind, view, stacked, size }) => {
      const w = newWidget(kind);
      expect(isMetricWidget(w)).toBe(true);
      if (!isMetricWidget(w)) return;
      expect(w.properties.view).toBe(view);
      expect(w.properties.stacked).toBe(stacked);
      expect(w.properties.region).toBe('us-east-1');
      expect(widgetMetrics(w.properties)).toEqual([]);
      expect([w.width, w.height]).toEqual(size);
      expect(w.x).toBeUndefined();
    },
  );

  it('a gauge has the range it needs', () => {
    const w = newWidget('gauge');
    expect(w.properties?.yAxis).toEqual({ left: { min: 0, max: 100 } });
  });

  it('the other kinds are what their guards expect', () => {
    expect(isAlarmWidget(newWidget('alarmStatus'))).toBe(true);
    expect(isTextWidget(newWidget('text'))).toBe(true);
    expect(newWidget('text').width).toBe(24);
    expect(isAuditEventsWidget(newWidget('auditEvents'))).toBe(true);
  });

  it('every catalog entry makes a widget, each a fresh object', () => {
    for (const entry of WIDGET_CATALOG) {
      expect(newWidget(entry.kind)).not.toBe(newWidget(entry.kind));
    }
    expect(WIDGET_CATALOG).toHaveLength(9);
  });
});
