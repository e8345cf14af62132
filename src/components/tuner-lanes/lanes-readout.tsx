import { formatDateTime, formatExact, formatValue } from '../../lib/format';
import { LANE_COLORS } from './draw';

/** What the lanes show at the instant under the pointer. */
export interface LanesReadoutData {
  /** The period under the pointer, epoch ms (its start). */
  timeMs: number;
  value?: number;
  band?: { lower: number; upper: number };
  /** The datapoint's class: 0 missing, 1 not breaching, 2 breaching; undefined before a replay. */
  datapoint?: number;
  /** The state of each state row, labelled. */
  states: { label: string; state?: string }[];
  incident?: string;
}

/** Props of {@link LanesReadout}. */
export interface LanesReadoutProps {
  data: LanesReadoutData;
  /** The pointer's x, px from the plot's left. */
  x: number;
  /** Put the box left of the pointer (right half of the plot). */
  flip: boolean;
  unit?: string;
}

const DATAPOINT = [
  { text: 'Missing', color: LANE_COLORS.missing },
  { text: 'Not breaching', color: LANE_COLORS.notBreaching },
  { text: 'Breaching', color: LANE_COLORS.breaching },
];

const STATE_COLOR: Record<string, string> = {
  OK: LANE_COLORS.ok,
  ALARM: LANE_COLORS.alarm,
  INSUFFICIENT_DATA: LANE_COLORS.insufficient,
};

function Dot({ color }: { color: string }) {
  return (
    <span aria-hidden="true" className="inline-block h-2 w-2 rounded-sm" style={{ backgroundColor: color }} />
  );
}

/** The hover box of the lanes: the period, its value, how the alarm judged it, and the state. */
export function LanesReadout({ data, x, flip, unit }: LanesReadoutProps) {
  const dp = data.datapoint !== undefined ? DATAPOINT[data.datapoint] : undefined;
  return (
    <div
      role="tooltip"
      data-testid="tuner-readout"
      className="pointer-events-none absolute top-2 z-20 min-w-48 rounded border border-slate-200 bg-white/95 px-2 py-1.5 text-xs shadow-md"
      style={flip ? { right: `calc(100% - ${x - 12}px)` } : { left: x + 12 }}
    >
      <div className="mb-1 font-medium text-slate-900">{formatDateTime(data.timeMs)}</div>
      <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-0.5 text-slate-700">
        <dt className="text-slate-500">Value</dt>
        <dd className="font-mono text-slate-900 tabular-nums">
          {data.value !== undefined ? formatExact(data.value, unit) : 'no datapoint'}
        </dd>
        {data.band && (
          <>
            <dt className="text-slate-500">Band</dt>
            <dd className="font-mono tabular-nums">
              {formatValue(data.band.lower, unit)} – {formatValue(data.band.upper, unit)}
            </dd>
          </>
        )}
        {dp && (
          <>
            <dt className="text-slate-500">Datapoint</dt>
            <dd className="flex items-center gap-1.5">
              <Dot color={dp.color} />
              {dp.text}
            </dd>
          </>
        )}
        {data.states.map((s) => (
          <div key={s.label} className="contents">
            <dt className="text-slate-500">{s.label}</dt>
            <dd className="flex items-center gap-1.5">
              {s.state ? (
                <>
                  <Dot color={STATE_COLOR[s.state] ?? LANE_COLORS.empty} />
                  {s.state}
                </>
              ) : (
                '—'
              )}
            </dd>
          </div>
        ))}
        {data.incident && (
          <>
            <dt className="text-amber-700">Incident</dt>
            <dd className="text-amber-800">{data.incident}</dd>
          </>
        )}
      </dl>
    </div>
  );
}
