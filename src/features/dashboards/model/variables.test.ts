import { describe, expect, it } from 'vitest';
import type { MetricIdentity } from '../../../lib/cloudwatch/metric-identity.ts';
import type { DashboardBody, MetricWidgetProperties } from './dashboard-body.ts';
import { applyVariables, parseMetricSearch, searchChoices, variableValues } from './variables.ts';

// The CDK's integration test body (aws-cloudwatch integ.dashboard-variables), as CloudWatch stores it.
const CDK_VARIABLES: DashboardBody = {
  widgets: [
    {
      type: 'text',
      width: 6,
      height: 2,
      x: 0,
      y: 0,
      properties: {
        markdown: 'The dashboard is showing RegionPlaceholder region',
        background: 'transparent',
      },
    },
    {
      type: 'metric',
      width: 6,
      height: 6,
      x: 0,
      y: 2,
      properties: {
        view: 'timeSeries',
        title: 'My fancy graph',
        region: 'us-east-1',
        metrics: [
          [
            'AWS/S3',
            'BucketSizeBytes',
            'BucketName',
            'my-bucket',
            'StorageType',
            'StandardStorage',
            { label: "[BucketName: ${PROP('Dim.BucketName')}] BucketSizeBytes", stat: 'Maximum' },
          ],
        ],
        yAxis: {},
      },
    },
  ],
  variables: [
    {
      pattern: 'RegionPlaceholder',
      type: 'pattern',
      inputType: 'radio',
      id: 'region3',
      defaultValue: 'us-east-1',
      visible: true,
      label: 'RegionPatternWithValues',
      values: [
        { label: 'IAD', value: 'us-east-1' },
        { label: 'DUB', value: 'us-west-2' },
      ],
    },
    {
      property: 'BucketName',
      type: 'property',
      inputType: 'select',
      id: 'BucketName',
      defaultValue: '__FIRST',
      visible: true,
      label: 'BucketName',
      search: '{AWS/S3,BucketName,StorageType} MetricName="BucketSizeBytes"',
      populateFrom: 'BucketName',
    },
  ],
};

const metric = (namespace: string, metricName: string, dims: Record<string, string>): MetricIdentity => ({
  namespace,
  metricName,
  dimensions: Object.entries(dims).map(([name, value]) => ({ name, value })),
});

const LISTED: MetricIdentity[] = [
  metric('AWS/S3', 'BucketSizeBytes', { BucketName: 'logs-bucket', StorageType: 'StandardStorage' }),
  metric('AWS/S3', 'BucketSizeBytes', { BucketName: 'assets', StorageType: 'StandardStorage' }),
  metric('AWS/S3', 'NumberOfObjects', { BucketName: 'other', StorageType: 'AllStorageTypes' }),
  metric('AWS/S3', 'BucketSizeBytes', { BucketName: 'no-storage-type' }),
  metric('AWS/EC2', 'CPUUtilization', { InstanceId: 'i-1' }),
];

const props = (body: DashboardBody, i: number) => body.widgets[i].properties as MetricWidgetProperties;

describe('the CDK variables body', () => {
  it('lists the search choices from the metrics that fit the schema and the name', () => {
    const choices = searchChoices(
      '{AWS/S3,BucketName,StorageType} MetricName="BucketSizeBytes"',
      'BucketName',
      LISTED,
    );
    expect(choices.map((c) => c.value)).toEqual(['assets', 'logs-bucket']);
  });

  it('defaults: the pattern to its defaultValue, __FIRST to the first search result', () => {
    const values = variableValues(CDK_VARIABLES, {}, { BucketName: [{ value: 'assets' }, { value: 'b' }] });
    expect(values).toEqual({ region3: 'us-east-1', BucketName: 'assets' });
  });

  it('takes the URL value over the default', () => {
    expect(variableValues(CDK_VARIABLES, { region3: 'us-west-2' }).region3).toBe('us-west-2');
  });

  it('a __FIRST variable whose search found nothing has no value and changes nothing', () => {
    const values = variableValues(CDK_VARIABLES, {});
    expect(values).toEqual({ region3: 'us-east-1' });
    const applied = applyVariables(CDK_VARIABLES, { BucketName: undefined as unknown as string });
    expect(applied.widgets).toBe(CDK_VARIABLES.widgets);
  });

  it('replaces the pattern in the text and sets the bucket dimension, keeping the rest', () => {
    const applied = applyVariables(CDK_VARIABLES, { region3: 'us-west-2', BucketName: 'assets' });
    expect(applied.widgets[0].properties?.markdown).toBe('The dashboard is showing us-west-2 region');
    expect(props(applied, 1).metrics?.[0]).toEqual([
      'AWS/S3',
      'BucketSizeBytes',
      'BucketName',
      'assets',
      'StorageType',
      'StandardStorage',
      { label: "[BucketName: ${PROP('Dim.BucketName')}] BucketSizeBytes", stat: 'Maximum' },
    ]);
    expect(props(applied, 1).yAxis).toEqual({});
    expect(applied.variables).toBe(CDK_VARIABLES.variables);
    // The original is untouched.
    expect(props(CDK_VARIABLES, 1).metrics?.[0][3]).toBe('my-bucket');
    expect(CDK_VARIABLES.widgets[0].properties?.markdown).toContain('RegionPlaceholder');
  });
});

