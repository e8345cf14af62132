import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Engine, validateDashboardBody } from '../../engine/index.ts';
import { deleteDashboards } from './delete-dashboards.ts';
import { getDashboard } from './get-dashboard.ts';
import { putDashboard } from './put-dashboard.ts';

// Property tests: bodies built only from what CloudWatch documents validate clean and survive
// PutDashboard → GetDashboard byte for byte; a value of the wrong type anywhere we check is an error
// at exactly that value's path.

const T0 = Date.parse('2026-11-19T16:00:00Z');
type Json = Record<string, unknown>;

const text = fc.string({ unit: 'grapheme', maxLength: 30 });
const name = fc.stringMatching(/^[A-Za-z][A-Za-z0-9]{0,8}$/);
const period = fc.constantFrom(1, 5, 10, 20, 30, 60, 300, 3600, 86400);
const stat = fc.constantFrom(
  'Average',
  'Sum',
  'Minimum',
  'Maximum',
  'SampleCount',
  'p50',
  'p99.9',
  'tm90',
  'IQM',
);
const color = fc.stringMatching(/^#[0-9a-f]{6}$/);

/** A grid position that fits the 24 columns. */
const place = fc
  .record({
    x: fc.integer({ min: 0, max: 23 }),
    y: fc.integer({ min: 0, max: 200 }),
    height: fc.integer({ min: 1, max: 30 }),
  })
  .chain((p) => fc.integer({ min: 1, max: 24 - p.x }).map((width) => ({ ...p, width })));

const metricRow = fc
  .tuple(
    name,
    name,
    fc.array(fc.tuple(name, text), { maxLength: 3 }),
    fc.option(
      fc.record(
        { label: text, stat, period, color, visible: fc.boolean(), yAxis: fc.constantFrom('left', 'right') },
        { requiredKeys: [] },
      ),
      { nil: undefined },
    ),
  )
  .map(([ns, metricName, dims, options]) => {
    const row: unknown[] = [ns, metricName, ...dims.flat()];
    if (options) row.push(options);
    return row;
  });

const metricWidget = fc
  .record({
    place,
    metrics: fc.array(metricRow, { minLength: 1, maxLength: 5 }),
    props: fc.record(
      {
        title: text,
        view: fc.constantFrom('timeSeries', 'bar', 'pie', 'table', 'singleValue'),
        stacked: fc.boolean(),
        region: fc.constantFrom('us-east-1', 'eu-west-1'),
        stat,
        period,
        legend: fc.record({ position: fc.constantFrom('bottom', 'right', 'hidden') }),
        yAxis: fc.record({
          left: fc.record({
            min: fc.integer({ min: -10, max: 0 }),
            max: fc.integer({ min: 1, max: 100 }),
            label: text,
            showUnits: fc.boolean(),
          }),
        }),
        annotations: fc.record({
          horizontal: fc.array(
            fc.record({
              value: fc.double({ noNaN: true, noDefaultInfinity: true }),
              label: text,
              color,
              fill: fc.constantFrom('above', 'below', 'none'),
            }),
            { maxLength: 2 },
          ),
        }),
      },
      { requiredKeys: [] },
    ),
  })
  .map(({ place, metrics, props }) => ({ type: 'metric', ...place, properties: { ...props, metrics } }));

const textWidget = fc
  .record({ place, markdown: text, background: fc.constantFrom('solid', 'transparent') })
  .map(({ place, markdown, background }) => ({
    type: 'text',
    ...place,
    properties: { markdown, background },
  }));

const alarmWidget = fc
  .record({ place, title: text, alarms: fc.array(name, { minLength: 1, maxLength: 3 }) })
  .map(({ place, title, alarms }) => ({
    type: 'alarm',
    ...place,
    properties: { title, alarms: alarms.map((a) => `arn:aws:cloudwatch:us-east-1:123456789012:alarm:${a}`) },
  }));

const body = fc
  .record(
    {
      widgets: fc.array(fc.oneof(metricWidget, textWidget, alarmWidget), { maxLength: 8 }),
      start: fc.constantFrom('-PT3H', '-PT15M', '-P7D', '2026-11-10T08:00:00Z'),
      periodOverride: fc.constantFrom('auto', 'inherit'),
    },
    { requiredKeys: ['widgets'] },
  )
  .map((b) => b as Json);

/** The body as someone would write it: compact, pretty, or with odd spacing. */
const written = fc
  .tuple(body, fc.constantFrom(undefined, 2, '\t', ' '))
  .map(([b, indent]) => ({ b, text: JSON.stringify(b, null, indent) }));

/** Where a generated body holds a value of a type the validator checks, and a value of another type. */
function typedLeaves(b: Json): { path: string; set: (v: unknown) => void; wrong: unknown }[] {
  const out: { path: string; set: (v: unknown) => void; wrong: unknown }[] = [];
  const at = (o: Json, key: string, path: string, wrong: unknown) => {
    if (o[key] !== undefined) out.push({ path: `${path}/${key}`, set: (v) => (o[key] = v), wrong });
  };
  (b.widgets as Json[]).forEach((w, i) => {
    const wp = `/widgets/${i}`;
    for (const k of ['x', 'y', 'width', 'height']) at(w, k, wp, String(w[k]));
    const p = w.properties as Json;
    const pp = `${wp}/properties`;
    at(p, 'title', pp, 7);
    at(p, 'markdown', pp, ['#']);
    at(p, 'stacked', pp, 'true');
    at(p, 'period', pp, '300');
    at(p, 'view', pp, 'line');
    at(p, 'stat', pp, 3);
    at(p, 'alarms', pp, 'arn');
    if (Array.isArray(p.metrics))
      (p.metrics as unknown[][]).forEach((row, r) => {
        out.push({ path: `${pp}/metrics/${r}/1`, set: (v) => (row[1] = v), wrong: 42 });
      });
  });
  return out;
}

describe('dashboard bodies, property-based', () => {
  it('generated valid bodies have no problems at all', () => {
    fc.assert(
      fc.property(written, ({ text }) => {
        expect(validateDashboardBody(text)).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('PutDashboard → GetDashboard gives the body back byte for byte; DeleteDashboards removes it', () => {
    const engine = new Engine({ wallClock: () => T0, simulation: false });
    fc.assert(
      fc.property(written, name, ({ text }, dashboard) => {
        // Through JSON, as the wire carries the request and the response.
        const wire = (o: unknown) => JSON.parse(JSON.stringify(o)) as Json;
        const put = wire(putDashboard(wire({ DashboardName: dashboard, DashboardBody: text }), engine));
        expect(put).toEqual({ DashboardValidationMessages: [] });
        const got = wire(getDashboard(wire({ DashboardName: dashboard }), engine));
        expect(got.DashboardBody).toBe(text);
        expect(engine.dashboards.get(dashboard)?.size).toBe(new TextEncoder().encode(text).length);
        deleteDashboards({ DashboardNames: [dashboard] }, engine);
        expect(engine.dashboards.has(dashboard)).toBe(false);
      }),
      { numRuns: 200 },
    );
  });

  it('a value of the wrong type is an error at exactly its path', () => {
    const mutated = body
      .filter((b) => typedLeaves(b).length > 0)
      .chain((b) => fc.record({ b: fc.constant(b), pick: fc.nat({ max: typedLeaves(b).length - 1 }) }));
    fc.assert(
      fc.property(mutated, ({ b, pick }) => {
        const copy = structuredClone(b);
        const leaf = typedLeaves(copy)[pick];
        leaf.set(leaf.wrong);
        const errors = validateDashboardBody(JSON.stringify(copy)).filter((p) => p.level === 'error');
        expect(errors.map((e) => e.dataPath)).toContain(leaf.path);
      }),
      { numRuns: 300 },
    );
  });

  it('a body cut short anywhere is a JSON error at the body, with a line and column', () => {
    fc.assert(
      fc.property(
        written.filter(({ text }) => text.length > 1),
        fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }),
        ({ text }, at) => {
          const cut = text.slice(0, Math.floor(at * (text.length - 1)) + 1);
          fc.pre(cut.trim() !== text.trim());
          const problems = validateDashboardBody(cut);
          expect(problems).toHaveLength(1);
          expect(problems[0]).toMatchObject({ dataPath: '', level: 'error' });
          expect(problems[0].message).toMatch(
            /^The dashboard body is not valid JSON: .+ at line \d+, column \d+$/,
          );
        },
      ),
      { numRuns: 200 },
    );
  });
});
