import type { Alarm, Engine } from '../../engine/index.ts';
import { parseAlarmRule, refName } from '../../engine/index.ts';
import { ALARM_STATES, alarmNamesAt, compositeAlarmOut, metricAlarmOut } from './alarm-shapes.ts';
import { invalidNextToken, invalidParameterCombination, invalidParameterValue } from './errors.ts';
import { type Json, decodeToken, encodeToken, integerAt, listAt, stringAt } from './input.ts';

/**
 * AlarmTypes; omitted, metric alarms only, except for ChildrenOfAlarmName and ParentsOfAlarmName,
 * which combine with nothing but paging and return composite alarms too (parents are all composites).
 */
function typesAt(input: Json, related: boolean): Set<string> {
  const types = listAt(input, 'AlarmTypes', 'AlarmTypes');
  if (types === undefined) return new Set(related ? ['MetricAlarm', 'CompositeAlarm'] : ['MetricAlarm']);
  for (const [i, t] of types.entries()) {
    if (t !== 'MetricAlarm' && t !== 'CompositeAlarm') {
      throw invalidParameterValue(
        `The value ${JSON.stringify(t)} for parameter AlarmTypes.member.${i + 1} is invalid: use MetricAlarm or CompositeAlarm.`,
      );
    }
  }
  return new Set(types as string[]);
}

function page(input: Json, request: unknown, items: Alarm[], shape: (a: Alarm) => Json): Json {
  const max = integerAt(input, 'MaxRecords', 'MaxRecords', 1, 100) ?? 50;
  const token = stringAt(input, 'NextToken', 'NextToken');
  let offset = 0;
  if (token !== undefined) {
    const p = decodeToken<number>(token, request);
    if (typeof p !== 'number') throw invalidNextToken();
    offset = p;
  }
  const slice = items.slice(offset, offset + max);
  const out: Json = {
    MetricAlarms: slice.filter((a) => a.type === 'MetricAlarm').map(shape),
    CompositeAlarms: slice.filter((a) => a.type === 'CompositeAlarm').map(shape),
  };
  if (offset + max < items.length) out.NextToken = encodeToken(request, offset + max);
  return out;
}

const full = (a: Alarm): Json => (a.type === 'MetricAlarm' ? metricAlarmOut(a) : compositeAlarmOut(a));

/**
 * DescribeAlarms: by names or prefix, types, state, action prefix; or the children / parents of a
 * composite alarm (which return only a few fields and combine with nothing but paging).
 * https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_DescribeAlarms.html
 */
export function describeAlarms(input: Json, engine: Engine): Json {
  const names = alarmNamesAt(input, 'AlarmNames', 'AlarmNames', false);
  const prefix = stringAt(input, 'AlarmNamePrefix', 'AlarmNamePrefix', false, 255);
  const children = stringAt(input, 'ChildrenOfAlarmName', 'ChildrenOfAlarmName', false, 255);
  const parents = stringAt(input, 'ParentsOfAlarmName', 'ParentsOfAlarmName', false, 255);
  const state = stringAt(input, 'StateValue', 'StateValue');
  const actionPrefix = stringAt(input, 'ActionPrefix', 'ActionPrefix', false, 1024);
  if (names && prefix !== undefined)
    throw invalidParameterCombination(
      'The parameters AlarmNames and AlarmNamePrefix are mutually exclusive and you have specified both.',
    );
  if (state !== undefined && !(ALARM_STATES as readonly string[]).includes(state)) {
    throw invalidParameterValue(
      `The value ${state} for parameter StateValue is invalid: use OK, ALARM or INSUFFICIENT_DATA.`,
    );
  }
  const types = typesAt(input, children !== undefined || parents !== undefined);
  const all = engine.alarms.list();
  if (children !== undefined || parents !== undefined) {
    const other = [
      'AlarmNames',
      'AlarmNamePrefix',
      'StateValue',
      'ActionPrefix',
      ...(children !== undefined && parents !== undefined ? ['ParentsOfAlarmName'] : []),
    ].find((k) => input[k] !== undefined);
    if (other)
      throw invalidParameterCombination(
        `${children !== undefined ? 'ChildrenOfAlarmName' : 'ParentsOfAlarmName'} cannot be combined with ${other}.`,
      );
    if (children !== undefined) {
      const parent = engine.alarms.get(children);
      const parsed = parent?.type === 'CompositeAlarm' ? parseAlarmRule(parent.rule) : undefined;
      const kids = parsed?.ok ? parsed.children.map(refName) : [];
      const items = all.filter((a) => kids.includes(a.name) && types.has(a.type));
      return page(input, { children, types: [...types] }, items, (a) => ({
        AlarmName: a.name,
        AlarmArn: a.arn,
        StateValue: a.state.value,
        StateUpdatedTimestamp: a.state.updatedMs / 1000,
      }));
    }
    const items = all.filter((a) => {
      if (a.type !== 'CompositeAlarm' || !types.has(a.type)) return false;
      const p = parseAlarmRule(a.rule);
      return p.ok && p.children.map(refName).includes(parents as string);
    });
    return page(input, { parents, types: [...types] }, items, (a) => ({
      AlarmName: a.name,
      AlarmArn: a.arn,
    }));
  }
  const items = all.filter(
    (a) =>
      types.has(a.type) &&
      (!names || names.includes(a.name)) &&
      (prefix === undefined || a.name.startsWith(prefix)) &&
      (state === undefined || a.state.value === state) &&
      (actionPrefix === undefined ||
        [...a.alarmActions, ...a.okActions, ...a.insufficientDataActions].some((x) =>
          x.startsWith(actionPrefix),
        )),
  );
  return page(input, { names, prefix, state, actionPrefix, types: [...types] }, items, full);
}
