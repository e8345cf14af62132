import type { HistoryItemType } from '@aws-sdk/client-cloudwatch';
import { Fragment, useState } from 'react';
import { formatDateTime } from '../../../lib/format.ts';
import { useAlarmHistory } from '../api/describe-alarm-history.ts';
import { parseStateChange } from '../model/alarm-ranges.ts';
import { AwsErrorAlert } from '../../../components/aws-error-alert.tsx';
import { buttonClass } from '../../../components/button-styles.ts';
import { FormField, fieldClass } from './form-field.tsx';
import { WhatChanged } from './what-changed.tsx';

/** Props of {@link AlarmHistoryTable}. */
export interface AlarmHistoryTableProps {
  alarmName: string;
  /** The alarm's resources (its metrics' dimension values), for "What changed before this?". */
  resourceNames?: readonly string[];
  /** The alarm is in ALARM now: the latest transition to ALARM shows what changed before it, open. */
  inAlarm?: boolean;
}

const TYPES: { value: HistoryItemType | 'all'; label: string }[] = [
  { value: 'all', label: 'All types' },
  { value: 'StateUpdate', label: 'State updates' },
  { value: 'ConfigurationUpdate', label: 'Configuration updates' },
  { value: 'Action', label: 'Actions' },
];

/** HistoryData pretty-printed when it is JSON, as is otherwise. */
export function prettyHistoryData(data: string | undefined): string {
  if (!data) return '';
  try {
    return JSON.stringify(JSON.parse(data), null, 2);
  } catch {
    return data;
  }
}

/** A set with `key` added or removed. */
function flipped(current: ReadonlySet<string>, key: string): ReadonlySet<string> {
  const next = new Set(current);
  if (next.has(key)) next.delete(key);
  else next.add(key);
  return next;
}

/**
 * The alarm's history, newest first, a page at a time (DescribeAlarmHistory with NextToken), filtered
 * by type; each item's HistoryData opens below it, pretty-printed. Each transition to ALARM can list
 * the audit events before it ("What changed before this?").
 */
export function AlarmHistoryTable({
  alarmName,
  resourceNames = [],
  inAlarm = false,
}: AlarmHistoryTableProps) {
  const [type, setType] = useState<HistoryItemType | 'all'>('all');
  const [open, setOpen] = useState<ReadonlySet<string>>(() => new Set());
  // Flipped from their default: the latest ALARM transition starts open while the alarm is in ALARM.
  const [changesFlipped, setChangesFlipped] = useState<ReadonlySet<string>>(() => new Set());
  const history = useAlarmHistory(alarmName, type === 'all' ? undefined : type);
  const items = history.data?.pages.flatMap((p) => p.items) ?? [];
  const toggle = (key: string) => setOpen((current) => flipped(current, key));
  const latestAlarm = items.find((item) => parseStateChange(item)?.to === 'ALARM');
  return (
    <div className="space-y-2">
      <FormField label="History type" className="w-56">
        <select
          className={fieldClass}
          value={type}
          onChange={(e) => setType(e.target.value as HistoryItemType | 'all')}
        >
          {TYPES.map((t) => (
            <option key={t.value} value={t.value}>
              {t.label}
            </option>
          ))}
        </select>
      </FormField>
      {history.error && <AwsErrorAlert title="The history could not be read" error={history.error} />}
      <div className="overflow-x-auto rounded border border-slate-200">
        <table className="w-full text-left text-sm" aria-label="Alarm history">
          <thead className="border-b border-slate-200 bg-slate-50 text-xs text-slate-600">
            <tr>
              <th scope="col" className="px-3 py-2 font-medium">
                Timestamp
              </th>
              <th scope="col" className="px-3 py-2 font-medium">
                Type
              </th>
              <th scope="col" className="px-3 py-2 font-medium">
                Summary
              </th>
              <th scope="col" className="px-3 py-2 font-medium">
                <span className="sr-only">Details</span>
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {items.map((item, i) => {
              const key = `${item.Timestamp?.getTime() ?? ''}|${item.HistoryItemType ?? ''}|${i}`;
              const expanded = open.has(key);
              const detailsId = `history-data-${i}`;
              const change = parseStateChange(item);
              const toAlarm = change?.to === 'ALARM' ? change : undefined;
              const changesKey = `${toAlarm?.atMs ?? ''}`;
              const changesOpen =
                toAlarm !== undefined && (inAlarm && item === latestAlarm) !== changesFlipped.has(changesKey);
              const changesId = `history-changes-${i}`;
              return (
                <Fragment key={key}>
                  <tr data-testid="alarm-history-row" data-type={item.HistoryItemType}>
                    <td className="px-3 py-2 align-top whitespace-nowrap text-slate-700">
                      {item.Timestamp ? formatDateTime(item.Timestamp.getTime()) : '—'}
                    </td>
                    <td className="px-3 py-2 align-top text-slate-600">{item.HistoryItemType}</td>
                    <td className="px-3 py-2 align-top break-words text-slate-800">
                      {item.HistorySummary}
                      {toAlarm && (
                        <button
                          type="button"
                          className="mt-1 block text-xs text-blue-700 hover:underline"
                          aria-expanded={changesOpen}
                          aria-controls={changesOpen ? changesId : undefined}
                          onClick={() => setChangesFlipped((current) => flipped(current, changesKey))}
                        >
                          What changed before this?
                        </button>
                      )}
                    </td>
                    <td className="px-3 py-2 text-right align-top whitespace-nowrap">
                      {item.HistoryData && (
                        <button
                          type="button"
                          className="text-xs text-blue-700 hover:underline"
                          aria-expanded={expanded}
                          aria-controls={expanded ? detailsId : undefined}
                          onClick={() => toggle(key)}
                        >
                          {expanded ? 'Hide data' : 'Show data'}
                        </button>
                      )}
                    </td>
                  </tr>
                  {toAlarm && changesOpen && (
                    <tr>
                      <td colSpan={4} id={changesId} className="bg-slate-50 px-3 py-2">
                        <h3 className="mb-1 text-xs font-semibold text-slate-700">
                          What changed before {formatDateTime(toAlarm.atMs)}?
                        </h3>
                        <WhatChanged atMs={toAlarm.atMs} resourceNames={resourceNames} />
                      </td>
                    </tr>
                  )}
                  {expanded && (
                    <tr>
                      <td colSpan={4} className="bg-slate-50 px-3 py-2">
                        <pre
                          id={detailsId}
                          className="max-h-80 overflow-auto text-xs whitespace-pre-wrap text-slate-800"
                        >
                          {prettyHistoryData(item.HistoryData)}
                        </pre>
                      </td>
                    </tr>
                  )}
                </Fragment>
              );
            })}
          </tbody>
        </table>
      </div>
      {history.isPending && <p className="text-sm text-slate-500">Loading history…</p>}
      {history.data && items.length === 0 && <p className="text-sm text-slate-500">No history items.</p>}
      {history.hasNextPage && (
        <button
          type="button"
          className={buttonClass}
          disabled={history.isFetchingNextPage}
          onClick={() => void history.fetchNextPage()}
        >
          {history.isFetchingNextPage ? 'Loading…' : 'Load older items'}
        </button>
      )}
    </div>
  );
}
