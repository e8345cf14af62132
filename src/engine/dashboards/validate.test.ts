import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { simulatedDashboards } from '../simulation/dashboards.ts';
import { findJsonSyntaxError } from './json-syntax.ts';
import { type DashboardProblem, validateDashboardBody } from './validate.ts';

const FIXTURES = new URL('../../test-fixtures/dashboards/', import.meta.url);
const fixtureNames = readdirSync(FIXTURES).filter((f) => f.endsWith('.json'));
const errorsOf = (body: unknown) =>
  validateDashboardBody(typeof body === 'string' ? body : JSON.stringify(body)).filter(
    (p) => p.level === 'error',
  );
const at = (problems: DashboardProblem[]) => problems.map((p) => [p.dataPath, p.message]);

/** The example bodies of the spec's §g.3, copied from AWS's documentation. */
const DOC_EXAMPLES: Record<string, string> = {
  'body structure': `{ "start": "-PT6H", "periodOverride": "inherit",
    "widgets": [
      { "type":"metric", "x":0, "y":0, "width":12, "height":6,
        "properties":{ "metrics":[ [ "AWS/EC2", "CPUUtilization", "InstanceId", "i-012345" ] ],
          "period":300, "stat":"Average", "region":"us-east-1", "title":"EC2 Instance CPU",
          "liveData": false, "legend": { "position": "right" } } },
      { "type":"text", "x":0, "y":7, "width":3, "height":3, "properties":{ "markdown":"Hello world" } } ] }`,
  'CLI put-dashboard': `{"widgets":[{"type":"metric","x":0,"y":0,"width":6,"height":6,"properties":{"view":"timeSeries","stacked":false,
    "metrics":[["Namespace","CPUUtilization","Environment","Prod","Type","App"]],"region":"us-east-1"}}]}`,
  'cross-account metrics': `{ "widgets": [ { "type": "metric", "properties": {
     "metrics": [
       [ { "expression": "SUM(METRICS())", "label": "[avg: \${AVG}] Expression1", "id": "e1", "stat": "Sum" } ],
       [ "AWS/EC2", "CPUUtilization", { "id": "m2", "accountId": "5555666677778888", "region": "us-east-1", "label": "[avg: \${AVG}] ApplicationALabel " } ],
       [ ".", ".", { "id": "m1", "accountId": "9999000011112222", "region": "eu-west-1", "label": "[avg: \${AVG}] ApplicationBLabel" } ] ],
     "view": "timeSeries", "stacked": false, "stat": "Sum", "period": 300, "title": "Cross account example" } } ] }`,
  'alarm graph': `{ "widgets": [ { "type": "metric", "x": 6, "y": 0, "width": 6, "height": 6,
    "properties": { "accountID": "111122223333", "title": "over50",
      "annotations": { "alarms": [ "arn:aws:cloudwatch:us-east-1:379642911888:alarm:over50" ] },
      "view": "timeSeries", "stacked": false } } ] }`,
  'log widget': `{ "widgets": [ { "type": "log", "x": 0, "y": 6, "width": 24, "height": 6,
    "properties": { "query": "SOURCE 'route53test' | fields @timestamp, @message\\n| sort @timestamp desc\\n| limit 20",
      "accountId": "111122223333", "region": "us-east-1", "stacked": false, "view": "table" } } ] }`,
};

describe('validateDashboardBody: bodies that CloudWatch accepts', () => {
  it.each(fixtureNames)('%s has no errors', (name) => {
    expect(at(errorsOf(readFileSync(new URL(name, FIXTURES), 'utf8')))).toEqual([]);
  });

  it.each(Object.entries(DOC_EXAMPLES))('the documented example "%s" has no problems at all', (_, body) => {
    expect(at(validateDashboardBody(body))).toEqual([]);
  });

  it('the simulated account’s Service-health has no errors, one warning about its open alarm list', () => {
    const [health] = simulatedDashboards();
    expect(health.name).toBe('Service-health');
    expect(at(validateDashboardBody(health.body))).toEqual([
      [
        '/widgets/11/properties/alarms',
        'CloudWatch needs at least one alarm ARN here; Watchtrail shows every alarm when the list is empty',
      ],
    ]);
  });
});

