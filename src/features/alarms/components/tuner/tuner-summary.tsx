import type { TuningSummary, Verdict } from '../../../../lib/alarm-tuner.ts';
import { formatDateTime } from '../../../../lib/format.ts';
import { SUMMARY_FIGURES, compareSummaries } from '../../model/tuner-compare.ts';
import { formatCount, formatDelta, formatSpan } from '../../model/tuner-format.ts';
import { OUTDATED_CLASS, OutdatedNote, type ReplayFreshness } from './last-valid-replay.tsx';

/** Props of {@link TunerSummary}. */
export interface TunerSummaryProps {
  /** What the form's configuration would have done (B when comparing). */
  summary: TuningSummary | undefined;
  /** The pinned configuration's, when comparing. */
  pinned?: TuningSummary;
  /** Whether labeled incidents were available to judge against. */
  withTruth: boolean;
  /** The evaluation window, N × period, in words: the grace after an incident. */
  graceLabel: string;
  /**
   * Whether the figures are the form's: `replaying` when a newer replay is on its way (busy),
   * `outdated` when the form has an error and the figures are its last valid configuration's.
   */
  freshness: ReplayFreshness;
}

const TONE_CLASS: Record<Verdict['tone'], string> = {
  good: 'border-emerald-300 bg-emerald-50 text-emerald-900',
  noisy: 'border-amber-300 bg-amber-50 text-amber-900',
  blind: 'border-red-300 bg-red-50 text-red-900',
  'noisy-and-blind': 'border-red-300 bg-red-50 text-red-900',
  quiet: 'border-slate-200 bg-slate-50 text-slate-700',
  untested: 'border-slate-200 bg-slate-50 text-slate-700',
};

/** The testids end-to-end tests read the current figures by. */
const FIGURE_TESTID: Record<string, string> = { alarms: 'tuner-alarm-count', false: 'tuner-false-alarms' };

const show = (v: number | undefined, kind: 'count' | 'duration') =>
  v === undefined ? '—' : kind === 'duration' ? formatSpan(v) : formatCount(v);

/**
 * The replay in figures: ALARM episodes, time in ALARM, flaps, the longest episode, and against the
 * labeled incidents, detections, misses, time to detect and false alarms; a verdict in words. With a
 * pinned configuration, A and B side by side with the change.
 */
