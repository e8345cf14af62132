import { parseStat } from '../metrics/statistics.ts';
import { findJsonSyntaxError } from './json-syntax.ts';

/**
 * One finding about a dashboard body. `dataPath` is a JSON Pointer into the body (`/widgets/0/x`; ""
 * is the whole body), as PutDashboard's DashboardValidationMessages give it. An error keeps PutDashboard
 * from saving; a warning does not.
 */
export interface DashboardProblem {
  dataPath: string;
  message: string;
  level: 'error' | 'warning';
}

// What CloudWatch checks, and how it words it. AWS validates bodies with a JSON schema and answers with
// ajv's messages, capitalised. Seen in real PutDashboard errors (public bug reports, 2019–2026):
//   dataPath "/widgets/8/properties"  "Should have required property 'metrics'"
//   dataPath "/widgets/8/properties"  "Should have required property 'annotations'"
//   dataPath "/widgets/8/properties"  "The metric widget should have specified a region and a data
//                                      source or an alarm annotation"
//   dataPath "/widgets/1/properties/metrics/0"  "Should NOT have more than 2 items"
//   dataPath "/widgets/14/properties/metrics/0" "Should be array"
//   "Invalid metric field type, only \"String\" type is allowed"
// and a metric `color` of "red" is rejected (aws-cdk#20024). The other messages follow the same ajv
// wording ("Should be integer", "Should be >= 0", "Should be equal to one of the allowed values").
// Where AWS's limits are not published (x/y/height ranges, period values, the id pattern), the rules
// below are ours and say so; checks AWS does not make at all are warnings.

const WIDGET_TYPES = ['metric', 'text', 'log', 'alarm', 'explorer', 'custom', 'chart'];
const METRIC_VIEWS = ['timeSeries', 'singleValue', 'gauge', 'bar', 'pie', 'table'];
const TOP_LEVEL_KEYS = ['widgets', 'start', 'end', 'periodOverride', 'variables'];
const WIDGET_KEYS = ['type', 'x', 'y', 'width', 'height', 'properties'];
/** CloudWatch's quotas. https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/cloudwatch_limits.html */
export const MAX_WIDGETS = 500;
export const MAX_METRICS_PER_WIDGET = 500;
export const MAX_METRICS_PER_DASHBOARD = 2500;
/** The grid is 24 columns wide. */
export const GRID_COLUMNS = 24;
/** Heights up to 1000 rows (the range the CloudWatch API reference gives for `height`). */
export const MAX_HEIGHT = 1000;

const ID = /^[a-z][A-Za-z0-9_]*$/;
const COLOR = /^#[0-9a-fA-F]{6}$/;
const ALARM_ARN = /^arn:aws[a-z-]*:cloudwatch:[a-z0-9-]*:\d{12}:alarm:.+$/;
/** A relative time: a negative ISO-8601 duration such as -PT6H, -P7D, -P1DT12H (minutes: -PT15M). */
const RELATIVE = /^-P(?!$)(\d+W)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+S)?)?$/;
/** An absolute time: an ISO-8601 date-time with a zone, e.g. 2026-11-10T08:00:00.000Z. */
const ABSOLUTE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const pointer = (path: string, key: string | number) =>
  `${path}/${String(key).replace(/~/g, '~0').replace(/\//g, '~1')}`;

class Checker {
  readonly problems: DashboardProblem[] = [];
  metricsSeen = 0;

  error(dataPath: string, message: string): void {
    this.problems.push({ dataPath, message, level: 'error' });
  }

  warn(dataPath: string, message: string): void {
    this.problems.push({ dataPath, message, level: 'warning' });
  }

  /** Checks an optional member's JSON type; true when it is present and of that type. */
  typed(
    o: Json,
    key: string,
    path: string,
    type: 'string' | 'boolean' | 'number' | 'integer' | 'object' | 'array',
  ): boolean {
    const v = o[key];
    if (v === undefined) return false;
    const p = pointer(path, key);
    const ok =
      type === 'object'
        ? isObject(v)
        : type === 'array'
          ? Array.isArray(v)
          : type === 'integer'
            ? Number.isInteger(v)
            : type === 'number'
              ? typeof v === 'number' && Number.isFinite(v)
              : typeof v === type;
    if (!ok) this.error(p, `Should be ${type}`);
    return ok;
  }