const metric = (properties: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
  widgets: [{ type: 'metric', x: 0, y: 0, width: 6, height: 6, properties, ...extra }],
});
const ROW = ['AWS/EC2', 'CPUUtilization', 'InstanceId', 'i-1'];

describe('validateDashboardBody: errors, with the path and AWS’s wording', () => {
  it.each<[string, unknown, [string, string][]]>([
    ['not an object', [], [['', 'Should be object']]],
    ['no widgets', {}, [['', "Should have required property 'widgets'"]]],
    ['widgets not a list', { widgets: {} }, [['/widgets', 'Should be array']]],
    [
      'more than 500 widgets',
      { widgets: Array.from({ length: 501 }, () => ({ type: 'text', properties: { markdown: '' } })) },
      [['/widgets', 'Should NOT have more than 500 items']],
    ],
    ['a widget that is not an object', { widgets: [3] }, [['/widgets/0', 'Should be object']]],
    [
      'a widget without a type',
      { widgets: [{ properties: {} }] },
      [['/widgets/0', "Should have required property 'type'"]],
    ],
    [
      'an unknown widget type',
      { widgets: [{ type: 'graph', properties: {} }] },
      [['/widgets/0/type', 'Should be equal to one of the allowed values']],
    ],
    [
      'x past the grid, a fractional width, a zero height',
      { widgets: [{ type: 'text', x: 24, width: 2.5, height: 0, properties: { markdown: 'a' } }] },
      [
        ['/widgets/0/x', 'Should be <= 23'],
        ['/widgets/0/width', 'Should be integer'],
        ['/widgets/0/height', 'Should be >= 1'],
      ],
    ],
    [
      'a widget without properties',
      { widgets: [{ type: 'text' }] },
      [['/widgets/0', "Should have required property 'properties'"]],
    ],
    [
      'a metric widget with neither metrics nor an alarm annotation (as AWS reports it)',
      metric({ title: 'empty' }),
      [
        ['/widgets/0/properties', "Should have required property 'metrics'"],
        [
          '/widgets/0/properties',
          'The metric widget should have specified a region and a data source or an alarm annotation',
        ],
        ['/widgets/0/properties', "Should have required property 'annotations'"],
      ],
    ],
    [
      'a metric row that is not an array (a SEARCH written without its row)',
      metric({ metrics: [{ expression: 'SEARCH(x)' }] }),
      [['/widgets/0/properties/metrics/0', 'Should be array']],
    ],
    [
      'a number among the metric fields',
      metric({ metrics: [['AWS/EC2', 'CPUUtilization', 'InstanceId', 7]] }),
      [['/widgets/0/properties/metrics/0/3', 'Invalid metric field type, only "String" type is allowed']],
    ],
    [
      'a dimension without its value',
      metric({ metrics: [['AWS/EC2', 'CPUUtilization', 'InstanceId']] }),
      [
        [
          '/widgets/0/properties/metrics/0/2',
          'The dimension has no value: dimensions come in name, value pairs',
        ],
      ],
    ],
    [
      'an options object without an expression on its own',
      metric({ metrics: [[{ id: 'e1' }]] }),
      [['/widgets/0/properties/metrics/0/0', "Should have required property 'expression'"]],
    ],
    [
      'bad id, duplicate id, bad stat and period in the rendering options',
      metric({
        metrics: [
          [...ROW, { id: 'M1' }],
          [...ROW, { id: 'm2', stat: 'Mean', period: 90 }],
          [...ROW, { id: 'm2' }],
        ],
      }),
      [
        [
          '/widgets/0/properties/metrics/0/4/id',
          'Should start with a lowercase letter and contain only letters, numbers and underscores',
        ],
        [
          '/widgets/0/properties/metrics/1/4/stat',
          'Should be a statistic: SampleCount, Average, Sum, Minimum, Maximum, a percentile such as p99, or a trimmed statistic such as tm90',
        ],
        ['/widgets/0/properties/metrics/1/4/period', 'Should be 1, 5, 10, 20, 30 or a multiple of 60'],
        ['/widgets/0/properties/metrics/2/4/id', 'The id m2 is used by more than one metric of this widget'],
      ],
    ],
    [
      'an unknown view, a string period, a bad legend position',
      metric({ metrics: [ROW], view: 'line', period: '300', legend: { position: 'left' } }),
      [
        ['/widgets/0/properties/view', 'Should be equal to one of the allowed values'],
        ['/widgets/0/properties/period', 'Should be integer'],
        ['/widgets/0/properties/legend/position', 'Should be equal to one of the allowed values'],
      ],
    ],
    [
      'a gauge without its range',
      metric({ metrics: [ROW], view: 'gauge', yAxis: { left: { min: 0 } } }),
      [['/widgets/0/properties/yAxis/left', "Should have required property 'max'"]],
    ],
    [
      'annotations: a string value, a band of three, a bad fill, an alarm that is not an ARN',
      metric({
        metrics: [ROW],
        annotations: {
          horizontal: [{ value: '5' }, [{ value: 1 }, { value: 2 }, { value: 3 }], { value: 1, fill: 'up' }],
          vertical: [{ label: 'deploy' }],
          alarms: ['over50'],
        },
      }),
      [
        [
          '/widgets/0/properties/annotations/alarms/0',
          'Should be an alarm ARN such as arn:aws:cloudwatch:us-east-1:123456789012:alarm:MyAlarm',
        ],
        ['/widgets/0/properties/annotations/horizontal/0/value', 'Should be number'],
        ['/widgets/0/properties/annotations/horizontal/1', 'Should NOT have more than 2 items'],
        [
          '/widgets/0/properties/annotations/horizontal/2/fill',
          'Should be equal to one of the allowed values',
        ],
        ['/widgets/0/properties/annotations/vertical/0', "Should have required property 'value'"],
      ],
    ],
    [
      'more than 500 metrics in a widget',
      metric({ metrics: Array.from({ length: 501 }, (_, i) => ['NS', `M${i}`]) }),
      [['/widgets/0/properties/metrics', 'Should NOT have more than 500 items']],
    ],
    [
      'a text widget without markdown',
      { widgets: [{ type: 'text', properties: { background: 'dark' } }] },
      [
        ['/widgets/0/properties', "Should have required property 'markdown'"],
        ['/widgets/0/properties/background', 'Should be equal to one of the allowed values'],
      ],
    ],
    [
      'an alarm widget without alarms, with an unknown state',
      { widgets: [{ type: 'alarm', properties: { states: ['FIRING'] } }] },
      [
        ['/widgets/0/properties', "Should have required property 'alarms'"],
        ['/widgets/0/properties/states/0', 'Should be equal to one of the allowed values'],
      ],
    ],
    [
      'log and custom widgets without their query and endpoint',
      {
        widgets: [
          { type: 'log', properties: {} },
          { type: 'custom', properties: {} },
        ],
      },
      [
        ['/widgets/0/properties', "Should have required property 'query'"],
        ['/widgets/1/properties', "Should have required property 'endpoint'"],
      ],
    ],
    [
      'a bad periodOverride',
      { widgets: [], periodOverride: 'always' },
      [['/periodOverride', 'Should be equal to one of the allowed values']],
    ],
    [
      'an empty namespace and metric name',
      metric({ metrics: [['', '']] }),
      [
        ['/widgets/0/properties/metrics/0/0', 'Should NOT be shorter than 1 characters'],
        ['/widgets/0/properties/metrics/0/1', 'Should NOT be shorter than 1 characters'],
      ],
    ],
    [
      'variables: an unknown type, a property variable without its property, a value that is a number',
      {
        widgets: [],
        variables: [
          { type: 'regex', inputType: 'input', id: 'a' },
          { type: 'property', inputType: 'select', id: 'b', values: [{ value: 1 }] },
        ],
      },
      [
        ['/variables/0/type', 'Should be equal to one of the allowed values'],
        ['/variables/1', "Should have required property 'property'"],
        ['/variables/1/values/0/value', 'Should be string'],
      ],
    ],
  ])('%s', (_, body, expected) => {
    expect(at(errorsOf(body))).toEqual(expected);
  });

  it('counts metrics across widgets: the one that passes 2500 is named', () => {
    const widget = {
      type: 'metric',
      properties: { metrics: Array.from({ length: 500 }, (_, i) => ['NS', `M${i}`]) },
    };
    const body = { widgets: Array.from({ length: 6 }, () => widget) };
    expect(at(errorsOf(body))).toEqual([
      [
        '/widgets/5/properties/metrics',
        'The dashboard has more than 2500 metrics (expressions and their inputs count)',
      ],
    ]);
  });
});

