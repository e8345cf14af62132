import v8 from 'node:v8';
import vm from 'node:vm';
import {
  AuditTrail,
  type EventSummary,
  SIMULATED_DAYS,
  type TrailField,
  type TrailQuery,
} from '../src/engine/index.ts';
import { simulateTrailDay, simulatedEventDay } from '../src/engine/simulation/trail/index.ts';
import { type Figure, median } from './figure.ts';

const NOW = Date.parse('2026-11-19T16:00:00Z');
const TARGET_EVENTS = 1_000_000;

v8.setFlagsFromString('--expose_gc');
const gc = vm.runInNewContext('gc') as () => void;
const heapBytes = () => {
  gc();
  gc();
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
};

type Triple = [TrailField, string][];

/** Three field values whose conjunction selects a share of the events closest to `share`. */
function findTriple(trail: AuditTrail, total: number, share: number): { triple: Triple; count: number } {
  const fields: TrailField[] = [
    'username',
    'eventSource',
    'eventName',
    'readOnly',
    'errorCode',
    'region',
    'sourceIp',
  ];
  const top = trail.facets({}, fields, 12);
  const want = total * share;
  let best: { triple: Triple; count: number } | undefined;
  for (let a = 0; a < fields.length; a++)
    for (let b = a + 1; b < fields.length; b++)
      for (let c = b + 1; c < fields.length; c++)
        for (const va of top[a].values.slice(0, 6))
          for (const vb of top[b].values.slice(0, 6))
            for (const vc of top[c].values.slice(0, 4)) {
              if (va.value === '' || vb.value === '' || vc.value === '') continue;
              const triple: Triple = [
                [fields[a], va.value],
                [fields[b], vb.value],
                [fields[c], vc.value],
              ];
              // Cheap bound before the real count.
              if (Math.min(va.count, vb.count, vc.count) < want * 0.5) continue;
              const count = trail.search(toQuery(triple), 0, 0).total;
              if (
                !best ||
                Math.abs(Math.log((count + 1) / want)) < Math.abs(Math.log((best.count + 1) / want))
              )
                best = { triple, count };
            }
  if (!best) throw new Error('No three-field filter found.');
  return best;
}

function toQuery(triple: Triple, endMs?: number): TrailQuery {
  const fields: TrailQuery['fields'] = {};
  for (const [f, v] of triple) fields[f] = [{ match: 'exact', value: v }];
  return { fields, endMs };
}

/** Time of a fresh (uncached) first page: each run moves the end time by 1 ms so no cache answers it. */
function firstPageMs(trail: AuditTrail, triple: Triple): number {
  const times: number[] = [];
  for (let run = 0; run < 25; run++) {
    const q = toQuery(triple, NOW - run);
    const t0 = performance.now();
    trail.search(q, 0, 50);
    times.push(performance.now() - t0);
  }
  return median(times.slice(5));
}

/**
 * The audit trail with 1,000,000 simulated events: filters, facet counts, the ratio to a plain
 * Array.filter scan over the same events, and the heap they take.
 */
export function trailFigures(): Figure[] {
  const before = heapBytes();
  const perDay = Math.ceil(TARGET_EVENTS / (SIMULATED_DAYS - 1 + 16 / 24));
  const trail = new AuditTrail(
    { now: () => NOW, seed: () => 42, simulation: () => true },
    simulateTrailDay,
    undefined,
    simulatedEventDay,
  );
  trail.applySettings({ eventsPerDay: perDay });
  const t0 = performance.now();
  const total = trail.size;
  const buildMs = performance.now() - t0;
  trail.search({}, 0, 50);
  const heap = heapBytes() - before;

  const onePercent = findTriple(trail, total, 0.01);
  const rare = findTriple(trail, total, 0.0001);
  const pageMs = firstPageMs(trail, onePercent.triple);
  const rareMs = firstPageMs(trail, rare.triple);

  const facetFields: TrailField[] = [
    'username',
    'identityType',
    'eventSource',
    'eventName',
    'resourceType',
    'readOnly',
    'errorCode',
    'region',
  ];
  const facetTimes: number[] = [];
  for (let run = 0; run < 15; run++) {
    const q = toQuery(onePercent.triple, NOW - 100 - run);
    const t = performance.now();
    trail.facets(q, facetFields, 10);
    facetTimes.push(performance.now() - t);
  }

  // The same events as plain objects, filtered with Array.filter.
  const plain: EventSummary[] = trail.search({}, 0, total).rows;
  const [[fa, va], [fb, vb], [fc, vc]] = onePercent.triple as [TrailField, string][] as [
    Exclude<TrailField, 'resourceType' | 'resourceName'>,
    string,
  ][];
  const scanTimes: number[] = [];
  for (let run = 0; run < 7; run++) {
    const t = performance.now();
    const hits = plain.filter((e) => e[fa] === va && e[fb] === vb && e[fc] === vc);
    scanTimes.push(performance.now() - t);
    if (hits.length !== onePercent.count) throw new Error('The plain scan disagrees with the index.');
  }
  const scanMs = median(scanTimes);
  const describe = (t: Triple) => t.map(([f, v]) => `${f}=${v}`).join(' & ');
  const facetMs = median(facetTimes.slice(3));
  return [
    {
      name: `Audit trail: ${total.toLocaleString('en-US')} simulated events generated and indexed`,
      value: buildMs,
      unit: 'ms',
      target: 'printed',
    },
    {
      name: `Heap for ${total.toLocaleString('en-US')} simulated events (columns, dictionaries, postings)`,
      value: heap / 1024 / 1024,
      unit: 'MB',
      target: '≤ 400 MB',
      ok: heap / 1024 / 1024 <= 400,
    },
    {
      name: `First page, 3-field filter matching ${((100 * onePercent.count) / total).toFixed(2)} % (${describe(onePercent.triple)})`,
      value: pageMs,
      unit: 'ms',
      target: '≤ 20 ms',
      ok: pageMs <= 20,
    },
    {
      name: `… ratio of a plain Array.filter scan (${scanMs.toFixed(1)} ms) to the indexed filter`,
      value: scanMs / pageMs,
      unit: '×',
      target: 'printed',
    },
    {
      name: `First page, 3-field filter matching ${((100 * rare.count) / total).toFixed(4)} % (${rare.count} events: ${describe(rare.triple)})`,
      value: rareMs,
      unit: 'ms',
      target: '≤ 5 ms',
      ok: rareMs <= 5,
    },
    {
      name: `Facet counts of ${facetFields.length} fields for the 1 % selection`,
      value: facetMs,
      unit: 'ms',
      target: '≤ 50 ms',
      ok: facetMs <= 50,
    },
  ];
}
