import type { Args } from './args.ts';
import { type Value, emptySeries, seriesOf, single, valueAt } from './series.ts';

/** A branch of IF, read at a timestamp: a scalar everywhere, a series where it has a datapoint. */
function branch(v: Value | undefined): ((t: number) => number | undefined) | undefined {
  if (v === undefined) return undefined;
  if (v.type === 'S') return () => v.value;
  if (v.type === 'TS') return valueAt(v.series);
  return undefined;
}

/**
 * IF(condition, trueValue [, falseValue]), as CloudWatch documents it. A condition value of 0 is FALSE,
 * anything else TRUE. With a time series condition the result has a datapoint only where the condition
 * has one: trueValue's value there (0 when trueValue is a series without a datapoint there) when TRUE,
 * falseValue's when FALSE (dropped when falseValue is omitted or has no datapoint there). With a scalar
 * condition the result is the whole trueValue or falseValue series (empty when falseValue is omitted).
 * https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/using-metric-math.html#using-IF-expressions
 */
export function ifFunction(a: Args): Value {
  const condition = a.value(0);
  const whenTrue = a.value(1);
  const whenFalse = a.length > 2 ? a.value(2) : undefined;
  if (condition.type === 'TS[]') throw a.invalid(0, 'a time series or a scalar', condition);
  if (condition.type === 'S') {
    if (whenTrue.type !== 'TS') throw a.invalid(1, 'a time series (the condition is a scalar)', whenTrue);
    if (whenFalse && whenFalse.type !== 'TS')
      throw a.invalid(2, 'a time series (the condition is a scalar)', whenFalse);
    if (condition.value !== 0) return whenTrue;
    return whenFalse ?? single(emptySeries(whenTrue.series.periodMs, whenTrue.series.label));
  }
  const onTrue = branch(whenTrue);
  if (!onTrue) throw a.invalid(1, 'a time series or a scalar', whenTrue);
  const onFalse = branch(whenFalse);
  if (whenFalse && !onFalse) throw a.invalid(2, 'a time series or a scalar', whenFalse);
  const c = condition.series;
  const values = c.timestamps.map((t, i) =>
    c.values[i] !== 0 ? (onTrue(t) ?? 0) : ((onFalse ? onFalse(t) : undefined) ?? NaN),
  );
  const label = whenTrue.type === 'TS' ? whenTrue.series.label : c.label;
  return single(seriesOf({ periodMs: c.periodMs, label }, c.timestamps, values));
}
