import { AwsErrorAlert } from '../../../components/aws-error-alert.tsx';
import { buttonClass, dangerButtonClass } from '../../../components/button-styles.ts';
import { Dialog } from '../../../components/dialog.tsx';

/** Props of {@link ConfirmDeleteDialog}. */
export interface ConfirmDeleteDialogProps {
  /** The alarms to delete. */
  names: string[];
  /** The deletion is under way. */
  pending: boolean;
  /** Why the deletion failed, if it did. */
  error: unknown;
  onConfirm: () => void;
  onCancel: () => void;
}

/** Asks before alarms are deleted, naming them; the deletion cannot be undone. */
export function ConfirmDeleteDialog({
  names,
  pending,
  error,
  onConfirm,
  onCancel,
}: ConfirmDeleteDialogProps) {
  const title = names.length === 1 ? 'Delete alarm?' : `Delete ${names.length} alarms?`;
  return (
    <Dialog title={title} onClose={onCancel}>
      <p className="text-sm text-slate-700">
        {names.length === 1 ? 'This alarm is' : 'These alarms are'} deleted for good; their history stays for
        two weeks.
      </p>
      <ul className="max-h-40 list-disc overflow-y-auto pl-5 text-sm break-words text-slate-800">
        {names.map((n) => (
          <li key={n}>{n}</li>
        ))}
      </ul>
      {error ? <AwsErrorAlert title="The alarms could not be deleted" error={error} /> : null}
      <div className="flex justify-end gap-2">
        <button type="button" className={buttonClass} onClick={onCancel}>
          Cancel
        </button>
        <button type="button" className={dangerButtonClass} disabled={pending} onClick={onConfirm}>
          {pending ? 'Deleting…' : 'Delete'}
        </button>
      </div>
    </Dialog>
  );
}
