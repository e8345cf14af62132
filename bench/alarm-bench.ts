import { handleApiRequest } from '../src/api/router.ts';
import { Engine } from '../src/engine/index.ts';
import { type Figure, median } from './figure.ts';

const NOW = Date.parse('2026-11-19T16:00:00Z');

/** Alarms on the simulated account's metrics, created over the wire as a user would. */
async function withAlarms(count: number): Promise<Engine> {
  const engine = new Engine({ wallClock: () => NOW });
  const metrics = engine.listMetrics({});
  for (let i = 0; i < count; i++) {
    const m = metrics[i % metrics.length];
    const body = JSON.stringify({
      AlarmName: `alarm-${i}`,
      Namespace: m.namespace,
      MetricName: m.metricName,
      Dimensions: m.dimensions.map((d) => ({ Name: d.name, Value: d.value })),
      Statistic: i % 3 === 0 ? 'Maximum' : 'Average',
      Period: [60, 300, 60, 120][i % 4],
      EvaluationPeriods: 3,
      DatapointsToAlarm: 2 + (i % 2),
      Threshold: 10 + (i % 90),
      ComparisonOperator: i % 2 ? 'GreaterThanThreshold' : 'LessThanThreshold',
      TreatMissingData: ['missing', 'ignore', 'breaching', 'notBreaching'][i % 4],
    });
    const res = await handleApiRequest(
      new Request('https://monitoring.us-east-1.amazonaws.com/', {
        method: 'POST',
        headers: {
          'x-amz-target': 'GraniteServiceVersion20100801.PutMetricAlarm',
          'content-type': 'application/x-amz-json-1.0',
        },
        body,
      }),
      { engine },
    );
    if (res.status !== 200) throw new Error(`PutMetricAlarm failed: ${await res.text()}`);
  }
  return engine;
}

/** Evaluating 1,000 alarms for one clock minute, and advancing 24 hours with 100 alarms. */
export async function alarmFigures(): Promise<Figure[]> {
  const thousand = await withAlarms(1000);
  const minute: number[] = [];
  for (let run = 0; run < 15; run++) {
    const t0 = performance.now();
    thousand.setClock({ advanceMs: 60_000 });
    const ms = performance.now() - t0;
    if (run >= 3) minute.push(ms);
  }
  const hundred = await withAlarms(100);
  const t0 = performance.now();
  hundred.setClock({ advanceMs: 24 * 3_600_000 });
  const day = performance.now() - t0;
  const transitions = hundred.alarms.historyItems().filter((h) => h.type === 'StateUpdate').length;
  const m = median(minute);
  return [
    {
      name: 'Evaluating 1,000 alarms for one clock minute',
      value: m,
      unit: 'ms median',
      target: '≤ 20 ms',
      ok: m <= 20,
    },
    {
      name: `Advancing the clock by 24 hours with 100 alarms (${transitions} state changes)`,
      value: day,
      unit: 'ms',
      target: '≤ 2,000 ms',
      ok: day <= 2000,
    },
  ];
}
