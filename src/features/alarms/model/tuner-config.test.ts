import { describe, expect, it } from 'vitest';
import { type AlarmDraft, EMPTY_DRAFT } from './alarm-draft.ts';
import { validateAlarmDraft } from './alarm-validation.ts';
import {
  SAMPLES_ID,
  dataSpecKey,
  draftMetrics,
  draftResourceNames,
  graceMs,
  groundTruth,
  percentileOf,
  tunerConfigFromDraft,
  tunerDataSpec,
} from './tuner-config.ts';

const cpu: AlarmDraft = {
  ...EMPTY_DRAFT,
  name: 'cpu-high',
  namespace: 'AWS/EC2',
  metricName: 'CPUUtilization',
  dimensions: [{ name: 'InstanceId', value: 'i-1' }],
  stat: 'Average',
  period: 300,
  threshold: '80',
  datapointsToAlarm: '2',
  evaluationPeriods: '3',
  treatMissingData: 'breaching',
};
const config = (d: AlarmDraft) => tunerConfigFromDraft(d, validateAlarmDraft(d));
const spec = (d: AlarmDraft) => tunerDataSpec(d, validateAlarmDraft(d));

describe('tuner configuration from the draft', () => {
  it('reads a static alarm as the evaluator takes it', () => {
    expect(config(cpu)).toEqual({
      periodMs: 300_000,
      evaluationPeriods: 3,
      datapointsToAlarm: 2,
      comparisonOperator: 'GreaterThanThreshold',
      threshold: 80,
      treatMissingData: 'breaching',
      namespace: 'AWS/EC2',
      statisticLabel: 'Average',
    });
  });

  it.each([
    ['threshold', { threshold: 'eighty' }],
    ['threshold', { threshold: '' }],
    ['M > N', { datapointsToAlarm: '4' }],
    ['N', { evaluationPeriods: '0' }],
    ['period', { period: 45 }],
  ] as const)('is undefined while %s is wrong', (_, patch) => {
    expect(config({ ...cpu, ...patch })).toBeUndefined();
  });

  it('ignores the name and actions: an unnamed alarm can be tuned', () => {
    expect(config({ ...cpu, name: '' })).toBeDefined();
  });

  it('has no threshold for an anomaly band, and a percentile with the low-sample rule', () => {
    const band = config({
      ...cpu,
      stat: 'p99',
      thresholdType: 'anomaly',
      comparison: 'LessThanLowerOrGreaterThanUpperThreshold',
      threshold: '',
      evaluateLowSampleCountPercentile: 'ignore',
    });
    expect(band).toMatchObject({ percentile: 0.99, evaluateLowSampleCountPercentile: 'ignore' });
    expect(band && 'threshold' in band).toBe(false);
  });

  it('leaves the statistic label out for an expression', () => {
    const c = config({ ...cpu, metricMode: 'expression', expression: 'm1 * 2' });
    expect(c?.statisticLabel).toBeUndefined();
  });

  it.each([
    ['p99', 0.99],
    ['p99.9', 0.999],
    ['p100', 1],
    ['Average', undefined],
    ['tm99', undefined],
  ])('percentile of %s is %s', (stat, p) => {
    if (p === undefined) expect(percentileOf(stat)).toBeUndefined();
    else expect(percentileOf(stat)).toBeCloseTo(p, 12);
  });

  it('gives N × period as the grace after an incident', () => {
    expect(graceMs({ evaluationPeriods: 3, periodMs: 300_000 })).toBe(900_000);
  });
});

describe('tuner data', () => {
  it('fetches the metric at the alarm period, and not again for threshold, M, N or missing data', () => {
    const s = spec(cpu);
    expect(s).toMatchObject({ periodS: 300, evaluatedId: 'm1' });
    expect(s?.queries[0].MetricStat?.Period).toBe(300);
    const same = [
      { threshold: '90' },
      { datapointsToAlarm: '1' },
      { evaluationPeriods: '5' },
      { treatMissingData: 'ignore' },
      { comparison: 'LessThanThreshold' as const },
    ];
    for (const patch of same)
      expect(dataSpecKey(spec({ ...cpu, ...patch }) ?? never())).toBe(dataSpecKey(s ?? never()));
    const other = [
      { stat: 'Maximum' },
      { period: 60 },
      { dimensions: [{ name: 'InstanceId', value: 'i-2' }] },
    ];
    for (const patch of other)
      expect(dataSpecKey(spec({ ...cpu, ...patch }) ?? never())).not.toBe(dataSpecKey(s ?? never()));
  });

  it('adds the band for an anomaly alarm, refetched when its width changes', () => {
    const band = {
      ...cpu,
      thresholdType: 'anomaly' as const,
      comparison: 'GreaterThanUpperThreshold' as const,
    };
    const s = spec(band);
    expect(s?.bandId).toBe('ad1');
    expect(s?.queries.find((q) => q.Id === 'ad1')?.Expression).toBe('ANOMALY_DETECTION_BAND(m1, 2)');
    expect(dataSpecKey(spec({ ...band, bandWidth: '3' }) ?? never())).not.toBe(dataSpecKey(s ?? never()));
  });

  it('asks for the sample count when a percentile alarm ignores low samples', () => {
    const s = spec({ ...cpu, stat: 'p90', evaluateLowSampleCountPercentile: 'ignore' });
    expect(s?.samplesId).toBe(SAMPLES_ID);
    expect(s?.queries.find((q) => q.Id === SAMPLES_ID)?.MetricStat?.Stat).toBe('SampleCount');
    expect(spec({ ...cpu, stat: 'p90' })?.samplesId).toBeUndefined();
  });

  it('is undefined while the metric is incomplete', () => {
    expect(spec({ ...cpu, metricName: '' })).toBeUndefined();
    expect(spec({ ...cpu, stat: 'Avg' })).toBeUndefined();
  });

  it('names the metrics and resources the alarm reads', () => {
    const d: AlarmDraft = {
      ...cpu,
      metricMode: 'expression',
      expression: 'm1 + m2',
      extraQueries: [
        {
          Id: 'm2',
          MetricStat: {
            Metric: {
              Namespace: 'AWS/EC2',
              MetricName: 'CPUUtilization',
              Dimensions: [{ Name: 'InstanceId', Value: 'i-2' }],
            },
            Period: 300,
            Stat: 'Average',
          },
        },
      ],
    };
    expect(draftMetrics(d).map((m) => m.dimensions[0].value)).toEqual(['i-1', 'i-2']);
    expect(draftResourceNames(d)).toEqual(['i-1', 'i-2']);
  });

  it('labels incidents by their summary', () => {
    expect(
      groundTruth([
        {
          id: 'inc-1',
          kind: 'deploy-regression',
          startMs: 1,
          endMs: 2,
          target: 'i-1',
          severity: 0.5,
          summary: 'Bad deploy',
        },
      ]),
    ).toEqual([{ id: 'inc-1', startMs: 1, endMs: 2, label: 'Bad deploy' }]);
  });
});

function never(): never {
  throw new Error('expected a value');
}
