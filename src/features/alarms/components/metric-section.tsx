import { useMemo, useState } from 'react';
import type { MetricDimension, MetricIdentity } from '../../../lib/cloudwatch/metric-identity.ts';
import { useAlarmsForMetric } from '../api/describe-alarms-for-metric.ts';
import { useListMetrics } from '../../../lib/cloudwatch/list-metrics.ts';
import type { AlarmDraft } from '../model/alarm-draft.ts';
import { PERIOD_CHOICES, PRESET_STATS, isPresetStat } from '../model/alarm-options.ts';
import type { AlarmErrors } from '../model/alarm-validation.ts';
import { periodLabel } from '../model/durations.ts';
import { FormField, fieldClass } from './form-field.tsx';

/** Props of {@link MetricSection}. */
export interface MetricSectionProps {
  draft: AlarmDraft;
  /** Errors to show, by field. */
  errors: AlarmErrors;
  onChange: (patch: Partial<AlarmDraft>) => void;
}

const CUSTOM = '__custom__';

/** A dimension set as an option's value and label. */
const dimensionsKey = (dims: readonly MetricDimension[]) =>
  JSON.stringify(dims.map((d) => [d.name, d.value]));
const dimensionsLabel = (dims: readonly MetricDimension[]) =>
  dims.length === 0 ? 'No dimensions' : dims.map((d) => `${d.name}=${d.value}`).join(', ');

const sortedUnique = (values: Iterable<string>) => [...new Set(values)].sort((a, b) => a.localeCompare(b));

/**
 * What the alarm watches: a metric picked from ListMetrics (namespace → metric name → dimension set)
 * or prefilled, optionally inside a math expression; and the statistic and period.
 */
