import { useEngineNow } from '../../../lib/engine-clock.ts';
import { useSetClock } from '../api/control.ts';

const SPEEDS = [1, 60, 600, 3600];

function formatClock(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}

/** The engine clock in the header: its time, pause/play, speed, and a jump back to now. */
export function ClockControls() {
  const { now, wallMs, reading } = useEngineNow(500);
  const setClock = useSetClock();
  if (!reading) return <span className="text-xs text-slate-400">Connecting…</span>;
  if (!reading.controllable)
    return (
      <span className="text-xs text-slate-500" title="A real AWS account keeps real time">
        {formatClock(now)}
      </span>
    );
  const behind = wallMs - now;
  const btn = 'rounded px-2 py-1 text-xs font-medium border';
  return (
    <div className="flex items-center gap-1" role="group" aria-label="Engine clock">
      <output
        aria-label="Engine time"
        className="mr-1 font-mono text-xs tabular-nums text-slate-700"
        data-paused={reading.paused}
      >
        {formatClock(now)}
      </output>
      <button
        type="button"
        className={`${btn} border-slate-300 bg-white hover:bg-slate-100`}
        aria-label={reading.paused ? 'Play' : 'Pause'}
        title={reading.paused ? 'Play' : 'Pause'}
        onClick={() => setClock.mutate({ paused: !reading.paused })}
      >
        {reading.paused ? '▶' : '❚❚'}
      </button>
      {SPEEDS.map((s) => (
        <button
          key={s}
          type="button"
          aria-pressed={reading.speed === s}
          aria-label={`Speed ${s}×`}
          className={`${btn} ${reading.speed === s ? 'border-blue-600 bg-blue-600 text-white' : 'border-slate-300 bg-white hover:bg-slate-100'}`}
          onClick={() => setClock.mutate({ speed: s })}
        >
          {s}×
        </button>
      ))}
      <button
        type="button"
        className={`${btn} border-slate-300 bg-white hover:bg-slate-100`}
        title={
          Math.abs(behind) > 60_000
            ? `The engine is ${Math.round(Math.abs(behind) / 60_000)} min ${behind > 0 ? 'behind' : 'ahead of'} real time`
            : 'The engine is at real time'
        }
        onClick={() => setClock.mutate({ now: Date.now() })}
      >
        Now
      </button>
      {setClock.error && (
        <span role="alert" className="text-xs text-red-700">
          {setClock.error.message}
        </span>
      )}
    </div>
  );
}
