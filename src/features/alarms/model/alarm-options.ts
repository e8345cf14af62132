// The choices of the alarm form: statistics, periods and missing-data treatments.

/** Statistics the Statistic select lists; anything else is typed as a custom (extended) statistic. */
export const PRESET_STATS = [
  'Average',
  'Sum',
  'Minimum',
  'Maximum',
  'SampleCount',
  'p50',
  'p90',
  'p95',
  'p99',
] as const;

/** The five statistics PutMetricAlarm takes as `Statistic`; any other goes in `ExtendedStatistic`. */
export const SIMPLE_STATS = ['SampleCount', 'Average', 'Sum', 'Minimum', 'Maximum'] as const;
export type SimpleStat = (typeof SIMPLE_STATS)[number];

export function isSimpleStat(stat: string): stat is SimpleStat {
  return (SIMPLE_STATS as readonly string[]).includes(stat);
}

export function isPresetStat(stat: string): boolean {
  return (PRESET_STATS as readonly string[]).includes(stat);
}

const NUMBER = String.raw`\d+(?:\.\d+)?`;
const EXTENDED_STAT_PATTERNS: readonly RegExp[] = [
  // p90, p99.9, tm90, tc90, ts90, wm90 (0 to 100).
  new RegExp(String.raw`^(?:p|tm|tc|ts|wm)(?:100(?:\.0+)?|\d{1,2}(?:\.\d+)?)$`),
  /^IQM$/,
  // TM(10%:90%), TM(:95%), TC(150:1000), and the like.
  new RegExp(String.raw`^(?:TM|TC|TS|WM)\(\s*(?:${NUMBER}%?)?\s*:\s*(?:${NUMBER}%?)?\s*\)$`),
  new RegExp(String.raw`^PR\(\s*(?:${NUMBER})?\s*:\s*(?:${NUMBER})?\s*\)$`),
];

/**
 * Whether CloudWatch could take `stat`: one of the five statistics or an extended statistic
 * (`p90 tm90 tc90 ts90 wm90 IQM PR(n:m) TC(X%:X%) TM(X%:X%) TS(X%:X%) WM(X%:X%)`, AWS PutMetricAlarm).
 * The server has the last word; this catches typing slips before a round trip.
 */
export function isKnownStatistic(stat: string): boolean {
  return isSimpleStat(stat) || EXTENDED_STAT_PATTERNS.some((re) => re.test(stat));
}

/** The periods the Period select offers, in seconds. */
export const PERIOD_CHOICES: readonly number[] = [10, 30, 60, 300, 900, 3600, 21600, 86400];

/** Whether CloudWatch accepts `seconds` as an alarm period: 10, 20, 30, or a multiple of 60. */
export function isValidAlarmPeriod(seconds: number): boolean {
  return (
    Number.isInteger(seconds) &&
    (seconds === 10 || seconds === 20 || seconds === 30 || (seconds > 0 && seconds % 60 === 0))
  );
}

/** How an alarm treats missing datapoints (TreatMissingData). */
export type MissingDataTreatment = 'missing' | 'ignore' | 'breaching' | 'notBreaching';

/** The four treatments with a label and a one-line explanation each (AWS user guide). */
export const MISSING_DATA_CHOICES: readonly {
  value: MissingDataTreatment;
  label: string;
  explanation: string;
}[] = [
  {
    value: 'missing',
    label: 'Treat missing data as missing',
    explanation:
      'If every datapoint in the evaluation range is missing, the alarm goes to INSUFFICIENT_DATA.',
  },
  {
    value: 'ignore',
    label: 'Ignore (keep the current state)',
    explanation: 'Missing datapoints do not change the alarm: it keeps its current state.',
  },
  {
    value: 'breaching',
    label: 'Treat missing data as bad (breaching)',
    explanation: 'Missing datapoints count as breaching the threshold.',
  },
  {
    value: 'notBreaching',
    label: 'Treat missing data as good (not breaching)',
    explanation: 'Missing datapoints count as within the threshold.',
  },
];
