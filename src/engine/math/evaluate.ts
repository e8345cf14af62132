import type { EvalContext } from './eval-context.ts';
import { callFunction } from './functions.ts';
import { MathError } from './math-error.ts';
import { type BinaryOp, type Node, parseExpression } from './parser.ts';
import {
  type Series,
  type Value,
  array,
  combine,
  describeType,
  mapValues,
  scalar,
  single,
} from './series.ts';

const truthy = (v: number): boolean => v !== 0;

/** The operators on plain numbers. Comparisons and logic give 1 (true) or 0 (false). */
const OPERATORS: Readonly<Record<BinaryOp, (x: number, y: number) => number>> = {
  '+': (x, y) => x + y,
  '-': (x, y) => x - y,
  '*': (x, y) => x * y,
  // x / 0 is ±Infinity or NaN: the datapoint is dropped where the series is built.
  '/': (x, y) => x / y,
  '^': (x, y) => x ** y,
  '==': (x, y) => Number(x === y),
  '!=': (x, y) => Number(x !== y),
  '<': (x, y) => Number(x < y),
  '<=': (x, y) => Number(x <= y),
  '>': (x, y) => Number(x > y),
  '>=': (x, y) => Number(x >= y),
  '&&': (x, y) => Number(truthy(x) && truthy(y)),
  '||': (x, y) => Number(truthy(x) || truthy(y)),
};

/**
 * An operator between two values: S∘S gives S; TS∘S and S∘TS apply to every datapoint; TS∘TS aligns
 * the two series on the union of their timestamps, a missing value counting as 0 (see `combine`); TS[]∘S
 * and TS[]∘TS apply to every series of the array. Two arrays cannot be combined.
 */
function applyBinary(op: BinaryOp, left: Value, right: Value, position: number): Value {
  const f = OPERATORS[op];
  if (left.type === 'S' && right.type === 'S') return scalar(f(left.value, right.value));
  if (left.type === 'TS[]' && right.type === 'TS[]')
    throw new MathError(
      `Invalid operands for '${op === '&&' ? 'AND' : op === '||' ? 'OR' : op}'`,
      position,
      op,
      'both sides are arrays of time series',
    );
  const pair = (l: Series | number, r: Series | number): Series => {
    if (typeof l === 'number') return mapValues(r as Series, (v) => f(l, v));
    if (typeof r === 'number') return mapValues(l, (v) => f(v, r));
    return combine(l, r, f);
  };
  const unwrap = (v: Value): Series | number => (v.type === 'S' ? v.value : (v as { series: Series }).series);
  if (left.type === 'TS[]') return array(left.series.map((s) => pair(s, unwrap(right))));
  if (right.type === 'TS[]') return array(right.series.map((s) => pair(unwrap(left), s)));
  return single(pair(unwrap(left), unwrap(right)));
}

function negate(v: Value): Value {
  if (v.type === 'S') return scalar(-v.value);
  if (v.type === 'TS') return single(mapValues(v.series, (x) => -x));
  return array(v.series.map((s) => mapValues(s, (x) => -x)));
}

/** An array literal: series and arrays are flattened into one array ([METRICS("4xx"), METRICS("5xx")]). */
function arrayLiteral(items: Node[], ctx: EvalContext): Value {
  const out: Series[] = [];
  for (const item of items) {
    const v = evaluate(item, ctx);
    if (v.type === 'S')
      throw new MathError(
        'Invalid array element',
        item.position,
        undefined,
        'expected a time series, got a scalar',
      );
    if (v.type === 'TS') out.push(v.series);
    else out.push(...v.series);
  }
  return array(out);
}

/**
 * Evaluates a parsed metric math expression over the context's queries.
 * https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/using-metric-math.html
 */
export function evaluate(node: Node, ctx: EvalContext): Value {
  switch (node.type) {
    case 'number':
      return scalar(node.value);
    case 'ref':
      return ctx.reference(node.id, node.position);
    case 'array':
      return arrayLiteral(node.items, ctx);
    case 'negate':
      return negate(evaluate(node.operand, ctx));
    case 'binary':
      return applyBinary(node.op, evaluate(node.left, ctx), evaluate(node.right, ctx), node.opPosition);
    case 'call':
      return callFunction(node, ctx, evaluate);
    case 'keyword':
      throw new MathError(`Unexpected token '${node.name}'`, node.position, node.name);
    case 'string':
      throw new MathError(`Unexpected token '${node.text}'`, node.position, node.text);
  }
}

/** "The final result of any math expression must be a single time series or an array of time series." */
export function checkResult(v: Value): asserts v is Value & { type: 'TS' | 'TS[]' } {
  if (v.type === 'S')
    throw new MathError(
      'Invalid expression result',
      0,
      undefined,
      `the result must be a time series or an array of time series, not ${describeType(v)}`,
    );
}

/** Parses and evaluates an expression whose result must be a time series or an array of them. */
export function evaluateExpression(text: string, ctx: EvalContext): Value & { type: 'TS' | 'TS[]' } {
  const v = evaluate(parseExpression(text), ctx);
  checkResult(v);
  return v;
}