  required(o: Json, key: string, path: string): boolean {
    if (o[key] !== undefined) return true;
    this.error(path, `Should have required property '${key}'`);
    return false;
  }

  oneOf(o: Json, key: string, path: string, allowed: readonly string[]): void {
    const v = o[key];
    if (v === undefined) return;
    if (typeof v !== 'string' || !allowed.includes(v))
      this.error(pointer(path, key), 'Should be equal to one of the allowed values');
  }

  range(o: Json, key: string, path: string, min: number, max: number): void {
    if (!this.typed(o, key, path, 'integer')) return;
    const v = o[key] as number;
    if (v < min) this.error(pointer(path, key), `Should be >= ${min}`);
    else if (v > max) this.error(pointer(path, key), `Should be <= ${max}`);
  }

  time(o: Json, key: string, path: string): void {
    if (!this.typed(o, key, path, 'string')) return;
    const v = o[key] as string;
    // AWS accepts looser forms than it documents (an AWS CDK integration test deploys `"start": "-9H"`),
    // so a time Watchtrail cannot read is a warning, not an error.
    if (!RELATIVE.test(v) && !(ABSOLUTE.test(v) && Number.isFinite(Date.parse(v))))
      this.warn(
        pointer(path, key),
        'Watchtrail reads a relative time such as -PT6H or an ISO 8601 date-time such as 2026-11-10T08:00:00Z; it uses the default range instead of this one',
      );
  }

  /** Periods CloudWatch graphs: 1, 5, 10, 20, 30 (high resolution) or a multiple of 60 seconds. */
  period(o: Json, key: string, path: string): void {
    if (!this.typed(o, key, path, 'integer')) return;
    const v = o[key] as number;
    if (!([1, 5, 10, 20, 30].includes(v) || (v > 0 && v % 60 === 0)))
      this.error(pointer(path, key), 'Should be 1, 5, 10, 20, 30 or a multiple of 60');
  }

  stat(o: Json, key: string, path: string): void {
    if (!this.typed(o, key, path, 'string')) return;
    if (!parseStat(o[key] as string))
      this.error(
        pointer(path, key),
        'Should be a statistic: SampleCount, Average, Sum, Minimum, Maximum, a percentile such as p99, or a trimmed statistic such as tm90',
      );
  }

  color(o: Json, key: string, path: string): void {
    if (!this.typed(o, key, path, 'string')) return;
    // A warning: published bodies carry colours without '#' (cdk-monitoring-constructs), and AWS's
    // verdict on them is not public.
    if (!COLOR.test(o[key] as string))
      this.warn(pointer(path, key), `Should match pattern "${COLOR.source}": the default colour is used`);
  }

  alarmArns(list: unknown[], path: string): void {
    list.forEach((a, i) => {
      const p = pointer(path, i);
      if (typeof a !== 'string') this.error(p, 'Should be string');
      else if (!ALARM_ARN.test(a))
        this.error(
          p,
          'Should be an alarm ARN such as arn:aws:cloudwatch:us-east-1:123456789012:alarm:MyAlarm',
        );
    });
  }

  unknownKeys(o: Json, path: string, known: readonly string[], what: string): void {
    for (const k of Object.keys(o))
      if (!known.includes(k))
        this.warn(
          pointer(path, k),
          `Unknown ${what} property '${k}': CloudWatch keeps it but does not use it`,
        );
  }
}

/**
 * Checks a dashboard body as PutDashboard does: JSON syntax, then structure, types and limits, per
 * widget type. Problems come in document order.
 * https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/CloudWatch-Dashboard-Body-Structure.html
 */
export function validateDashboardBody(text: string): DashboardProblem[] {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch (e) {
    const at = findJsonSyntaxError(text);
    const where = at ? `${at.reason} at line ${at.line}, column ${at.column}` : (e as Error).message;
    return [{ dataPath: '', message: `The dashboard body is not valid JSON: ${where}`, level: 'error' }];
  }
  const c = new Checker();
  checkBody(c, body);
  return c.problems;
}

