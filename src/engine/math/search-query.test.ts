import { describe, expect, it } from 'vitest';
import type { MetricId } from '../metrics/identity.ts';
import { MathError } from './math-error.ts';
import { matchesSearch, parseSearchQuery, partialMatch, searchTokens } from './search-query.ts';

describe('searchTokens: camel case and digits start tokens, other characters delimit, all lower case', () => {
  it.each<[string, string[]]>([
    // the three rows of AWS's tokenization table
    ['CustomCount1', ['customcount1', 'custom', 'count', '1']],
    ['SDBFailure', ['sdbfailure', 'sdb', 'failure']],
    ['Project2-trial333', ['project2trial333', 'project', '2', 'trial', '333']],
    ['Network-Errors_2', ['networkerrors2', 'network', 'errors', '2']],
    ['CPUUtilization', ['cpuutilization', 'cpu', 'utilization']],
    ['AWS/EC2', ['awsec2', 'aws', 'ec', '2']],
    ['orders', ['orders']],
    ['--', []],
  ])('%s', (name, tokens) => {
    expect(searchTokens(name)).toEqual(tokens);
  });
});

describe('partialMatch: one token case-insensitive, composite tokens case-sensitive', () => {
  it.each<[string, string, boolean]>([
    // search word, name, found
    ['count', 'CustomCount1', true],
    ['Count', 'CustomCount1', true],
    ['COUNT', 'CustomCount1', true],
    ['couNT', 'CustomCount1', false], // tokenized into cou and NT
    ['CustomCount', 'CustomCount1', true],
    ['Count1', 'CustomCount1', true],
    ['customcount', 'CustomCount1', false],
    ['count1', 'CustomCount1', false],
    ['customcount1', 'CustomCount1', true], // the whole token
    ['cou', 'CustomCount1', false], // tokens match whole, not as prefixes
    ['network/errors', 'Network-Errors-2', true],
    ['network+errors', 'NetworkErrors2', true],
    ['network-errors', 'Network-Errors-2', true],
    ['Network_Errors', 'NetworkErrors2', true],
    ['errors-network', 'Network-Errors-2', false],
    ['EC2', 'AWS/EC2', true],
    ['ec2', 'AWS/EC2', false],
    ['micro', 't2.micro', true],
    ['orders-api', 'orders-api', true],
    ['DummyMetric4-', 'DummyMetric4-Count', true],
    ['-', 'anything', false],
  ])('%s in %s → %s', (word, name, found) => {
    expect(partialMatch(word, name)).toBe(found);
  });
});

const ec2 = (metricName: string, instanceId: string, type?: string): MetricId => ({
  namespace: 'AWS/EC2',
  metricName,
  dimensions: [
    { name: 'InstanceId', value: instanceId },
    ...(type ? [{ name: 'InstanceType', value: type }] : []),
  ],
});
const METRICS: Record<string, MetricId> = {
  cpu1: ec2('CPUUtilization', 'i-1234567890123456'),
  cpu2: ec2('CPUUtilization', 'i-0abc', 't2.micro'),
  net1: ec2('NetworkPacketsIn', 'i-1234567890123456'),
  ec2All: { namespace: 'AWS/EC2', metricName: 'CPUUtilization', dimensions: [] },
  ebs: {
    namespace: 'AWS/EBS',
    metricName: 'VolumeReadOps',
    dimensions: [{ name: 'VolumeId', value: 'vol-1' }],
  },
  errA: {
    namespace: 'AWS/Lambda',
    metricName: 'Errors',
    dimensions: [{ name: 'FunctionName', value: 'other-fn' }],
  },
  invA: {
    namespace: 'AWS/Lambda',
    metricName: 'Invocations',
    dimensions: [{ name: 'FunctionName', value: 'ProjectA-fn' }],
  },
  invB: {
    namespace: 'AWS/Lambda',
    metricName: 'Invocations',
    dimensions: [{ name: 'FunctionName', value: 'other-fn' }],
  },
  custom: {
    namespace: 'My Namespace',
    metricName: 'Custom:Name[Special_Characters',
    dimensions: [{ name: 'Dimension@Name', value: 'x' }],
  },
  escaped: { namespace: 'Shop', metricName: 'Europe\\France Traffic(Network)', dimensions: [] },
};

