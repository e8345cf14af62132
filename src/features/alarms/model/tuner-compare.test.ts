import { describe, expect, it } from 'vitest';
import type { TuningSummary } from '../../../lib/alarm-tuner.ts';
import { EMPTY_DRAFT } from './alarm-draft.ts';
import { compareSummaries, sameTuning, tuningChanges, tuningFields } from './tuner-compare.ts';

const MIN = 60_000;
const summary = (patch: Partial<TuningSummary>): TuningSummary => ({
  episodes: [],
  alarmCount: 0,
  alarmMs: 0,
  longestMs: 0,
  flaps: 0,
  insufficientMs: 0,
  incidents: [],
  detected: 0,
  missed: 0,
  falseAlarms: 0,
  overstays: 0,
  alarmOutsideMs: 0,
  verdict: { tone: 'quiet', text: 'Quiet.' },
  ...patch,
});

describe('comparing A and B', () => {
  const a = summary({
    alarmCount: 14,
    alarmMs: 90 * MIN,
    flaps: 3,
    longestMs: 20 * MIN,
    detected: 2,
    missed: 1,
    meanDetectMs: 6 * MIN,
    falseAlarms: 11,
    overstays: 1,
    alarmOutsideMs: 70 * MIN,
  });
  const b = summary({
    alarmCount: 4,
    alarmMs: 50 * MIN,
    flaps: 0,
    longestMs: 25 * MIN,
    detected: 3,
    missed: 0,
    meanDetectMs: 9 * MIN,
    falseAlarms: 1,
    alarmOutsideMs: 10 * MIN,
  });

  it('gives B − A per figure and which side is better', () => {
    const rows = compareSummaries(a, b, true).map((r) => [r.figure.label, r.a, r.b, r.delta, r.winner]);
    expect(rows).toEqual([
      ['ALARM episodes', 14, 4, -10, 'b'],
      ['Time in ALARM', 90 * MIN, 50 * MIN, -40 * MIN, 'b'],
      ['Flaps', 3, 0, -3, 'b'],
      ['Longest episode', 20 * MIN, 25 * MIN, 5 * MIN, 'a'],
      ['Incidents detected', 2, 3, 1, 'b'],
      ['Incidents missed', 1, 0, -1, 'b'],
      ['Mean time to detect', 6 * MIN, 9 * MIN, 3 * MIN, 'a'],
      ['False alarms', 11, 1, -10, 'b'],
      ['Overstays', 1, 0, -1, 'b'],
      ['Time in ALARM outside incidents', 70 * MIN, 10 * MIN, -60 * MIN, 'b'],
    ]);
  });

  it('leaves the incident figures out without ground truth, and calls equal figures even', () => {
    const rows = compareSummaries(a, a, false);
    expect(rows.map((r) => r.figure.label)).toEqual([
      'ALARM episodes',
      'Time in ALARM',
      'Flaps',
      'Longest episode',
    ]);
    expect(rows.every((r) => r.winner === 'same' && r.delta === 0)).toBe(true);
  });

  it('has no delta where one side has no figure', () => {
    const row = compareSummaries(summary({ meanDetectMs: undefined }), b, true).find(
      (r) => r.figure.key === 'detect',
    );
    expect(row).toMatchObject({ a: undefined, delta: undefined, winner: 'same' });
  });
});

describe('the fields a configuration restores', () => {
  const a = {
    ...EMPTY_DRAFT,
    name: 'x',
    namespace: 'AWS/EC2',
    metricName: 'CPUUtilization',
    threshold: '80',
  };

  it('are everything but the name, the description and the actions', () => {
    const fields = tuningFields(a);
    expect(fields).toMatchObject({ threshold: '80', metricName: 'CPUUtilization', period: 300 });
    expect('name' in fields || 'actions' in fields || 'description' in fields).toBe(false);
    expect(sameTuning(a, { ...a, name: 'y', description: 'other' })).toBe(true);
    expect(sameTuning(a, { ...a, threshold: '90' })).toBe(false);
  });

  it('lists what B changed', () => {
    expect(
      tuningChanges(a, { ...a, threshold: '90', datapointsToAlarm: '2', evaluationPeriods: '3' }),
    ).toEqual([
      { label: 'Threshold', a: '80', b: '90' },
      { label: 'Datapoints to alarm', a: '1', b: '2' },
      { label: 'Evaluation periods', a: '1', b: '3' },
    ]);
  });
});
