import { formatDateTime } from '../../../lib/format.ts';
import type { StateSegment } from '../model/alarm-ranges.ts';
import { ALARM_STATES, STATE_LOOK } from '../model/alarm-state.ts';

/** Props of {@link AlarmStateTimeline}. */
export interface AlarmStateTimelineProps {
  /** The states over the range, oldest first. */
  segments: StateSegment[];
  /** The range the ribbon spans, epoch ms (segments may stop short of its end, at the engine's now). */
  startMs: number;
  endMs: number;
}

/**
 * A ribbon of the alarm's states across the time range (red ALARM, grey INSUFFICIENT_DATA, green
 * OK, blank where unknown), each stretch titled with its state and times.
 */
export function AlarmStateTimeline({ segments, startMs, endMs }: AlarmStateTimelineProps) {
  const span = Math.max(1, endMs - startMs);
  const describe = (s: StateSegment) =>
    `${s.state ?? 'Unknown'} from ${formatDateTime(s.startMs)} to ${formatDateTime(s.endMs)}`;
  return (
    <div className="space-y-1">
      <div
        role="img"
        aria-label={`State timeline: ${segments.map(describe).join('; ') || 'no history in this range'}`}
        data-testid="alarm-state-timeline"
        className="relative h-5 w-full overflow-hidden rounded border border-slate-200 bg-slate-50"
      >
        {segments.map((s) => (
          <div
            key={s.startMs}
            data-state={s.state ?? 'UNKNOWN'}
            title={describe(s)}
            className="absolute inset-y-0"
            style={{
              left: `${((s.startMs - startMs) / span) * 100}%`,
              width: `${((s.endMs - s.startMs) / span) * 100}%`,
              backgroundColor: s.state ? STATE_LOOK[s.state].color : 'transparent',
              opacity: s.state === 'OK' ? 0.55 : 0.8,
            }}
          />
        ))}
      </div>
      <div className="flex justify-between text-xs text-slate-500">
        <span>{formatDateTime(startMs)}</span>
        <span className="flex gap-3">
          {ALARM_STATES.map((state) => (
            <span key={state} className="flex items-center gap-1">
              <span
                aria-hidden="true"
                className="inline-block h-2.5 w-2.5 rounded-sm"
                style={{ backgroundColor: STATE_LOOK[state].color }}
              />
              {state}
            </span>
          ))}
        </span>
        <span>{formatDateTime(endMs)}</span>
      </div>
    </div>
  );
}