function checkBody(c: Checker, body: unknown): void {
  if (!isObject(body)) {
    c.error('', 'Should be object');
    return;
  }
  c.unknownKeys(body, '', TOP_LEVEL_KEYS, 'dashboard');
  if (c.required(body, 'widgets', '') && c.typed(body, 'widgets', '', 'array')) {
    const widgets = body.widgets as unknown[];
    if (widgets.length > MAX_WIDGETS) c.error('/widgets', `Should NOT have more than ${MAX_WIDGETS} items`);
    widgets.forEach((w, i) => checkWidget(c, w, `/widgets/${i}`));
  }
  c.time(body, 'start', '');
  c.time(body, 'end', '');
  endNeedsStart(c, body, '');
  c.oneOf(body, 'periodOverride', '', ['auto', 'inherit']);
  if (c.typed(body, 'variables', '', 'array'))
    (body.variables as unknown[]).forEach((v, i) => checkVariable(c, v, `/variables/${i}`));
}

/**
 * "If you specify end, you must also specify start" (the body-structure page, as we remember it, so a
 * warning: the range is then ignored), for the dashboard and for a widget's own range alike.
 */
function endNeedsStart(c: Checker, o: Json, path: string): void {
  if (o.end !== undefined && o.start === undefined)
    c.warn(path, "Should have property 'start' when property 'end' is present: the end is ignored");
}

function checkWidget(c: Checker, w: unknown, path: string): void {
  if (!isObject(w)) {
    c.error(path, 'Should be object');
    return;
  }
  c.unknownKeys(w, path, WIDGET_KEYS, 'widget');
  if (c.required(w, 'type', path)) c.oneOf(w, 'type', path, WIDGET_TYPES);
  c.range(w, 'x', path, 0, GRID_COLUMNS - 1);
  c.range(w, 'y', path, 0, Number.MAX_SAFE_INTEGER);
  c.range(w, 'width', path, 1, GRID_COLUMNS);
  c.range(w, 'height', path, 1, MAX_HEIGHT);
  const x = w.x;
  const width = w.width;
  if (Number.isInteger(x) && Number.isInteger(width) && (x as number) + (width as number) > GRID_COLUMNS)
    c.warn(
      path,
      `The widget reaches past the ${GRID_COLUMNS}th column (x + width > ${GRID_COLUMNS}): it is narrowed to fit`,
    );
  if (!c.required(w, 'properties', path) || !c.typed(w, 'properties', path, 'object')) return;
  const p = w.properties as Json;
  const pp = `${path}/properties`;
  switch (w.type) {
    case 'metric':
      return checkMetricWidget(c, p, pp);
    case 'text':
      if (c.required(p, 'markdown', pp)) c.typed(p, 'markdown', pp, 'string');
      c.oneOf(p, 'background', pp, ['solid', 'transparent']);
      return;
    case 'alarm':
      return checkAlarmWidget(c, p, pp);
    case 'log':
      if (c.required(p, 'query', pp)) c.typed(p, 'query', pp, 'string');
      for (const k of ['region', 'title', 'view', 'accountId', 'queryLanguage']) c.typed(p, k, pp, 'string');
      c.typed(p, 'stacked', pp, 'boolean');
      return;
    case 'custom':
      if (c.required(p, 'endpoint', pp)) c.typed(p, 'endpoint', pp, 'string');
      c.typed(p, 'title', pp, 'string');
      if (c.typed(p, 'updateOn', pp, 'object'))
        for (const k of ['refresh', 'resize', 'timeRange'])
          c.typed(p.updateOn as Json, k, `${pp}/updateOn`, 'boolean');
      return;
    default:
      // explorer and chart widgets: Watchtrail does not draw them, so it checks nothing inside them
      // and keeps them as they are.
      return;
  }
}

