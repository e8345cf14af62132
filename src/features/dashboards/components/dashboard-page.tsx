import { Suspense, lazy, useCallback, useEffect, useMemo, useState } from 'react';
import { AuditMarkerFilterControl } from '../../../components/audit-marker-filter.tsx';
import { AwsErrorAlert } from '../../../components/aws-error-alert.tsx';
import { buttonClass, primaryButtonClass } from '../../../components/button-styles.ts';
import {
  applyLayout,
  compactLayout,
  placeNew,
  resolveLayout,
} from '../../../components/dashboard-grid/layout.ts';
import { RANGE_CHANGE_MARK, mark } from '../../../lib/perf-marks.ts';
import { navigate, setNavigationGuard } from '../../../lib/navigation.ts';
import { useTimeState } from '../../../lib/time-state.ts';
import { useResolvedRange } from '../../../lib/use-resolved-range.ts';
import { type StoredDashboard, useDashboard, useDashboardList, usePutDashboard } from '../api/dashboards.ts';
import { bodyRange } from '../model/body-range.ts';
import { dashboardPath } from '../model/dashboard-path.ts';
import type { DashboardBody, DashboardVariable, Widget } from '../model/dashboard-body.ts';
import { applyVariables, variableValues } from '../model/variables.ts';
import { isDirty, useDashboardEdit } from '../stores/dashboard-edit.ts';
import { homeDashboardName, useHomeDashboard } from '../stores/home-dashboard.ts';
import { DashboardView } from './dashboard-view.tsx';
import { VariablesBar, useVariableChoices } from './variables-bar.tsx';
import { widgetName } from './widgets/widget-view.tsx';

// The editor's pieces load when a person starts editing, not with the landing page.
const WidgetCatalog = lazy(() =>
  import('./editor/widget-catalog.tsx').then((m) => ({ default: m.WidgetCatalog })),
);
const WidgetPropertiesEditor = lazy(() =>
  import('./editor/widget-properties.tsx').then((m) => ({ default: m.WidgetPropertiesEditor })),
);
const SourceEditor = lazy(() =>
  import('./editor/source-editor.tsx').then((m) => ({ default: m.SourceEditor })),
);

const NO_VARIABLES: DashboardVariable[] = [];
const LEAVE_QUESTION = 'This dashboard has unsaved changes. Leave without saving them?';

/** A stored body as the page reads it: the body, or why it cannot be drawn. */
type ParsedBody = { body: DashboardBody; error?: undefined } | { body?: undefined; error: string };

export function parseStoredBody(text: string): ParsedBody {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    return { error: `The stored body is not JSON: ${err instanceof Error ? err.message : String(err)}` };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return { error: 'The stored body is not a JSON object.' };
  const widgets = (value as { widgets?: unknown }).widgets;
  if (!Array.isArray(widgets)) return { error: 'The stored body has no "widgets" array.' };
  return { body: value as DashboardBody };
}

function readVariablesFromUrl(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of new URLSearchParams(location.search)) if (k.startsWith('var-')) out[k.slice(4)] = v;
  return out;
}

function writeVariableToUrl(id: string, value: string): void {
  const params = new URLSearchParams(location.search);
  params.set(`var-${id}`, value);
  history.replaceState(history.state, '', `${location.pathname}?${params.toString()}${location.hash}`);
}

/** "/": the home dashboard (see the list page's help), or a way to create the first one. */
export function HomeDashboardPage() {
  const list = useDashboardList();
  const chosen = useHomeDashboard((s) => s.home);
  if (list.error) return <AwsErrorAlert title="The dashboards could not be listed" error={list.error} />;
  if (!list.data) return <p className="text-sm text-slate-500">Loading dashboards…</p>;
  const name = homeDashboardName(
    chosen,
    list.data.map((d) => d.name),
  );
  if (name === undefined) {
    return (
      <div className="space-y-2 text-sm text-slate-700">
        <h1 className="text-lg font-semibold text-slate-900">No dashboards yet</h1>
        <p>Create a dashboard, or import a CloudWatch dashboard body, from the list of dashboards.</p>
        <button type="button" className={primaryButtonClass} onClick={() => navigate('/dashboards')}>
          Go to dashboards
        </button>
      </div>
    );
  }
  return <DashboardPage name={name} />;
}