export function MetricSection({ draft, errors, onChange }: MetricSectionProps) {
  const metrics = useListMetrics();
  const list = useMemo(() => metrics.data ?? [], [metrics.data]);
  const namespaces = useMemo(
    () => sortedUnique([...list.map((m) => m.namespace), ...(draft.namespace ? [draft.namespace] : [])]),
    [list, draft.namespace],
  );
  const metricNames = useMemo(
    () =>
      sortedUnique([
        ...list.filter((m) => m.namespace === draft.namespace).map((m) => m.metricName),
        ...(draft.metricName ? [draft.metricName] : []),
      ]),
    [list, draft.namespace, draft.metricName],
  );
  const dimensionSets = useMemo(() => {
    const sets = new Map<string, MetricDimension[]>();
    for (const m of list) {
      if (m.namespace === draft.namespace && m.metricName === draft.metricName)
        sets.set(dimensionsKey(m.dimensions), m.dimensions);
    }
    if (draft.metricName) sets.set(dimensionsKey(draft.dimensions), draft.dimensions);
    return [...sets.entries()].sort((a, b) => dimensionsLabel(a[1]).localeCompare(dimensionsLabel(b[1])));
  }, [list, draft.namespace, draft.metricName, draft.dimensions]);

  const chosen: MetricIdentity | undefined =
    draft.namespace && draft.metricName
      ? { namespace: draft.namespace, metricName: draft.metricName, dimensions: draft.dimensions }
      : undefined;
  const existing = useAlarmsForMetric(chosen);
  const others = (existing.data ?? []).filter((a) => a.AlarmName !== draft.name);

  const [customStat, setCustomStat] = useState(() => !isPresetStat(draft.stat));
  const periods = PERIOD_CHOICES.includes(draft.period)
    ? PERIOD_CHOICES
    : [...PERIOD_CHOICES, draft.period].sort((a, b) => a - b);

  return (
    <fieldset className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
      <legend className="px-1 text-sm font-semibold text-slate-900">Metric</legend>
      <div className="flex gap-4 text-sm" role="radiogroup" aria-label="Metric or expression">
        <label className="flex items-center gap-1.5">
          <input
            type="radio"
            name="metric-mode"
            checked={draft.metricMode === 'metric'}
            onChange={() => onChange({ metricMode: 'metric' })}
          />
          One metric
        </label>
        <label className="flex items-center gap-1.5">
          <input
            type="radio"
            name="metric-mode"
            checked={draft.metricMode === 'expression'}
            onChange={() => onChange({ metricMode: 'expression' })}
          />
          Math expression
        </label>
      </div>
      {metrics.error ? (
        <p className="text-xs text-amber-700">
          The metric list could not be loaded; a prefilled metric still works.
        </p>
      ) : null}
      <div className="grid gap-3 sm:grid-cols-3">
        <FormField label="Namespace" error={errors.namespace}>
          <select
            className={fieldClass}
            value={draft.namespace}
            onChange={(e) => onChange({ namespace: e.target.value, metricName: '', dimensions: [] })}
          >
            <option value="">{metrics.isPending ? 'Loading…' : 'Choose a namespace'}</option>
            {namespaces.map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
        </FormField>
        <FormField label="Metric name" error={errors.metricName}>
          <select
            className={fieldClass}
            value={draft.metricName}
            disabled={!draft.namespace}
            onChange={(e) => {
              const name = e.target.value;
              const first = list.find((m) => m.namespace === draft.namespace && m.metricName === name);
              onChange({ metricName: name, dimensions: first?.dimensions ?? [] });
            }}
          >
            <option value="">Choose a metric</option>
            {metricNames.map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
        </FormField>
        <FormField label="Dimensions">
          <select
            className={fieldClass}
            value={dimensionsKey(draft.dimensions)}
            disabled={!draft.metricName}
            onChange={(e) => {
              const found = dimensionSets.find(([key]) => key === e.target.value);
              if (found) onChange({ dimensions: found[1] });
            }}
          >
            {dimensionSets.map(([key, dims]) => (
              <option key={key} value={key}>
                {dimensionsLabel(dims)}
              </option>
            ))}
          </select>
        </FormField>
      </div>
      {others.length > 0 && (
        <p className="text-xs text-slate-600">
          Already watching this metric: {others.map((a) => a.AlarmName).join(', ')}.
        </p>
      )}
      {draft.metricMode === 'expression' && (
        <div className="grid gap-3 sm:grid-cols-[2fr_1fr]">
          <FormField
            label="Expression"
            error={errors.expression}
            hint={`${draft.metricId} is the metric above, e.g. ${draft.metricId} * 100, RATE(${draft.metricId}), FILL(${draft.metricId}, 0).`}
          >
            <input
              type="text"
              className={`${fieldClass} font-mono`}
              spellCheck={false}
              autoComplete="off"
              value={draft.expression}
              onChange={(e) => onChange({ expression: e.target.value })}
            />
          </FormField>
          <FormField label="Expression label">
            <input
              type="text"
              className={fieldClass}
              value={draft.expressionLabel}
              onChange={(e) => onChange({ expressionLabel: e.target.value })}
            />
          </FormField>
        </div>
      )}
      <div className="grid gap-3 sm:grid-cols-3">
        <FormField label="Statistic" error={customStat ? undefined : errors.stat}>
          <select
            className={fieldClass}
            value={customStat ? CUSTOM : draft.stat}
            onChange={(e) => {
              if (e.target.value === CUSTOM) setCustomStat(true);
              else {
                setCustomStat(false);
                onChange({ stat: e.target.value });
              }
            }}
          >
            {PRESET_STATS.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
            <option value={CUSTOM}>Custom…</option>
          </select>
        </FormField>
        {customStat && (
          <FormField
            label="Custom statistic"
            error={errors.stat}
            hint="p99.9, tm90, TM(10%:90%), IQM, PR(100:2000)…"
          >
            <input
              type="text"
              className={`${fieldClass} font-mono`}
              spellCheck={false}
              autoComplete="off"
              value={draft.stat}
              onChange={(e) => onChange({ stat: e.target.value })}
            />
          </FormField>
        )}
        <FormField label="Period" error={errors.period}>
          <select
            className={fieldClass}
            value={String(draft.period)}
            onChange={(e) => onChange({ period: Number(e.target.value) })}
          >
            {periods.map((p) => (
              <option key={p} value={String(p)}>
                {periodLabel(p)}
              </option>
            ))}
          </select>
        </FormField>
      </div>
    </fieldset>
  );
}
