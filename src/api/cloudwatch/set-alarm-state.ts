import type { Engine } from '../../engine/index.ts';
import { ALARM_STATES, alarmNameAt } from './alarm-shapes.ts';
import { invalidFormat, invalidParameterValue, resourceNotFound } from './errors.ts';
import { type Json, stringAt } from './input.ts';

/**
 * SetAlarmState: sets a state for testing; actions run when it differs, and a metric alarm's next
 * evaluation restores the evaluated state.
 * https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_SetAlarmState.html
 */
export function setAlarmState(input: Json, engine: Engine): Json {
  const name = alarmNameAt(input, 'AlarmName', 'AlarmName');
  const state = stringAt(input, 'StateValue', 'StateValue', true);
  if (!(ALARM_STATES as readonly string[]).includes(state)) {
    throw invalidParameterValue(
      `The value ${state} for parameter StateValue is invalid: use OK, ALARM or INSUFFICIENT_DATA.`,
    );
  }
  const reason = stringAt(input, 'StateReason', 'StateReason', true, 1023);
  const data = stringAt(input, 'StateReasonData', 'StateReasonData', false, 4000);
  if (data !== undefined) {
    try {
      JSON.parse(data);
    } catch {
      throw invalidFormat('Data was not syntactically valid JSON');
    }
  }
  if (!engine.alarms.get(name)) throw resourceNotFound(`Alarm ${name} not found`);
  engine.alarms.setAlarmState(name, state as 'OK', reason, data, engine.now());
  return {};
}
