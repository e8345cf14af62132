import { type DragEvent, useCallback, useMemo, useRef, useState } from 'react';
import { AwsErrorAlert } from '../../../components/aws-error-alert.tsx';
import { controlBase, useConnectionStore } from '../../../lib/connection-store.ts';
import { formatDateTime } from '../../../lib/format.ts';
import { useTimeState } from '../../../lib/time-state.ts';
import { useResolvedRange } from '../../../lib/use-resolved-range.ts';
import { useTrailEvent } from '../api/get-trail-event.ts';
import { type ImportedSpan, useImportTrailFiles } from '../api/import-trail-files.ts';
import { useLookupEvent } from '../api/lookup-events.ts';
import { useTrailFacets } from '../api/search-trail.ts';
import { useAuditView } from '../hooks/use-audit-view.ts';
import { DEFAULT_FILTERS, activeTerms, removeTerm, setTerms } from '../model/audit-view.ts';
import { describeTerm } from '../model/filter-pattern.ts';
import { FIELD_LABELS, type Facet, type TrailField, type TrailQuery } from '../model/trail-types.ts';
import { useAuditColumns } from '../stores/audit-columns-store.ts';
import { ColumnChooser } from './column-chooser.tsx';
import { EventDetail } from './event-detail.tsx';
import { ExportMenu } from './export-menu.tsx';
import { FACET_FIELDS, FilterPanel } from './filter-panel.tsx';
import { FilterResults } from './filter-results.tsx';
import { ImportPanel } from './import-panel.tsx';
import { LOOKUP_WINDOW_MS, LookupBar, LookupResults } from './lookup-results.tsx';
import { buttonClass, formatCount } from './styles.ts';

const PAGE_FACETS: TrailField[] = ['readOnly', 'errorCode', ...FACET_FIELDS];
const FACET_TOP = 8;

const tab = (on: boolean) =>
  `rounded-t border-b-2 px-3 py-1 text-sm ${on ? 'border-blue-600 font-medium text-slate-900' : 'border-transparent text-slate-600 hover:text-slate-900'}`;

/**
 * Event history: the trail's events newest first, with combinable filters and their counts, the
 * event detail, export and import; or "CloudTrail lookup", exactly what LookupEvents can do.
 */
