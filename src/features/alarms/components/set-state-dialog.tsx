import { useState } from 'react';
import { useSetAlarmState } from '../api/set-alarm-state.ts';
import { ALARM_STATES, type AlarmState } from '../model/alarm-state.ts';
import { AwsErrorAlert } from '../../../components/aws-error-alert.tsx';
import { buttonClass, primaryButtonClass } from '../../../components/button-styles.ts';
import { Dialog } from '../../../components/dialog.tsx';
import { FormField, fieldClass } from './form-field.tsx';

/** Props of {@link SetStateDialog}. */
export interface SetStateDialogProps {
  alarmName: string;
  /** The alarm's state now, offered first. */
  current: AlarmState | undefined;
  /** A composite alarm does not go back to its evaluated state at once; the note says so. */
  composite?: boolean;
  onClose: () => void;
}

/** StateReason is 0–1023 characters (AWS SetAlarmState). */
const MAX_REASON = 1023;

/** Sets the alarm's state by hand (SetAlarmState), to test its actions. */
export function SetStateDialog({ alarmName, current, composite, onClose }: SetStateDialogProps) {
  const [state, setState] = useState<AlarmState>(current === 'ALARM' ? 'OK' : 'ALARM');
  const [reason, setReason] = useState('Set by hand from the Watchtrail console');
  const mutation = useSetAlarmState();
  const reasonError =
    reason.length > MAX_REASON
      ? `The reason has ${reason.length} characters; the limit is ${MAX_REASON}.`
      : undefined;
  return (
    <Dialog title="Set alarm state" onClose={onClose}>
      <form
        className="space-y-3"
        onSubmit={(e) => {
          e.preventDefault();
          if (reasonError) return;
          mutation.mutate({ alarmName, state, reason }, { onSuccess: onClose });
        }}
      >
        <p className="text-sm text-slate-700">
          {composite
            ? 'The alarm keeps this state until one of its children changes state or its rule is updated.'
            : 'The state lasts until the next evaluation, which sets the state the data gives (often within a minute). Actions for the new state run if it differs from the current one.'}
        </p>
        <FormField label="State">
          <select
            className={fieldClass}
            value={state}
            onChange={(e) => setState(e.target.value as AlarmState)}
          >
            {ALARM_STATES.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </FormField>
        <FormField label="Reason" error={reasonError}>
          <input
            type="text"
            className={fieldClass}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
          />
        </FormField>
        {mutation.error && <AwsErrorAlert title="The state could not be set" error={mutation.error} />}
        <div className="flex justify-end gap-2">
          <button type="button" className={buttonClass} onClick={onClose}>
            Cancel
          </button>
          <button
            type="submit"
            className={primaryButtonClass}
            disabled={mutation.isPending || reasonError !== undefined}
          >
            {mutation.isPending ? 'Setting…' : 'Set state'}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