describe('validateDashboardBody: warnings (saved, but something is off)', () => {
  it.each<[string, unknown, [string, string][]]>([
    [
      'unknown top-level and widget properties',
      { widgets: [{ type: 'text', properties: { markdown: 'a' }, colour: 'red' }], theme: 'dark' },
      [
        ['/theme', "Unknown dashboard property 'theme': CloudWatch keeps it but does not use it"],
        ['/widgets/0/colour', "Unknown widget property 'colour': CloudWatch keeps it but does not use it"],
      ],
    ],
    [
      'a widget reaching past the 24th column',
      { widgets: [{ type: 'text', x: 20, width: 6, properties: { markdown: 'a' } }] },
      [['/widgets/0', 'The widget reaches past the 24th column (x + width > 24): it is narrowed to fit']],
    ],
    [
      'a time Watchtrail cannot read, a colour without #',
      metric({ metrics: [[...ROW, { color: 'red' }]], start: 'yesterday' }),
      [
        [
          '/widgets/0/properties/metrics/0/4/color',
          'Should match pattern "^#[0-9a-fA-F]{6}$": the default colour is used',
        ],
        [
          '/widgets/0/properties/start',
          'Watchtrail reads a relative time such as -PT6H or an ISO 8601 date-time such as 2026-11-10T08:00:00Z; it uses the default range instead of this one',
        ],
      ],
    ],
    [
      'an end without a start, for the dashboard and for a widget',
      { ...metric({ metrics: [ROW], end: '-PT1H' }), end: '-PT1H' },
      [
        [
          '/widgets/0/properties',
          "Should have property 'start' when property 'end' is present: the end is ignored",
        ],
        ['', "Should have property 'start' when property 'end' is present: the end is ignored"],
      ],
    ],
    [
      "'.' in the first row",
      metric({ metrics: [['.', 'CPUUtilization']] }),
      [
        [
          '/widgets/0/properties/metrics/0/0',
          "'.' repeats the value above it, and the row above has none at this position",
        ],
      ],
    ],
  ])('%s', (_, body, expected) => {
    const problems = validateDashboardBody(JSON.stringify(body));
    expect(problems.every((p) => p.level === 'warning')).toBe(true);
    expect(at(problems)).toEqual(expected);
  });

  it("'...' repeats the rest of the row above (the console's shorthand)", () => {
    const body = metric({
      metrics: [
        [...ROW, { stat: 'Maximum' }],
        ['...', { stat: 'Average' }],
        ['...', 'i-2'],
      ],
    });
    expect(validateDashboardBody(JSON.stringify(body))).toEqual([]);
  });
});

