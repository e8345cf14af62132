import type { Engine } from '../../engine/index.ts';
import { historyItemOut } from './alarm-shapes.ts';
import { invalidNextToken, invalidParameterValue } from './errors.ts';
import { type Json, decodeToken, encodeToken, integerAt, listAt, stringAt, timestampAt } from './input.ts';

const ITEM_TYPES = ['ConfigurationUpdate', 'StateUpdate', 'Action'];

/**
 * DescribeAlarmHistory: two weeks of StateUpdate, ConfigurationUpdate and Action items, newest first
 * by default; without AlarmTypes only metric alarms' items.
 * https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_DescribeAlarmHistory.html
 */
export function describeAlarmHistory(input: Json, engine: Engine): Json {
  const name = stringAt(input, 'AlarmName', 'AlarmName', false, 255);
  const itemType = stringAt(input, 'HistoryItemType', 'HistoryItemType');
  if (itemType !== undefined && !ITEM_TYPES.includes(itemType)) {
    throw invalidParameterValue(
      `The value ${itemType} for parameter HistoryItemType is invalid: use ConfigurationUpdate, StateUpdate or Action.`,
    );
  }
  const typesList = listAt(input, 'AlarmTypes', 'AlarmTypes');
  for (const [i, t] of (typesList ?? []).entries()) {
    if (t !== 'MetricAlarm' && t !== 'CompositeAlarm')
      throw invalidParameterValue(
        `The value ${JSON.stringify(t)} for parameter AlarmTypes.member.${i + 1} is invalid: use MetricAlarm or CompositeAlarm.`,
      );
  }
  const types = new Set((typesList as string[] | undefined) ?? ['MetricAlarm']);
  const start = timestampAt(input, 'StartDate', 'StartDate');
  const end = timestampAt(input, 'EndDate', 'EndDate');
  if (start !== undefined && end !== undefined && start > end)
    throw invalidParameterValue('The parameter StartDate must not be after the parameter EndDate.');
  const scanBy = stringAt(input, 'ScanBy', 'ScanBy') ?? 'TimestampDescending';
  if (scanBy !== 'TimestampDescending' && scanBy !== 'TimestampAscending') {
    throw invalidParameterValue(
      `The value ${scanBy} for parameter ScanBy is invalid: use TimestampDescending or TimestampAscending.`,
    );
  }
  const max = integerAt(input, 'MaxRecords', 'MaxRecords', 1, 100) ?? 100;
  const request = { name, itemType, types: [...types], start, end, scanBy, max };
  const token = stringAt(input, 'NextToken', 'NextToken');
  let offset = 0;
  if (token !== undefined) {
    const p = decodeToken<number>(token, request);
    if (typeof p !== 'number') throw invalidNextToken();
    offset = p;
  }
  const items = engine.alarms
    .historyItems()
    .filter(
      (h) =>
        types.has(h.alarmType) &&
        (name === undefined || h.alarmName === name) &&
        (itemType === undefined || h.type === itemType) &&
        (start === undefined || h.timestampMs >= start) &&
        (end === undefined || h.timestampMs <= end),
    );
  if (scanBy === 'TimestampDescending') items.reverse();
  const out: Json = { AlarmHistoryItems: items.slice(offset, offset + max).map(historyItemOut) };
  if (offset + max < items.length) out.NextToken = encodeToken(request, offset + max);
  return out;
}
