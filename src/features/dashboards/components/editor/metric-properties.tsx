import { useState } from 'react';
import type { MetricView, MetricWidget, Widget, YAxisSide } from '../../model/dashboard-body.ts';
import { AnnotationsEditor } from './annotations-editor.tsx';
import {
  checkBounds,
  readNumber,
  readPeriod,
  readRangeEnd,
  readRangeStart,
  readStat,
} from './field-rules.ts';
import { CheckboxInput, DraftInput, Section, SelectInput, TextInput } from './fields.tsx';
import { MetricRowsEditor } from './metric-rows-editor.tsx';
import { patchObject, withProperties } from './widget-patch.ts';

/** Props of {@link MetricProperties}. */
export interface MetricPropertiesProps {
  widget: MetricWidget;
  onChange: (widget: Widget, coalesceKey?: string) => void;
}

const VIEWS: { value: MetricView; label: string }[] = [
  { value: 'timeSeries', label: 'Line / area (time series)' },
  { value: 'singleValue', label: 'Number' },
  { value: 'gauge', label: 'Gauge' },
  { value: 'bar', label: 'Bar' },
  { value: 'pie', label: 'Pie' },
  { value: 'table', label: 'Table' },
];

const LEGEND = [
  { value: 'bottom', label: 'Bottom' },
  { value: 'right', label: 'Right' },
  { value: 'hidden', label: 'Hidden' },
] as const;

const TABLE_LAYOUTS = [
  { value: 'horizontal', label: 'Metrics as rows' },
  { value: 'vertical', label: 'Metrics as columns' },
] as const;

const str = (v: unknown) => (v === undefined || v === null ? '' : String(v));