describe('property variables', () => {
  const body = (metrics: unknown[], extra: Record<string, unknown> = {}): DashboardBody => ({
    widgets: [{ type: 'metric', properties: { metrics, region: 'us-east-1', ...extra } }],
    variables: [{ type: 'property', property: 'InstanceId', inputType: 'input', id: 'inst' }],
  });

  it.each([
    {
      name: 'a row with the dimension takes the value',
      metrics: [['AWS/EC2', 'CPUUtilization', 'InstanceId', 'i-1']],
      want: [['AWS/EC2', 'CPUUtilization', 'InstanceId', 'i-9']],
    },
    {
      name: 'a row without it is untouched',
      metrics: [['AWS/EC2', 'CPUUtilization', 'AutoScalingGroupName', 'asg']],
      want: [['AWS/EC2', 'CPUUtilization', 'AutoScalingGroupName', 'asg']],
    },
    {
      name: 'the dimension in second place, with options',
      metrics: [['AWS/EC2', 'NetworkIn', 'ImageId', 'ami-1', 'InstanceId', 'i-1', { stat: 'Sum' }]],
      want: [['AWS/EC2', 'NetworkIn', 'ImageId', 'ami-1', 'InstanceId', 'i-9', { stat: 'Sum' }]],
    },
    {
      name: '"." rows: a repeated dimension name is still that dimension',
      metrics: [
        ['AWS/EC2', 'CPUUtilization', 'InstanceId', 'i-1'],
        ['.', 'NetworkIn', '.', 'i-2'],
      ],
      want: [
        ['AWS/EC2', 'CPUUtilization', 'InstanceId', 'i-9'],
        ['.', 'NetworkIn', '.', 'i-9'],
      ],
    },
    {
      name: '"..." rows (as the console writes) repeat the changed row above',
      metrics: [
        ['AWS/EC2', 'CPUUtilization', 'InstanceId', 'i-1', { stat: 'Maximum' }],
        ['...', { stat: 'Minimum' }],
      ],
      want: [
        ['AWS/EC2', 'CPUUtilization', 'InstanceId', 'i-9', { stat: 'Maximum' }],
        ['...', { stat: 'Minimum' }],
      ],
    },
    {
      name: 'a "..." row that changes a value of its own is written out',
      metrics: [
        ['AWS/EC2', 'CPUUtilization', 'ImageId', 'ami-1'],
        ['...', 'InstanceId', 'i-1'],
      ],
      want: [
        ['AWS/EC2', 'CPUUtilization', 'ImageId', 'ami-1'],
        ['AWS/EC2', 'CPUUtilization', 'InstanceId', 'i-9'],
      ],
    },
    {
      name: 'expression rows are untouched',
      metrics: [[{ expression: 'SUM(METRICS())', id: 'e1' }]],
      want: [[{ expression: 'SUM(METRICS())', id: 'e1' }]],
    },
  ])('$name', ({ metrics, want }) => {
    expect(props(applyVariables(body(metrics), { inst: 'i-9' }), 0).metrics).toEqual(want);
  });

  it('a property variable on a widget property (region) sets it on every widget that has it', () => {
    const b: DashboardBody = {
      widgets: [
        { type: 'metric', properties: { metrics: [], region: 'us-east-1' } },
        { type: 'text', properties: { markdown: 'x' } },
      ],
      variables: [{ type: 'property', property: 'region', inputType: 'input', id: 'r' }],
    };
    const applied = applyVariables(b, { r: 'eu-west-1' });
    expect(applied.widgets[0].properties?.region).toBe('eu-west-1');
    expect(applied.widgets[1]).toBe(b.widgets[1]);
  });
});

describe('pattern variables', () => {
  it('replace every regex match in every string of every widget, not in keys', () => {
    const b: DashboardBody = {
      widgets: [
        {
          type: 'metric',
          properties: {
            title: 'fn-a latency (fn-a)',
            metrics: [['AWS/Lambda', 'Duration', 'FunctionName', 'fn-a']],
            'fn-a': 'key stays',
            unknownNested: { deep: ['fn-a'] },
          },
        },
      ],
      variables: [{ type: 'pattern', pattern: 'fn-[a-z]', inputType: 'input', id: 'fn' }],
    };
    const p = applyVariables(b, { fn: 'orders' }).widgets[0].properties ?? {};
    expect(p.title).toBe('orders latency (orders)');
    expect(p.metrics).toEqual([['AWS/Lambda', 'Duration', 'FunctionName', 'orders']]);
    expect(p['fn-a']).toBe('key stays');
    expect(p.unknownNested).toEqual({ deep: ['orders'] });
  });

  it('a value with $ is inserted as written; an invalid regex matches as text', () => {
    const b: DashboardBody = {
      widgets: [{ type: 'text', properties: { markdown: 'a (x b' } }],
      variables: [{ type: 'pattern', pattern: '(x', inputType: 'input', id: 'p' }],
    };
    expect(applyVariables(b, { p: '$1$&' }).widgets[0].properties?.markdown).toBe('a $1$& b');
  });
});

describe('search expressions', () => {
  it.each([
    {
      search: '{AWS/Lambda,FunctionName} MetricName="Duration"',
      want: {
        namespace: 'AWS/Lambda',
        dimensionNames: ['FunctionName'],
        exact: [{ key: 'MetricName', value: 'Duration' }],
        words: [],
      },
    },
    {
      search: 'Errors prod',
      want: { exact: [], words: ['errors', 'prod'] },
    },
  ])('$search', ({ search, want }) => {
    expect(parseMetricSearch(search)).toEqual(want);
  });
});
