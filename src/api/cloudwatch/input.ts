import { type Dimension, type StandardUnit, isStandardUnit } from '../../engine/index.ts';
import { invalidParameterValue, missingParameter } from './errors.ts';

/**
 * Readers for JSON request members. Any client can call the API, so every member is checked for its
 * type and constraints, and each error names the parameter the way CloudWatch does
 * (`MetricData.member.1.Value`: awsQuery-style paths, 1-based, as in AWS's own messages).
 */
export type Json = Record<string, unknown>;

export const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

const show = (v: unknown): string => (typeof v === 'string' ? v : JSON.stringify(v));

export function objectAt(o: Json, key: string, path: string, required: true): Json;
export function objectAt(o: Json, key: string, path: string, required?: boolean): Json | undefined;
export function objectAt(o: Json, key: string, path: string, required = false): Json | undefined {
  const v = o[key];
  if (v === undefined || v === null) {
    if (required) throw missingParameter(path);
    return undefined;
  }
  if (!isObject(v))
    throw invalidParameterValue(
      `The value ${show(v)} for parameter ${path} is invalid: expected a structure.`,
    );
  return v;
}

export function listAt(o: Json, key: string, path: string, required: true): unknown[];
export function listAt(o: Json, key: string, path: string, required?: boolean): unknown[] | undefined;
export function listAt(o: Json, key: string, path: string, required = false): unknown[] | undefined {
  const v = o[key];
  if (v === undefined || v === null) {
    if (required) throw missingParameter(path);
    return undefined;
  }
  if (!Array.isArray(v))
    throw invalidParameterValue(`The value ${show(v)} for parameter ${path} is invalid: expected a list.`);
  return v;
}

export function stringAt(o: Json, key: string, path: string, required: true, max?: number): string;
export function stringAt(
  o: Json,
  key: string,
  path: string,
  required?: boolean,
  max?: number,
): string | undefined;
export function stringAt(
  o: Json,
  key: string,
  path: string,
  required = false,
  max = Infinity,
): string | undefined {
  const v = o[key];
  if (v === undefined || v === null) {
    if (required) throw missingParameter(path);
    return undefined;
  }
  if (typeof v !== 'string')
    throw invalidParameterValue(`The value ${show(v)} for parameter ${path} is invalid: expected a string.`);
  if (v.length === 0 && required) throw invalidParameterValue(`The parameter ${path} must not be empty.`);
  if (v.length > max)
    throw invalidParameterValue(`The parameter ${path} must be at most ${max} characters long.`);
  return v;
}

export function numberAt(o: Json, key: string, path: string, required: true): number;
export function numberAt(o: Json, key: string, path: string, required?: boolean): number | undefined;
export function numberAt(o: Json, key: string, path: string, required = false): number | undefined {
  const v = o[key];
  if (v === undefined || v === null) {
    if (required) throw missingParameter(path);
    return undefined;
  }
  const n = typeof v === 'string' && v.trim() !== '' ? Number(v) : v;
  if (typeof n !== 'number' || Number.isNaN(n))
    throw invalidParameterValue(`The value ${show(v)} for parameter ${path} is invalid: expected a number.`);
  return n;
}

export function integerAt(o: Json, key: string, path: string, min: number, max: number): number | undefined {
  const n = numberAt(o, key, path);
  if (n === undefined) return undefined;
  if (!Number.isInteger(n) || n < min || n > max) {
    throw invalidParameterValue(
      `The value ${n} for parameter ${path} is invalid: it must be an integer from ${min} to ${max}.`,
    );
  }
  return n;
}

export function booleanAt(o: Json, key: string, path: string): boolean | undefined {
  const v = o[key];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'boolean')
    throw invalidParameterValue(
      `The value ${show(v)} for parameter ${path} is invalid: expected true or false.`,
    );
  return v;
}

/** A timestamp member: epoch seconds on the wire (fractions allowed); returns epoch ms. */
export function timestampAt(o: Json, key: string, path: string, required: true): number;
export function timestampAt(o: Json, key: string, path: string, required?: boolean): number | undefined;
export function timestampAt(o: Json, key: string, path: string, required = false): number | undefined {
  const s = numberAt(o, key, path, required);
  if (s === undefined) return undefined;
  if (!Number.isFinite(s))
    throw invalidParameterValue(`The value ${s} for parameter ${path} is invalid: expected a timestamp.`);
  return Math.round(s * 1000);
}

export function unitAt(o: Json, key: string, path: string): StandardUnit | undefined {
  const u = stringAt(o, key, path);
  if (u === undefined) return undefined;
  if (!isStandardUnit(u))
    throw invalidParameterValue(
      `The value ${u} for parameter ${path} is not a valid unit (for example Seconds, Bytes, Percent, Count, None).`,
    );
  return u;
}

