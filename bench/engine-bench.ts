import { handleApiRequest } from '../src/api/router.ts';
import { Engine } from '../src/engine/index.ts';
import { reduceSeries, stackSeries } from '../src/lib/chart-rows.ts';
import { type Figure, median } from './figure.ts';

const NOW = Date.parse('2026-11-19T16:00:00Z');
const MINUTE = 60_000;

/** Ingest through the engine API: PutMetricData-shaped batches of 1,000 datums × 150 values. */
export function ingest(): Figure[] {
  const engine = new Engine({ wallClock: () => NOW, simulation: false });
  const values = Array.from({ length: 150 }, (_, i) => 10 + (i % 37) * 0.5);
  const batch = Array.from({ length: 1000 }, (_, i) => ({
    metricName: 'Latency',
    dimensions: [{ name: 'Host', value: `h-${i % 100}` }],
    timestampMs: NOW - (i % 600) * MINUTE,
    values,
    unit: 'Milliseconds' as const,
  }));
  const rates: number[] = [];
  for (let run = 0; run < 12; run++) {
    const t0 = performance.now();
    const stored = engine.putMetricData({ namespace: 'Bench', metricData: batch });
    const ms = performance.now() - t0;
    if (run >= 2) rates.push(stored / (ms / 1000));
  }
  const rate = median(rates);
  // The harder case: one datum per datapoint (Value), each with its own timestamp.
  const singles = Array.from({ length: 1000 }, (_, i) => ({
    metricName: 'Latency',
    dimensions: [{ name: 'Host', value: `h-${i % 100}` }],
    timestampMs: NOW - (i % 600) * MINUTE,
    value: 10 + (i % 37) * 0.5,
  }));
  const singleRates: number[] = [];
  for (let run = 0; run < 200; run++) {
    const t0 = performance.now();
    const stored = engine.putMetricData({ namespace: 'Bench', metricData: singles });
    const ms = performance.now() - t0;
    if (run >= 20) singleRates.push(stored / (ms / 1000));
  }
  const single = median(singleRates);
  return [
    {
      name: 'Ingest through the engine API (1,000 datums × 150 Values per call)',
      value: rate,
      unit: 'datapoints/s',
      target: '≥ 2,000,000 datapoints/s',
      ok: rate >= 2_000_000,
    },
    {
      name: 'Ingest through the engine API (1,000 single-Value datums per call)',
      value: single,
      unit: 'datapoints/s',
      target: '≥ 2,000,000 datapoints/s',
      ok: single >= 2_000_000,
    },
  ];
}

/** GetMetricData through the handler: 10 series × 7 days at 60 s, against a plain Float64Array loop. */
export async function getMetricData(): Promise<Figure[]> {
  const engine = new Engine({ wallClock: () => NOW, simulation: false });
  const points = 7 * 24 * 60;
  const start = NOW - points * MINUTE;
  const all = new Float64Array(points * 10);
  for (let s = 0; s < 10; s++) {
    const data = [];
    for (let i = 0; i < points; i++) {
      const v = Math.round((50 + 30 * Math.sin(i / 120 + s) + (i % 7)) * 100) / 100;
      all[s * points + i] = v;
      data.push({
        metricName: 'CPU',
        dimensions: [{ name: 'Host', value: `h-${s}` }],
        timestampMs: start + i * MINUTE,
        value: v,
      });
      if (data.length === 1000) engine.putMetricData({ namespace: 'Bench', metricData: data.splice(0) });
    }
    engine.putMetricData({ namespace: 'Bench', metricData: data });
  }
  const body = JSON.stringify({
    MetricDataQueries: Array.from({ length: 10 }, (_, s) => ({
      Id: `m${s}`,
      MetricStat: {
        Metric: { Namespace: 'Bench', MetricName: 'CPU', Dimensions: [{ Name: 'Host', Value: `h-${s}` }] },
        Period: 60,
        Stat: 'Average',
      },
    })),
    StartTime: start / 1000,
    EndTime: NOW / 1000,
  });
  const request = () =>
    new Request('https://monitoring.us-east-1.amazonaws.com/', {
      method: 'POST',
      headers: {
        'content-type': 'application/x-amz-json-1.0',
        'x-amz-target': 'GraniteServiceVersion20100801.GetMetricData',
      },
      body,
    });
  const times: number[] = [];
  let returned = 0;
  for (let run = 0; run < 40; run++) {
    const t0 = performance.now();
    const res = await handleApiRequest(request(), { engine });
    const text = await res.text();
    const ms = performance.now() - t0;
    if (run === 0)
      returned = (JSON.parse(text) as { MetricDataResults: { Values: number[] }[] }).MetricDataResults.reduce(
        (n, r) => n + r.Values.length,
        0,
      );
    if (run >= 5) times.push(ms);
  }
  const floorTimes: number[] = [];
  let sink = 0;
  for (let run = 0; run < 200; run++) {
    const t0 = performance.now();
    let acc = 0;
    for (let i = 0; i < all.length; i++) acc += all[i];
    sink += acc;
    floorTimes.push(performance.now() - t0);
  }
  const med = median(times);
  const floor = Math.max(median(floorTimes), 1e-3);
  return [
    {
      name: `GetMetricData via handler, 10 × 7 d @ 60 s (${returned.toLocaleString('en-US')} datapoints)`,
      value: med,
      unit: 'ms median',
      target: '≤ 25 ms',
      ok: med <= 25 && returned === 100_800,
    },
    {
      name: `  … ratio to a plain Float64Array loop (${floor.toFixed(3)} ms${sink ? '' : ''})`,
      value: med / floor,
      unit: '×',
      target: 'reported',
    },
  ];
}

/** What charts receive: M4 keeps at most 4 points per pixel column per series, even for 15 months of minutes. */
export function chartPoints(): Figure[] {
  const n = 455 * 24 * 60;
  const start = NOW - n * MINUTE;
  const timestamps = new Array<number>(n);
  const values = new Array<number>(n);
  for (let i = 0; i < n; i++) {
    timestamps[i] = start + i * MINUTE;
    values[i] = 50 + 40 * Math.sin(i / 500) + (i % 9973 === 0 ? 400 : 0);
  }
  const columns = 1000;
  const series = [0, 1, 2].map((k) => ({
    id: `s${k}`,
    label: `s${k}`,
    timestamps,
    values: values.map((v) => v + k),
  }));
  const t0 = performance.now();
  const lines = reduceSeries(series, start, NOW, columns);
  const ms = performance.now() - t0;
  const stacked = stackSeries(series, start, NOW, columns);
  const perColumn = (pts: number, count: number) => pts / count / columns;
  const worstLine = Math.max(...lines.series.map((s) => s.timestamps.length)) / columns;
  const worstStack = perColumn(stacked.pointCount, series.length);
  const spikesKept = lines.series[0].values.filter((v) => v > 400).length;
  const expectedSpikes = Math.ceil(n / 9973);
  return [
    {
      name: `Chart points per pixel column per series, 15 months of 1-minute data (${n.toLocaleString('en-US')} points, ${columns} px)`,
      value: Math.max(worstLine, worstStack),
      unit: 'points/column',
      target: '≤ 4',
      ok: worstLine <= 4 && worstStack <= 4,
    },
    {
      name: '  … spikes kept by M4',
      value: spikesKept,
      unit: `of ${expectedSpikes}`,
      target: 'all',
      ok: spikesKept === expectedSpikes,
    },
    { name: '  … M4 reduction time, 3 series', value: ms, unit: 'ms', target: 'reported' },
  ];
}
