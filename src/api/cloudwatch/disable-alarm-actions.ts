import type { Engine } from '../../engine/index.ts';
import { alarmNamesAt } from './alarm-shapes.ts';
import type { Json } from './input.ts';

/** DisableAlarmActions. https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_DisableAlarmActions.html */
export function disableAlarmActions(input: Json, engine: Engine): Json {
  engine.alarms.setActionsEnabled(alarmNamesAt(input, 'AlarmNames', 'AlarmNames', true) ?? [], false);
  return {};
}