function checkAlarmWidget(c: Checker, p: Json, path: string): void {
  c.typed(p, 'title', path, 'string');
  if (c.required(p, 'alarms', path) && c.typed(p, 'alarms', path, 'array')) {
    const alarms = p.alarms as unknown[];
    if (alarms.length > 100) c.error(`${path}/alarms`, 'Should NOT have more than 100 items');
    // CloudWatch wants 1 to 100 ARNs; Watchtrail reads an empty list as "every alarm".
    if (alarms.length === 0)
      c.warn(
        `${path}/alarms`,
        'CloudWatch needs at least one alarm ARN here; Watchtrail shows every alarm when the list is empty',
      );
    c.alarmArns(alarms, `${path}/alarms`);
  }
  c.oneOf(p, 'sortBy', path, ['default', 'stateUpdatedTimestamp', 'timestamp']);
  if (c.typed(p, 'states', path, 'array'))
    (p.states as unknown[]).forEach((s, i) => {
      if (typeof s !== 'string' || !['ALARM', 'INSUFFICIENT_DATA', 'OK'].includes(s))
        c.error(`${path}/states/${i}`, 'Should be equal to one of the allowed values');
    });
}

function checkMetricWidget(c: Checker, p: Json, path: string): void {
  const annotations = isObject(p.annotations) ? p.annotations : undefined;
  const hasAlarmAnnotation = Array.isArray(annotations?.alarms) && annotations.alarms.length > 0;
  if (p.metrics === undefined && !hasAlarmAnnotation) {
    // AWS reports the same three problems for a metric widget with neither (see the top of this file).
    c.error(path, "Should have required property 'metrics'");
    c.error(
      path,
      'The metric widget should have specified a region and a data source or an alarm annotation',
    );
    if (p.annotations === undefined) c.error(path, "Should have required property 'annotations'");
  }
  if (c.typed(p, 'metrics', path, 'array')) checkMetrics(c, p.metrics as unknown[], `${path}/metrics`);
  c.oneOf(p, 'view', path, METRIC_VIEWS);
  for (const k of [
    'stacked',
    'liveData',
    'sparkline',
    'trend',
    'setPeriodToTimeRange',
    'singleValueFullPrecision',
  ])
    c.typed(p, k, path, 'boolean');
  for (const k of ['region', 'title', 'accountId']) c.typed(p, k, path, 'string');
  c.stat(p, 'stat', path);
  c.period(p, 'period', path);
  c.time(p, 'start', path);
  c.time(p, 'end', path);
  endNeedsStart(c, p, path);
  if (p.sparkline === true && p.setPeriodToTimeRange === true)
    c.warn(path, 'sparkline is ignored when setPeriodToTimeRange is on');
  if (c.typed(p, 'legend', path, 'object'))
    c.oneOf(p.legend as Json, 'position', `${path}/legend`, ['bottom', 'right', 'hidden']);
  if (c.typed(p, 'labels', path, 'object')) c.typed(p.labels as Json, 'visible', `${path}/labels`, 'boolean');
  if (c.typed(p, 'table', path, 'object')) checkTable(c, p.table as Json, `${path}/table`);
  if (c.typed(p, 'yAxis', path, 'object')) checkYAxis(c, p.yAxis as Json, `${path}/yAxis`);
  if (p.view === 'gauge') {
    // A gauge needs its range (the console will not draw one without it).
    const left = isObject(p.yAxis) && isObject(p.yAxis.left) ? p.yAxis.left : undefined;
    if (!isObject(p.yAxis)) c.error(path, "Should have required property 'yAxis'");
    else if (!left) c.error(`${path}/yAxis`, "Should have required property 'left'");
    else
      for (const k of ['min', 'max'])
        if (left[k] === undefined) c.error(`${path}/yAxis/left`, `Should have required property '${k}'`);
  }
  if (c.typed(p, 'annotations', path, 'object'))
    checkAnnotations(c, p.annotations as Json, `${path}/annotations`);
}

function checkTable(c: Checker, t: Json, path: string): void {
  c.oneOf(t, 'layout', path, ['horizontal', 'vertical']);
  c.typed(t, 'showTimeSeriesData', path, 'boolean');
  c.typed(t, 'stickySummary', path, 'boolean');
  if (c.typed(t, 'summaryColumns', path, 'array'))
    (t.summaryColumns as unknown[]).forEach((s, i) => {
      if (typeof s !== 'string' || !['MIN', 'MAX', 'SUM', 'AVG'].includes(s))
        c.error(`${path}/summaryColumns/${i}`, 'Should be equal to one of the allowed values');
    });
}

