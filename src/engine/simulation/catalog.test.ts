import { describe, expect, it } from 'vitest';
import { HOUR_MS, MINUTE_MS } from '../time.ts';
import { type SeriesModel, SIMULATED_SERIES, incidentAffects, modelContext } from './catalog.ts';
import { BATCH_INSTANCE, type Incident, type IncidentKind, WEB_INSTANCES } from './workload.ts';

// A Thursday: 02:05 (the nightly report runs, the batch instance is busy), 09:30 and 15:00 (peak).
const PROBES = ['2026-11-19T02:05:00Z', '2026-11-19T09:30:00Z', '2026-11-19T15:00:00Z'].map(Date.parse);

/** The targets the simulation stages each kind of incident on, and one it never uses. */
const TARGETS: Record<IncidentKind, string[]> = {
  'deploy-regression': ['orders-api', 'image-resize', 'elsewhere'],
  'hot-instance': [...WEB_INSTANCES, BATCH_INSTANCE, 'elsewhere'],
  'traffic-surge': ['orders', 'sessions', 'elsewhere'],
  'db-slowdown': ['orders-db', 'elsewhere'],
};

const probe = (kind: IncidentKind, target: string, t: number): Incident => ({
  id: `probe-${kind}-${target}`,
  kind,
  target,
  startMs: t - HOUR_MS,
  endMs: t + HOUR_MS,
  severity: 1,
  summary: 'probe',
});

/** Whether a full-strength incident at t changes the series (its level, or its volume of requests). */
function shows(model: SeriesModel, kind: IncidentKind, target: string): boolean {
  return PROBES.some((t) => {
    const calm = modelContext(42, []);
    const troubled = modelContext(42, [probe(kind, target, t)]);
    const same = (f: ((ctx: typeof calm, t: number) => number) | undefined) =>
      f === undefined || Object.is(f(calm, t), f(troubled, t));
    return !same(model.level) || !same(model.volume);
  });
}

const name = (m: SeriesModel) =>
  `${m.id.namespace} ${m.id.metricName} ${m.id.dimensions.map((d) => d.value).join(',')}`;

describe('which incidents show in which simulated series', () => {
  const cases = SIMULATED_SERIES.flatMap((model) =>
    (Object.keys(TARGETS) as IncidentKind[]).flatMap((kind) =>
      TARGETS[kind].map((target) => [name(model), kind, target, model] as const),
    ),
  );

  it.each(cases)('%s: %s on %s as declared', (_name, kind, target, model) => {
    const declared = incidentAffects(model, probe(kind, target, PROBES[0]));
    expect(shows(model, kind, target)).toBe(declared);
  });

  it('every series has its declaration, and incidents show somewhere', () => {
    for (const kind of Object.keys(TARGETS) as IncidentKind[]) {
      expect(SIMULATED_SERIES.some((m) => incidentAffects(m, probe(kind, TARGETS[kind][0], 0)))).toBe(true);
    }
    const cpu1 = SIMULATED_SERIES.find(
      (m) => m.id.metricName === 'CPUUtilization' && m.id.dimensions[0]?.value === WEB_INSTANCES[0],
    );
    expect(cpu1?.affectedBy).toEqual([
      { kind: 'traffic-surge' },
      { kind: 'hot-instance', target: WEB_INSTANCES[0] },
    ]);
  });

  it('a probe a minute before or after the incident shows nothing', () => {
    const model = SIMULATED_SERIES.find(
      (m) => m.id.namespace === 'AWS/RDS' && m.id.metricName === 'ReadLatency',
    );
    const t = PROBES[2];
    const inc = { ...probe('db-slowdown', 'orders-db', t), startMs: t + MINUTE_MS };
    const calm = modelContext(42, []);
    expect(model?.level(modelContext(42, [inc]), t)).toBe(model?.level(calm, t));
  });
});
