import { useMemo, useState } from 'react';
import type { TunerTransition } from '../../../../lib/alarm-tuner.ts';
import { formatDateTime } from '../../../../lib/format.ts';
import { formatCount, shortReason } from '../../model/tuner-format.ts';
import { buttonClass } from '../../../../components/button-styles.ts';
import { WhatChanged } from '../what-changed.tsx';

/** Props of {@link TunerTransitions}. */
export interface TunerTransitionsProps {
  /** The replay's transitions; the list shows those into ALARM. */
  transitions: readonly TunerTransition[];
  /** The dimension values of the alarm's metrics: audit events touching them rank first. */
  resourceNames: readonly string[];
  /** Shows a transition on the lanes. */
  onShow?: (t: TunerTransition) => void;
  /** The transition shown on the lanes. */
  shownMs?: number;
}

/** A long list opens with this many; the rest on request. */
const FIRST = 25;

/**
 * Every transition into ALARM of the replay, newest first, with its reason in short; each opens the
 * audit events before it ("What changed before this?"), ranked by closeness and by whether they
 * touched the alarm's resources.
 */
export function TunerTransitions({ transitions, resourceNames, onShow, shownMs }: TunerTransitionsProps) {
  // Newest first, as alarm history reads; reasons shortened once per replay, not per render.
  const alarms = useMemo(
    () =>
      transitions
        .filter((t) => t.to === 'ALARM')
        .reverse()
        .map((t) => ({ ...t, short: shortReason(t.reason) })),
    [transitions],
  );
  const [open, setOpen] = useState<ReadonlySet<number>>(() => new Set());
  const [all, setAll] = useState(false);
  const listed = all ? alarms : alarms.slice(0, FIRST);
  const toggle = (atMs: number) =>
    setOpen((s) => {
      const next = new Set(s);
      if (next.has(atMs)) next.delete(atMs);
      else next.add(atMs);
      return next;
    });
  return (
    <section aria-labelledby="tuner-transitions-title" className="space-y-2">
      <h3 id="tuner-transitions-title" className="text-sm font-semibold text-slate-900">
        Transitions to ALARM{' '}
        <span className="font-normal text-slate-500">({formatCount(alarms.length)})</span>
      </h3>
      {alarms.length === 0 ? (
        <p className="text-sm text-slate-500">The alarm would not have fired in this history.</p>
      ) : (
        <ol
          className="divide-y divide-slate-100 rounded border border-slate-200"
          data-testid="tuner-transitions"
        >
          {listed.map((t) => {
            const expanded = open.has(t.atMs);
            return (
              <li
                key={t.atMs}
                data-testid="tuner-transition"
                data-at={t.atMs}
                className={`px-2 py-1.5 text-sm ${shownMs === t.atMs ? 'bg-blue-50' : ''}`}
              >
                <div className="flex flex-wrap items-baseline gap-x-2 gap-y-1">
                  <time
                    dateTime={new Date(t.atMs).toISOString()}
                    className="font-medium text-slate-900 tabular-nums"
                  >
                    {formatDateTime(t.atMs)}
                  </time>
                  <span className="text-xs text-slate-500">from {t.from}</span>
                  <span className="min-w-0 flex-1 text-slate-700">{t.short}</span>
                  {onShow && (
                    <button
                      type="button"
                      className="text-xs text-blue-700 hover:underline"
                      aria-label={`Show the transition at ${formatDateTime(t.atMs)} on the lanes`}
                      onClick={() => onShow(t)}
                    >
                      Show
                    </button>
                  )}
                  <button
                    type="button"
                    className="text-xs text-blue-700 hover:underline"
                    aria-expanded={expanded}
                    aria-label={`What changed before ${formatDateTime(t.atMs)}?`}
                    onClick={() => toggle(t.atMs)}
                  >
                    What changed before this?
                  </button>
                </div>
                {expanded && (
                  <div className="mt-1.5 pl-2">
                    <WhatChanged atMs={t.atMs} resourceNames={resourceNames} />
                  </div>
                )}
              </li>
            );
          })}
        </ol>
      )}
      {!all && alarms.length > FIRST && (
        <button type="button" className={buttonClass} onClick={() => setAll(true)}>
          Show all {formatCount(alarms.length)}
        </button>
      )}
    </section>
  );
}
