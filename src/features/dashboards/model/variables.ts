// Dashboard variables, as CloudWatch applies them.
// https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/cloudwatch_dashboard_variables.html
// - A property variable "changes all instances of a property in the list of widgets": a dimension
//   name (every metric row with that dimension takes the value) or any widget JSON property such as
//   `region`. Rows without that dimension are left alone.
// - A pattern variable "changes a regex pattern across the dashboard JSON": every match in every
//   string of every widget is replaced by the value.
// - `defaultValue: "__FIRST"` (the CDK's DefaultValue.FIRST) picks the first value a search returns.
import type { MetricIdentity } from '../../../lib/cloudwatch/metric-identity.ts';
import {
  type DashboardBody,
  type DashboardVariable,
  type MetricRow,
  type Widget,
  expandRowParts,
} from './dashboard-body.ts';

/** The special default that means "the first value of the list" (CDK DefaultValue.FIRST). */
export const FIRST_VALUE = '__FIRST';

/** One choice of a radio or select variable. */
export interface VariableChoice {
  value: string;
  label?: string;
}

/** The variables of a body that are well-formed enough to use (an id, a type, and a property or pattern). */
export function dashboardVariables(body: DashboardBody): DashboardVariable[] {
  if (!Array.isArray(body.variables)) return [];
  return body.variables.filter(
    (v): v is DashboardVariable =>
      typeof v === 'object' &&
      v !== null &&
      typeof v.id === 'string' &&
      ((v.type === 'property' && typeof v.property === 'string' && v.property !== '') ||
        (v.type === 'pattern' && typeof v.pattern === 'string' && v.pattern !== '')),
  );
}

/** The choices a variable lists in its own `values`. */
export function listedChoices(variable: DashboardVariable): VariableChoice[] {
  if (!Array.isArray(variable.values)) return [];
  return variable.values
    .filter((v) => typeof v === 'object' && v !== null && typeof v.value === 'string')
    .map((v) => (typeof v.label === 'string' ? { value: v.value, label: v.label } : { value: v.value }));
}

/**
 * The current value of every variable: the URL's value (by variable id) when it has one, else the
 * `defaultValue` (`__FIRST` = the first choice, from `values` or from `choices[id]`, the search's
 * results), else for radio/select the first choice. A variable without a value is left out, and
 * then changes nothing.
 */
export function variableValues(
  body: DashboardBody,
  fromUrl: Record<string, string>,
  choices: Record<string, readonly VariableChoice[]> = {},
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const v of dashboardVariables(body)) {
    const list = listedChoices(v).length > 0 ? listedChoices(v) : (choices[v.id] ?? []);
    const url = fromUrl[v.id];
    if (url !== undefined) {
      out[v.id] = url;
      continue;
    }
    if (typeof v.defaultValue === 'string' && v.defaultValue !== '' && v.defaultValue !== FIRST_VALUE) {
      out[v.id] = v.defaultValue;
    } else if ((v.defaultValue === FIRST_VALUE || v.inputType !== 'input') && list.length > 0) {
      out[v.id] = list[0].value;
    }
  }
  return out;
}

/** A regular expression for a pattern variable; a pattern that is not a valid expression matches as plain text. */
export function patternRegExp(pattern: string): RegExp {
  try {
    return new RegExp(pattern, 'g');
  } catch {
    return new RegExp(pattern.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'g');
  }
}

/** Replaces the pattern in every string inside `value` (keys stay as they are). */
function replaceInStrings(value: unknown, re: RegExp, replacement: string): unknown {
  if (typeof value === 'string') return value.replace(re, () => replacement);
  if (Array.isArray(value)) {
    let changed = false;
    const next = value.map((item) => {
      const r = replaceInStrings(item, re, replacement);
      if (r !== item) changed = true;
      return r;
    });
    return changed ? next : value;
  }
  if (typeof value === 'object' && value !== null) {
    let changed = false;
    const next: Record<string, unknown> = {};
    for (const [k, item] of Object.entries(value)) {
      const r = replaceInStrings(item, re, replacement);
      if (r !== item) changed = true;
      next[k] = r;
    }
    return changed ? next : value;
  }
  return value;
}

/** A metric row with the dimension `name` set to `value` (the "." shorthand expanded against `previous`). */
function rowWithDimension(
  row: MetricRow,
  previous: readonly string[],
  name: string,
  value: string,
): { row: MetricRow; expanded: string[] } {
  const last = row[row.length - 1];
  const hasOptions = typeof last === 'object' && last !== null;
  const written = (hasOptions ? row.slice(0, -1) : row).map(String);
  const expanded = expandRowParts(written, previous);
  let changed = false;
  for (let k = 2; k + 1 < expanded.length; k += 2) {
    if (expanded[k] === name && expanded[k + 1] !== value) {
      expanded[k + 1] = value;
      changed = true;
    }
  }
  if (!changed) return { row, expanded };
  // A row with "..." is written out in full; otherwise only the value changes, "." stays elsewhere.
  const strings = written.includes('...')
    ? expanded
    : written.map((w, k) => (k >= 2 && k % 2 === 1 && expanded[k - 1] === name ? value : w));
  return { row: hasOptions ? [...strings, row[row.length - 1]] : strings, expanded };
}