describe('matchesSearch: schema, exact and partial terms, designators, Boolean operators', () => {
  it.each<[string, string[]]>([
    // query, keys of the metrics found
    ['{AWS/EC2,InstanceId} MetricName="CPUUtilization"', ['cpu1']],
    ['{AWS/EC2,InstanceId,InstanceType} MetricName="CPUUtilization"', ['cpu2']],
    ['{AWS/EC2} MetricName="CPUUtilization"', ['ec2All']],
    ['{AWS/EC2,InstanceId}', ['cpu1', 'net1']],
    ['{AWS/EC2,InstanceId} network packets', ['net1']],
    ['{AWS/EC2,InstanceId} network AND packets', ['net1']],
    ['{ AWS/EC2 , InstanceId }, "CPUUtilization"', ['cpu1']],
    ['"CPUUtilization"', ['cpu1', 'cpu2', 'ec2All']],
    ['"cpuutilization"', []],
    ['"CPU"', []],
    ['MetricName="CPUUtilization" NOT i-1234567890123456', ['cpu2', 'ec2All']],
    ['MetricName="CPUUtilization" NOT "i-1234567890123456" NOT "i-0abc"', ['ec2All']],
    ['InstanceType=micro', ['cpu2']],
    ['InstanceType="t2.micro" Namespace="AWS/EC2"', ['cpu2']],
    ['"InstanceId"=("i-0abc" OR "i-1234567890123456") MetricName="CPUUtilization"', ['cpu1', 'cpu2']],
    ['(EC2 OR EBS) AND MetricName=ReadOps', ['ebs']],
    ['(EC2 OR EBS) MetricName=ReadOps', ['ebs']],
    [
      '{AWS/Lambda,FunctionName} MetricName="Errors" OR (MetricName="Invocations" AND (ProjectA OR ProjectB))',
      ['errA', 'invA'],
    ],
    ['NOT Namespace=AWS', ['custom', 'escaped']],
    ['{"My Namespace", "Dimension@Name"}, "Custom:Name[Special_Characters"', ['custom']],
    ['"Europe\\\\France Traffic\\(Network\\)"', ['escaped']],
    ['Errors', ['errA']],
    ['{AWS/Lambda,FunctionName} fn', ['errA', 'invA', 'invB']],
    // NOT binds tighter than AND (written or implied), AND tighter than OR
    ['{AWS/Lambda,FunctionName} Invocations OR Errors NOT ProjectA', ['errA', 'invA', 'invB']],
    ['{AWS/Lambda,FunctionName} (Invocations OR Errors) NOT ProjectA', ['errA', 'invB']],
  ])('%s', (query, found) => {
    const q = parseSearchQuery(query);
    const keys = Object.entries(METRICS)
      .filter(([, m]) => matchesSearch(q, m))
      .map(([k]) => k);
    expect(keys).toEqual(found);
  });
});

function searchError(query: string, offset = 0): MathError {
  try {
    parseSearchQuery(query, offset);
  } catch (e) {
    if (e instanceof MathError) return e;
    throw e;
  }
  throw new Error(`parsed: ${query}`);
}

describe('parseSearchQuery: errors point into the expression', () => {
  it.each<[string, string]>([
    ['', 'Invalid search expression at position 0: give a metric schema in braces, a search term, or both'],
    ['  ', 'Invalid search expression at position 2: give a metric schema in braces, a search term, or both'],
    ['{AWS/EC2', "Invalid search expression at position 0: expected ',' or '}' in the schema"],
    ['{}', 'Invalid search expression at position 1: the schema starts with a namespace'],
    ['{AWS/EC2,}', 'Invalid search expression at position 9: expected a dimension name'],
    ['"CPU', 'Invalid search expression at position 0: unterminated double quote'],
    ['(EC2 OR EBS', "Invalid search expression at position 11: expected ')'"],
    ['EC2 OR', 'Invalid search expression at position 6: a search term is missing'],
    ['NOT', 'Invalid search expression at position 3: a search term is missing'],
    ['EC2)', "Invalid search expression at position 3: unexpected ')'"],
    ['MetricName=', 'Invalid search expression at position 11: a search term is missing'],
    [
      'x'.repeat(1025),
      'Invalid search expression at position 0: the query is 1025 characters long, at most 1024 are allowed',
    ],
  ])('%j', (query, message) => {
    expect(searchError(query).message).toBe(message);
  });

  it('counts positions from where the string starts in the expression', () => {
    expect(searchError('{AWS/EC2,}', 8).position).toBe(17);
  });
});