const NAME_CHARS = /^[\x20-\x7e]+$/;
const NAMESPACE = /^[0-9A-Za-z.\-_/#: ]+$/;

/** Namespace: 1–255 ASCII characters from CloudWatch's set, at least one non-blank, not starting with ':'. */
export function namespaceAt(o: Json, key: string, path: string, required: true): string;
export function namespaceAt(o: Json, key: string, path: string, required?: boolean): string | undefined;
export function namespaceAt(o: Json, key: string, path: string, required = false): string | undefined {
  const ns = stringAt(o, key, path, required, 255);
  if (ns === undefined) return undefined;
  if (ns.trim() === '' || ns.startsWith(':') || !NAMESPACE.test(ns)) {
    throw invalidParameterValue(
      `The value ${ns} for parameter ${path} is invalid: use 1 to 255 characters from 0-9 A-Z a-z . - _ / # : and space, not starting with ':'.`,
    );
  }
  return ns;
}

export function metricNameAt(o: Json, key: string, path: string, required: true): string;
export function metricNameAt(o: Json, key: string, path: string, required?: boolean): string | undefined;
export function metricNameAt(o: Json, key: string, path: string, required = false): string | undefined {
  const name = stringAt(o, key, path, required, 255);
  if (name === undefined) return undefined;
  if (name.trim() === '' || !NAME_CHARS.test(name))
    throw invalidParameterValue(
      `The value ${name} for parameter ${path} is invalid: use printable ASCII characters.`,
    );
  return name;
}

/** A list of Dimension {Name, Value}: at most `max`, names unique, values required unless a filter. */
export function dimensionsAt(
  o: Json,
  key: string,
  path: string,
  max: number,
  filter: true,
): { name: string; value?: string }[];
export function dimensionsAt(o: Json, key: string, path: string, max: number, filter?: false): Dimension[];
export function dimensionsAt(
  o: Json,
  key: string,
  path: string,
  max: number,
  filter = false,
): { name: string; value?: string }[] {
  const list = listAt(o, key, path) ?? [];
  if (list.length > max)
    throw invalidParameterValue(`The collection ${path} must not have a size greater than ${max}.`);
  const seen = new Set<string>();
  return list.map((item, i) => {
    const p = `${path}.member.${i + 1}`;
    if (!isObject(item))
      throw invalidParameterValue(
        `The value ${show(item)} for parameter ${p} is invalid: expected a structure.`,
      );
    const name = stringAt(item, 'Name', `${p}.Name`, true, 255);
    if (name.trim() === '' || name.startsWith(':') || !NAME_CHARS.test(name)) {
      throw invalidParameterValue(
        `The value ${name} for parameter ${p}.Name is invalid: use printable ASCII characters, not starting with ':'.`,
      );
    }
    const value = stringAt(item, 'Value', `${p}.Value`, !filter, 1024);
    if (value !== undefined && (value.trim() === '' || !NAME_CHARS.test(value))) {
      throw invalidParameterValue(
        `The value ${value} for parameter ${p}.Value is invalid: use printable ASCII characters.`,
      );
    }
    if (seen.has(name)) throw invalidParameterValue('No metric may specify the same dimension name twice.');
    seen.add(name);
    return value === undefined ? { name } : { name, value };
  });
}

/** Periods CloudWatch accepts: 1, 5, 10, 20, 30, 60 or any multiple of 60 seconds. */
export function periodAt(o: Json, key: string, path: string, required: true): number;
export function periodAt(o: Json, key: string, path: string, required?: boolean): number | undefined;
export function periodAt(o: Json, key: string, path: string, required = false): number | undefined {
  const p = numberAt(o, key, path, required);
  if (p === undefined) return undefined;
  if (!Number.isInteger(p) || p < 1 || !(p % 60 === 0 || [1, 5, 10, 20, 30].includes(p))) {
    throw invalidParameterValue(
      `The parameter ${path} must be 1, 5, 10, 20, 30, 60, or any multiple of 60 (seconds); ${p} is not.`,
    );
  }
  return p;
}

/** Dimensions as the API returns them. */
export const dimensionsOut = (dims: readonly Dimension[]) =>
  dims.map((d) => ({ Name: d.name, Value: d.value }));

/** Opaque pagination tokens bound to the request they continue: reusing one with other parameters fails. */
export function encodeToken(request: unknown, position: unknown): string {
  return btoa(JSON.stringify({ r: fingerprint(request), p: position }));
}

export function decodeToken<T>(token: string, request: unknown): T | undefined {
  try {
    const t = JSON.parse(atob(token)) as { r?: string; p?: T };
    return t.r === fingerprint(request) ? t.p : undefined;
  } catch {
    return undefined;
  }
}

function fingerprint(v: unknown): string {
  const s = JSON.stringify(v) ?? '';
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return (h >>> 0).toString(36) + s.length.toString(36);
}
