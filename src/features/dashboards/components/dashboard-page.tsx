import { useCallback } from 'react';
import { AuditMarkerFilterControl } from '../../../components/audit-marker-filter.tsx';
import { RANGE_CHANGE_MARK, mark } from '../../../lib/perf-marks.ts';
import { useResolvedRange } from '../../../lib/use-resolved-range.ts';
import { useTimeState } from '../../../lib/time-state.ts';
import { SERVICE_HEALTH } from '../model/service-health.ts';
import { DashboardView } from './dashboard-view.tsx';

/** The landing page: the simulated account's "Service health" dashboard, live. */
export function DashboardPage() {
  const { startMs, endMs, anchorMs } = useResolvedRange();
  const setRange = useTimeState((s) => s.setRange);
  const zoom = useCallback(
    (start: number, end: number) => {
      mark(RANGE_CHANGE_MARK);
      setRange({ kind: 'absolute', start: Math.round(start), end: Math.round(end) });
    },
    [setRange],
  );
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h1 className="text-lg font-semibold text-slate-900">Service health</h1>
        <AuditMarkerFilterControl startMs={startMs} endMs={endMs} />
      </div>
      <DashboardView body={SERVICE_HEALTH} startMs={startMs} endMs={endMs} nowMs={anchorMs} onZoom={zoom} />
    </div>
  );
}
