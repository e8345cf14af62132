import { afterEach, describe, expect, it, vi } from 'vitest';
import { type EvaluationConfig, type GroundTruth, backtest } from '../engine/index.ts';
import { createWorkerTuner } from './tuner-client.ts';
import { createLocalTuner } from './tuner-local.ts';
import type { EngineTuner, FromTuner, ToTuner } from './tuner-protocol.ts';

const MINUTE = 60_000;
const T0 = Date.parse('2026-11-01T00:00:00Z');
const DAY = 24 * 60 * MINUTE;

/** A day of 1-minute CPU at 20 %, with a spike to 90 % from 10:00 to 10:30 and a gap at 15:00. */
function cpuDay() {
  const timestamps: number[] = [];
  const values: number[] = [];
  for (let i = 0; i < 24 * 60; i++) {
    if (i >= 15 * 60 && i < 15 * 60 + 20) continue;
    timestamps.push(T0 + i * MINUTE);
    values.push(i >= 10 * 60 && i < 10 * 60 + 30 ? 90 : 20 + (i % 7));
  }
  return { timestamps, values };
}

const config = (over: Partial<EvaluationConfig> = {}): EvaluationConfig => ({
  periodMs: MINUTE,
  evaluationPeriods: 5,
  datapointsToAlarm: 3,
  comparisonOperator: 'GreaterThanThreshold',
  threshold: 80,
  treatMissingData: 'missing',
  ...over,
});

const truth: GroundTruth[] = [
  { id: 'i-1', label: 'CPU saturation', startMs: T0 + 10 * 60 * MINUTE, endMs: T0 + (10 * 60 + 30) * MINUTE },
];
const opts = { graceMs: 5 * MINUTE };

/** An AbortError, as a superseded request rejects with. */
const superseded = expect.objectContaining({ name: 'AbortError' });

/**
 * A Worker stand-in that runs tuner-worker.ts in this process: messages cross with structuredClone
 * (transfers detach, as between threads), asynchronously, in order.
 */
async function inProcessWorker(): Promise<{ create: () => Worker; received: ToTuner[] }> {
  const received: ToTuner[] = [];
  let toPage: ((m: FromTuner) => void) | undefined;
  const scope = {
    onmessage: undefined as ((ev: { data: ToTuner }) => void) | undefined,
    postMessage(m: FromTuner, transfer: Transferable[] = []) {
      const copy = structuredClone(m, { transfer });
      setTimeout(() => toPage?.(copy), 0);
    },
  };
  vi.stubGlobal('self', scope);
  vi.resetModules();
  await import('./tuner-worker.ts');
  const create = () => {
    const worker = {
      onmessage: undefined as ((ev: MessageEvent<FromTuner>) => void) | undefined,
      onerror: undefined,
      postMessage(m: ToTuner, transfer: Transferable[] = []) {
        received.push(m);
        const copy = structuredClone(m, { transfer });
        setTimeout(() => scope.onmessage?.({ data: copy }), 0);
      },
      terminate() {},
    };
    toPage = (m) => worker.onmessage?.({ data: m } as MessageEvent<FromTuner>);
    return worker as unknown as Worker;
  };
  return { create, received };
}

afterEach(() => {
  vi.unstubAllGlobals();
});

const implementations: [string, () => Promise<EngineTuner>][] = [
  ['in-process', async () => createLocalTuner()],
  ['worker', async () => createWorkerTuner((await inProcessWorker()).create)],
];