export function AuditPage() {
  const connection = useConnectionStore();
  const base = controlBase(connection);
  const lookupOnly = base === undefined;
  const { view, setView } = useAuditView();
  const mode = lookupOnly ? 'lookup' : view.mode;
  const { startMs, endMs, anchorMs } = useResolvedRange();
  const setRange = useTimeState((s) => s.setRange);
  const columns = useAuditColumns((s) => s.visible);
  const imports = useImportTrailFiles();
  const fileInput = useRef<HTMLInputElement>(null);
  const [dragging, setDragging] = useState(false);

  const query: TrailQuery = useMemo(
    () => ({ startMs, endMs, fields: view.filters }),
    [startMs, endMs, view.filters],
  );
  const facetsQuery = useTrailFacets(query, mode === 'filter' ? PAGE_FACETS : [], FACET_TOP, {});
  const facets = useMemo(() => {
    const out: Partial<Record<TrailField, Facet>> = {};
    for (const f of facetsQuery.data?.facets ?? []) out[f.field] = f;
    return out;
  }, [facetsQuery.data]);

  // Lookup covers the last 90 days only, as LookupEvents does.
  const lookupStart = Math.max(startMs, anchorMs - LOOKUP_WINDOW_MS);
  const detailFromTrail = useTrailEvent(view.eventId, !lookupOnly);
  const detailFromLookup = useLookupEvent(view.eventId, lookupOnly, anchorMs);
  const detail = lookupOnly ? detailFromLookup : detailFromTrail;

  const open = useCallback((eventId: string) => setView({ ...view, eventId }), [setView, view]);
  const close = useCallback(() => setView({ ...view, eventId: undefined }), [setView, view]);
  const chips = activeTerms(view.filters);

  const showImported = (span: ImportedSpan) => {
    setRange({ kind: 'absolute', start: span.startMs, end: span.endMs + 1000 });
    setView({
      ...view,
      mode: 'filter',
      filters: { origin: [{ match: 'exact', value: 'imported' }] },
      eventId: undefined,
    });
  };

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    if (lookupOnly) return;
    const files = Array.from(e.dataTransfer.files);
    if (files.length > 0) void imports.start(files);
  };

  const empty = (
    <div
      className="rounded border border-slate-200 bg-white p-4 text-sm text-slate-700"
      data-testid="no-events"
    >
      <p className="font-medium">No events match.</p>
      <p className="mt-1">
        {`${chips.length > 0 ? `${chips.length} filter${chips.length > 1 ? 's' : ''} and the` : 'The'} time range ${formatDateTime(startMs)} – ${formatDateTime(endMs)} select nothing.`}{' '}
        Imported log files keep their own (often older) times.
      </p>
      <div className="mt-2 flex gap-2">
        {chips.length > 0 && (
          <button type="button" className={buttonClass} onClick={() => setView({ ...view, filters: {} })}>
            Clear filters
          </button>
        )}
        <button
          type="button"
          className={buttonClass}
          onClick={() => setRange({ kind: 'relative', duration: '90d' })}
        >
          Last 90 days
        </button>
      </div>
    </div>
  );

  return (
    <div
      className="relative flex h-[calc(100vh-8.5rem)] min-h-[28rem] flex-col gap-2"
      onDragOver={(e) => {
        if (lookupOnly || !e.dataTransfer.types.includes('Files')) return;
        e.preventDefault();
        setDragging(true);
      }}
      onDragLeave={(e) => {
        if (e.currentTarget === e.target) setDragging(false);
      }}
      onDrop={onDrop}
    >
      <div className="flex flex-wrap items-end gap-x-4 gap-y-2">
        <h1 className="text-lg font-semibold">Event history</h1>
        <div role="tablist" aria-label="Search mode" className="flex gap-1">
          <button
            type="button"
            role="tab"
            aria-selected={mode === 'filter'}
            disabled={lookupOnly}
            className={tab(mode === 'filter')}
            onClick={() => setView({ ...view, mode: 'filter' })}
          >
            Filters
          </button>
          <button
            type="button"
            role="tab"
            aria-selected={mode === 'lookup'}
            className={tab(mode === 'lookup')}
            onClick={() => setView({ ...view, mode: 'lookup' })}
          >
            CloudTrail lookup
          </button>
        </div>
        <div className="ml-auto flex items-center gap-2">
          <ColumnChooser />
          {!lookupOnly && mode === 'filter' && (
            <ExportMenu
              base={base}
              query={{ ...query, endMs: Math.min(endMs, anchorMs) }}
              total={facetsQuery.data?.total}
            />
          )}
          {!lookupOnly && (
            <>
              <button type="button" className={buttonClass} onClick={() => fileInput.current?.click()}>
                Import log files
              </button>
              <input
                ref={fileInput}
                type="file"
                aria-label="CloudTrail log files"
                accept=".json,.gz,.json.gz,application/json,application/gzip"
                multiple
                className="hidden"
                onChange={(e) => {
                  const files = Array.from(e.target.files ?? []);
                  e.target.value = '';
                  if (files.length > 0) void imports.start(files);
                }}
              />
            </>
          )}
        </div>
      </div>

      {lookupOnly && (
        <p className="rounded border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">
          This backend has no Watchtrail control endpoints (it is a real AWS account or another service), so
          only CloudTrail lookup is available: filters, counts, export and import need the Watchtrail engine.
        </p>
      )}

      <ImportPanel
        items={imports.items}
        running={imports.running}
        span={imports.span}
        onShowImported={showImported}
        onDismiss={imports.clear}
      />

      {mode === 'lookup' ? (
        <div className="flex min-h-0 flex-1 flex-col gap-2">
          <p className="text-sm text-slate-600">
            CloudTrail lookup: one attribute, exact and case-sensitive, management events of the last 90 days
            — as LookupEvents does, 50 events per call.
            {startMs < lookupStart && ` The range is cut to start at ${formatDateTime(lookupStart)}.`}
          </p>
          <LookupBar
            attr={view.lookup.key}
            value={view.lookup.value}
            suggest={!lookupOnly}
            startMs={lookupStart}
            endMs={endMs}
            onChange={(key, value) => setView({ ...view, lookup: { key, value } }, true)}
          />
          {lookupStart < endMs ? (
            <LookupResults
              attr={view.lookup.key}
              value={view.lookup.value}
              startMs={lookupStart}
              endMs={endMs}
              columns={columns}
              selectedId={view.eventId}
              onOpen={open}
            />
          ) : (
            <p className="text-sm text-slate-700">
              The time range ends more than 90 days ago: LookupEvents has nothing there.
            </p>
          )}
        </div>
      ) : (
        base !== undefined && (
          <div className="flex min-h-0 flex-1 gap-4">
            <FilterPanel
              filters={view.filters}
              facets={facets}
              query={query}
              onChange={(field, terms) => setView({ ...view, filters: setTerms(view.filters, field, terms) })}
            />
            <div className="flex min-h-0 min-w-0 flex-1 flex-col gap-2">
              <div className="flex flex-wrap items-center gap-1.5" aria-label="Active filters" role="list">
                {chips.map(({ field, term }) => (
                  <span
                    role="listitem"
                    key={`${field}|${term.match}|${term.value}`}
                    className="inline-flex items-center gap-1 rounded-full bg-blue-50 py-0.5 pr-1 pl-2 text-xs text-blue-900 ring-1 ring-blue-200"
                  >
                    {`${FIELD_LABELS[field]}: ${describeTerm(term)}`}
                    <button
                      type="button"
                      aria-label={`Remove ${FIELD_LABELS[field]} ${describeTerm(term)}`}
                      className="rounded-full px-1 hover:bg-blue-200"
                      onClick={() => setView({ ...view, filters: removeTerm(view.filters, field, term) })}
                    >
                      ×
                    </button>
                  </span>
                ))}
                {chips.length > 0 && (
                  <button
                    type="button"
                    className="text-xs text-blue-700 hover:underline"
                    onClick={() => setView({ ...view, filters: {} })}
                  >
                    Clear all
                  </button>
                )}
                {JSON.stringify(view.filters) !== JSON.stringify(DEFAULT_FILTERS) && (
                  <button
                    type="button"
                    className="text-xs text-blue-700 hover:underline"
                    onClick={() => setView({ ...view, filters: DEFAULT_FILTERS })}
                  >
                    Default view
                  </button>
                )}
              </div>
              {facetsQuery.error && (
                <AwsErrorAlert error={facetsQuery.error} title="The filter counts could not be loaded" />
              )}
              <FilterResults
                key={JSON.stringify(query)}
                base={base}
                query={query}
                columns={columns}
                selectedId={view.eventId}
                onOpen={open}
                empty={empty}
              >
                {(total) => (
                  <p className="text-sm text-slate-700" role="status" data-testid="event-count">
                    {total === undefined ? 'Counting events…' : `${formatCount(total)} events`}
                    <span className="text-slate-500">
                      {` · newest first · ${formatDateTime(startMs)} – ${formatDateTime(endMs)}`}
                    </span>
                  </p>
                )}
              </FilterResults>
              <p className="text-xs text-slate-500">
                Opens on management events, reads and writes. The AWS console starts with Read-only = false
                (writes only); choose Write under Read-only to do the same.
              </p>
            </div>
          </div>
        )
      )}

      {view.eventId && (
        <EventDetail
          eventId={view.eventId}
          event={detail.data ?? undefined}
          loading={detail.isLoading}
          error={detail.error}
          view={view}
          lookupOnly={lookupOnly}
          onClose={close}
        />
      )}

      {dragging && (
        <div className="pointer-events-none absolute inset-0 z-40 flex items-center justify-center rounded-lg border-4 border-dashed border-blue-400 bg-blue-50/80 text-lg font-medium text-blue-900">
          Drop CloudTrail log files (.json, .json.gz) to import them
        </div>
      )}
    </div>
  );
}
