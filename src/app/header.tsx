import { RefreshPicker } from '../components/refresh-picker.tsx';
import { TimeRangePicker } from '../components/time-range-picker.tsx';
import { UnreadBadge } from '../features/notifications/components/unread-badge.tsx';
import { ClockControls } from '../features/settings/components/clock-controls.tsx';
import { useEngineNow } from '../lib/engine-clock.ts';
import { RANGE_CHANGE_MARK, mark } from '../lib/perf-marks.ts';
import { useTimeState } from '../lib/time-state.ts';
import { useAutoRefresh } from '../lib/use-resolved-range.ts';
import { ROUTES, type RouteId, navigate } from './router.ts';

/** Props of {@link Header}. */
export interface HeaderProps {
  /** The page shown, to highlight its link. */
  route: RouteId | undefined;
}

/** The shell's header: navigation, the engine clock, the time range and auto refresh shared by all pages. */
export function Header({ route }: HeaderProps) {
  const { range, refresh, urlError, setRange, setRefresh } = useTimeState();
  const { now } = useEngineNow(5_000);
  const bumpRefresh = useTimeState((s) => s.bumpRefresh);
  useAutoRefresh();
  return (
    <header className="sticky top-0 z-20 border-b border-slate-200 bg-white">
      <div className="flex flex-wrap items-center gap-x-6 gap-y-2 px-4 py-2">
        <a
          href="/"
          className="text-base font-bold tracking-tight text-slate-900"
          onClick={(e) => {
            e.preventDefault();
            navigate('/');
          }}
        >
          Watch<span className="text-blue-600">trail</span>
        </a>
        <nav aria-label="Main" className="flex gap-1">
          {ROUTES.filter((r) => r.nav).map((r) => (
            <a
              key={r.id}
              href={r.path}
              aria-current={
                route === r.id ||
                (r.id === 'alarms' && route === 'composite') ||
                (r.id === 'dashboards' && route === 'dashboard')
                  ? 'page'
                  : undefined
              }
              className={`rounded px-2 py-1 text-sm ${route === r.id || (r.id === 'alarms' && route === 'composite') || (r.id === 'dashboards' && route === 'dashboard') ? 'bg-slate-900 text-white' : 'text-slate-700 hover:bg-slate-100'}`}
              onClick={(e) => {
                e.preventDefault();
                navigate(r.path);
              }}
            >
              {r.label}
              {r.id === 'notifications' && <UnreadBadge />}
            </a>
          ))}
        </nav>
        <div className="ml-auto">
          <ClockControls />
        </div>
      </div>
      {(route === 'dashboard' ||
        route === 'dashboards' ||
        route === 'metrics' ||
        route === 'alarms' ||
        route === 'events') && (
        <div className="flex flex-wrap items-center gap-3 border-t border-slate-100 px-4 py-2">
          <TimeRangePicker
            value={range}
            nowMs={now}
            onChange={(r) => {
              mark(RANGE_CHANGE_MARK);
              setRange(r);
            }}
          />
          <RefreshPicker value={refresh} onChange={setRefresh} />
          <button
            type="button"
            className="rounded border border-slate-300 bg-white px-2 py-1 text-sm hover:bg-slate-100"
            aria-label="Refresh now"
            onClick={bumpRefresh}
          >
            ↻
          </button>
          {urlError && (
            <span role="alert" className="text-xs text-amber-700">
              {urlError}
            </span>
          )}
        </div>
      )}
    </header>
  );
}
