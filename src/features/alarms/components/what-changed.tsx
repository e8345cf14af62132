import { useMemo, useState } from 'react';
import type { MouseEvent as ReactMouseEvent } from 'react';
import {
  type AuditMarker,
  RANKING_HELP,
  type RankedChange,
  eventHref,
  formatBefore,
  rankChanges,
  useAuditChanges,
} from '../../../lib/audit-events/audit-events.ts';
import { formatDateTime } from '../../../lib/format.ts';
import { openLink } from '../../../lib/navigation.ts';
import { DEFAULT_WHAT_CHANGED_WINDOW_MS, WHAT_CHANGED_WINDOWS } from '../model/what-changed-resources.ts';

/** Props of {@link WhatChanged}. */
export interface WhatChangedProps {
  /** The instant to explain (an ALARM transition), epoch ms. */
  atMs: number;
  /** The alarm's resources: its metrics' dimension values (see alarmResourceNames). */
  resourceNames: readonly string[];
  /** How far back to look at first, ms (15 min, 1 h or 6 h; 1 h by default); the picker changes it. */
  windowMs?: number;
}

/** Entries listed before "Show all". */
const FIRST_ENTRIES = 8;

/**
 * "What changed before this?": the audit events in the window before `atMs`, ranked — those that
 * touched the alarm's resources first, then writes, then the closest — with how long before each one
 * came, who did what on which resource from where, and a link to the event. Every call on the alarm's
 * resources is listed, reads too; reads elsewhere only on request.
 */
export function WhatChanged({ atMs, resourceNames, windowMs: initialWindowMs }: WhatChangedProps) {
  const [windowMs, setWindowMs] = useState(initialWindowMs ?? DEFAULT_WHAT_CHANGED_WINDOW_MS);
  const [includeReads, setIncludeReads] = useState(false);
  const [all, setAll] = useState(false);
  // Callers may pass a fresh array each render: the names' text is what matters.
  const namesKey = resourceNames.join('\u0000');
  const names = useMemo(() => (namesKey === '' ? [] : namesKey.split('\u0000')), [namesKey]);
  const changes = useAuditChanges(atMs - windowMs, atMs, names, includeReads);
  const ranked = useMemo(
    () => rankChanges(changes.markers, atMs, windowMs, names),
    [changes.markers, atMs, windowMs, names],
  );
  const shown = all ? ranked : ranked.slice(0, FIRST_ENTRIES);
  const windowWords =
    WHAT_CHANGED_WINDOWS.find((w) => w.ms === windowMs)?.words ?? `${windowMs / 60_000} minutes`;

  return (
    <div className="space-y-2 text-sm" data-testid="what-changed">
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
        <div
          role="radiogroup"
          aria-label="Look back"
          className="flex overflow-hidden rounded border border-slate-300"
        >
          {WHAT_CHANGED_WINDOWS.map((w) => (
            <button
              key={w.ms}
              type="button"
              role="radio"
              aria-checked={w.ms === windowMs}
              className={`px-2 py-0.5 text-xs ${
                w.ms === windowMs ? 'bg-slate-800 text-white' : 'bg-white text-slate-700 hover:bg-slate-50'
              }`}
              onClick={() => setWindowMs(w.ms)}
            >
              {w.label}
            </button>
          ))}
        </div>
        <label className="flex items-center gap-1.5 text-xs text-slate-700">
          <input type="checkbox" checked={includeReads} onChange={(e) => setIncludeReads(e.target.checked)} />
          Reads elsewhere too
        </label>
        <details className="text-xs text-slate-600">
          <summary className="cursor-pointer text-blue-700">How is this ranked?</summary>
          <p className="mt-1 max-w-prose">{RANKING_HELP}</p>
        </details>
      </div>
      {changes.error ? (
        <p role="status" className="rounded bg-amber-50 px-2 py-1 text-xs text-amber-800">
          The audit events could not be read: {changes.error.message}
        </p>
      ) : changes.isPending ? (
        <p className="text-xs text-slate-500">Reading the audit trail…</p>
      ) : ranked.length === 0 ? (
        <p className="text-xs text-slate-500" data-testid="what-changed-empty">
          {includeReads
            ? `No events in the ${windowWords} before this.`
            : `No writes, and no calls on this alarm’s resources, in the ${windowWords} before this. Tick Reads elsewhere too to see every call.`}
        </p>
      ) : (
        <>
          <ol
            className="divide-y divide-slate-100 rounded border border-slate-200"
            data-testid="what-changed-list"
          >
            {shown.map((r, i) => (
              <ChangeEntry key={r.marker.eventId} change={r} top={i === 0} />
            ))}
          </ol>
          {ranked.length > shown.length && (
            <button
              type="button"
              className="text-xs text-blue-700 hover:underline"
              onClick={() => setAll(true)}
            >
              Show all {ranked.length} changes
            </button>
          )}
          {changes.truncated && (
            <p className="text-xs text-slate-500">
              This window has more events than were read: every event on the alarm’s resources is here, but
              only the newest of the others. A shorter window sees them all.
            </p>
          )}
        </>
      )}
    </div>
  );
}

/** Opens an in-app link in this tab; a modified or middle click keeps the browser's way. */
function followLink(e: ReactMouseEvent<HTMLAnchorElement>, href: string) {
  if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
  e.preventDefault();
  openLink(href);
}

const shortService = (source: string) => source.replace(/\.amazonaws\.com$/, '');

function kindOf(m: AuditMarker): string | undefined {
  if (m.errorCode) return `failed: ${m.errorCode}`;
  return m.readOnly ? 'read' : undefined;
}

/** Props of {@link ChangeEntry}. */
interface ChangeEntryProps {
  change: RankedChange;
  /** The first entry (test id `what-changed-top`). */
  top: boolean;
}

function ChangeEntry({ change, top }: ChangeEntryProps) {
  const { marker: m, related, touchesResource, beforeMs } = change;
  const href = eventHref(m);
  const kind = kindOf(m);
  const relatedNames = [...new Set(related.map((r) => r.eventName))];
  return (
    <li
      className="flex items-start gap-3 px-3 py-2"
      data-testid={top ? 'what-changed-top' : 'what-changed-item'}
      data-event-id={m.eventId}
      data-event-name={m.eventName}
      data-touches={touchesResource}
    >
      <span
        className="w-24 shrink-0 pt-0.5 text-xs whitespace-nowrap text-slate-500 tabular-nums"
        title={formatDateTime(m.timeMs)}
      >
        {formatBefore(beforeMs)}
      </span>
      <div className="min-w-0 flex-1 space-y-1">
        <p className="break-words text-slate-900">{m.summary}</p>
        <div className="flex flex-wrap items-center gap-1.5 text-xs">
          {touchesResource && (
            <span className="rounded bg-violet-100 px-1.5 py-0.5 font-medium text-violet-800">
              touches this alarm’s resource
            </span>
          )}
          {kind && <span className="rounded bg-slate-100 px-1.5 py-0.5 text-slate-700">{kind}</span>}
          <span className="text-slate-500">{shortService(m.eventSource)}</span>
        </div>
        {relatedNames.length > 0 && (
          <p className="text-xs text-slate-500">
            With {related.length} more call{related.length === 1 ? '' : 's'} in the same change:{' '}
            {relatedNames.join(', ')}
          </p>
        )}
      </div>
      <a
        href={href}
        className="shrink-0 pt-0.5 text-xs text-blue-700 hover:underline"
        aria-label={`Open the event ${m.eventName} by ${m.userName || 'an unknown identity'}`}
        onClick={(e) => followLink(e, href)}
      >
        Open event
      </a>
    </li>
  );
}
