import { type Args, eachSeries } from './args.ts';
import { type Series, type Value, gridOf, seriesOf, valueAt } from './series.ts';

interface Known {
  t: number;
  v: number;
}

/** What fills the gap at `t`, given the datapoints just before and just after it. */
type Filler = (t: number, before: Known | undefined, after: Known | undefined) => number | undefined;

/** Linear interpolation by time between the datapoints either side of a gap; none at the edges. */
const linear: Filler = (t, before, after) =>
  before && after ? before.v + ((after.v - before.v) * (t - before.t)) / (after.t - before.t) : undefined;

/** The most recent value before the gap; nothing before the first datapoint. */
const repeat: Filler = (_t, before) => before?.v;

function fillSeries(s: Series, a: Args, filler: Filler): Series {
  const grid = gridOf(s, a.ctx, a.call.position);
  const own = valueAt(s);
  // Datapoints off the period grid (none, for a queried metric) are kept as they are.
  const all = [...new Set([...grid, ...s.timestamps])].sort((x, y) => x - y);
  const known = all.map(own);
  const after: (Known | undefined)[] = new Array<Known | undefined>(all.length);
  let next: Known | undefined;
  for (let k = all.length - 1; k >= 0; k--) {
    after[k] = next;
    const v = known[k];
    if (v !== undefined) next = { t: all[k], v };
  }
  let before: Known | undefined;
  const values = all.map((t, k) => {
    const v = known[k];
    if (v !== undefined) {
      before = { t, v };
      return v;
    }
    return filler(t, before, after[k]) ?? NaN;
  });
  return seriesOf(s, all, values);
}

/**
 * FILL(TS | TS[], S | TS | REPEAT | LINEAR): every period of the range without a datapoint gets one.
 * A scalar fills every gap; a time series fills a gap with its own value at that timestamp (or leaves it
 * when it has none). REPEAT repeats the most recent value before a gap, up to the end of the range, and
 * LINEAR interpolates between the values either side of a gap; both leave a leading gap empty (nothing
 * comes before it), and LINEAR also leaves a trailing gap empty (nothing comes after it). CloudWatch's
 * documentation does not describe these edges, so this is our choice.
 * https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/using-metric-math.html
 */
export function fill(a: Args): Value {
  const target = a.seriesOrArray(0);
  const method = a.keyword(1);
  let filler: Filler;
  if (method === 'REPEAT') filler = repeat;
  else if (method === 'LINEAR') filler = linear;
  else {
    const by = a.value(1);
    if (by.type === 'TS[]') throw a.invalid(1, 'a scalar, a time series, REPEAT or LINEAR', by);
    if (by.type === 'S') filler = () => by.value;
    else {
      const at = valueAt(by.series);
      filler = (t) => at(t);
    }
  }
  return eachSeries(target, (s) => fillSeries(s, a, filler));
}
