import { useEffect, useId, useRef, useState } from 'react';
import {
  type AuditMarkerFilter,
  type ValueCount,
  useAuditMarkerFilter,
  useAuditMarkers,
} from '../lib/audit-events/audit-events.ts';

/** Props of {@link AuditMarkerFilterControl}. */
export interface AuditMarkerFilterControlProps {
  /** The range the page's graphs show, epoch ms (the choices are the services and people seen in it). */
  startMs: number;
  endMs: number;
}

/** Values listed per field; the rest are reachable by narrowing the range. */
const SHOWN_VALUES = 12;

const fmt = (n: number) => n.toLocaleString('en-US');

/**
 * The audit markers' switch and filter, once per page near its graphs: on/off, writes only or all
 * events, and services and identities chosen from those seen in the range. Says when markers are cut
 * to the newest, and why there are none when the events cannot be read.
 */
export function AuditMarkerFilterControl({ startMs, endMs }: AuditMarkerFilterControlProps) {
  const [filter, update] = useAuditMarkerFilter();
  const result = useAuditMarkers(startMs, endMs, filter);
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const panelId = useId();

  useEffect(() => {
    if (!open) return;
    const close = (e: Event) => {
      if (e instanceof KeyboardEvent && e.key !== 'Escape') return;
      if (e instanceof MouseEvent && root.current?.contains(e.target as Node)) return;
      setOpen(false);
    };
    document.addEventListener('keydown', close);
    document.addEventListener('mousedown', close);
    return () => {
      document.removeEventListener('keydown', close);
      document.removeEventListener('mousedown', close);
    };
  }, [open]);

  const filtered = filter.services.length + filter.identities.length;
  const count = result.markers.length;
  let label: string;
  if (!filter.enabled) label = 'Audit events: off';
  else if (result.error) label = 'Audit events unavailable';
  else if (result.isPending) label = 'Audit events…';
  else label = `Audit events: ${fmt(count)}${result.truncated ? '+' : ''}`;

  return (
    <div ref={root} className="relative" data-testid="audit-marker-filter" data-count={count}>
      <button
        type="button"
        aria-expanded={open}
        aria-controls={open ? panelId : undefined}
        title={result.error ? result.error.message : 'Audit events marked on the graphs'}
        className={`flex items-center gap-1.5 rounded border px-2 py-1 text-xs font-medium shadow-sm ${
          result.error && filter.enabled
            ? 'border-amber-300 bg-amber-50 text-amber-800'
            : 'border-slate-300 bg-white text-slate-700 hover:bg-slate-50'
        }`}
        onClick={() => setOpen((o) => !o)}
      >
        <svg width="10" height="8" viewBox="0 0 10 8" aria-hidden="true">
          <path d="M0 0 H10 L5 8 Z" fill={filter.enabled ? '#7c3aed' : '#cbd5e1'} />
        </svg>
        {label}
        {filter.enabled && filtered > 0 && (
          <span className="rounded bg-violet-100 px-1 text-violet-800">{filtered} filtered</span>
        )}
        <span aria-hidden="true" className="text-slate-400">
          ▾
        </span>
      </button>
      {open && (
        <div
          id={panelId}
          role="group"
          aria-label="Audit markers"
          className="absolute right-0 z-30 mt-1 w-80 space-y-3 rounded-md border border-slate-200 bg-white p-3 text-sm shadow-lg"
        >
          <label className="flex items-center gap-2 font-medium text-slate-800">
            <input
              type="checkbox"
              checked={filter.enabled}
              onChange={(e) => update({ enabled: e.target.checked })}
            />
            Show audit events on graphs
          </label>
          <p className="text-xs text-slate-500">
            A triangle at the top of a graph marks a call recorded in the audit trail: hover for who did what,
            click to open it in Event history.
          </p>
          <fieldset disabled={!filter.enabled} className="space-y-1 disabled:opacity-50">
            <legend className="text-xs font-medium text-slate-600">Events</legend>
            <label className="flex items-center gap-2 text-slate-700">
              <input
                type="radio"
                name={`${panelId}-kind`}
                checked={filter.writesOnly}
                onChange={() => update({ writesOnly: true })}
              />
              Writes only (calls that can change something)
            </label>
            <label className="flex items-center gap-2 text-slate-700">
              <input
                type="radio"
                name={`${panelId}-kind`}
                checked={!filter.writesOnly}
                onChange={() => update({ writesOnly: false })}
              />
              All events, reads too
            </label>
            <label className="flex items-center gap-2 text-slate-700">
              <input
                type="checkbox"
                checked={filter.hideCheckIns}
                onChange={(e) => update({ hideCheckIns: e.target.checked })}
              />
              Hide agents’ check-ins (SSM UpdateInstanceInformation, every few minutes per instance)
            </label>
          </fieldset>
          <ValueChoice
            legend="Service"
            disabled={!filter.enabled}
            options={result.options.services}
            chosen={filter.services}
            onChange={(services) => update({ services })}
            field="services"
          />
          <ValueChoice
            legend="Identity"
            disabled={!filter.enabled}
            options={result.options.identities}
            chosen={filter.identities}
            onChange={(identities) => update({ identities })}
            field="identities"
          />
          {filtered > 0 && (
            <button
              type="button"
              className="text-xs text-blue-700 hover:underline"
              onClick={() => update({ services: [], identities: [] })}
            >
              Clear the service and identity filters
            </button>
          )}
          {filter.enabled && <Status filter={filter} result={result} />}
        </div>
      )}
    </div>
  );
}

