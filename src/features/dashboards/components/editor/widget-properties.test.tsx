// @vitest-environment jsdom
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import {
  changeValue,
  click,
  getByLabelText,
  getByRole,
  queryAllByRole,
  render,
} from '../../../../components/test-render.ts';
import type { Rendered } from '../../../../components/test-render.ts';
import type { Widget } from '../../model/dashboard-body.ts';
import { WidgetPropertiesEditor } from './widget-properties.tsx';

let rendered: Rendered | undefined;
afterEach(() => {
  rendered?.unmount();
  rendered = undefined;
});

const WIDGET: Widget = {
  type: 'metric',
  x: 0,
  y: 0,
  width: 12,
  height: 6,
  somethingNew: { keep: true },
  properties: {
    title: 'CPU',
    view: 'timeSeries',
    region: 'us-east-1',
    period: 300,
    stat: 'Average',
    metrics: [
      ['AWS/EC2', 'CPUUtilization', 'InstanceId', 'i-1', { accountId: '123456789012', futureOption: 1 }],
    ],
    yAxis: { left: { min: 0, max: 100, showUnits: false } },
    liveData: true,
    unknownProperty: ['a', { b: 2 }],
  },
};

/** Renders the editor over a widget kept in state, recording every onChange. */
function renderEditor(initial: Widget) {
  const calls: { widget: Widget; key?: string }[] = [];
  function Harness() {
    const [widget, setWidget] = useState(initial);
    return (
      <WidgetPropertiesEditor
        widget={widget}
        onChange={(w, key) => {
          calls.push({ widget: w, key });
          setWidget(w);
        }}
        onClose={() => {}}
      />
    );
  }
  rendered = render(<Harness />);
  return { container: rendered.container, calls, last: () => calls[calls.length - 1]?.widget };
}

const alerts = (c: HTMLElement) => queryAllByRole(c, 'alert').map((a) => a.textContent);

describe('the properties editor', () => {
  it('changes the title live and keeps every key it does not edit', () => {
    const { container, calls, last } = renderEditor(WIDGET);
    changeValue(getByLabelText(container, 'Title'), 'CPU of i-1');
    expect(calls).toHaveLength(1);
    expect(calls[0].key).toBe('title');
    expect(last()).toEqual({ ...WIDGET, properties: { ...WIDGET.properties, title: 'CPU of i-1' } });
  });

  it('a per-metric option keeps the row’s unknown options', () => {
    const { container, last } = renderEditor(WIDGET);
    changeValue(getByLabelText(container, 'Label'), 'CPU ${MAX}');
    expect(last()?.properties?.metrics).toEqual([
      [
        'AWS/EC2',
        'CPUUtilization',
        'InstanceId',
        'i-1',
        { accountId: '123456789012', futureOption: 1, label: 'CPU ${MAX}' },
      ],
    ]);
    expect(last()?.properties?.unknownProperty).toEqual(['a', { b: 2 }]);
  });

  it('a bad period is a field error, keeps the text, and changes nothing; a good one goes through', () => {
    const { container, calls, last } = renderEditor(WIDGET);
    const period = getByLabelText(container, 'Period (seconds)');
    changeValue(period, '90');
    expect(calls).toHaveLength(0);
    expect(period.value).toBe('90');
    expect(alerts(container)).toEqual(['The period must be 1, 5, 10, 20, 30 or a multiple of 60 seconds.']);
    expect(period.getAttribute('aria-invalid')).toBe('true');
    changeValue(period, '120');
    expect(alerts(container)).toEqual([]);
    expect(last()?.properties?.period).toBe(120);
  });

  it('min above max is an error on the field; the axis keeps its other keys', () => {
    const { container, calls, last } = renderEditor(WIDGET);
    const min = getByLabelText(container, 'Left min');
    changeValue(min, '150');
    expect(calls).toHaveLength(0);
    expect(min.value).toBe('150');
    expect(alerts(container)).toEqual(['The minimum must be less than the maximum.']);
    changeValue(min, '10');
    expect(last()?.properties?.yAxis).toEqual({ left: { min: 10, max: 100, showUnits: false } });
  });

  it('a min held back by the max goes out once the max makes room for it', () => {
    const { container, calls, last } = renderEditor(WIDGET);
    const min = getByLabelText(container, 'Left min');
    changeValue(min, '150');
    expect(calls).toHaveLength(0);
    changeValue(getByLabelText(container, 'Left max'), '200');
    expect(alerts(container)).toEqual([]);
    expect(min.value).toBe('150');
    expect(last()?.properties?.yAxis).toEqual({ left: { min: 150, max: 200, showUnits: false } });
  });

  it('a bad expression id is an error; a good one is written', () => {
    const widget: Widget = {
      ...WIDGET,
      properties: { ...WIDGET.properties, metrics: [...(WIDGET.properties?.metrics as unknown[])] },
    };
    const { container, last } = renderEditor(widget);
    click(getByRole(container, 'button', 'Add math expression'));
    const ids = Array.from(container.querySelectorAll<HTMLInputElement>('input')).filter(
      (i) => container.querySelector(`label[for="${i.id}"]`)?.textContent === 'Id',
    );
    expect(ids).toHaveLength(2);
    changeValue(ids[1], '2bad');
    expect(alerts(container)[0]).toMatch(/lowercase letter/);
    expect(ids[1].value).toBe('2bad');
    changeValue(ids[1], 'total');
    expect((last()?.properties?.metrics as unknown[])[1]).toEqual([
      { expression: 'SUM(METRICS())', label: 'Expression1', id: 'total' },
    ]);
  });

  it('removing an annotation or a metric keeps the rest', () => {
    const widget: Widget = {
      ...WIDGET,
      properties: {
        ...WIDGET.properties,
        annotations: { horizontal: [{ value: 80, label: 'High', extra: 'x' }], alarms: ['arn:a'] },
      },
    };
    const { container, last } = renderEditor(widget);
    const annotation = getByRole(container, 'group', 'Horizontal annotation 1');
    changeValue(getByLabelText(annotation, 'Color'), '#ff0000');
    expect(last()?.properties?.annotations).toEqual({
      horizontal: [{ value: 80, label: 'High', extra: 'x', color: '#ff0000' }],
      alarms: ['arn:a'],
    });
    click(getByRole(container, 'button', 'Remove Horizontal annotation 1'));
    expect(last()?.properties?.annotations).toEqual({ alarms: ['arn:a'] });
  });

  it('an unsupported widget type is left alone and says so', () => {
    const { container, calls } = renderEditor({ type: 'log', properties: { query: 'fields @message' } });
    expect(container.textContent).toContain('cannot edit a widget of type “log”');
    expect(calls).toHaveLength(0);
  });
});
