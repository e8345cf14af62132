import { useEffect, useId, useState } from 'react';
import {
  PERIOD_CHOICES,
  PRESET_STATS,
  type PeriodChoice,
  isPresetStat,
  parsePeriodChoice,
  periodChoiceLabel,
  periodLabel,
} from '../model/graph-options.ts';

/** A custom statistic is applied this long after the last keystroke (or at once on Enter). */
const CUSTOM_STAT_DELAY_MS = 400;

const CUSTOM = 'custom';

/** Props of {@link GraphControls}. */
export interface GraphControlsProps {
  /** The statistic graphed, as typed. */
  stat: string;
  period: PeriodChoice;
  /** The period in seconds the graph actually uses (what Auto resolved to). */
  periodSeconds: number;
  onStatChange: (stat: string) => void;
  onPeriodChange: (period: PeriodChoice) => void;
}

const fieldClass =
  'rounded border border-slate-300 bg-white px-2 py-1 text-sm text-slate-900 focus:border-blue-500 focus:outline-none focus:ring-2 focus:ring-blue-500/30';

/** The Statistic select (with a custom statistic input) and the Period select above the graph. */
export function GraphControls({
  stat,
  period,
  periodSeconds,
  onStatChange,
  onPeriodChange,
}: GraphControlsProps) {
  const statId = useId();
  const periodId = useId();
  const customId = useId();
  const [customMode, setCustomMode] = useState(() => !isPresetStat(stat));
  const [draft, setDraft] = useState(stat);
  // A statistic set from outside (a link, back/forward) replaces what the input shows.
  const [shownStat, setShownStat] = useState(stat);
  if (stat !== shownStat) {
    setShownStat(stat);
    setDraft(stat);
    if (!isPresetStat(stat)) setCustomMode(true);
  }

  useEffect(() => {
    if (!customMode || draft === stat) return;
    const id = setTimeout(() => onStatChange(draft), CUSTOM_STAT_DELAY_MS);
    return () => clearTimeout(id);
  }, [customMode, draft, stat, onStatChange]);

  return (
    <div className="flex flex-wrap items-end gap-3">
      <div className="flex flex-col gap-1">
        <label htmlFor={statId} className="text-xs font-medium text-slate-600">
          Statistic
        </label>
        <select
          id={statId}
          className={fieldClass}
          value={customMode ? CUSTOM : stat}
          onChange={(e) => {
            if (e.target.value === CUSTOM) {
              setCustomMode(true);
              setDraft(stat);
            } else {
              setCustomMode(false);
              onStatChange(e.target.value);
            }
          }}
        >
          {PRESET_STATS.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
          <option value={CUSTOM}>Custom…</option>
        </select>
      </div>
      {customMode && (
        <div className="flex flex-col gap-1">
          <label htmlFor={customId} className="text-xs font-medium text-slate-600">
            Custom stat
          </label>
          <input
            id={customId}
            type="text"
            className={`${fieldClass} w-44 font-mono`}
            placeholder="p99.9, TM(10%:90%), IQM"
            title="Any CloudWatch statistic: pNN.NN, TM(a%:b%), WM, TC, TS, PR, IQM…"
            value={draft}
            spellCheck={false}
            autoComplete="off"
            onChange={(e) => setDraft(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && draft !== stat) onStatChange(draft);
            }}
            onBlur={() => {
              if (draft !== stat) onStatChange(draft);
            }}
          />
        </div>
      )}
      <div className="flex flex-col gap-1">
        <label htmlFor={periodId} className="text-xs font-medium text-slate-600">
          Period
        </label>
        <select
          id={periodId}
          className={fieldClass}
          value={String(period)}
          onChange={(e) => onPeriodChange(parsePeriodChoice(e.target.value) ?? 'auto')}
        >
          {PERIOD_CHOICES.map((p) => (
            <option key={p} value={String(p)}>
              {periodChoiceLabel(p)}
            </option>
          ))}
        </select>
      </div>
      {period === 'auto' && (
        <span className="pb-1.5 text-xs text-slate-500" data-testid="auto-period">
          Auto period: {periodLabel(periodSeconds)}
        </span>
      )}
    </div>
  );
}
