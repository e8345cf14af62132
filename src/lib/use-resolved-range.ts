import { useEffect, useState } from 'react';
import { type ClockReading, engineNow, useClockReading } from './engine-clock.ts';
import { refreshIntervalMs, resolveRange } from './time-range.ts';
import { useTimeState } from './time-state.ts';

/** Auto refresh never polls faster than this, however fast the engine clock runs. */
const MIN_WALL_REFRESH_MS = 2_000;
const MINUTE_MS = 60_000;

export interface ResolvedRange {
  startMs: number;
  endMs: number;
  /** Engine time the range was resolved at. */
  anchorMs: number;
  /** Re-resolves relative ranges at the engine's current time, in every view (the "Refresh" button). */
  refresh: () => void;
}

const wallNow = (): number => Date.now();

/**
 * Identifies the engine's timeline: it changes when the clock is set, paused, resumed or sped up,
 * but not while it simply runs on.
 */
function timeline(c: ClockReading | undefined): string {
  if (!c) return 'none';
  if (c.paused) return `paused:${c.now}`;
  const origin = c.now - c.readAt * c.speed;
  return `running:${c.speed}:${Math.round(origin / (10_000 * c.speed))}`;
}

/**
 * The current time range as instants. A relative range is resolved against the engine clock when the
 * range, the clock's timeline or the shared refresh count changes.
 */
export function useResolvedRange(): ResolvedRange {
  const range = useTimeState((s) => s.range);
  const refreshCount = useTimeState((s) => s.refreshCount);
  const refresh = useTimeState((s) => s.bumpRefresh);
  const { data: clock } = useClockReading();
  const key = `${JSON.stringify(range)}|${timeline(clock)}|${refreshCount}`;
  const current = (): number => (clock ? engineNow(clock, wallNow()) : wallNow());
  const [anchor, setAnchor] = useState(() => ({ key, ms: current() }));
  // Adjusting state while rendering when its inputs change (React's documented pattern).
  if (anchor.key !== key) setAnchor({ key, ms: current() });
  // A relative range ends with the current minute, so what was published this minute is in view
  // (datapoints are stamped with their minute's start and EndTime is exclusive).
  const end =
    range.kind === 'relative' ? Math.floor(anchor.ms / MINUTE_MS) * MINUTE_MS + MINUTE_MS : anchor.ms;
  const resolved = resolveRange(range, end);
  return { startMs: resolved.start, endMs: resolved.end, anchorMs: anchor.ms, refresh };
}

/**
 * Auto refresh, mounted once by the shell. Intervals count engine time: "every minute" at 600× means
 * every 100 ms of wall time, floored at 2 s; so a faster clock shows new datapoints sooner.
 */
export function useAutoRefresh(): void {
  const setting = useTimeState((s) => s.refresh);
  const relative = useTimeState((s) => s.range.kind === 'relative');
  const bump = useTimeState((s) => s.bumpRefresh);
  const { data: clock } = useClockReading();
  const everyEngineMs = refreshIntervalMs(setting);
  const paused = clock?.paused ?? false;
  const speed = clock?.speed ?? 1;
  useEffect(() => {
    if (everyEngineMs === undefined || paused || !relative) return;
    const id = setInterval(bump, Math.max(MIN_WALL_REFRESH_MS, everyEngineMs / speed));
    return () => clearInterval(id);
  }, [everyEngineMs, paused, speed, relative, bump]);
}
