import { describe, expect, it } from 'vitest';
import { type AlarmDraft, EMPTY_DRAFT } from './alarm-draft.ts';
import { type AlarmErrors, validateAlarmDraft } from './alarm-validation.ts';

const valid: AlarmDraft = {
  ...EMPTY_DRAFT,
  name: 'cpu-high',
  namespace: 'AWS/EC2',
  metricName: 'CPUUtilization',
  dimensions: [{ name: 'InstanceId', value: 'i-1' }],
  threshold: '80',
  period: 300,
  datapointsToAlarm: '2',
  evaluationPeriods: '3',
};

const topic = 'arn:aws:sns:us-east-1:123456789012:ops';

describe('validateAlarmDraft', () => {
  it('accepts a complete static alarm', () => {
    expect(validateAlarmDraft(valid)).toEqual({});
  });

  it.each<[string, Partial<AlarmDraft>, AlarmErrors]>([
    ['an empty name', { name: '' }, { name: 'Enter a name for the alarm.' }],
    [
      'a 256-character name',
      { name: 'a'.repeat(256) },
      { name: 'The name has 256 characters; the limit is 255.' },
    ],
    ['a 255-character name', { name: 'a'.repeat(255) }, {}],
    ['a tab in the name', { name: 'cpu\thigh' }, { name: 'The name must not contain control characters.' }],
    ['DEL in the name', { name: 'cpu\u007f' }, { name: 'The name must not contain control characters.' }],
    ['spaces and unicode in the name', { name: 'CPU high — web/α' }, {}],
    [
      'a long description',
      { description: 'd'.repeat(1025) },
      { description: 'The description has 1025 characters; the limit is 1024.' },
    ],
    [
      'no metric',
      { namespace: '', metricName: '' },
      { namespace: 'Choose a namespace.', metricName: 'Choose a metric.' },
    ],
    ['an empty threshold', { threshold: ' ' }, { threshold: 'Enter a threshold.' }],
    ['a threshold that is not a number', { threshold: '80%' }, { threshold: '"80%" is not a number.' }],
    ['a negative exponent threshold', { threshold: '-1.5e-3' }, {}],
    ['Infinity', { threshold: 'Infinity' }, { threshold: '"Infinity" is not a number.' }],
    [
      'M greater than N',
      { datapointsToAlarm: '4', evaluationPeriods: '3' },
      { datapointsToAlarm: 'Datapoints to alarm (4) cannot exceed evaluation periods (3).' },
    ],
    [
      'N = 0',
      { datapointsToAlarm: '1', evaluationPeriods: '0' },
      { evaluationPeriods: 'Evaluation periods must be a whole number of at least 1.' },
    ],
    [
      'M = 1.5',
      { datapointsToAlarm: '1.5' },
      { datapointsToAlarm: 'Datapoints to alarm must be a whole number of at least 1.' },
    ],
    [
      'Period × N = 1 day at 5 minutes',
      { period: 300, evaluationPeriods: '288', datapointsToAlarm: '1' },
      {},
    ],
    [
      'Period × N over a day under an hour',
      { period: 300, evaluationPeriods: '289', datapointsToAlarm: '1' },
      {
        evaluationPeriods:
          'Period × evaluation periods is 86,700 s; with a period under an hour it must be at most 86,400 s (1 day).',
      },
    ],
    ['Period × N = 7 days at 1 hour', { period: 3600, evaluationPeriods: '168', datapointsToAlarm: '1' }, {}],
    [
      'Period × N over 7 days',
      { period: 21600, evaluationPeriods: '29', datapointsToAlarm: '1' },
      {
        evaluationPeriods: 'Period × evaluation periods is 626,400 s; it must be at most 604,800 s (7 days).',
      },
    ],
    [
      'a period of 45 s',
      { period: 45 },
      { period: 'The period must be 10, 20 or 30 seconds, or a multiple of 60.' },
    ],
    ['an extended statistic', { stat: 'p99.9' }, {}],
    ['a trimmed mean', { stat: 'TM(10%:90%)' }, {}],
    ['IQM', { stat: 'IQM' }, {}],
    [
      'a misspelt statistic',
      { stat: 'avg' },
      {
        stat: '"avg" is not a statistic: use Average, Sum, Minimum, Maximum, SampleCount, pNN, tmNN, TM(a%:b%), IQM, …',
      },
    ],
    [
      'p101',
      { stat: 'p101' },
      { stat: expect.stringContaining('"p101" is not a statistic') as unknown as string },
    ],
    [
      'five actions',
      { actions: { ...EMPTY_DRAFT.actions, ALARM: Array.from({ length: 5 }, (_, i) => `${topic}${i}`) } },
      {},
    ],
    [
      'six actions',
      { actions: { ...EMPTY_DRAFT.actions, OK: Array.from({ length: 6 }, (_, i) => `${topic}${i}`) } },
      { OK: 'At most 5 actions per state; OK has 6.' },
    ],
    [
      'an action that is not an ARN',
      { actions: { ...EMPTY_DRAFT.actions, INSUFFICIENT_DATA: ['ops-topic'] } },
      { INSUFFICIENT_DATA: '"ops-topic" is not an ARN (arn:aws:sns:region:account:topic).' },
    ],
    ['an expression', { metricMode: 'expression', expression: 'm1 * 100' }, {}],
    [
      'an empty expression',
      { metricMode: 'expression', expression: '  ' },
      { expression: 'Enter a math expression, for example m1 * 100.' },
    ],
    [
      'an anomaly band without a threshold',
      { thresholdType: 'anomaly', comparison: 'LessThanLowerOrGreaterThanUpperThreshold', threshold: '' },
      {},
    ],
    [
      'a band width of 0',
      { thresholdType: 'anomaly', comparison: 'GreaterThanUpperThreshold', bandWidth: '0' },
      { bandWidth: 'The band width must be a number greater than 0.' },
    ],
    [
      'a static operator on a band',
      { thresholdType: 'anomaly', comparison: 'GreaterThanThreshold' },
      { comparison: 'Choose how the value compares with the band.' },
    ],
    [
      'a band operator on a static threshold',
      { comparison: 'GreaterThanUpperThreshold' },
      { comparison: 'Choose how the value compares with the threshold.' },
    ],
    [
      'a band at 10 seconds',
      { thresholdType: 'anomaly', comparison: 'GreaterThanUpperThreshold', period: 10 },
      { period: 'Anomaly detection alarms need a period of at least 1 minute.' },
    ],
  ])('%s', (_name, patch, expected) => {
    expect(validateAlarmDraft({ ...valid, ...patch })).toEqual(expected);
  });
});
