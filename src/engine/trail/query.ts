import type { SingleField } from './batch.ts';
import {
  type Facet,
  MULTI_VALUED_FIELDS,
  TRAIL_FIELDS,
  type TrailField,
  type TrailQuery,
  type TrailTerm,
} from './model.ts';
import { type TrailStore, lowerBound, upperBound } from './store.ts';

/** A selection of rows: a contiguous range of positions, or a sorted list of them. */
export type RowSet = { kind: 'range'; lo: number; hi: number } | { kind: 'list'; rows: Int32Array };

export const rowSetSize = (s: RowSet): number => (s.kind === 'range' ? s.hi - s.lo : s.rows.length);

/** The position of the k-th newest row of a selection. */
export const newestAt = (s: RowSet, k: number): number =>
  s.kind === 'range' ? s.hi - 1 - k : s.rows[s.rows.length - 1 - k];

const globRegExp = (pattern: string): RegExp =>
  new RegExp(`^${pattern.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`, 's');

/**
 * The value ids one field's terms select. `exact` is CloudTrail's matching (case-sensitive equality;
 * the empty string selects a missing value); prefix, contains and glob ignore case and never select a
 * missing value, so the glob `*` means "any value".
 */
export function resolveTerms(store: TrailStore, field: TrailField, terms: readonly TrailTerm[]): number[] {
  const dict = store.dict(field);
  const ids = new Set<number>();
  let lower: readonly string[] | undefined;
  for (const term of terms) {
    if (term.match === 'exact') {
      const id = dict.idOf(term.value);
      if (id !== undefined) ids.add(id);
      continue;
    }
    lower ??= dict.lowerCase();
    const needle = term.value.toLowerCase();
    const test =
      term.match === 'prefix'
        ? (v: string) => v.startsWith(needle)
        : term.match === 'contains'
          ? (v: string) => v.includes(needle)
          : (
              (re) => (v: string) =>
                re.test(v)
            )(globRegExp(needle));
    for (let id = 1; id < lower.length; id++) if (test(lower[id])) ids.add(id);
  }
  return [...ids];
}

function mergeUnion(a: Int32Array, b: Int32Array): Int32Array {
  const out = new Int32Array(a.length + b.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < a.length && j < b.length) {
    const x = a[i];
    const y = b[j];
    if (x < y) {
      out[k++] = x;
      i++;
    } else if (y < x) {
      out[k++] = y;
      j++;
    } else {
      out[k++] = x;
      i++;
      j++;
    }
  }
  while (i < a.length) out[k++] = a[i++];
  while (j < b.length) out[k++] = b[j++];
  return out.subarray(0, k);
}

/** Rows of `small` also in `big` (both sorted), galloping through `big`. */
function intersect(small: Int32Array, big: Int32Array): Int32Array {
  const out = new Int32Array(small.length);
  let k = 0;
  let lo = 0;
  for (let i = 0; i < small.length && lo < big.length; i++) {
    const x = small[i];
    let step = 1;
    let hi = lo;
    while (hi < big.length && big[hi] < x) {
      lo = hi + 1;
      hi += step;
      step *= 2;
    }
    if (hi > big.length) hi = big.length;
    // big[lo-1] < x ≤ big[hi] (when hi < length): binary search in [lo, hi].
    let a = lo;
    let b = hi;
    while (a < b) {
      const m = (a + b) >>> 1;
      if (big[m] < x) a = m + 1;
      else b = m;
    }
    lo = a;
    if (lo < big.length && big[lo] === x) out[k++] = x;
  }
  return out.subarray(0, k);
}

/** The union of several fields' postings within [lo, hi): sorted, without duplicates. */
function unionWithin(lists: Int32Array[], lo: number, hi: number): Int32Array {
  let parts = lists
    .map((l) => l.subarray(lowerBound(l, l.length, lo), lowerBound(l, l.length, hi)))
    .filter((l) => l.length > 0);
  if (parts.length === 0) return new Int32Array(0);
  while (parts.length > 1) {
    const next: Int32Array[] = [];
    for (let i = 0; i < parts.length; i += 2)
      next.push(i + 1 < parts.length ? mergeUnion(parts[i], parts[i + 1]) : parts[i]);
    parts = next;
  }
  return parts[0];
}

/** The fields a query filters on, with their terms. */
const termsOf = (q: TrailQuery, which: 'fields' | 'exclude' = 'fields'): [TrailField, TrailTerm[]][] =>
  TRAIL_FIELDS.flatMap((f) => {
    const terms = q[which]?.[f];
    return terms && terms.length > 0 ? [[f, terms] as [TrailField, TrailTerm[]]] : [];
  });

