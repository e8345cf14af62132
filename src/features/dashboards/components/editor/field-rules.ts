// What the properties editor accepts in each field, as CloudWatch does: a bad value is an error on
// the field (the text stays as typed), never a silent fix.

/** A field's text read as a value, or why it cannot be. */
export type FieldResult<T> = { ok: true; value: T } | { ok: false; error: string };

const ok = <T>(value: T): FieldResult<T> => ({ ok: true, value });
const bad = (error: string): FieldResult<never> => ({ ok: false, error });

/** A period in seconds: 1, 5, 10, 20, 30 (high resolution) or a multiple of 60; blank = not set. */
export function readPeriod(text: string): FieldResult<number | undefined> {
  const t = text.trim();
  if (t === '') return ok(undefined);
  if (!/^\d+$/.test(t)) return bad('The period is a whole number of seconds.');
  const n = Number(t);
  if (n === 0) return bad('The period must be at least 1 second.');
  if (![1, 5, 10, 20, 30].includes(n) && n % 60 !== 0)
    return bad('The period must be 1, 5, 10, 20, 30 or a multiple of 60 seconds.');
  return ok(n);
}

/** A number (an axis bound, an annotation value); blank = not set. */
export function readNumber(text: string): FieldResult<number | undefined> {
  const t = text.trim();
  if (t === '') return ok(undefined);
  const n = Number(t);
  if (!Number.isFinite(n)) return bad('Enter a number.');
  return ok(n);
}

/** A number that must be there. */
export function readRequiredNumber(text: string): FieldResult<number> {
  const r = readNumber(text);
  if (r.ok && r.value === undefined) return bad('Enter a number.');
  return r as FieldResult<number>;
}

/** Axis bounds: each a number, min below max when both are set. */
export function checkBounds(min: number | undefined, max: number | undefined): string | undefined {
  if (min !== undefined && max !== undefined && min >= max)
    return 'The minimum must be less than the maximum.';
  return undefined;
}

const STAT =
  /^(SampleCount|Average|Sum|Minimum|Maximum|IQM|(p|tm|wm|tc|ts|pr)(\d{1,2}(\.\d{1,10})?|100)|(TM|WM|TC|TS|PR)\((\d+(\.\d+)?%?)?:(\d+(\.\d+)?%?)?\))$/;

/** A statistic as CloudWatch names them (Average, p99, tm90, TM(10%:90%), …); blank = not set. */
export function readStat(text: string): FieldResult<string | undefined> {
  const t = text.trim();
  if (t === '') return ok(undefined);
  if (!STAT.test(t))
    return bad(
      'Not a statistic: use Average, Sum, Minimum, Maximum, SampleCount, IQM, or a percentile such as p99.',
    );
  return ok(t);
}

/** A metric or expression id: a lowercase letter first, then letters, digits and underscores. */
export function readMetricId(text: string, taken: readonly string[]): FieldResult<string | undefined> {
  const t = text.trim();
  if (t === '') return ok(undefined);
  if (!/^[a-z][a-zA-Z0-9_]*$/.test(t))
    return bad('An id starts with a lowercase letter and holds only letters, digits and underscores.');
  if (taken.includes(t)) return bad(`Another metric of this widget already has the id ${t}.`);
  return ok(t);
}

/** A colour as #rrggbb; blank = automatic. */
export function readColor(text: string): FieldResult<string | undefined> {
  const t = text.trim();
  if (t === '') return ok(undefined);
  if (!/^#[0-9a-fA-F]{6}$/.test(t)) return bad('A colour is written #rrggbb, e.g. #1f77b4.');
  return ok(t.toLowerCase());
}

const RELATIVE = /^-P(?=\d|T\d)(\d+Y)?(\d+M)?(\d+W)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+(\.\d+)?S)?)?$/;

/** A widget's start: relative (`-PT3H`, `-P7D`) or an ISO-8601 instant. */
export function readRangeStart(text: string): FieldResult<string> {
  const t = text.trim();
  if (t === '') return bad('Enter a start, such as -PT3H or 2026-11-21T09:00:00Z.');
  if (RELATIVE.test(t)) return ok(t);
  if (/^\d{4}-\d{2}-\d{2}/.test(t) && Number.isFinite(Date.parse(t))) return ok(t);
  return bad('Not a time: use a relative duration such as -PT3H or -P1D, or an ISO-8601 time.');
}

/** A widget's end: blank (now), relative, or an ISO-8601 instant. */
export function readRangeEnd(text: string): FieldResult<string | undefined> {
  if (text.trim() === '') return ok(undefined);
  return readRangeStart(text);
}

/** An ISO-8601 instant (vertical annotations). */
export function readInstant(text: string): FieldResult<string> {
  const t = text.trim();
  if (/^\d{4}-\d{2}-\d{2}/.test(t) && Number.isFinite(Date.parse(t))) return ok(t);
  return bad('Enter an ISO-8601 time, such as 2026-11-21T09:00:00Z.');
}

/** How many audit events a widget lists: 1–50. */
export function readLimit(text: string): FieldResult<number> {
  const t = text.trim();
  if (!/^\d+$/.test(t) || Number(t) < 1 || Number(t) > 50) return bad('Show between 1 and 50 events.');
  return ok(Number(t));
}