/** The fields of a metric widget (graph, number, gauge, bar, pie, table). */
export function MetricProperties({ widget, onChange }: MetricPropertiesProps) {
  const p = widget.properties;
  const set = (patch: Record<string, unknown>, key?: string) => onChange(withProperties(widget, patch), key);
  const view = p.view ?? 'timeSeries';
  const ownRange = p.start !== undefined || p.end !== undefined;
  // The range typed while "own range" is picked but the start is not yet good.
  const [rangeOpen, setRangeOpen] = useState(ownRange);

  const axis = (side: 'left' | 'right'): YAxisSide => {
    const a = p.yAxis?.[side];
    return typeof a === 'object' && a !== null ? a : {};
  };
  const setAxis = (side: 'left' | 'right', patch: Record<string, unknown>) =>
    set({ yAxis: patchObject(p.yAxis, { [side]: patchObject(axis(side), patch) }) }, `yAxis.${side}`);

  return (
    <div className="space-y-3">
      <Section title="Widget">
        <TextInput label="Title" value={str(p.title)} onValue={(title) => set({ title }, 'title')} />
        <div className="grid grid-cols-2 gap-2">
          <SelectInput label="Visualization" value={view} options={VIEWS} onValue={(v) => set({ view: v })} />
          <SelectInput
            label="Legend"
            value={p.legend?.position ?? 'bottom'}
            options={LEGEND}
            onValue={(position) => set({ legend: patchObject(p.legend, { position }) })}
          />
          <DraftInput
            label="Statistic"
            value={str(p.stat)}
            read={readStat}
            placeholder="Average"
            onValue={(stat) => set({ stat }, 'stat')}
          />
          <DraftInput
            label="Period (seconds)"
            value={str(p.period)}
            read={readPeriod}
            placeholder="300"
            onValue={(period) => set({ period }, 'period')}
          />
        </div>
        {view === 'timeSeries' && (
          <CheckboxInput
            label="Stacked area"
            checked={p.stacked === true}
            onValue={(stacked) => set({ stacked })}
          />
        )}
        {(view === 'singleValue' || view === 'bar' || view === 'pie' || view === 'table') && (
          <CheckboxInput
            label="Value over the whole time range"
            checked={p.setPeriodToTimeRange === true}
            onValue={(on) => set({ setPeriodToTimeRange: on ? true : undefined })}
          />
        )}
        {view === 'singleValue' && (
          <>
            <CheckboxInput
              label="Sparkline"
              checked={p.sparkline === true}
              onValue={(on) => set({ sparkline: on ? true : undefined })}
            />
            <CheckboxInput
              label="Change since the previous period"
              checked={p.trend !== false}
              onValue={(on) => set({ trend: on ? undefined : false })}
            />
            <CheckboxInput
              label="Full precision"
              checked={p.singleValueFullPrecision === true}
              onValue={(on) => set({ singleValueFullPrecision: on ? true : undefined })}
            />
          </>
        )}
        {view === 'pie' && (
          <CheckboxInput
            label="Labels on the slices"
            checked={p.labels?.visible !== false}
            onValue={(visible) => set({ labels: patchObject(p.labels, { visible }) })}
          />
        )}
        {view === 'table' && (
          <>
            <SelectInput
              label="Table layout"
              value={p.table?.layout ?? 'horizontal'}
              options={TABLE_LAYOUTS}
              onValue={(layout) => set({ table: patchObject(p.table, { layout }) })}
            />
            <CheckboxInput
              label="Datapoints as well as the summary"
              checked={p.table?.showTimeSeriesData === true}
              onValue={(on) => set({ table: patchObject(p.table, { showTimeSeriesData: on }) })}
            />
          </>
        )}
        <CheckboxInput
          label="Live data (include the period still filling)"
          checked={p.liveData === true}
          onValue={(on) => set({ liveData: on ? true : undefined })}
        />
      </Section>

      <MetricRowsEditor widget={widget} onChange={onChange} />

      <Section title="Time range">
        <div className="flex gap-4 text-sm text-slate-800">
          <label className="flex items-center gap-1.5">
            <input
              type="radio"
              name={`range-${str(p.title)}`}
              checked={!rangeOpen}
              onChange={() => {
                setRangeOpen(false);
                if (ownRange) set({ start: undefined, end: undefined });
              }}
            />
            Dashboard’s range
          </label>
          <label className="flex items-center gap-1.5">
            <input
              type="radio"
              name={`range-${str(p.title)}`}
              checked={rangeOpen}
              onChange={() => setRangeOpen(true)}
            />
            Own range
          </label>
        </div>
        {rangeOpen && (
          <div className="grid grid-cols-2 gap-2">
            <DraftInput
              label="Start"
              value={str(p.start)}
              read={readRangeStart}
              placeholder="-PT3H"
              onValue={(start) => set({ start }, 'start')}
            />
            <DraftInput
              label="End"
              value={str(p.end)}
              read={readRangeEnd}
              placeholder="now"
              onValue={(end) => set({ end }, 'end')}
            />
          </div>
        )}
      </Section>

      <Section title="Y axes">
        {(['left', 'right'] as const).map((side) => {
          const a = axis(side);
          return (
            <div key={side} className="grid grid-cols-3 gap-2">
              <DraftInput
                label={`${side === 'left' ? 'Left' : 'Right'} min`}
                value={str(a.min)}
                read={readNumber}
                check={(min) => checkBounds(min, a.max)}
                onValue={(min) => setAxis(side, { min })}
              />
              <DraftInput
                label={`${side === 'left' ? 'Left' : 'Right'} max`}
                value={str(a.max)}
                read={readNumber}
                check={(max) => checkBounds(a.min, max)}
                onValue={(max) => setAxis(side, { max })}
              />
              <TextInput
                label={`${side === 'left' ? 'Left' : 'Right'} label`}
                value={str(a.label)}
                onValue={(label) => setAxis(side, { label })}
              />
            </div>
          );
        })}
        {view === 'gauge' && (axis('left').min === undefined || axis('left').max === undefined) && (
          <p role="alert" className="text-xs text-red-700">
            A gauge needs the left axis’ min and max.
          </p>
        )}
      </Section>

      <AnnotationsEditor widget={widget} onChange={onChange} />

      <details className="border-t border-slate-200 pt-3 text-xs text-slate-600">
        <summary className="cursor-pointer font-semibold uppercase tracking-wide text-slate-500">
          Dynamic labels
        </summary>
        <p className="mt-1">A metric’s label may hold values worked out from the range shown:</p>
        <ul className="mt-1 list-disc space-y-0.5 pl-4">
          <li>
            <code>{'${AVG}'}</code> <code>{'${MIN}'}</code> <code>{'${MAX}'}</code> <code>{'${SUM}'}</code>{' '}
            <code>{'${FIRST}'}</code> <code>{'${LAST}'}</code> <code>{'${FIRST_LAST_RANGE}'}</code>: values
            over the range
          </li>
          <li>
            <code>{"${PROP('Dim.InstanceId')}"}</code>: a dimension’s value;{' '}
            <code>{"${PROP('MetricName')}"}</code> <code>{"${PROP('Namespace')}"}</code>{' '}
            <code>{"${PROP('Stat')}"}</code> <code>{"${PROP('Period')}"}</code>
          </li>
        </ul>
      </details>
    </div>
  );
}