function checkYAxis(c: Checker, y: Json, path: string): void {
  for (const side of ['left', 'right']) {
    if (!c.typed(y, side, path, 'object')) continue;
    const s = y[side] as Json;
    const sp = `${path}/${side}`;
    const hasMin = c.typed(s, 'min', sp, 'number');
    const hasMax = c.typed(s, 'max', sp, 'number');
    c.typed(s, 'label', sp, 'string');
    c.typed(s, 'showUnits', sp, 'boolean');
    if (hasMin && hasMax && (s.min as number) >= (s.max as number))
      c.warn(sp, 'min is not below max: the axis cannot show anything');
  }
}

function checkAnnotations(c: Checker, a: Json, path: string): void {
  if (c.typed(a, 'alarms', path, 'array')) c.alarmArns(a.alarms as unknown[], `${path}/alarms`);
  for (const kind of ['horizontal', 'vertical'] as const) {
    if (!c.typed(a, kind, path, 'array')) continue;
    (a[kind] as unknown[]).forEach((item, i) => {
      const ip = `${path}/${kind}/${i}`;
      if (Array.isArray(item)) {
        // A band: two annotations, from one value to the other.
        if (item.length !== 2)
          c.error(
            ip,
            item.length > 2 ? 'Should NOT have more than 2 items' : 'Should NOT have fewer than 2 items',
          );
        item.slice(0, 2).forEach((one, k) => checkAnnotation(c, one, `${ip}/${k}`, kind));
      } else checkAnnotation(c, item, ip, kind);
    });
  }
}

function checkAnnotation(c: Checker, a: unknown, path: string, kind: 'horizontal' | 'vertical'): void {
  if (!isObject(a)) {
    c.error(path, 'Should be object');
    return;
  }
  if (c.required(a, 'value', path)) {
    if (kind === 'horizontal') c.typed(a, 'value', path, 'number');
    else c.time(a, 'value', path);
  }
  c.typed(a, 'label', path, 'string');
  c.color(a, 'color', path);
  c.typed(a, 'visible', path, 'boolean');
  if (kind === 'horizontal') {
    c.oneOf(a, 'fill', path, ['above', 'below', 'none']);
    c.oneOf(a, 'yAxis', path, ['left', 'right']);
  } else c.oneOf(a, 'fill', path, ['before', 'after', 'none']);
}

function checkMetrics(c: Checker, rows: unknown[], path: string): void {
  if (rows.length > MAX_METRICS_PER_WIDGET)
    c.error(path, `Should NOT have more than ${MAX_METRICS_PER_WIDGET} items`);
  const before = c.metricsSeen;
  c.metricsSeen += rows.length;
  if (before <= MAX_METRICS_PER_DASHBOARD && c.metricsSeen > MAX_METRICS_PER_DASHBOARD)
    c.error(
      path,
      `The dashboard has more than ${MAX_METRICS_PER_DASHBOARD} metrics (expressions and their inputs count)`,
    );
  const ids = new Set<string>();
  let previous: unknown[] = [];
  rows.forEach((row, i) => {
    const rp = `${path}/${i}`;
    if (!Array.isArray(row)) {
      c.error(rp, 'Should be array');
      return;
    }
    if (row.length === 0) {
      c.error(rp, 'Should NOT have fewer than 1 items');
      return;
    }
    const last = row[row.length - 1];
    const options = isObject(last) ? last : undefined;
    const written = options ? row.slice(0, -1) : row;
    written.forEach((f, k) => {
      if (typeof f !== 'string')
        c.error(`${rp}/${k}`, 'Invalid metric field type, only "String" type is allowed');
    });
    if (options) checkRenderingOptions(c, options, `${rp}/${row.length - 1}`, ids);
    if (written.length === 0) {
      if (typeof options?.expression !== 'string')
        c.error(`${rp}/0`, "Should have required property 'expression'");
      return;
    }
    // "..." (as the console writes rows) stands for as many "." as make the row as long as the one above.
    const ellipsis = written.indexOf('...');
    if (ellipsis >= 0 && previous.length === 0)
      c.warn(`${rp}/${ellipsis}`, "'...' repeats the row above, and there is none");
    const fields =
      ellipsis < 0
        ? written
        : [
            ...written.slice(0, ellipsis),
            ...Array<unknown>(Math.max(0, previous.length - (written.length - 1))).fill('.'),
            ...written.slice(ellipsis + 1),
          ];
    if (fields.length < 2) c.error(rp, 'Should NOT have fewer than 2 items (a namespace and a metric name)');
    else if (fields.length % 2 !== 0)
      c.error(
        `${rp}/${written.length - 1}`,
        'The dimension has no value: dimensions come in name, value pairs',
      );
    else if ((fields.length - 2) / 2 > 30) c.error(rp, 'A metric has at most 30 dimensions');
    // The namespace and the metric name; dimension values are not checked (AWS publishes no rule for them here).
    fields.slice(0, 2).forEach((f, k) => {
      if (f === '') c.error(`${rp}/${k}`, 'Should NOT be shorter than 1 characters');
    });
    if (ellipsis < 0)
      fields.forEach((f, k) => {
        if (f === '.' && previous[k] === undefined)
          c.warn(`${rp}/${k}`, "'.' repeats the value above it, and the row above has none at this position");
      });
    previous = fields.map((f, k) => (f === '.' ? previous[k] : f));
  });
}