function Status({
  filter,
  result,
}: {
  filter: AuditMarkerFilter;
  result: ReturnType<typeof useAuditMarkers>;
}) {
  if (result.error)
    return (
      <p role="status" className="rounded bg-amber-50 px-2 py-1 text-xs text-amber-800">
        The audit events could not be read, so the graphs show no markers: {result.error.message}
      </p>
    );
  const what = filter.writesOnly ? 'writes' : 'events';
  const lines: string[] = [];
  if (result.truncated)
    lines.push(
      result.total !== undefined
        ? `The newest ${fmt(result.markers.length)} of ${fmt(result.total)} ${what} are marked: narrow the range, or choose a service or identity, to see older ones.`
        : `The newest ${fmt(result.markers.length)} ${what} are marked; there are more: narrow the range to see older ones.`,
    );
  else if (!result.isPending) lines.push(`${fmt(result.markers.length)} ${what} in this range.`);
  if (result.source === 'cloudtrail')
    lines.push(
      'Read from CloudTrail LookupEvents (the last 90 days, at most 250 events per range); services and identities are filtered here.',
    );
  return (
    <p role="status" className="text-xs text-slate-500">
      {lines.join(' ')}
    </p>
  );
}

/** Props of {@link ValueChoice}. */
interface ValueChoiceProps {
  legend: string;
  disabled: boolean;
  /** Values seen in the range with their counts. */
  options: ValueCount[];
  /** Values chosen; chosen values missing from `options` are listed too, so they can be unticked. */
  chosen: string[];
  onChange: (values: string[]) => void;
  field: string;
}

function ValueChoice({ legend, disabled, options, chosen, onChange, field }: ValueChoiceProps) {
  const shown = options.slice(0, SHOWN_VALUES);
  const missing = chosen.filter((v) => !shown.some((o) => o.value === v));
  const rows: ValueCount[] = [...missing.map((value) => ({ value, count: 0 })), ...shown];
  const toggle = (value: string, on: boolean) =>
    onChange(on ? [...chosen, value] : chosen.filter((v) => v !== value));
  return (
    <fieldset disabled={disabled} className="space-y-1 disabled:opacity-50" data-field={field}>
      <legend className="text-xs font-medium text-slate-600">
        {legend} {chosen.length === 0 ? <span className="font-normal text-slate-400">(all)</span> : null}
      </legend>
      {rows.length === 0 && <p className="text-xs text-slate-400">None in this range.</p>}
      <ul className="max-h-36 space-y-0.5 overflow-y-auto">
        {rows.map((o) => (
          <li key={o.value}>
            <label className="flex items-center gap-2 text-xs text-slate-700">
              <input
                type="checkbox"
                checked={chosen.includes(o.value)}
                onChange={(e) => toggle(o.value, e.target.checked)}
              />
              <span className="min-w-0 flex-1 truncate" title={o.value}>
                {o.value}
              </span>
              {o.count > 0 && <span className="text-slate-400 tabular-nums">{fmt(o.count)}</span>}
            </label>
          </li>
        ))}
      </ul>
      {options.length > SHOWN_VALUES && (
        <p className="text-xs text-slate-400">
          {options.length - SHOWN_VALUES} more in this range, fewer events each.
        </p>
      )}
    </fieldset>
  );
}
