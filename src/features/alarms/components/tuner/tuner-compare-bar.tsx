import type { AlarmDraft } from '../../model/alarm-draft.ts';
import { tuningChanges } from '../../model/tuner-compare.ts';
import { buttonClass } from '../../../../components/button-styles.ts';

/** Props of {@link TunerCompareBar}. */
export interface TunerCompareBarProps {
  /** The form's draft: B while comparing. */
  draft: AlarmDraft;
  /** The pinned configuration, A. */
  pinned: AlarmDraft | undefined;
  /** Whether the current configuration has a replay to pin. */
  canPin: boolean;
  onPin: () => void;
  onUnpin: () => void;
  /** Restores A's fields into the form. */
  onApplyA: () => void;
  /** Keeps the form's (B's) fields. */
  onApplyB: () => void;
}

/**
 * Compare: "Pin as A" freezes the current configuration; the form then edits B, and both replays
 * show side by side until one is applied (the form's fields; saving stays the form's Save).
 */
export function TunerCompareBar({
  draft,
  pinned,
  canPin,
  onPin,
  onUnpin,
  onApplyA,
  onApplyB,
}: TunerCompareBarProps) {
  if (!pinned) {
    return (
      <div className="flex flex-wrap items-center gap-2">
        <button type="button" className={buttonClass} disabled={!canPin} onClick={onPin}>
          Pin as A
        </button>
        <span className="text-xs text-slate-500">
          Freezes this configuration as A; change the form into B to compare both replays.
        </span>
      </div>
    );
  }
  const changes = tuningChanges(pinned, draft);
  return (
    <div
      className="space-y-1.5 rounded border border-dashed border-slate-400 p-2"
      data-testid="tuner-compare"
    >
      <p className="text-sm text-slate-800">
        Comparing <strong>A</strong> (pinned: the A row of the states, its threshold dashed) with{' '}
        <strong>B</strong> (the form).
      </p>
      {changes.length === 0 ? (
        <p className="text-xs text-slate-500">
          B is still A: change the threshold, M, N or anything else above.
        </p>
      ) : (
        <ul className="text-xs text-slate-700" aria-label="What B changes">
          {changes.map((c) => (
            <li key={c.label}>
              {c.label}: <span className="tabular-nums">{c.a || '—'}</span> →{' '}
              <span className="font-medium tabular-nums">{c.b || '—'}</span>
            </li>
          ))}
        </ul>
      )}
      <div className="flex flex-wrap gap-2">
        <button type="button" className={buttonClass} onClick={onApplyA}>
          Apply A
        </button>
        <button type="button" className={buttonClass} onClick={onApplyB}>
          Apply B
        </button>
        <button type="button" className={buttonClass} onClick={onUnpin}>
          Unpin
        </button>
      </div>
    </div>
  );
}