function checkRenderingOptions(c: Checker, o: Json, path: string, ids: Set<string>): void {
  if (c.typed(o, 'id', path, 'string')) {
    const id = o.id as string;
    if (!ID.test(id))
      c.error(
        `${path}/id`,
        'Should start with a lowercase letter and contain only letters, numbers and underscores',
      );
    else if (ids.has(id))
      c.error(`${path}/id`, `The id ${id} is used by more than one metric of this widget`);
    ids.add(id);
  }
  if (c.typed(o, 'expression', path, 'string') && (o.expression as string).trim() === '')
    c.error(`${path}/expression`, 'Should NOT be shorter than 1 characters');
  for (const k of ['label', 'region', 'accountId']) c.typed(o, k, path, 'string');
  c.typed(o, 'visible', path, 'boolean');
  c.stat(o, 'stat', path);
  c.period(o, 'period', path);
  c.color(o, 'color', path);
  c.oneOf(o, 'yAxis', path, ['left', 'right']);
}

function checkVariable(c: Checker, v: unknown, path: string): void {
  if (!isObject(v)) {
    c.error(path, 'Should be object');
    return;
  }
  if (c.required(v, 'type', path)) c.oneOf(v, 'type', path, ['property', 'pattern']);
  if (v.type === 'property' && c.required(v, 'property', path)) c.typed(v, 'property', path, 'string');
  if (v.type === 'pattern' && c.required(v, 'pattern', path)) c.typed(v, 'pattern', path, 'string');
  if (c.required(v, 'inputType', path)) c.oneOf(v, 'inputType', path, ['input', 'radio', 'select']);
  if (c.required(v, 'id', path)) c.typed(v, 'id', path, 'string');
  for (const k of ['label', 'defaultValue', 'search', 'populateFrom']) c.typed(v, k, path, 'string');
  c.typed(v, 'visible', path, 'boolean');
  if (c.typed(v, 'values', path, 'array'))
    (v.values as unknown[]).forEach((item, i) => {
      const ip = `${path}/values/${i}`;
      if (!isObject(item)) c.error(ip, 'Should be object');
      else {
        if (c.required(item, 'value', ip)) c.typed(item, 'value', ip, 'string');
        c.typed(item, 'label', ip, 'string');
      }
    });
  if (v.search !== undefined && v.populateFrom === undefined)
    c.error(path, "Should have property 'populateFrom' when property 'search' is present");
  if (
    (v.inputType === 'radio' || v.inputType === 'select') &&
    v.values === undefined &&
    v.search === undefined
  )
    c.warn(path, 'A radio or select variable offers nothing to choose without values or a search');
}
