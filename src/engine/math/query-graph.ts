import type { DataQuery } from './data-query.ts';
import { MathError } from './math-error.ts';
import { type Node, parseExpression, referencesOf } from './parser.ts';

/** A request's queries, in request order and by Id. */
export interface CompiledRequest {
  list: Compiled[];
  byId: Map<string, Compiled>;
}

/** A query with its parsed expression, or the error that keeps it from being evaluated. */
export interface Compiled {
  query: DataQuery;
  index: number;
  node?: Node;
  error?: MathError;
}

/** Parses every expression and checks Ids, references and cycles; errors stay with their query. */
export function compile(queries: readonly DataQuery[]): CompiledRequest {
  const byId = new Map<string, Compiled>();
  const list = queries.map((query, index): Compiled => {
    const c: Compiled = { query, index };
    if (byId.has(query.id)) c.error = new MathError(`Duplicate Id '${query.id}'`, 0, query.id);
    else byId.set(query.id, c);
    if (c.error) return c;
    if ((query.expression === undefined) === (query.metricStat === undefined)) {
      c.error = new MathError('Invalid query', 0, undefined, 'give exactly one of MetricStat and Expression');
    } else if (query.expression !== undefined) {
      try {
        c.node = parseExpression(query.expression);
      } catch (e) {
        if (!(e instanceof MathError)) throw e;
        c.error = e;
      }
    }
    return c;
  });
  for (const c of list) {
    if (!c.node || c.error) continue;
    const missing = referencesOf(c.node).find((r) => !byId.has(r.id));
    if (missing) c.error = new MathError(`Unknown Id '${missing.id}'`, missing.position, missing.id);
  }
  for (const c of list) {
    if (!c.node || c.error) continue;
    const cycle = findCycle(c, byId);
    if (cycle)
      c.error = new MathError(
        `Circular reference to '${cycle.ref.id}'`,
        cycle.ref.position,
        cycle.ref.id,
        cycle.path.join(' → '),
      );
  }
  return { list, byId };
}

/** A reference of `start` from which `start` can be reached again, with the path taken. */
function findCycle(
  start: Compiled,
  byId: Map<string, Compiled>,
): { ref: { id: string; position: number }; path: string[] } | undefined {
  const seen = new Set<string>();
  const reaches = (id: string, path: string[]): string[] | undefined => {
    if (id === start.query.id) return [...path, id];
    if (seen.has(id)) return undefined;
    seen.add(id);
    const node = byId.get(id)?.node;
    if (!node) return undefined;
    for (const r of referencesOf(node)) {
      const found = reaches(r.id, [...path, id]);
      if (found) return found;
    }
    return undefined;
  };
  for (const ref of referencesOf(start.node as Node)) {
    const path = reaches(ref.id, [start.query.id]);
    if (path) return { ref, path };
  }
  return undefined;
}