export function TunerSummary({ summary, pinned, withTruth, graceLabel, freshness }: TunerSummaryProps) {
  const rows =
    summary && pinned
      ? compareSummaries(pinned, summary, withTruth)
      : SUMMARY_FIGURES.filter((f) => withTruth || !f.needsTruth).map((figure) => ({
          figure,
          a: undefined,
          b: summary ? figure.value(summary) : undefined,
          delta: undefined,
          winner: 'same' as const,
        }));
  const comparing = pinned !== undefined;
  const outdated = freshness === 'outdated';
  const figuresClass = outdated ? OUTDATED_CLASS : freshness === 'replaying' ? 'opacity-70' : '';
  return (
    <div data-testid="tuner-summary" aria-busy={freshness === 'replaying'} className="space-y-2">
      {pinned && (
        <p
          data-testid="tuner-verdict-a"
          data-tone={pinned.verdict.tone}
          className={`rounded border border-dashed px-2 py-1.5 text-sm ${TONE_CLASS[pinned.verdict.tone]}`}
        >
          <span className="font-semibold">A: </span>
          {pinned.verdict.text}
        </p>
      )}
      {/* The verdict is announced as it changes (typing a threshold, for one), and so is its going out of date. */}
      <div aria-live="polite" className="space-y-1">
        {outdated && <OutdatedNote />}
        {summary ? (
          <p
            data-testid="tuner-verdict"
            data-tone={summary.verdict.tone}
            className={`rounded border px-2 py-1.5 text-sm ${TONE_CLASS[summary.verdict.tone]} ${outdated ? OUTDATED_CLASS : ''}`}
          >
            {comparing && <span className="font-semibold">B: </span>}
            {summary.verdict.text}
          </p>
        ) : (
          <p className="text-sm text-slate-500">Replaying…</p>
        )}
      </div>
      <table className={`w-full text-sm ${figuresClass}`} aria-label="Replay summary">
        <thead className="text-left text-xs text-slate-500">
          <tr>
            <th scope="col" className="py-1 font-medium">
              Over the history
            </th>
            {comparing && (
              <th scope="col" className="py-1 text-right font-medium">
                A (pinned)
              </th>
            )}
            <th scope="col" className="py-1 text-right font-medium">
              {comparing ? 'B (the form)' : 'Value'}
            </th>
            {comparing && (
              <th scope="col" className="py-1 text-right font-medium">
                B − A
              </th>
            )}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((r) => (
            <tr key={r.figure.key} data-figure={r.figure.key}>
              <th scope="row" className="py-1 pr-2 text-left font-normal text-slate-700">
                {r.figure.label}
              </th>
              {comparing && (
                <td
                  className={`py-1 text-right tabular-nums ${r.winner === 'a' ? 'font-semibold text-emerald-700' : 'text-slate-700'}`}
                >
                  {show(r.a, r.figure.kind)}
                </td>
              )}
              <td
                data-testid={FIGURE_TESTID[r.figure.key]}
                className={`py-1 text-right tabular-nums ${r.winner === 'b' ? 'font-semibold text-emerald-700' : 'text-slate-900'}`}
              >
                {show(r.b, r.figure.kind)}
              </td>
              {comparing && (
                <td className="py-1 text-right text-slate-600 tabular-nums">
                  {formatDelta(r.delta, r.figure.kind)}
                  {r.winner !== 'same' && (
                    <span className="sr-only"> ({r.winner.toUpperCase()} is better)</span>
                  )}
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
      {withTruth && summary && summary.incidents.length > 0 && (
        <div className={outdated ? OUTDATED_CLASS : undefined}>
          <IncidentOutcomes summary={summary} />
        </div>
      )}
      <details className="text-xs text-slate-600">
        <summary className="cursor-pointer text-slate-700">How these are counted</summary>
        <dl className="mt-1 space-y-1">
          <dt className="font-medium">ALARM episode</dt>
          <dd>A stretch of time the replayed alarm spends in ALARM, from entering it to leaving it.</dd>
          <dt className="font-medium">Flap</dt>
          <dd>
            An episode that starts less than 30 minutes after the previous one ended: the alarm recovered and
            fired again.
          </dd>
          <dt className="font-medium">Detected incident</dt>
          <dd>
            A labeled incident that an episode overlaps, or that an episode starts within the evaluation
            window ({graceLabel}, N × period) after it ends. Time to detect runs from the incident&apos;s
            start to that episode&apos;s start (0 when the alarm was already in ALARM).
          </dd>
          <dt className="font-medium">False alarm</dt>
          <dd>An episode that overlaps no labeled incident, nor the evaluation window after one.</dd>
          <dt className="font-medium">Overstay</dt>
          <dd>
            An episode that catches an incident but stays in ALARM outside the incidents&apos; windows (each
            incident plus the evaluation window) for longer than those windows last: an alarm stuck on catches
            everything, and this says so.
          </dd>
          <dt className="font-medium">Time in ALARM outside incidents</dt>
          <dd>
            All the time in ALARM that falls outside every incident&apos;s window: what the alarm costs in
            noise.
          </dd>
          <dt className="font-medium">Labeled incidents</dt>
          <dd>
            The simulation&apos;s own incidents whose effect shows in this metric: the ground truth the alarm
            is judged by.
          </dd>
        </dl>
        <p className="mt-1">
          CloudWatch defines none of these figures: they are Watchtrail&apos;s. The replay itself is the alarm
          evaluator the live alarms use, every minute of the history.
        </p>
      </details>
    </div>
  );
}

/** Each labeled incident and whether (and how fast) the current configuration caught it. */
function IncidentOutcomes({ summary }: { summary: TuningSummary }) {
  const { incidents, detected } = summary;
  return (
    <details open={incidents.length <= 5} className="text-xs">
      <summary className="cursor-pointer text-slate-700">
        Labeled incidents: {detected} of {incidents.length} detected
      </summary>
      <IncidentList summary={summary} />
    </details>
  );
}

function IncidentList({ summary }: { summary: TuningSummary }) {
  return (
    <ul aria-label="Labeled incidents" className="mt-1 space-y-0.5 text-xs">
      {summary.incidents.map((i) => (
        <li
          key={i.id}
          className="flex items-baseline gap-1.5"
          data-testid="tuner-incident"
          data-detected={i.detected}
        >
          <span aria-hidden="true" className={i.detected ? 'text-emerald-600' : 'text-red-600'}>
            {i.detected ? '✓' : '✗'}
          </span>
          <span className="text-slate-800">{i.label}</span>
          <span className="text-slate-500">
            {formatDateTime(i.startMs)} ·{' '}
            {i.detected ? `detected after ${formatSpan(i.detectMs ?? 0)}` : 'missed'}
          </span>
        </li>
      ))}
    </ul>
  );
}
