import type { Engine } from '../../engine/index.ts';
import { alarmNamesAt } from './alarm-shapes.ts';
import { resourceNotFound } from './errors.ts';
import type { Json } from './input.ts';

/**
 * DeleteAlarms: deletes the named alarms that exist (history stays); when none of them exists,
 * ResourceNotFound.
 * https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_DeleteAlarms.html
 */
export function deleteAlarms(input: Json, engine: Engine): Json {
  const names = alarmNamesAt(input, 'AlarmNames', 'AlarmNames', true) ?? [];
  const known = names.filter((n) => engine.alarms.get(n));
  if (names.length > 0 && known.length === 0)
    throw resourceNotFound(
      `No alarm was found with the name${names.length > 1 ? 's' : ''} ${names.join(', ')}.`,
    );
  engine.alarms.deleteAlarms(known, engine.now());
  return {};
}
