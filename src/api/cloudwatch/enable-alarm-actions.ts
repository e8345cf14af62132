import type { Engine } from '../../engine/index.ts';
import { alarmNamesAt } from './alarm-shapes.ts';
import type { Json } from './input.ts';

/** EnableAlarmActions. https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_EnableAlarmActions.html */
export function enableAlarmActions(input: Json, engine: Engine): Json {
  engine.alarms.setActionsEnabled(alarmNamesAt(input, 'AlarmNames', 'AlarmNames', true) ?? [], true);
  return {};
}