describe.each(implementations)('the %s tuner', (_, make) => {
  it('loads a history once, then replays and sums it up like the backtest', async () => {
    const tuner = await make();
    const series = cpuDay();
    const info = await tuner.load('cpu', MINUTE, series, T0, T0 + DAY, 7);
    expect(info.firstSlotMs).toBe(T0 - 7 * MINUTE);
    expect(info.slots).toBe(24 * 60 + 7);

    const { run, summary } = await tuner.run('cpu', config(), truth, opts);
    expect(run.transitions).toEqual(backtest(config(), series, T0, T0 + DAY).transitions);
    expect(run.transitions.map((t) => t.to)).toContain('ALARM');
    expect(run.timeline[0].startMs).toBe(T0);
    expect(run.timeline.at(-1)?.endMs).toBe(T0 + DAY);
    expect(run.slotClass).toBeInstanceOf(Uint8Array);
    expect(run.slotClass.length).toBe(info.slots);
    // The spike's 30 periods breach; the gap's 20 (and the 7 lookback slots) are missing.
    const count = (c: number) => run.slotClass.reduce((n, s) => n + (s === c ? 1 : 0), 0);
    expect(count(2)).toBe(30);
    expect(count(0)).toBe(27);
    expect(summary.alarmCount).toBe(1);
    expect(summary.detected).toBe(1);
    expect(summary.falseAlarms).toBe(0);
    expect(summary.verdict.tone).toBe('good');

    // Only the threshold changes: the same history, other outcome.
    const low = await tuner.run('cpu', config({ threshold: 22 }), truth, opts);
    expect(low.summary.alarmCount).toBeGreaterThan(1);
    expect(low.summary.falseAlarms).toBeGreaterThan(0);
  });

  it('lets the latest run of a history win; the older ones reject as superseded', async () => {
    const tuner = await make();
    await tuner.load('cpu', MINUTE, cpuDay(), T0, T0 + DAY, 7);
    await tuner.load('other', MINUTE, cpuDay(), T0, T0 + DAY, 7);
    const first = tuner.run('cpu', config({ threshold: 10 }), truth, opts);
    const second = tuner.run('cpu', config({ threshold: 50 }), truth, opts);
    const elsewhere = tuner.run('other', config({ threshold: 10 }), truth, opts);
    const latest = tuner.run('cpu', config({ threshold: 80 }), truth, opts);
    await expect(first).rejects.toEqual(superseded);
    await expect(second).rejects.toEqual(superseded);
    expect((await latest).summary.alarmCount).toBe(1);
    // Always above 10, but for the gap (insufficient data): two episodes.
    expect((await elsewhere).summary.alarmCount).toBe(2);
  });

  it('supersedes the pending runs of a history that is reloaded or released', async () => {
    const tuner = await make();
    await tuner.load('cpu', MINUTE, cpuDay(), T0, T0 + DAY, 7);
    const beforeReload = tuner.run('cpu', config(), truth, opts);
    const reloaded = tuner.load('cpu', MINUTE, cpuDay(), T0, T0 + DAY / 2, 7);
    await expect(beforeReload).rejects.toEqual(superseded);
    expect((await reloaded).slots).toBe(12 * 60 + 7);

    const beforeRelease = tuner.run('cpu', config(), truth, opts);
    tuner.release('cpu');
    await expect(beforeRelease).rejects.toEqual(superseded);
    await expect(tuner.run('cpu', config(), truth, opts)).rejects.toThrow(/holds no history "cpu"/);
  });

  it('sweeps the threshold and proposes one that catches the incident without false alarms', async () => {
    const tuner = await make();
    await tuner.load('cpu', MINUTE, cpuDay(), T0, T0 + DAY, 7);
    const sweep = await tuner.sweep('cpu', config(), truth, { count: 50, graceMs: 5 * MINUTE });
    expect(sweep.points.length).toBeGreaterThan(0);
    expect(sweep.suggestion?.detected).toBe(1);
    expect(sweep.suggestion?.falseAlarms).toBe(0);
    await expect(
      tuner.sweep('cpu', config({ comparisonOperator: 'LessThanLowerOrGreaterThanUpperThreshold' }), truth),
    ).rejects.toThrow(RangeError);
  });

  it('rejects what the evaluator refuses, with its error', async () => {
    const tuner = await make();
    await tuner.load('cpu', MINUTE, cpuDay(), T0, T0 + DAY, 7);
    await expect(tuner.run('cpu', config({ datapointsToAlarm: 9 }), truth, opts)).rejects.toThrow(RangeError);
    await expect(tuner.run('cpu', config({ periodMs: 5 * MINUTE }), truth, opts)).rejects.toThrow(
      /prepared for 60000 ms periods/,
    );
  });
});

describe('the worker tuner', () => {
  it('starts its worker on the first request, and transfers the series', async () => {
    const { create, received } = await inProcessWorker();
    const start = vi.fn(create);
    const tuner = createWorkerTuner(start);
    expect(start).not.toHaveBeenCalled();
    const series = cpuDay();
    await tuner.load('cpu', MINUTE, series, T0, T0 + DAY, 7);
    expect(start).toHaveBeenCalledTimes(1);
    const load = received[0];
    expect(load.type).toBe('load');
    // Transferred: the page's copies are detached; the caller's arrays are untouched.
    if (load.type === 'load') expect(load.series.values.length).toBe(0);
    expect(series.values.length).toBe(24 * 60 - 20);
    await tuner.run('cpu', config(), truth, opts);
    expect(start).toHaveBeenCalledTimes(1);
  });

  it('skips, in the worker, runs that a newer one superseded before they started', async () => {
    const { create, received } = await inProcessWorker();
    const tuner = createWorkerTuner(create);
    await tuner.load('cpu', MINUTE, cpuDay(), T0, T0 + DAY, 7);
    const runs = [10, 20, 30, 80].map((threshold) =>
      tuner.run('cpu', config({ threshold }), truth, opts).catch((e: unknown) => e),
    );
    const settled = await Promise.all(runs);
    expect(settled.slice(0, 3)).toEqual([superseded, superseded, superseded]);
    expect(settled[3]).toMatchObject({ summary: { alarmCount: 1 } });
    expect(received.filter((m) => m.type === 'run').map((m) => (m.type === 'run' ? m.seq : 0))).toEqual([
      1, 2, 3, 4,
    ]);
  });
});
