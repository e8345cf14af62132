import type { CompositeAlarm, Engine } from '../../engine/index.ts';
import { findCycle, parseAlarmRule, refName } from '../../engine/index.ts';
import { actionsAt, alarmNameAt } from './alarm-shapes.ts';
import { invalidParameterValue, missingParameter } from './errors.ts';
import { type Json, booleanAt, integerAt, listAt, stringAt } from './input.ts';

/**
 * PutCompositeAlarm: the AlarmRule is parsed (errors give the position), cycles are refused, and
 * the actions suppressor needs both its wait and extension periods.
 * https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_PutCompositeAlarm.html
 */
export function putCompositeAlarm(input: Json, engine: Engine): Json {
  const name = alarmNameAt(input, 'AlarmName', 'AlarmName');
  const rule = stringAt(input, 'AlarmRule', 'AlarmRule', true, 10240);
  const parsed = parseAlarmRule(rule);
  if (!parsed.ok)
    throw invalidParameterValue(`The value for parameter AlarmRule is invalid: ${parsed.error.message}`);
  const existing = engine.alarms.get(name);
  if (existing?.type === 'MetricAlarm')
    throw invalidParameterValue(`The alarm ${name} is a metric alarm; use PutMetricAlarm to change it.`);
  // Adding this rule must not close a cycle of composite alarms.
  const graph = new Map<string, string[]>();
  for (const a of engine.alarms.list()) {
    if (a.type !== 'CompositeAlarm' || a.name === name) continue;
    const p = parseAlarmRule(a.rule);
    if (p.ok) graph.set(a.name, p.children.map(refName));
  }
  graph.set(name, parsed.children.map(refName));
  const cycle = findCycle(graph, name);
  if (cycle)
    throw invalidParameterValue(`The AlarmRule creates a cycle of composite alarms: ${cycle.join(' -> ')}.`);
  const suppressor = stringAt(input, 'ActionsSuppressor', 'ActionsSuppressor', false, 1600);
  const wait = integerAt(input, 'ActionsSuppressorWaitPeriod', 'ActionsSuppressorWaitPeriod', 0, 86_400);
  const extension = integerAt(
    input,
    'ActionsSuppressorExtensionPeriod',
    'ActionsSuppressorExtensionPeriod',
    0,
    86_400,
  );
  if (suppressor !== undefined && wait === undefined) throw missingParameter('ActionsSuppressorWaitPeriod');
  if (suppressor !== undefined && extension === undefined)
    throw missingParameter('ActionsSuppressorExtensionPeriod');
  if (suppressor === undefined && (wait !== undefined || extension !== undefined)) {
    throw invalidParameterValue(
      'ActionsSuppressorWaitPeriod and ActionsSuppressorExtensionPeriod require ActionsSuppressor.',
    );
  }
  const actions = ['AlarmActions', 'OKActions', 'InsufficientDataActions'].flatMap((k) =>
    actionsAt(input, k),
  );
  const bad = actions.find((a) => a.startsWith('arn:aws:automate:') || a.includes(':autoscaling:'));
  if (bad) throw invalidParameterValue(`Composite alarms cannot take EC2 or Auto Scaling actions: ${bad}.`);
  const tags = listAt(input, 'Tags', 'Tags') ?? [];
  if (tags.length > 50)
    throw invalidParameterValue('The collection Tags must not have a size greater than 50.');
  const config: Omit<CompositeAlarm, 'type' | 'arn' | 'state' | 'configUpdatedMs'> = {
    name,
    rule,
    description: stringAt(input, 'AlarmDescription', 'AlarmDescription', false, 1024),
    actionsEnabled: booleanAt(input, 'ActionsEnabled', 'ActionsEnabled') ?? true,
    alarmActions: actionsAt(input, 'AlarmActions'),
    okActions: actionsAt(input, 'OKActions'),
    insufficientDataActions: actionsAt(input, 'InsufficientDataActions'),
    actionsSuppressor: suppressor,
    actionsSuppressorWaitPeriod: wait,
    actionsSuppressorExtensionPeriod: extension,
    tags: [],
  };
  engine.alarms.putCompositeAlarm(config, engine.now());
  return {};
}
