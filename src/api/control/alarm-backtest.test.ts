import { describe, expect, it } from 'vitest';
import { Engine, type EvaluationConfig, MINUTE_MS, backtest } from '../../engine/index.ts';
import { serveControl } from './control.ts';

const T0 = Date.parse('2026-11-21T00:00:00Z');
const engine = new Engine({ wallClock: () => T0, simulation: false });

async function post(body: unknown) {
  const res = await serveControl(
    new Request('http://localhost/_watchtrail/alarms/backtest', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    }),
    { engine },
  );
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

const config: EvaluationConfig = {
  periodMs: MINUTE_MS,
  evaluationPeriods: 3,
  datapointsToAlarm: 2,
  comparisonOperator: 'GreaterThanThreshold',
  threshold: 50,
  treatMissingData: 'missing',
};
// Breaching in minutes 10–19 and 40–41; minute 30 missing.
const values = Array.from({ length: 60 }, (_, i) =>
  i >= 10 && i < 20 ? 80 : i === 40 || i === 41 ? 90 : 10,
);
const series = { timestamps: values.map((_, i) => T0 + i * MINUTE_MS), values };
const request = {
  config,
  series: { ...series, values: values.map((v, i) => (i === 30 ? null : v)) },
  startMs: T0 + 5 * MINUTE_MS,
  endMs: T0 + 60 * MINUTE_MS,
  incidents: [{ id: 'a', startMs: T0 + 10 * MINUTE_MS, endMs: T0 + 20 * MINUTE_MS, label: 'Hot' }],
};

describe('POST /_watchtrail/alarms/backtest', () => {
  it('replays the configuration as backtest does, and summarizes it against the incidents', async () => {
    const { status, body } = await post(request);
    expect(status).toBe(200);
    const expected = backtest(
      config,
      { ...series, values: values.map((v, i) => (i === 30 ? NaN : v)) },
      request.startMs,
      request.endMs,
    );
    expect(body.transitions).toEqual(expected.transitions);
    expect(body.timeline).toEqual(expected.timeline);
    expect(body.summary).toMatchObject({
      alarmCount: 2,
      detected: 1,
      missed: 0,
      falseAlarms: 1,
      verdict: {
        tone: 'noisy',
        text: 'Noisy: 2 alarms, 1 outside incidents. Catches 1 of 1 incident; detects in 2 min on average.',
      },
    });
  });

  it('without incidents, from another state', async () => {
    const { body } = await post({ ...request, incidents: undefined, initial: 'ALARM' });
    expect((body.transitions as { from: string }[])[0].from).toBe('ALARM');
    expect((body.summary as { verdict: { tone: string } }).verdict.tone).toBe('untested');
  });

  it.each<[string, unknown, string]>([
    ['not JSON', '{', 'not valid JSON'],
    ['no config', { ...request, config: undefined }, '"config" must be an object'],
    [
      'an unknown operator',
      { ...request, config: { ...config, comparisonOperator: 'Above' } },
      '"config.comparisonOperator" must be one of',
    ],
    [
      'M above N',
      { ...request, config: { ...config, datapointsToAlarm: 4 } },
      'datapointsToAlarm must be an integer in [1, 3]',
    ],
    [
      'a static operator without threshold',
      { ...request, config: { ...config, threshold: undefined } },
      'needs a threshold',
    ],
    [
      'values of another length',
      { ...request, series: { ...series, values: [1] } },
      '"series.values" must have one entry per timestamp',
    ],
    [
      'a string among values',
      { ...request, series: { ...series, values: ['1'] } },
      '"series.values" must be a list of numbers',
    ],
    ['a reversed range', { ...request, startMs: request.endMs }, '"startMs" must be before "endMs"'],
    [
      'an incident without start',
      { ...request, incidents: [{ id: 'a', endMs: 1 }] },
      '"incidents[0].startMs" must be epoch milliseconds',
    ],
    [
      'an unknown initial state',
      { ...request, initial: 'RED' },
      '"initial" must be OK, ALARM, INSUFFICIENT_DATA',
    ],
    ['too long a range', { ...request, startMs: 0 }, 'more than 1,000,000 periods'],
  ])('refuses %s with a 400 that says why', async (_case, body, text) => {
    const { status, body: out } = await post(body);
    expect(status).toBe(400);
    expect(out.error).toContain(text);
  });
});
