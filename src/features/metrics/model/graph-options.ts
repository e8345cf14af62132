// The statistic and period choices of the graph.

/** The statistics the Statistic select offers; anything else is typed as a custom statistic. */
export const PRESET_STATS = [
  'SampleCount',
  'Average',
  'Sum',
  'Minimum',
  'Maximum',
  'p50',
  'p90',
  'p99',
] as const;

/** The statistic a new graph uses. */
export const DEFAULT_STAT = 'Average';

/** The graph's period: chosen from the range and the chart's width, or fixed, in seconds. */
export type PeriodChoice = 'auto' | number;

/** The periods the Period select offers, in seconds. */
export const PERIOD_CHOICES: readonly PeriodChoice[] = [
  'auto',
  1,
  5,
  10,
  30,
  60,
  300,
  900,
  3600,
  21600,
  86400,
];

/** Whether `stat` is one the Statistic select lists. */
export function isPresetStat(stat: string): boolean {
  return (PRESET_STATS as readonly string[]).includes(stat);
}

/** Reads a period choice from its text form (`auto` or seconds); undefined when it is not offered. */
export function parsePeriodChoice(text: string): PeriodChoice | undefined {
  if (text === 'auto') return 'auto';
  if (!/^\d+$/.test(text)) return undefined;
  const seconds = Number(text);
  return PERIOD_CHOICES.includes(seconds) ? seconds : undefined;
}

const PERIOD_UNITS: readonly [number, string][] = [
  [86_400, 'day'],
  [3_600, 'hour'],
  [60, 'minute'],
  [1, 'second'],
];

/** A period for people: `1 second`, `5 minutes`, `6 hours`, `1 day`, `90 seconds`. */
export function periodLabel(seconds: number): string {
  for (const [size, name] of PERIOD_UNITS) {
    if (seconds >= size && seconds % size === 0) {
      const n = seconds / size;
      return `${n} ${name}${n === 1 ? '' : 's'}`;
    }
  }
  return `${seconds} seconds`;
}

/** The label of a period choice in the Period select. */
export function periodChoiceLabel(choice: PeriodChoice): string {
  return choice === 'auto' ? 'Auto' : periodLabel(choice);
}
