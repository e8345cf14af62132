import type { CloudTrailRecord, TrailField, TrailOrigin } from './model.ts';
import { MULTI_VALUED_FIELDS, TRAIL_FIELDS } from './model.ts';

/** The fields with one value per event, in the order a batch stores their codes. */
export const SINGLE_FIELDS = TRAIL_FIELDS.filter((f) => !MULTI_VALUED_FIELDS.has(f)) as Exclude<
  TrailField,
  'resourceType' | 'resourceName'
>[];
export type SingleField = (typeof SINGLE_FIELDS)[number];

/** A field's values in a batch: a local dictionary and one code per event (or per resource entry). */
export interface CodedColumn {
  dict: string[];
  codes: Int32Array;
}

/**
 * Events on their way into the trail store, in ascending time, in columns. Sources (the simulation,
 * an import, our own API) build one; the store translates its local dictionaries once per batch.
 */
export interface TrailBatch {
  origin: TrailOrigin;
  length: number;
  /** Epoch ms, ascending. */
  time: Float64Array;
  fields: Record<SingleField, CodedColumn>;
  /** Resources of event i are entries resStart[i] … resStart[i+1]-1 of resType/resName. */
  resStart: Int32Array;
  resType: CodedColumn;
  resName: CodedColumn;
  eventId(i: number): string;
  record(i: number): CloudTrailRecord;
  /** The record's original JSON text, when the batch keeps it (imports and our own API's records). */
  text?(i: number): string;
  /** The index of the event with this id, or -1. */
  findEventId(id: string): number;
}

/** Interns strings into a batch-local dictionary. */
export class Dictionary {
  readonly values: string[] = [''];
  private readonly ids = new Map<string, number>([['', 0]]);

  code(value: string | undefined | null): number {
    if (value === undefined || value === null || value === '') return 0;
    let id = this.ids.get(value);
    if (id === undefined) {
      id = this.values.length;
      this.values.push(value);
      this.ids.set(value, id);
    }
    return id;
  }
}

class GrowInt {
  data: Int32Array;
  length = 0;
  constructor(capacity = 64) {
    this.data = new Int32Array(capacity);
  }
  push(v: number): void {
    if (this.length === this.data.length) {
      const next = new Int32Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = v;
  }
  done(): Int32Array {
    return this.data.slice(0, this.length);
  }
}

/**
 * Builds a batch one event at a time. Codes come from `dict(field).code(value)`; sources that know
 * their values up front intern them once and reuse the codes.
 */
export class TrailBatchBuilder {
  private readonly dicts = Object.fromEntries(TRAIL_FIELDS.map((f) => [f, new Dictionary()])) as Record<
    TrailField,
    Dictionary
  >;
  private readonly times: number[] = [];
  private readonly cols = SINGLE_FIELDS.map(() => new GrowInt());
  private readonly resStart = new GrowInt();
  private readonly resType = new GrowInt();
  private readonly resName = new GrowInt();

  constructor() {
    this.resStart.push(0);
  }

  dict(field: TrailField): Dictionary {
    return this.dicts[field];
  }

  get length(): number {
    return this.times.length;
  }

  /** Adds one event: codes in SINGLE_FIELDS order, and the codes of its resources' types and names. */
  add(
    time: number,
    codes: ArrayLike<number>,
    resTypes: ArrayLike<number> = [],
    resNames: ArrayLike<number> = [],
  ) {
    this.times.push(time);
    for (let f = 0; f < this.cols.length; f++) this.cols[f].push(codes[f] ?? 0);
    for (let r = 0; r < resTypes.length; r++) {
      this.resType.push(resTypes[r]);
      this.resName.push(resNames[r] ?? 0);
    }
    this.resStart.push(this.resType.length);
  }

  /** The columns, in the order events were added (the caller adds them in ascending time). */
  columns(): Pick<TrailBatch, 'length' | 'time' | 'fields' | 'resStart' | 'resType' | 'resName'> {
    const fields = {} as Record<SingleField, CodedColumn>;
    SINGLE_FIELDS.forEach((f, i) => (fields[f] = { dict: this.dict(f).values, codes: this.cols[i].done() }));
    return {
      length: this.times.length,
      time: Float64Array.from(this.times),
      fields,
      resStart: this.resStart.done(),
      resType: { dict: this.dict('resourceType').values, codes: this.resType.done() },
      resName: { dict: this.dict('resourceName').values, codes: this.resName.done() },
    };
  }
}
