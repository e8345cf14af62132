import { navigate } from '../../../../lib/navigation.ts';
import { alarmEditPath } from '../../model/alarm-route.ts';
import { buttonClass } from '../../../../components/button-styles.ts';

/** The search param that opens the edit page scrolled to its tuner. */
export const TUNE_PARAM = 'tune';

/** Props of {@link TuneAlarmButton}. */
export interface TuneAlarmButtonProps {
  /** The metric alarm to tune. */
  name: string;
}

/**
 * "Tune": opens the alarm's edit page at the tuner, where its configuration replays over the
 * history as it is edited (saving stays the form's Save). For the alarm detail page's toolbar.
 */
export function TuneAlarmButton({ name }: TuneAlarmButtonProps) {
  return (
    <button
      type="button"
      className={buttonClass}
      title="Replay this alarm over its history while you change it"
      onClick={() => navigate(alarmEditPath(name), { [TUNE_PARAM]: '1' })}
    >
      Tune
    </button>
  );
}
