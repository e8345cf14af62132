// Comparing two configurations of one alarm over the same history: the figures side by side, what
// changed from A to B and which is better, and the form fields each one restores.
import type { TuningSummary } from '../../../lib/alarm-tuner.ts';
import type { AlarmDraft } from './alarm-draft.ts';

/** How a figure reads: a count or a duration. */
export type FigureKind = 'count' | 'duration';

/** One figure of a summary, and which way is better. */
export interface SummaryFigure {
  key: string;
  label: string;
  kind: FigureKind;
  /** 'lower' when fewer is better (alarms, misses), 'higher' when more is (detections). */
  better: 'lower' | 'higher';
  /** Only meaningful against ground truth. */
  needsTruth: boolean;
  value: (s: TuningSummary) => number | undefined;
}

export const SUMMARY_FIGURES: readonly SummaryFigure[] = [
  {
    key: 'alarms',
    label: 'ALARM episodes',
    kind: 'count',
    better: 'lower',
    needsTruth: false,
    value: (s) => s.alarmCount,
  },
  {
    key: 'alarmTime',
    label: 'Time in ALARM',
    kind: 'duration',
    better: 'lower',
    needsTruth: false,
    value: (s) => s.alarmMs,
  },
  { key: 'flaps', label: 'Flaps', kind: 'count', better: 'lower', needsTruth: false, value: (s) => s.flaps },
  {
    key: 'longest',
    label: 'Longest episode',
    kind: 'duration',
    better: 'lower',
    needsTruth: false,
    value: (s) => s.longestMs,
  },
  {
    key: 'detected',
    label: 'Incidents detected',
    kind: 'count',
    better: 'higher',
    needsTruth: true,
    value: (s) => s.detected,
  },
  {
    key: 'missed',
    label: 'Incidents missed',
    kind: 'count',
    better: 'lower',
    needsTruth: true,
    value: (s) => s.missed,
  },
  {
    key: 'detect',
    label: 'Mean time to detect',
    kind: 'duration',
    better: 'lower',
    needsTruth: true,
    value: (s) => s.meanDetectMs,
  },
  {
    key: 'false',
    label: 'False alarms',
    kind: 'count',
    better: 'lower',
    needsTruth: true,
    value: (s) => s.falseAlarms,
  },
  {
    key: 'overstays',
    label: 'Overstays',
    kind: 'count',
    better: 'lower',
    needsTruth: true,
    value: (s) => s.overstays,
  },
  {
    key: 'outside',
    label: 'Time in ALARM outside incidents',
    kind: 'duration',
    better: 'lower',
    needsTruth: true,
    value: (s) => s.alarmOutsideMs,
  },
];

/** One row of the comparison. */
export interface CompareRow {
  figure: SummaryFigure;
  a: number | undefined;
  b: number | undefined;
  /** B − A; undefined when either is missing. */
  delta: number | undefined;
  /** Which side is better on this figure; 'same' when equal or not comparable. */
  winner: 'a' | 'b' | 'same';
}

/** The figures of A and B side by side (those about incidents only with ground truth). */
export function compareSummaries(a: TuningSummary, b: TuningSummary, withTruth: boolean): CompareRow[] {
  return SUMMARY_FIGURES.filter((f) => withTruth || !f.needsTruth).map((figure) => {
    const va = figure.value(a);
    const vb = figure.value(b);
    const delta = va !== undefined && vb !== undefined ? vb - va : undefined;
    let winner: CompareRow['winner'] = 'same';
    if (delta !== undefined && delta !== 0) {
      const bLower = delta < 0;
      winner = (figure.better === 'lower') === bLower ? 'b' : 'a';
    }
    return { figure, a: va, b: vb, delta, winner };
  });
}

/** The draft fields that make a configuration (all but the name, description and actions). */
export type TuningFields = Omit<AlarmDraft, 'name' | 'description' | 'actions' | 'actionsEnabled'>;

/** What "Apply" restores: the metric, statistic, period and conditions of `d`. */
export function tuningFields(d: AlarmDraft): TuningFields {
  const { name: _name, description: _description, actions: _actions, actionsEnabled: _enabled, ...rest } = d;
  return rest;
}

/** Whether two drafts configure the same alarm behavior. */
export function sameTuning(a: AlarmDraft, b: AlarmDraft): boolean {
  return JSON.stringify(tuningFields(a)) === JSON.stringify(tuningFields(b));
}

/** The fields where B differs from A, by label, for the compare header ("Threshold 80 → 90"). */
export function tuningChanges(a: AlarmDraft, b: AlarmDraft): { label: string; a: string; b: string }[] {
  const fields: [string, (d: AlarmDraft) => string][] = [
    [
      'Metric',
      (d) =>
        d.metricMode === 'expression'
          ? d.expression
          : [d.namespace, d.metricName, ...d.dimensions.map((x) => `${x.name}=${x.value}`)].join(' '),
    ],
    ['Statistic', (d) => d.stat],
    ['Period', (d) => `${d.period} s`],
    ['Condition', (d) => d.thresholdType],
    ['Comparison', (d) => d.comparison],
    ['Threshold', (d) => (d.thresholdType === 'static' ? d.threshold : '')],
    ['Band width', (d) => (d.thresholdType === 'anomaly' ? d.bandWidth : '')],
    ['Datapoints to alarm', (d) => d.datapointsToAlarm],
    ['Evaluation periods', (d) => d.evaluationPeriods],
    ['Missing data', (d) => d.treatMissingData],
  ];
  return fields.map(([label, read]) => ({ label, a: read(a), b: read(b) })).filter((c) => c.a !== c.b);
}
