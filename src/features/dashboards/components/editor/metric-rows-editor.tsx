import { useMemo, useState } from 'react';
import { MetricBrowser } from '../../../../components/metric-browser/metric-browser.tsx';
import type { MetricRow, MetricWidget, Widget } from '../../model/dashboard-body.ts';
import { readColor, readMetricId, readPeriod, readStat } from './field-rules.ts';
import { CheckboxInput, DraftInput, Section, SelectInput, TextInput, smallButtonClass } from './fields.tsx';
import {
  idsInUse,
  isExpressionRow,
  newExpressionRow,
  removeRow,
  rowMetrics,
  rowOptions,
  selectedMetricKeys,
  toggleMetrics,
  updateRowOptions,
} from './metric-rows.ts';
import { withProperties } from './widget-patch.ts';

/** Props of {@link MetricRowsEditor}. */
export interface MetricRowsEditorProps {
  widget: MetricWidget;
  onChange: (widget: Widget, coalesceKey?: string) => void;
}

const str = (v: unknown) => (v === undefined || v === null ? '' : String(v));
const YAXIS = [
  { value: 'left', label: 'Left' },
  { value: 'right', label: 'Right' },
] as const;

/** The widget's metrics: picked from the metric browser, math expressions, and each one's options. */
export function MetricRowsEditor({ widget, onChange }: MetricRowsEditorProps) {
  const rows: MetricRow[] = useMemo(
    () => (Array.isArray(widget.properties.metrics) ? widget.properties.metrics : []),
    [widget.properties.metrics],
  );
  const [browsing, setBrowsing] = useState(rows.length === 0);
  const metrics = useMemo(() => rowMetrics(rows), [rows]);
  const selectedKeys = useMemo(() => selectedMetricKeys(rows), [rows]);
  const setRows = (next: MetricRow[], key?: string) =>
    onChange(withProperties(widget, { metrics: next }), key);
  const setOptions = (i: number, patch: Record<string, unknown>, key?: string) =>
    setRows(
      rows.map((r, k) => (k === i ? updateRowOptions(r, patch) : r)),
      key && `metrics.${i}.${key}`,
    );

  return (
    <Section title={`Metrics (${rows.length})`}>
      {rows.length === 0 && <p className="text-sm text-slate-600">No metrics yet: pick some below.</p>}
      <ol className="space-y-2">
        {rows.map((row, i) => {
          const o = rowOptions(row);
          const m = metrics[i];
          const expression = isExpressionRow(row);
          const name = expression
            ? `Expression ${str(o.id) || i + 1}`
            : m
              ? [m.metricName, ...m.dimensions.map((d) => d.value)].join(' ')
              : `Row ${i + 1}`;
          return (
            <li key={i} aria-label={name} className="space-y-1.5 rounded border border-slate-200 p-2">
              <div className="flex items-start justify-between gap-2">
                <p className="min-w-0 break-words text-xs text-slate-700">
                  {expression ? (
                    <span className="font-medium">Math expression</span>
                  ) : (
                    m && (
                      <>
                        <span className="text-slate-500">{m.namespace}</span> ·{' '}
                        <span className="font-medium">{m.metricName}</span>
                        {m.dimensions.map((d) => (
                          <span key={d.name}>
                            {' '}
                            · {d.name}: {d.value}
                          </span>
                        ))}
                      </>
                    )
                  )}
                </p>
                <button
                  type="button"
                  className={smallButtonClass}
                  aria-label={`Remove ${name}`}
                  onClick={() => setRows(removeRow(rows, i))}
                >
                  Remove
                </button>
              </div>
              {expression && (
                <DraftInput
                  label="Expression"
                  value={str(o.expression)}
                  read={(t) =>
                    t.trim() === ''
                      ? { ok: false, error: 'Enter an expression, e.g. SUM(METRICS()).' }
                      : { ok: true, value: t }
                  }
                  onValue={(expressionText) => setOptions(i, { expression: expressionText }, 'expression')}
                />
              )}
              <div className="grid grid-cols-2 gap-2">
                <DraftInput
                  label="Id"
                  value={str(o.id)}
                  read={(t) => readMetricId(t, idsInUse(rows, i))}
                  placeholder={expression ? `e${i}` : `m${i}`}
                  onValue={(id) => setOptions(i, { id }, 'id')}
                />
                <TextInput
                  label="Label"
                  value={str(o.label)}
                  onValue={(label) => setOptions(i, { label }, 'label')}
                />
                {!expression && (
                  <DraftInput
                    label="Statistic"
                    value={str(o.stat)}
                    read={readStat}
                    placeholder={str(widget.properties.stat) || 'Average'}
                    onValue={(stat) => setOptions(i, { stat }, 'stat')}
                  />
                )}
                <DraftInput
                  label="Period"
                  value={str(o.period)}
                  read={readPeriod}
                  placeholder={str(widget.properties.period) || '300'}
                  onValue={(period) => setOptions(i, { period }, 'period')}
                />
                <DraftInput
                  label="Color"
                  value={str(o.color)}
                  read={readColor}
                  placeholder="automatic"
                  onValue={(color) => setOptions(i, { color }, 'color')}
                />
                <SelectInput
                  label="Y axis"
                  value={o.yAxis === 'right' ? 'right' : 'left'}
                  options={YAXIS}
                  onValue={(yAxis) => setOptions(i, { yAxis: yAxis === 'right' ? 'right' : undefined })}
                />
              </div>
              <CheckboxInput
                label="Shown on the graph"
                checked={o.visible !== false}
                onValue={(visible) => setOptions(i, { visible: visible ? undefined : false })}
              />
            </li>
          );
        })}
      </ol>
      <div className="flex flex-wrap gap-2">
        <button type="button" className={smallButtonClass} onClick={() => setBrowsing((b) => !b)}>
          {browsing ? 'Hide the metric browser' : 'Add metrics'}
        </button>
        <button
          type="button"
          className={smallButtonClass}
          onClick={() => setRows([...rows, newExpressionRow(rows)])}
        >
          Add math expression
        </button>
      </div>
      {browsing && (
        <div className="max-h-96 overflow-auto">
          <MetricBrowser
            heading="Metrics"
            selectedKeys={selectedKeys}
            onToggle={(ms, checked) => setRows(toggleMetrics(rows, ms, checked))}
          />
        </div>
      )}
    </Section>
  );
}