/** Props of {@link DashboardPage}. */
export interface DashboardPageProps {
  name: string;
}

/** One dashboard: GetDashboard, then the grid of its widgets; Edit turns on the editor. */
export function DashboardPage({ name }: DashboardPageProps) {
  const stored = useDashboard(name);
  if (stored.error) {
    return (
      <div className="space-y-2">
        <AwsErrorAlert
          title={
            stored.error.name === 'DashboardNotFoundError'
              ? `There is no dashboard named ${name}`
              : `The dashboard ${name} could not be read`
          }
          error={stored.error}
        />
        <button type="button" className={buttonClass} onClick={() => navigate('/dashboards')}>
          All dashboards
        </button>
      </div>
    );
  }
  if (!stored.data) return <p className="text-sm text-slate-500">Loading {name}…</p>;
  return <LoadedDashboard key={name} stored={stored.data} />;
}

type Panel = { kind: 'catalog' } | { kind: 'properties'; index: number } | { kind: 'source' } | undefined;

function LoadedDashboard({ stored }: { stored: StoredDashboard }) {
  const parsed = useMemo(() => parseStoredBody(stored.bodyText), [stored.bodyText]);
  const list = useDashboardList();
  const put = usePutDashboard();
  const edit = useDashboardEdit();
  const editing = edit.editing && edit.name === stored.name && edit.draft !== undefined;
  const dirty = editing && isDirty(edit);
  const body = editing && edit.draft ? edit.draft : parsed.body;
  const [panel, setPanel] = useState<Panel>(undefined);
  const [fullScreen, setFullScreen] = useState<number | undefined>(undefined);
  const [saveWarnings, setSaveWarnings] = useState<{ DataPath?: string; Message?: string }[]>([]);
  const [variables, setVariables] = useState<Record<string, string>>(readVariablesFromUrl);

  const { startMs, endMs, anchorMs } = useResolvedRange();
  const setRange = useTimeState((s) => s.setRange);
  const zoom = useCallback(
    (start: number, end: number) => {
      mark(RANGE_CHANGE_MARK);
      setRange({ kind: 'absolute', start: Math.round(start), end: Math.round(end) });
    },
    [setRange],
  );

  // The body's own range applies when the link names none (CloudWatch opens a dashboard on its `start`).
  const defaultRange = parsed.body ? bodyRange(parsed.body.start, parsed.body.end) : undefined;
  useEffect(() => {
    const params = new URLSearchParams(location.search);
    if (defaultRange && !params.has('range') && !params.has('start')) setRange(defaultRange);
    // Once per dashboard opened.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [stored.name]);

  // `?edit=1` (a new dashboard) opens the editor.
  const begin = edit.begin;
  const [openEditor] = useState(() => new URLSearchParams(location.search).get('edit') === '1');
  useEffect(() => {
    if (!openEditor || !parsed.body) return;
    const params = new URLSearchParams(location.search);
    if (params.has('edit')) {
      params.delete('edit');
      history.replaceState(history.state, '', `${location.pathname}${params.size ? `?${params}` : ''}`);
    }
    const s = useDashboardEdit.getState();
    if (!(s.editing && s.name === stored.name)) begin(stored.name, parsed.body);
  }, [openEditor, begin, parsed.body, stored.name]);

  // Leaving the dashboard (after "leave without saving") drops its draft.
  useEffect(
    () => () => {
      const s = useDashboardEdit.getState();
      if (s.editing && s.name === stored.name) s.discard();
    },
    [stored.name],
  );

  // Unsaved changes: the browser asks before a reload or close, and in-app links ask too.
  useEffect(() => {
    if (!dirty) return;
    const onBeforeUnload = (e: BeforeUnloadEvent) => {
      e.preventDefault();
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    setNavigationGuard(() => window.confirm(LEAVE_QUESTION));
    return () => {
      window.removeEventListener('beforeunload', onBeforeUnload);
      setNavigationGuard(undefined);
    };
  }, [dirty]);

  // Ctrl/Cmd+Z and Ctrl/Cmd+Shift+Z (or Ctrl+Y) undo and redo while editing, outside text fields.
  useEffect(() => {
    if (!editing) return;
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.altKey) return;
      const target = e.target as HTMLElement | null;
      if (target?.closest('input, textarea, select, [contenteditable="true"]')) return;
      const key = e.key.toLowerCase();
      const store = useDashboardEdit.getState();
      if (key === 'z' && !e.shiftKey) store.undo();
      else if ((key === 'z' && e.shiftKey) || key === 'y') store.redo();
      else return;
      e.preventDefault();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [editing]);

  const choices = useVariableChoices(body?.variables ?? NO_VARIABLES);
  const values = useMemo(
    () => (body ? variableValues(body, variables, choices) : {}),
    [body, variables, choices],
  );
  const shown = useMemo(() => (body ? applyVariables(body, values) : undefined), [body, values]);

  if (!body || !shown) {
    return (
      <div className="space-y-2">
        <h1 className="text-lg font-semibold text-slate-900">{stored.name}</h1>
        <div role="alert" className="rounded border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
          {parsed.error}
        </div>
      </div>
    );
  }

  const apply = (update: (b: DashboardBody) => DashboardBody, coalesceKey?: string) => {
    if (!editing) begin(stored.name, body);
    useDashboardEdit.getState().apply(update, coalesceKey);
  };
  const replaceWidget = (index: number, widget: Widget, coalesceKey?: string) =>
    apply((b) => ({ ...b, widgets: b.widgets.map((w, i) => (i === index ? widget : w)) }), coalesceKey);
  const removeWidget = (index: number) => {
    setPanel(undefined);
    apply((b) => ({ ...b, widgets: b.widgets.filter((_, i) => i !== index) }));
  };
  const duplicateWidget = (index: number) =>
    apply((b) => {
      const layout = resolveLayout(b.widgets);
      const rect = layout[index];
      const at = placeNew(layout, rect.width, rect.height);
      return { ...b, widgets: [...b.widgets, { ...structuredClone(b.widgets[index]), ...at }] };
    });
  const addWidget = (widget: Widget) => {
    const layout = resolveLayout(body.widgets);
    const at = placeNew(layout, widget.width ?? 6, widget.height ?? 6);
    apply((b) => ({ ...b, widgets: [...b.widgets, { ...widget, ...at }] }));
    setPanel({ kind: 'properties', index: body.widgets.length });
  };

  const save = async () => {
    if (!edit.draft) return;
    const draft = edit.draft;
    setSaveWarnings([]);
    try {
      const warnings = await put.mutateAsync({ name: stored.name, bodyText: JSON.stringify(draft) });
      setSaveWarnings(warnings);
      useDashboardEdit.getState().markSaved(draft);
      useDashboardEdit.getState().stopEditing();
      setPanel(undefined);
    } catch {
      // The error (with the validation messages by path) shows under the toolbar; the draft stays.
    }
  };
  const discard = () => {
    if (dirty && !window.confirm('Discard every unsaved change to this dashboard?')) return;
    useDashboardEdit.getState().discard();
    useDashboardEdit.getState().stopEditing();
    setPanel(undefined);
    put.reset();
  };

  const widgetActions = (index: number) => {
    const name = widgetName(body.widgets[index], index);
    return (
      <>
        {editing && (
          <>
            <button
              type="button"
              className="rounded px-1.5 text-xs text-slate-600 hover:bg-slate-100"
              aria-label={`Edit ${name}`}
              onClick={() => setPanel({ kind: 'properties', index })}
              title="Edit"
            >
              ✎
            </button>
            <button
              type="button"
              className="rounded px-1.5 text-xs text-slate-600 hover:bg-slate-100"
              aria-label={`Duplicate ${name}`}
              onClick={() => duplicateWidget(index)}
              title="Duplicate"
            >
              ⊕
            </button>
            <button
              type="button"
              className="rounded px-1.5 text-xs text-red-700 hover:bg-red-50"
              aria-label={`Remove ${name}`}
              onClick={() => removeWidget(index)}
              title="Remove"
            >
              ✕
            </button>
          </>
        )}
        <button
          type="button"
          className="rounded px-1.5 text-xs text-slate-600 hover:bg-slate-100"
          aria-label={`Full screen ${name}`}
          title="Full screen"
          onClick={() => setFullScreen(index)}
        >
          ⤢
        </button>
      </>
    );
  };

  const names = list.data?.map((d) => d.name) ?? [stored.name];
  const editedWidget = panel?.kind === 'properties' ? body.widgets[panel.index] : undefined;

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <div className="flex flex-wrap items-center gap-2">
          <h1 className="text-lg font-semibold text-slate-900">{stored.name}</h1>
          <select
            aria-label="Open dashboard"
            value={stored.name}
            onChange={(e) => navigate(dashboardPath(e.target.value))}
            className="rounded border border-slate-300 px-1 py-0.5 text-sm"
          >
            {(names.includes(stored.name) ? names : [stored.name, ...names]).map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
          <a
            href="/dashboards"
            className="text-sm text-blue-700 hover:underline"
            onClick={(e) => {
              e.preventDefault();
              navigate('/dashboards');
            }}
          >
            All dashboards
          </a>
          {dirty && (
            <span className="rounded bg-amber-100 px-1.5 py-0.5 text-xs text-amber-900">Unsaved changes</span>
          )}
        </div>
        <div className="flex flex-wrap items-center gap-2" role="toolbar" aria-label="Dashboard">
          {editing ? (
            <>
              <button type="button" className={buttonClass} onClick={() => setPanel({ kind: 'catalog' })}>
                Add widget
              </button>
              <button
                type="button"
                className={buttonClass}
                disabled={edit.past.length === 0}
                onClick={() => edit.undo()}
              >
                Undo
              </button>
              <button
                type="button"
                className={buttonClass}
                disabled={edit.future.length === 0}
                onClick={() => edit.redo()}
              >
                Redo
              </button>
              <button
                type="button"
                className={buttonClass}
                title="Float every widget up into the gaps above it"
                onClick={() =>
                  apply((b) => {
                    const before = resolveLayout(b.widgets);
                    return { ...b, widgets: applyLayout(b.widgets, before, compactLayout(before)) };
                  })
                }
              >
                Tidy up
              </button>
              <button type="button" className={buttonClass} onClick={() => setPanel({ kind: 'source' })}>
                Source
              </button>
              <button type="button" className={buttonClass} onClick={discard}>
                {dirty ? 'Discard' : 'Done'}
              </button>
              <button
                type="button"
                className={primaryButtonClass}
                disabled={!dirty || put.isPending}
                onClick={save}
              >
                {put.isPending ? 'Saving…' : 'Save'}
              </button>
            </>
          ) : (
            <>
              <AuditMarkerFilterControl startMs={startMs} endMs={endMs} />
              <button type="button" className={buttonClass} onClick={() => setPanel({ kind: 'source' })}>
                Source
              </button>
              <button type="button" className={primaryButtonClass} onClick={() => begin(stored.name, body)}>
                Edit
              </button>
            </>
          )}
        </div>
      </div>
      {put.error ? <AwsErrorAlert title="The dashboard was not saved" error={put.error} /> : null}
      {saveWarnings.length > 0 && (
        <div
          role="status"
          className="rounded border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900"
        >
          Saved, with {saveWarnings.length} warning{saveWarnings.length === 1 ? '' : 's'}:
          <ul className="list-disc pl-5">
            {saveWarnings.map((w, i) => (
              <li key={i}>
                <code>{w.DataPath || '/'}</code> {w.Message}
              </li>
            ))}
          </ul>
        </div>
      )}
      {(body.variables?.length ?? 0) > 0 && (
        <VariablesBar
          variables={body.variables ?? []}
          values={values}
          onChange={(id, value) => {
            writeVariableToUrl(id, value);
            setVariables((v) => ({ ...v, [id]: value }));
          }}
        />
      )}
      {body.widgets.length === 0 && (
        <div className="rounded border border-dashed border-slate-300 p-6 text-center text-sm text-slate-600">
          This dashboard has no widgets yet.{' '}
          <button
            type="button"
            className="text-blue-700 underline"
            onClick={() => {
              if (!editing) begin(stored.name, body);
              setPanel({ kind: 'catalog' });
            }}
          >
            Add a widget
          </button>
        </div>
      )}
      <div className={panel?.kind === 'properties' ? 'flex flex-col gap-3 lg:flex-row' : ''}>
        <div className="min-w-0 flex-1">
          <DashboardView
            body={shown}
            startMs={startMs}
            endMs={endMs}
            nowMs={anchorMs}
            onZoom={zoom}
            editing={editing}
            onLayoutChange={(layout, change) =>
              apply(
                (b) => ({ ...b, widgets: applyLayout(b.widgets, resolveLayout(b.widgets), layout) }),
                // A run of arrow presses on one handle is one step to undo, as typing in a field is.
                change.via === 'keyboard' ? `grid.${change.kind}.${change.index}` : undefined,
              )
            }
            actions={widgetActions}
          />
        </div>
        {panel?.kind === 'properties' && editedWidget && (
          <Suspense fallback={<p className="w-96 text-sm text-slate-500">Loading the editor…</p>}>
            <WidgetPropertiesEditor
              key={panel.index}
              widget={editedWidget}
              onChange={(w, key) => replaceWidget(panel.index, w, key)}
              onClose={() => setPanel(undefined)}
            />
          </Suspense>
        )}
      </div>
      {panel?.kind === 'catalog' && (
        <Suspense fallback={null}>
          <WidgetCatalog onAdd={(w) => addWidget(w)} onClose={() => setPanel(undefined)} />
        </Suspense>
      )}
      {panel?.kind === 'source' && (
        <Suspense fallback={null}>
          <SourceEditor
            name={stored.name}
            body={body}
            onApply={(next) => {
              apply(() => next);
              setPanel(undefined);
            }}
            onClose={() => setPanel(undefined)}
          />
        </Suspense>
      )}
      {fullScreen !== undefined && shown.widgets[fullScreen] && (
        <FullScreenWidget
          body={shown}
          index={fullScreen}
          startMs={startMs}
          endMs={endMs}
          nowMs={anchorMs}
          onZoom={zoom}
          onClose={() => setFullScreen(undefined)}
        />
      )}
    </div>
  );
}

/** Props of {@link FullScreenWidget}. */
interface FullScreenWidgetProps {
  body: DashboardBody;
  index: number;
  startMs: number;
  endMs: number;
  nowMs: number;
  onZoom: (startMs: number, endMs: number) => void;
  onClose: () => void;
}

/** One widget over the whole window; Escape or the close button returns to the grid. */
function FullScreenWidget({ body, index, startMs, endMs, nowMs, onZoom, onClose }: FullScreenWidgetProps) {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') onClose();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [onClose]);
  // As many grid rows as the window holds below the close button (a row and its gap are 56 px).
  const [rows] = useState(() => Math.max(6, Math.floor((window.innerHeight - 90) / 56)));
  const single = useMemo<DashboardBody>(
    () => ({ ...body, widgets: [{ ...body.widgets[index], x: 0, y: 0, width: 24, height: rows }] }),
    [body, index, rows],
  );
  return (
    <div
      role="dialog"
      aria-modal="true"
      aria-label="Widget, full screen"
      className="fixed inset-0 z-40 overflow-auto bg-white p-4"
    >
      <div className="mb-2 flex justify-end">
        <button type="button" className={buttonClass} onClick={onClose} autoFocus>
          Close full screen
        </button>
      </div>
      <DashboardView
        body={single}
        startMs={startMs}
        endMs={endMs}
        nowMs={nowMs}
        onZoom={onZoom}
        editing={false}
      />
    </div>
  );
}