/** A widget with the property variable applied: its metric rows' dimension and any property of that name. */
function applyProperty(widget: Widget, property: string, value: string): Widget {
  const props = widget.properties;
  if (typeof props !== 'object' || props === null) return widget;
  let nextProps: Record<string, unknown> = props;
  if (Object.hasOwn(props, property) && typeof props[property] === 'string' && props[property] !== value) {
    nextProps = { ...nextProps, [property]: value };
  }
  if (widget.type === 'metric' && Array.isArray(props.metrics)) {
    let previous: string[] = [];
    let changed = false;
    const metrics = (props.metrics as unknown[]).map((row) => {
      if (!Array.isArray(row) || row.length === 0) return row;
      const only = row[0];
      if (row.length === 1 && typeof only === 'object' && only !== null) return row;
      const r = rowWithDimension(row as MetricRow, previous, property, value);
      previous = r.expanded;
      let out = r.row;
      const last = out[out.length - 1];
      if (
        typeof last === 'object' &&
        last !== null &&
        typeof last[property] === 'string' &&
        last[property] !== value
      ) {
        out = [...out.slice(0, -1), { ...last, [property]: value }];
      }
      if (out !== row) changed = true;
      return out;
    });
    if (changed) nextProps = { ...nextProps, metrics };
  }
  return nextProps === props ? widget : { ...widget, properties: nextProps };
}

/**
 * The body as the widgets should draw it with these variable values: property variables set the
 * dimension (or property) they name, pattern variables replace their pattern in every string of
 * every widget. Variables without a value change nothing; the input body is not modified.
 */
export function applyVariables(body: DashboardBody, values: Record<string, string>): DashboardBody {
  let widgets = Array.isArray(body.widgets) ? body.widgets : [];
  for (const v of dashboardVariables(body)) {
    const value = values[v.id];
    if (value === undefined) continue;
    if (v.type === 'property' && v.property) {
      const property = v.property;
      widgets = widgets.map((w) => applyProperty(w, property, value));
    } else if (v.type === 'pattern' && v.pattern) {
      const re = patternRegExp(v.pattern);
      widgets = widgets.map((w) => replaceInStrings(w, re, value) as Widget);
    }
  }
  return widgets === body.widgets ? body : { ...body, widgets };
}

/** A metric search as variables use it: `{Namespace,Dim1,Dim2} MetricName="X" word`. */
export interface ParsedSearch {
  namespace?: string;
  /** With a schema, a metric must have exactly these dimension names. */
  dimensionNames?: string[];
  /** `Key="value"` terms: MetricName, Namespace or a dimension name. */
  exact: { key: string; value: string }[];
  /** Other words: each must be part of the namespace, the name, or a dimension name or value. */
  words: string[];
}

/** Reads a search expression's schema and terms (the subset variables use). */
export function parseMetricSearch(search: string): ParsedSearch {
  const result: ParsedSearch = { exact: [], words: [] };
  let rest = search.trim();
  const schema = /^\{([^}]*)\}/.exec(rest);
  if (schema) {
    const [namespace, ...dims] = schema[1].split(',').map((s) => s.trim().replace(/^"(.*)"$/, '$1'));
    result.namespace = namespace;
    result.dimensionNames = dims.filter((d) => d !== '');
    rest = rest.slice(schema[0].length);
  }
  const term =
    /([A-Za-z0-9_.:/-]+)\s*=\s*"((?:[^"\\]|\\.)*)"|([A-Za-z0-9_.:/-]+)\s*=\s*([^\s"]+)|"((?:[^"\\]|\\.)*)"|(\S+)/g;
  for (let m = term.exec(rest); m; m = term.exec(rest)) {
    if (m[1] !== undefined) result.exact.push({ key: m[1], value: m[2].replace(/\\(.)/g, '$1') });
    else if (m[3] !== undefined) result.exact.push({ key: m[3], value: m[4] });
    else {
      const word = m[5] ?? m[6];
      if (word && !/^(AND|OR|NOT)$/.test(word)) result.words.push(word.toLowerCase());
    }
  }
  return result;
}

/** The distinct values of dimension `populateFrom` over the metrics the search matches, sorted. */
export function searchChoices(
  search: string,
  populateFrom: string,
  metrics: readonly MetricIdentity[],
): VariableChoice[] {
  const q = parseMetricSearch(search);
  const values = new Set<string>();
  for (const m of metrics) {
    if (q.namespace !== undefined && m.namespace !== q.namespace) continue;
    if (q.dimensionNames) {
      const names = m.dimensions.map((d) => d.name).sort();
      const want = [...q.dimensionNames].sort();
      if (names.length !== want.length || names.some((n, i) => n !== want[i])) continue;
    }
    const field = (key: string) =>
      key === 'MetricName'
        ? m.metricName
        : key === 'Namespace'
          ? m.namespace
          : m.dimensions.find((d) => d.name === key)?.value;
    if (!q.exact.every((t) => field(t.key) === t.value)) continue;
    const text = [m.namespace, m.metricName, ...m.dimensions.flatMap((d) => [d.name, d.value])].map((s) =>
      s.toLowerCase(),
    );
    if (!q.words.every((w) => text.some((t) => t.includes(w)))) continue;
    const value = m.dimensions.find((d) => d.name === populateFrom)?.value;
    if (value !== undefined) values.add(value);
  }
  return [...values].sort((a, b) => a.localeCompare(b, 'en', { numeric: true })).map((value) => ({ value }));
}