describe('JSON syntax errors', () => {
  it.each<[string, string, number, number]>([
    ['{"widgets": [}', 'unexpected "}"', 1, 14],
    [
      '{\n  "widgets": [\n    {"type": "text",}\n  ]\n}',
      'expected a property name in double quotes, found "}"',
      3,
      21,
    ],
    ['{"widgets": []', "expected ',' or '}' after a property value, found end of input", 1, 15],
    ["{'widgets': []}", 'expected a property name in double quotes, found "\'"', 1, 2],
    ['{"widgets": []} x', 'unexpected "x" after the end of the JSON value', 1, 17],
    ['', 'unexpected end of input', 1, 1],
  ])('%j → %s at %i:%i', (text, reason, line, column) => {
    expect(findJsonSyntaxError(text)).toMatchObject({ reason, line, column });
    const problems = validateDashboardBody(text);
    expect(problems).toEqual([
      {
        dataPath: '',
        message: `The dashboard body is not valid JSON: ${reason} at line ${line}, column ${column}`,
        level: 'error',
      },
    ]);
  });

  it('agrees with JSON.parse on what is valid', () => {
    for (const text of ['{"a":[1,-2.5e3,true,false,null,"\\u00e9\\n"]}', '"x"', '[]', ' 0 ']) {
      expect(findJsonSyntaxError(text)).toBeUndefined();
      expect(() => JSON.parse(text)).not.toThrow();
    }
    for (const text of ['[01]', '[1.]', '["\\x"]', '[-]', '{"a" 1}', '[1,]', 'nul']) {
      expect(findJsonSyntaxError(text)).toBeDefined();
      expect(() => JSON.parse(text)).toThrow();
    }
  });
});
