// The resources an alarm watches, as "What changed before this?" matches audit events against them.
import type { MetricAlarm } from '@aws-sdk/client-cloudwatch';

/** Dimension lists of a metric alarm: its own metric's, or those of the metrics of its expression. */
type AlarmMetrics = Pick<MetricAlarm, 'Dimensions' | 'Metrics'>;

/**
 * The alarm's resource names: the dimension values of its metric (FunctionName=orders-api gives
 * `orders-api`), or of every metric its math expression reads; blank and repeated values once.
 */
export function alarmResourceNames(alarm: AlarmMetrics): string[] {
  const out = new Set<string>();
  const add = (dims: { Value?: string }[] | undefined) => {
    for (const d of dims ?? []) {
      const v = d.Value?.trim();
      if (v) out.add(v);
    }
  };
  add(alarm.Dimensions);
  for (const q of alarm.Metrics ?? []) add(q.MetricStat?.Metric?.Dimensions);
  return [...out];
}

/** The "what changed" windows offered, with the default. */
export const WHAT_CHANGED_WINDOWS: readonly { ms: number; label: string; words: string }[] = [
  { ms: 15 * 60_000, label: '15 min', words: '15 minutes' },
  { ms: 60 * 60_000, label: '1 h', words: 'hour' },
  { ms: 6 * 60 * 60_000, label: '6 h', words: '6 hours' },
];
export const DEFAULT_WHAT_CHANGED_WINDOW_MS = 60 * 60_000;
