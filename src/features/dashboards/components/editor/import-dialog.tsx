import { useDeferredValue, useId, useMemo, useState } from 'react';
import { dashboardNameError } from '../../api/dashboards.ts';
import { buttonClass, primaryButtonClass } from '../../../../components/button-styles.ts';
import { Dialog } from '../../../../components/dialog.tsx';
import { inputClass } from './fields.tsx';
import { ProblemList } from './problem-list.tsx';
import { hasErrors, sourceProblems } from './source-problems.ts';

/** Props of {@link ImportDashboardDialog}. */
export interface ImportDashboardDialogProps {
  /** The dashboards there are: importing under one of these names replaces it. */
  existingNames: readonly string[];
  /** Saves the body text as it is under the name; a rejection's message is shown in the dialog. */
  onImport: (name: string, bodyText: string) => Promise<void>;
  onClose: () => void;
}

/** Why a dashboard name is not one CloudWatch takes, if it is not: 1–255 of A–Z a–z 0–9 - _. */
export const dashboardNameProblem = (name: string): string | undefined => dashboardNameError(name);

/** A dashboard name from a file name: `my dashboard (1).json` → `my-dashboard-1`. */
const nameFromFile = (file: string) =>
  file
    .replace(/\.json$/i, '')
    .replace(/[^A-Za-z0-9_-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 255);

/**
 * Import a dashboard: paste its body JSON or choose a .json file, name it, and see what CloudWatch
 * would reject (by data path) before saving. The text is saved exactly as given.
 */
export function ImportDashboardDialog({ existingNames, onImport, onClose }: ImportDashboardDialogProps) {
  const nameId = useId();
  const textId = useId();
  const fileId = useId();
  const [name, setName] = useState('');
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | undefined>();
  const deferred = useDeferredValue(text);
  const problems = useMemo(() => (deferred.trim() === '' ? [] : sourceProblems(deferred)), [deferred]);
  const nameProblem = name === '' ? undefined : dashboardNameProblem(name);
  const replaces = existingNames.includes(name);
  const blocked =
    busy ||
    text.trim() === '' ||
    deferred !== text ||
    hasErrors(problems) ||
    dashboardNameProblem(name) !== undefined;

  const submit = async () => {
    if (blocked) return;
    setBusy(true);
    setFailure(undefined);
    try {
      await onImport(name, text);
    } catch (e) {
      setFailure(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog title="Import dashboard" onClose={onClose}>
      <form
        className="space-y-3"
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <div className="space-y-0.5">
          <label htmlFor={nameId} className="block text-xs font-medium text-slate-600">
            Dashboard name
          </label>
          <input
            id={nameId}
            type="text"
            value={name}
            onChange={(e) => setName(e.target.value)}
            aria-invalid={nameProblem !== undefined}
            className={inputClass}
          />
          {nameProblem !== undefined ? (
            <p role="alert" className="text-xs text-red-700">
              {nameProblem}
            </p>
          ) : (
            replaces && (
              <p className="text-xs text-amber-700">
                A dashboard named {name} exists: importing replaces it.
              </p>
            )
          )}
        </div>
        <div className="space-y-0.5">
          <label htmlFor={fileId} className="block text-xs font-medium text-slate-600">
            JSON file
          </label>
          <input
            id={fileId}
            type="file"
            accept=".json,application/json"
            className="block w-full text-sm text-slate-700"
            onChange={(e) => {
              const file = e.target.files?.[0];
              if (!file) return;
              void file.text().then((content) => {
                setText(content);
                if (name === '') setName(nameFromFile(file.name));
              });
            }}
          />
        </div>
        <div className="space-y-0.5">
          <label htmlFor={textId} className="block text-xs font-medium text-slate-600">
            Dashboard body (JSON)
          </label>
          <textarea
            id={textId}
            value={text}
            rows={10}
            spellCheck={false}
            placeholder='{"widgets": []}'
            onChange={(e) => setText(e.target.value)}
            className={`${inputClass} font-mono text-xs`}
          />
        </div>
        {text.trim() !== '' && <ProblemList problems={problems} />}
        {failure && (
          <p role="alert" className="rounded border border-red-200 bg-red-50 px-2 py-1 text-sm text-red-800">
            {failure}
          </p>
        )}
        <div className="flex justify-end gap-2">
          <button type="button" className={buttonClass} onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className={primaryButtonClass} disabled={blocked}>
            {busy ? 'Importing…' : replaces ? 'Replace' : 'Import'}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
