import { MathError } from './math-error.ts';
import type { EvalContext } from './eval-context.ts';
import type { CallNode, Node } from './parser.ts';
import { type Series, type Value, array, describeType, single } from './series.ts';

export type Evaluate = (node: Node, ctx: EvalContext) => Value;

/** A call's arguments, evaluated on demand and checked for their type. */
export class Args {
  readonly call: CallNode;
  readonly ctx: EvalContext;
  private readonly ev: Evaluate;

  constructor(call: CallNode, ctx: EvalContext, ev: Evaluate) {
    this.call = call;
    this.ctx = ctx;
    this.ev = ev;
  }

  get length(): number {
    return this.call.args.length;
  }

  node(i: number): Node {
    return this.call.args[i];
  }

  value(i: number, ctx = this.ctx): Value {
    return this.ev(this.call.args[i], ctx);
  }

  invalid(i: number, expected: string, got: Value): MathError {
    return new MathError(
      `Invalid argument for ${this.call.name}`,
      this.call.args[i].position,
      undefined,
      `expected ${expected}, got ${describeType(got)}`,
    );
  }

  series(i: number, ctx = this.ctx): Series {
    const v = this.value(i, ctx);
    if (v.type !== 'TS') throw this.invalid(i, 'a time series', v);
    return v.series;
  }

  array(i: number): Series[] {
    const v = this.value(i);
    if (v.type !== 'TS[]') throw this.invalid(i, 'an array of time series', v);
    return v.series;
  }

  scalar(i: number): number {
    const v = this.value(i);
    if (v.type !== 'S') throw this.invalid(i, 'a scalar', v);
    return v.value;
  }

  seriesOrArray(i: number): Value & { type: 'TS' | 'TS[]' } {
    const v = this.value(i);
    if (v.type === 'S') throw this.invalid(i, 'a time series or an array of time series', v);
    return v;
  }

  keyword(i: number): string | undefined {
    const n = this.call.args[i] as Node | undefined;
    return n?.type === 'keyword' ? n.name : undefined;
  }

  /** A whole number ≥ 0 (SLICE's indexes, SORT's limit); undefined for NaN (a scalar of no data). */
  index(i: number): number | undefined {
    const n = this.scalar(i);
    if (Number.isNaN(n)) return undefined;
    if (!Number.isInteger(n) || n < 0)
      throw new MathError(
        `Invalid argument for ${this.call.name}`,
        this.call.args[i].position,
        undefined,
        `expected a whole number 0 or more, got ${n}`,
      );
    return n;
  }
}

/** Applies a per-series function to a TS or to every series of a TS[]. */
export function eachSeries(v: Value & { type: 'TS' | 'TS[]' }, f: (s: Series) => Series): Value {
  return v.type === 'TS' ? single(f(v.series)) : array(v.series.map(f));
}
