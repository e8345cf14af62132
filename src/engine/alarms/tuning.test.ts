import { describe, expect, it } from 'vitest';
import { MINUTE_MS } from '../time.ts';
import { backtest } from './backtest.ts';
import type { EvaluationConfig } from './evaluate.ts';
import { prepareHistory, runPrepared, summarizeRun, sweepThresholds } from './tuning.ts';

const T0 = Date.parse('2026-11-21T00:00:00Z');

const cpu = (over: Partial<EvaluationConfig> = {}): EvaluationConfig => ({
  periodMs: MINUTE_MS,
  evaluationPeriods: 3,
  datapointsToAlarm: 2,
  comparisonOperator: 'GreaterThanThreshold',
  threshold: 50,
  treatMissingData: 'missing',
  ...over,
});

describe('runPrepared', () => {
  it('gives backtest’s transitions, and classes every slot', () => {
    const values = [10, 60, 70, 80, 20, NaN, 10, 90, 95, 99, 10, 10, 10, 10];
    const series = { timestamps: values.map((_, i) => T0 + i * MINUTE_MS), values };
    const end = T0 + values.length * MINUTE_MS;
    const h = prepareHistory(MINUTE_MS, series, T0, end, 5);
    const run = runPrepared(cpu(), h);
    expect(run.transitions).toEqual(backtest(cpu(), series, T0, end).transitions);
    expect([...run.slotClass]).toEqual([0, 0, 0, 0, 0, 1, 2, 2, 2, 1, 0, 1, 2, 2, 2, 1, 1, 1, 1]);
    const s = summarizeRun(run, [], { startMs: T0, endMs: end, graceMs: 3 * MINUTE_MS });
    expect(s.alarmCount).toBe(2);
    expect(s.verdict.tone).toBe('untested');
    const sweep = sweepThresholds(cpu(), h, [
      { id: 'a', label: 'A', startMs: T0 + 7 * MINUTE_MS, endMs: T0 + 10 * MINUTE_MS },
    ]);
    expect(sweep.suggestion?.detected).toBe(1);
  });
});
