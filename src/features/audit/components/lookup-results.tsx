import { useId } from 'react';
import { AwsErrorAlert } from '../../../components/aws-error-alert.tsx';
import { useLookupEvents } from '../api/lookup-events.ts';
import { useTrailFacets } from '../api/search-trail.ts';
import { useDebouncedValue } from '../hooks/use-debounced-value.ts';
import { LOOKUP_FIELD, LOOKUP_KEYS, LOOKUP_LABELS, type LookupKey } from '../model/audit-view.ts';
import type { ColumnId } from '../model/columns.ts';
import { EventTable } from './event-table.tsx';
import { buttonClass, formatCount, inputClass } from './styles.ts';

const DAY_MS = 86_400_000;
/** LookupEvents looks back 90 days. */
export const LOOKUP_WINDOW_MS = 90 * DAY_MS;

/** Props of {@link LookupBar}. */
export interface LookupBarProps {
  attr: LookupKey;
  value: string;
  onChange: (attr: LookupKey, value: string) => void;
  /** Whether facet counts can suggest values (control endpoints exist). */
  suggest: boolean;
  startMs: number;
  endMs: number;
}

/** One lookup attribute and its value, with the values the trail holds as suggestions. */
export function LookupBar({ attr, value, onChange, suggest, startMs, endMs }: LookupBarProps) {
  const listId = useId();
  const field = LOOKUP_FIELD[attr];
  const typed = useDebouncedValue(value, 250);
  const facets = useTrailFacets(
    { startMs, endMs },
    suggest && field ? [field] : [],
    30,
    field && typed ? { [field]: typed } : {},
  );
  const values = facets.data?.facets?.[0]?.values ?? [];
  return (
    <div className="flex flex-wrap items-center gap-2">
      <label className="text-sm">
        <span className="sr-only">Lookup attribute</span>
        <select
          aria-label="Lookup attribute"
          className={inputClass}
          value={attr}
          onChange={(e) => onChange(e.target.value as LookupKey, '')}
        >
          {LOOKUP_KEYS.map((k) => (
            <option key={k} value={k}>
              {LOOKUP_LABELS[k]}
            </option>
          ))}
        </select>
      </label>
      <input
        aria-label="Lookup value"
        list={listId}
        className={`${inputClass} w-80`}
        placeholder={attr === 'ReadOnly' ? 'true or false' : `Exact ${LOOKUP_LABELS[attr].toLowerCase()}`}
        value={value}
        onChange={(e) => onChange(attr, e.target.value)}
      />
      <datalist id={listId}>
        {values
          .filter((v) => v.value !== '')
          .map((v) => (
            <option key={v.value} value={v.value}>{`${formatCount(v.count)} events`}</option>
          ))}
      </datalist>
    </div>
  );
}

/** Props of {@link LookupResults}. */
export interface LookupResultsProps {
  attr: LookupKey;
  value: string;
  startMs: number;
  endMs: number;
  columns: readonly ColumnId[];
  selectedId?: string;
  onOpen: (eventId: string) => void;
}

/** LookupEvents' answer, 50 events a page, with "Load more" while NextToken comes back. */
export function LookupResults({
  attr,
  value,
  startMs,
  endMs,
  columns,
  selectedId,
  onOpen,
}: LookupResultsProps) {
  const q = useLookupEvents({ key: attr, value: value.trim(), startMs, endMs }, true);
  const events = q.data?.pages.flatMap((p) => p.events.map((e) => e.summary)) ?? [];
  const onWindow = (_start: number, end: number) => {
    if (end >= events.length && q.hasNextPage && !q.isFetchingNextPage) void q.fetchNextPage();
  };
  return (
    <>
      <p className="text-sm text-slate-700" role="status">
        {q.isPending
          ? 'Looking up events…'
          : `${formatCount(events.length)} events${q.hasNextPage ? ' so far' : ''}`}
      </p>
      {q.error && <AwsErrorAlert error={q.error} title="LookupEvents failed" />}
      {!q.isPending && events.length === 0 && !q.error && (
        <p className="rounded border border-slate-200 bg-white p-4 text-sm text-slate-700">
          LookupEvents found no events. Its match is exact and case-sensitive: check the value (the
          suggestions list values that occur), or widen the time range.
        </p>
      )}
      {events.length > 0 && (
        <EventTable
          label="Looked up events"
          total={events.length}
          rowAt={(i) => events[i]}
          columns={columns}
          onWindow={onWindow}
          onOpen={onOpen}
          selectedId={selectedId}
        />
      )}
      {q.hasNextPage && (
        <div>
          <button
            type="button"
            className={buttonClass}
            disabled={q.isFetchingNextPage}
            onClick={() => void q.fetchNextPage()}
          >
            {q.isFetchingNextPage ? 'Loading…' : 'Load more'}
          </button>
        </div>
      )}
    </>
  );
}
