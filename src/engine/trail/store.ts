import { SINGLE_FIELDS, type SingleField, type TrailBatch } from './batch.ts';
import { TRAIL_FIELDS, type TrailField } from './model.ts';

/** A field's values across the whole store: id 0 is the empty string (a missing value). */
export class GlobalDictionary {
  readonly values: string[] = [''];
  private readonly ids = new Map<string, number>([['', 0]]);
  private lower: string[] = [''];

  intern(value: string): number {
    let id = this.ids.get(value);
    if (id === undefined) {
      id = this.values.length;
      this.values.push(value);
      this.ids.set(value, id);
    }
    return id;
  }

  idOf(value: string): number | undefined {
    return this.ids.get(value);
  }

  /** Values in lower case, for case-insensitive matching (kept in step with `values`). */
  lowerCase(): readonly string[] {
    for (let i = this.lower.length; i < this.values.length; i++)
      this.lower.push(this.values[i].toLowerCase());
    return this.lower;
  }

  get size(): number {
    return this.values.length;
  }
}

/** A growable sorted list of row positions: the rows holding one value of one field. */
export class Posting {
  data = new Int32Array(4);
  length = 0;

  push(p: number): void {
    if (this.length === this.data.length) {
      const next = new Int32Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = p;
  }

  /** The positions as a view (no copy). */
  view(): Int32Array {
    return this.data.subarray(0, this.length);
  }
}

function grow<T extends Int32Array | Float64Array>(a: T, need: number): T {
  if (need <= a.length) return a;
  let cap = Math.max(1024, a.length);
  while (cap < need) cap *= 2;
  const next = new (a.constructor as new (n: number) => T)(cap);
  next.set(a);
  return next;
}

/** First index in sorted `a[0..n)` whose value is ≥ x. */
export function lowerBound(a: ArrayLike<number>, n: number, x: number): number {
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (a[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** First index in sorted `a[0..n)` whose value is > x. */
export function upperBound(a: ArrayLike<number>, n: number, x: number): number {
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (a[mid] <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const FIELD_INDEX = new Map<TrailField, number>(SINGLE_FIELDS.map((f, i) => [f, i]));

/**
 * The append-only event store: columns kept in ascending event time (a row's position is its rank
 * in time), one dictionary per field, and per value a posting list of positions, so a filter costs
 * what it returns. Events arrive in batches; a batch newer than everything is appended, an older one
 * (an import) is merged in, and only the rows after its first event move.
 */
export class TrailStore {
  length = 0;
  time = new Float64Array(1024);
  readonly cols: Int32Array[] = SINGLE_FIELDS.map(() => new Int32Array(1024));
  /** Which batch (segment) a row came from, and its index there. */
  seg = new Int32Array(1024);
  local = new Int32Array(1024);
  /** Resources of row p: entries resStart[p] … resStart[p+1]-1. */
  resStart = new Int32Array(1025);
  resType = new Int32Array(1024);
  resName = new Int32Array(1024);
  readonly dicts = Object.fromEntries(TRAIL_FIELDS.map((f) => [f, new GlobalDictionary()])) as Record<
    TrailField,
    GlobalDictionary
  >;
  readonly postings = Object.fromEntries(TRAIL_FIELDS.map((f) => [f, [new Posting()]])) as Record<
    TrailField,
    Posting[]
  >;
  readonly segments: (TrailBatch | undefined)[] = [];
  private readonly segmentIds = new Map<TrailBatch, number>();
  /** Bumped on every change, so cached query results know they are stale. */
  version = 0;

  dict(field: TrailField): GlobalDictionary {
    return this.dicts[field];
  }

  /** The column of a single-valued field, by position. */
  column(field: SingleField): Int32Array {
    return this.cols[FIELD_INDEX.get(field) ?? -1];
  }

  postingsOf(field: TrailField): Posting[] {
    return this.postings[field];
  }

  /** A batch's segment id, or -1 when none of its events were appended. */
  segmentIdOf(batch: TrailBatch): number {
    return this.segmentIds.get(batch) ?? -1;
  }

  /** A batch's segment id, registering the batch on first use. */
  private segmentOf(batch: TrailBatch): number {
    let id = this.segmentIds.get(batch);
    if (id === undefined) {
      id = this.segments.length;
      this.segments.push(batch);
      this.segmentIds.set(batch, id);
    }
    return id;
  }

  /** Appends events [from, to) of a batch (ascending in time). */
  append(batch: TrailBatch, from = 0, to = batch.length): void {
    if (to <= from) return;
    const segment = this.segmentOf(batch);
    const count = to - from;
    // Translate the batch's dictionaries once.
    const maps = SINGLE_FIELDS.map((f) => {
      const d = this.dict(f);
      return Int32Array.from(batch.fields[f].dict, (v) => d.intern(v));
    });
    const typeMap = Int32Array.from(batch.resType.dict, (v) => this.dict('resourceType').intern(v));
    const nameMap = Int32Array.from(batch.resName.dict, (v) => this.dict('resourceName').intern(v));
    for (const f of TRAIL_FIELDS) {
      const lists = this.postingsOf(f);
      const size = this.dict(f).size;
      while (lists.length < size) lists.push(new Posting());
    }

    const n = this.length;
    const start = upperBound(this.time, n, batch.time[from]);
    const resFrom = batch.resStart[from];
    const resCount = batch.resStart[to] - resFrom;
    this.ensure(n + count, this.resStart[n] + resCount);

    // Rows after `start` are newer than the batch's first event: move them aside and merge.
    const tail = this.copyRows(start, n);
    let p = start;
    let i = from;
    let t = 0;
    const tailLength = tail.length;
    let resAt = this.resStart[start];
    while (i < to || t < tailLength) {
      const takeBatch = t >= tailLength || (i < to && batch.time[i] < tail.time[t]);
      if (takeBatch) {
        this.time[p] = batch.time[i];
        for (let f = 0; f < SINGLE_FIELDS.length; f++)
          this.cols[f][p] = maps[f][batch.fields[SINGLE_FIELDS[f]].codes[i]];
        this.seg[p] = segment;
        this.local[p] = i;
        this.resStart[p] = resAt;
        for (let r = batch.resStart[i]; r < batch.resStart[i + 1]; r++) {
          this.resType[resAt] = typeMap[batch.resType.codes[r]];
          this.resName[resAt] = nameMap[batch.resName.codes[r]];
          resAt++;
        }
        i++;
      } else {
        const row = tail;
        this.time[p] = row.time[t];
        for (let f = 0; f < SINGLE_FIELDS.length; f++) this.cols[f][p] = row.cols[f][t];
        this.seg[p] = row.seg[t];
        this.local[p] = row.local[t];
        this.resStart[p] = resAt;
        for (let r = row.resStart[t]; r < row.resStart[t + 1]; r++) {
          this.resType[resAt] = row.resType[r];
          this.resName[resAt] = row.resName[r];
          resAt++;
        }
        t++;
      }
      p++;
    }
    this.length = p;
    this.resStart[p] = resAt;
    if (start < n) this.truncatePostings(start);
    this.indexRows(start, p);
    this.version++;
  }

  /** Keeps only the rows whose segment passes `keep`, and drops the other segments. */
  retain(keep: (batch: TrailBatch) => boolean): void {
    const kept = this.segments.map((b) => b !== undefined && keep(b));
    let w = 0;
    let resAt = 0;
    for (let p = 0; p < this.length; p++) {
      if (!kept[this.seg[p]]) continue;
      const r0 = this.resStart[p];
      const r1 = this.resStart[p + 1];
      this.time[w] = this.time[p];
      for (const col of this.cols) col[w] = col[p];
      this.seg[w] = this.seg[p];
      this.local[w] = this.local[p];
      this.resStart[w] = resAt;
      for (let r = r0; r < r1; r++) {
        this.resType[resAt] = this.resType[r];
        this.resName[resAt] = this.resName[r];
        resAt++;
      }
      w++;
    }
    this.length = w;
    this.resStart[w] = resAt;
    this.segments.forEach((b, s) => {
      if (b && !kept[s]) {
        this.segments[s] = undefined;
        this.segmentIds.delete(b);
      }
    });
    this.truncatePostings(0);
    this.indexRows(0, w);
    this.version++;
  }

  private ensure(rows: number, resources: number): void {
    this.time = grow(this.time, rows);
    for (let f = 0; f < this.cols.length; f++) this.cols[f] = grow(this.cols[f], rows);
    this.seg = grow(this.seg, rows);
    this.local = grow(this.local, rows);
    this.resStart = grow(this.resStart, rows + 1);
    this.resType = grow(this.resType, resources);
    this.resName = grow(this.resName, resources);
  }

  private copyRows(from: number, to: number) {
    const r0 = this.resStart[from];
    const r1 = this.resStart[to];
    const resStart = new Int32Array(to - from + 1);
    for (let p = from; p <= to; p++) resStart[p - from] = this.resStart[p] - r0;
    return {
      length: to - from,
      time: this.time.slice(from, to),
      cols: this.cols.map((c) => c.slice(from, to)),
      seg: this.seg.slice(from, to),
      local: this.local.slice(from, to),
      resStart,
      resType: this.resType.slice(r0, r1),
      resName: this.resName.slice(r0, r1),
    };
  }

  private truncatePostings(from: number): void {
    for (const lists of Object.values(this.postings))
      for (const list of lists) list.length = lowerBound(list.data, list.length, from);
  }

  private indexRows(from: number, to: number): void {
    SINGLE_FIELDS.forEach((f, fi) => {
      const lists = this.postingsOf(f);
      const col = this.cols[fi];
      for (let p = from; p < to; p++) lists[col[p]].push(p);
    });
    const types = this.postingsOf('resourceType');
    const names = this.postingsOf('resourceName');
    for (let p = from; p < to; p++) {
      for (let r = this.resStart[p]; r < this.resStart[p + 1]; r++) {
        const tl = types[this.resType[r]];
        if (tl.length === 0 || tl.data[tl.length - 1] !== p) tl.push(p);
        const nl = names[this.resName[r]];
        if (nl.length === 0 || nl.data[nl.length - 1] !== p) nl.push(p);
      }
    }
  }

  /** The value of a single-valued field at a position. */
  valueAt(field: SingleField, p: number): string {
    return this.dict(field).values[this.column(field)[p]];
  }

  /** The position of event `local` of a segment, or -1. */
  positionOf(segment: number, local: number): number {
    const batch = segment < 0 ? undefined : this.segments[segment];
    if (!batch) return -1;
    const t = batch.time[local];
    for (let p = lowerBound(this.time, this.length, t); p < this.length && this.time[p] === t; p++)
      if (this.seg[p] === segment && this.local[p] === local) return p;
    return -1;
  }

  /** Approximate bytes held by columns and postings (diagnostics and the benchmark). */
  bytes(): number {
    let b = this.time.byteLength + this.seg.byteLength + this.local.byteLength;
    for (const c of this.cols) b += c.byteLength;
    b += this.resStart.byteLength + this.resType.byteLength + this.resName.byteLength;
    for (const lists of Object.values(this.postings)) for (const l of lists) b += l.data.byteLength + 32;
    return b;
  }
}
