import { useEffect, useRef } from 'react';
import { type MetricIdentity, metricKey, metricLabel } from '../../lib/cloudwatch/metric-identity.ts';
import { dimensionColumns } from './metric-search.ts';

/** Props of {@link MetricSeriesTable}. */
export interface MetricSeriesTableProps {
  /** The rows, one metric each, in display order. */
  metrics: readonly MetricIdentity[];
  /**
   * `dimension-columns`: the metrics of one name, a column per dimension name.
   * `flat`: search results across namespaces, with namespace, metric name and all dimensions in one column.
   */
  layout: 'dimension-columns' | 'flat';
  /** Keys ({@link metricKey}) of the metrics on the graph. */
  checkedKeys: ReadonlySet<string>;
  /** Checks or unchecks metrics. */
  onCheckedChange: (metrics: readonly MetricIdentity[], checked: boolean) => void;
  /** Rows beyond this many are not drawn (a note says so). */
  maxRows?: number;
}

const th = 'px-3 py-1.5 font-medium';

/** Props of {@link SelectAllCheckbox}. */
interface SelectAllCheckboxProps {
  /** Every row shown is checked. */
  checked: boolean;
  /** Some rows shown are checked, not all. */
  indeterminate: boolean;
  onChange: (checked: boolean) => void;
}

/** The header checkbox that checks or unchecks every row shown, and shows "some checked". */
function SelectAllCheckbox({ checked, indeterminate, onChange }: SelectAllCheckboxProps) {
  const ref = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (ref.current) ref.current.indeterminate = indeterminate;
  }, [indeterminate]);
  return (
    <input
      ref={ref}
      type="checkbox"
      aria-label="Select all shown"
      className="h-4 w-4 accent-blue-600"
      checked={checked}
      onChange={(e) => onChange(e.target.checked)}
    />
  );
}

/** One row per metric with a checkbox that puts it on the graph, labelled with its name and dimension values. */
export function MetricSeriesTable({
  metrics,
  layout,
  checkedKeys,
  onCheckedChange,
  maxRows = 500,
}: MetricSeriesTableProps) {
  const shown = metrics.slice(0, maxRows);
  const columns = layout === 'dimension-columns' ? dimensionColumns(shown) : [];
  const checkedCount = shown.filter((m) => checkedKeys.has(metricKey(m))).length;

  if (metrics.length === 0) return <p className="px-4 py-6 text-sm text-slate-500">No metrics match.</p>;
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm" aria-label="Metrics">
        <thead className="border-b border-slate-200 text-xs uppercase tracking-wide text-slate-500">
          <tr>
            <th scope="col" className="w-8 px-3 py-1.5">
              <SelectAllCheckbox
                checked={checkedCount === shown.length}
                indeterminate={checkedCount > 0 && checkedCount < shown.length}
                onChange={(checked) => onCheckedChange(shown, checked)}
              />
            </th>
            {layout === 'flat' && (
              <>
                <th scope="col" className={th}>
                  Namespace
                </th>
                <th scope="col" className={th}>
                  Metric name
                </th>
                <th scope="col" className={th}>
                  Dimensions
                </th>
              </>
            )}
            {layout === 'dimension-columns' &&
              (columns.length > 0 ? (
                columns.map((c) => (
                  <th key={c} scope="col" className={`${th} normal-case`}>
                    {c}
                  </th>
                ))
              ) : (
                <th scope="col" className={th}>
                  Dimensions
                </th>
              ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {shown.map((m) => {
            const key = metricKey(m);
            const checked = checkedKeys.has(key);
            return (
              <tr key={key} className={checked ? 'bg-blue-50/60' : 'hover:bg-slate-50'}>
                <td className="px-3 py-1.5">
                  <input
                    type="checkbox"
                    aria-label={metricLabel(m)}
                    className="h-4 w-4 accent-blue-600"
                    checked={checked}
                    onChange={(e) => onCheckedChange([m], e.target.checked)}
                  />
                </td>
                {layout === 'flat' && (
                  <>
                    <td className="px-3 py-1.5 text-slate-600">{m.namespace}</td>
                    <td className="px-3 py-1.5 font-medium text-slate-900">{m.metricName}</td>
                    <td className="px-3 py-1.5 text-xs text-slate-700">
                      {m.dimensions.length === 0 ? (
                        <span className="text-slate-400">No dimensions</span>
                      ) : (
                        m.dimensions.map((d) => (
                          <span key={d.name} className="mr-2 inline-block">
                            <span className="text-slate-500">{d.name}:</span> {d.value}
                          </span>
                        ))
                      )}
                    </td>
                  </>
                )}
                {layout === 'dimension-columns' &&
                  (columns.length > 0 ? (
                    columns.map((c) => (
                      <td key={c} className="px-3 py-1.5 text-slate-700">
                        {m.dimensions.find((d) => d.name === c)?.value ?? (
                          <span className="text-slate-400">—</span>
                        )}
                      </td>
                    ))
                  ) : (
                    <td className="px-3 py-1.5 text-slate-400">No dimensions</td>
                  ))}
              </tr>
            );
          })}
        </tbody>
      </table>
      {metrics.length > shown.length && (
        <p className="px-3 py-2 text-xs text-slate-500">
          Showing the first {shown.length} of {metrics.length} metrics. Refine the search to see the others.
        </p>
      )}
    </div>
  );
}
