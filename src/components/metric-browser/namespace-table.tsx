import type { NamespaceSummary } from './metric-search.ts';

/** Props of {@link NamespaceTable}. */
export interface NamespaceTableProps {
  namespaces: readonly NamespaceSummary[];
  /** Opens a namespace to list its metric names. */
  onOpen: (namespace: string) => void;
}

const th = 'px-3 py-1.5 font-medium';

/** Every namespace, AWS/ and custom side by side, with how many metrics each holds. */
export function NamespaceTable({ namespaces, onOpen }: NamespaceTableProps) {
  if (namespaces.length === 0) {
    return (
      <p className="px-4 py-6 text-sm text-slate-500">No metrics yet. Publish metric data to create one.</p>
    );
  }
  return (
    <table className="w-full text-left text-sm">
      <thead className="border-b border-slate-200 text-xs uppercase tracking-wide text-slate-500">
        <tr>
          <th scope="col" className={th}>
            Namespace
          </th>
          <th scope="col" className={`${th} text-right`}>
            Metrics
          </th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {namespaces.map((n) => (
          <tr key={n.namespace} className="hover:bg-slate-50">
            <td className="px-3 py-1.5">
              <button
                type="button"
                onClick={() => onOpen(n.namespace)}
                className="font-medium text-blue-700 hover:underline focus-visible:outline focus-visible:outline-2 focus-visible:outline-blue-500"
              >
                {n.namespace}
              </button>
              {!n.namespace.startsWith('AWS/') && (
                <span className="ml-2 rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-600">Custom</span>
              )}
            </td>
            <td className="px-3 py-1.5 text-right tabular-nums text-slate-700">{n.metricCount}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