/** The rows a query selects, optionally ignoring one field's filter (for that field's facet counts). */
export function evaluate(store: TrailStore, q: TrailQuery, ignore?: TrailField): RowSet {
  const n = store.length;
  const lo = q.startMs === undefined ? 0 : lowerBound(store.time, n, q.startMs);
  const hi = q.endMs === undefined ? n : upperBound(store.time, n, q.endMs);
  if (hi <= lo) return { kind: 'list', rows: new Int32Array(0) };
  const lists: Int32Array[] = [];
  for (const [f, terms] of termsOf(q)) {
    if (f === ignore) continue;
    const ids = resolveTerms(store, f, terms);
    const postings = store.postingsOf(f);
    const list = unionWithin(
      ids.map((id) => postings[id].view()),
      lo,
      hi,
    );
    if (list.length === 0) return { kind: 'list', rows: list };
    lists.push(list);
  }
  const excluded: Int32Array[] = [];
  for (const [f, terms] of termsOf(q, 'exclude')) {
    const postings = store.postingsOf(f);
    const list = unionWithin(
      resolveTerms(store, f, terms).map((id) => postings[id].view()),
      lo,
      hi,
    );
    if (list.length > 0) excluded.push(list);
  }
  const out = excluded.length === 0 ? undefined : unionWithin(excluded, lo, hi);
  if (lists.length === 0) {
    if (!out) return { kind: 'range', lo, hi };
    return { kind: 'list', rows: rangeWithout(lo, hi, out) };
  }
  lists.sort((a, b) => a.length - b.length);
  let rows = lists[0];
  for (let i = 1; i < lists.length && rows.length > 0; i++) rows = intersect(rows, lists[i]);
  return { kind: 'list', rows: out ? without(rows, out) : rows };
}

/** The rows of [lo, hi) not in the ascending list `out`. */
function rangeWithout(lo: number, hi: number, out: Int32Array): Int32Array {
  const rows = new Int32Array(hi - lo - out.length);
  let k = 0;
  let j = 0;
  for (let p = lo; p < hi; p++) {
    if (j < out.length && out[j] === p) j++;
    else rows[k++] = p;
  }
  return rows;
}

/** The ascending list `a` without the rows of the ascending list `b`. */
function without(a: Int32Array, b: Int32Array): Int32Array {
  const rows = new Int32Array(a.length);
  let k = 0;
  let j = 0;
  for (let i = 0; i < a.length; i++) {
    while (j < b.length && b[j] < a[i]) j++;
    if (j < b.length && b[j] === a[i]) continue;
    rows[k++] = a[i];
  }
  return rows.slice(0, k);
}

/** Counts of each value id of a field over a selection. */
export function countValues(store: TrailStore, field: TrailField, set: RowSet): Int32Array {
  const size = store.dict(field).size;
  const counts = new Int32Array(size);
  const total = rowSetSize(set);
  if (total === 0) return counts;
  if (set.kind === 'range' && size * 24 < total) {
    // Few distinct values: two binary searches per posting list.
    const postings = store.postingsOf(field);
    for (let id = 0; id < size; id++) {
      const l = postings[id];
      if (l.length === 0) continue;
      counts[id] = lowerBound(l.data, l.length, set.hi) - lowerBound(l.data, l.length, set.lo);
    }
    return counts;
  }
  const visit = (fn: (p: number) => void) => {
    if (set.kind === 'range') for (let p = set.lo; p < set.hi; p++) fn(p);
    else for (let i = 0; i < set.rows.length; i++) fn(set.rows[i]);
  };
  if (!MULTI_VALUED_FIELDS.has(field)) {
    const col = store.column(field as SingleField);
    if (set.kind === 'range') for (let p = set.lo; p < set.hi; p++) counts[col[p]]++;
    else for (let i = 0; i < set.rows.length; i++) counts[col[set.rows[i]]]++;
    return counts;
  }
  const values = field === 'resourceType' ? store.resType : store.resName;
  const last = new Int32Array(size).fill(-1);
  visit((p) => {
    const r1 = store.resStart[p + 1];
    for (let r = store.resStart[p]; r < r1; r++) {
      const id = values[r];
      if (last[id] !== p) {
        last[id] = p;
        counts[id]++;
      }
    }
  });
  return counts;
}

/** One facet: the most frequent values (and every selected one) with their counts. */
export function facetOf(
  store: TrailStore,
  field: TrailField,
  set: RowSet,
  selected: readonly number[],
  top: number,
  contains?: string,
): Facet {
  const counts = countValues(store, field, set);
  const values = store.dict(field).values;
  const lower = contains ? store.dict(field).lowerCase() : undefined;
  const needle = contains?.toLowerCase();
  const ids: number[] = [];
  let distinct = 0;
  for (let id = 0; id < counts.length; id++) {
    if (counts[id] === 0) continue;
    distinct++;
    if (needle !== undefined && lower && !lower[id].includes(needle)) continue;
    ids.push(id);
  }
  ids.sort((a, b) => counts[b] - counts[a] || (values[a] < values[b] ? -1 : 1));
  const chosen = ids.slice(0, top);
  for (const id of selected) if (!chosen.includes(id)) chosen.push(id);
  return { field, values: chosen.map((id) => ({ value: values[id], count: counts[id] })), distinct };
}

/** A stable cache key for a query. */
export function queryKey(q: TrailQuery, ignore?: TrailField): string {
  const parts: string[] = [String(q.startMs ?? ''), String(q.endMs ?? '')];
  for (const [f, terms] of termsOf(q)) {
    if (f === ignore) continue;
    const text = terms.map((t) => `${t.match}:${t.value}`).sort();
    parts.push(`${f}=${text.join('\u0001')}`);
  }
  for (const [f, terms] of termsOf(q, 'exclude')) {
    const text = terms.map((t) => `${t.match}:${t.value}`).sort();
    parts.push(`!${f}=${text.join('\u0001')}`);
  }
  return parts.join('\u0002');
}
