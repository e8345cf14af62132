import type { AlarmHistoryItem } from '@aws-sdk/client-cloudwatch';
import { useState } from 'react';
import { formatDateTime } from '../../../lib/format.ts';

/** Props of {@link AlarmHistoryTable}. */
export interface AlarmHistoryTableProps {
  items: AlarmHistoryItem[];
}

function prettyJson(text: string | undefined): string {
  if (!text) return '';
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}

/** An alarm's history, newest first: time, type and summary, with the item's data on demand. */
export function AlarmHistoryTable({ items }: AlarmHistoryTableProps) {
  const [open, setOpen] = useState<ReadonlySet<number>>(() => new Set());
  if (items.length === 0) return <p className="text-sm text-slate-500">No history yet.</p>;
  return (
    <table className="w-full text-left text-sm" aria-label="Alarm history">
      <thead className="text-xs text-slate-500">
        <tr>
          <th className="py-1 pr-3 font-medium">Time (UTC)</th>
          <th className="py-1 pr-3 font-medium">Type</th>
          <th className="py-1 font-medium">Summary</th>
        </tr>
      </thead>
      <tbody>
        {items.map((item, i) => {
          const shown = open.has(i);
          return (
            <tr key={i} className="border-t border-slate-100 align-top">
              <td className="py-1 pr-3 whitespace-nowrap text-slate-600">
                {item.Timestamp ? formatDateTime(item.Timestamp.getTime()) : ''}
              </td>
              <td className="py-1 pr-3 whitespace-nowrap">{item.HistoryItemType}</td>
              <td className="py-1">
                <div className="flex items-start gap-2">
                  <span className="flex-1">{item.HistorySummary}</span>
                  {item.HistoryData && (
                    <button
                      type="button"
                      className="text-xs text-blue-700 underline"
                      aria-expanded={shown}
                      onClick={() =>
                        setOpen((s) => {
                          const next = new Set(s);
                          if (shown) next.delete(i);
                          else next.add(i);
                          return next;
                        })
                      }
                    >
                      {shown ? 'Hide data' : 'Show data'}
                    </button>
                  )}
                </div>
                {shown && (
                  <pre className="mt-1 max-h-64 overflow-auto rounded bg-slate-50 p-2 font-mono text-xs">
                    {prettyJson(item.HistoryData)}
                  </pre>
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
