import { useDeferredValue, useId, useState } from 'react';
import { AwsErrorAlert } from '../../../components/aws-error-alert.tsx';
import { buttonClass, dangerButtonClass, primaryButtonClass } from '../../../components/button-styles.ts';
import { Dialog } from '../../../components/dialog.tsx';
import { formatDateTime } from '../../../lib/format.ts';
import { navigate } from '../../../lib/navigation.ts';
import {
  type DashboardSummary,
  dashboardNameError,
  useDashboardList,
  useDeleteDashboards,
  usePutDashboard,
} from '../api/dashboards.ts';
import { dashboardPath } from '../model/dashboard-path.ts';
import { homeDashboardName, useHomeDashboard } from '../stores/home-dashboard.ts';
import { ImportDashboardDialog } from './editor/import-dialog.tsx';
import { useCopyDashboard } from './use-copy-dashboard.ts';

const EMPTY_BODY = '{"widgets":[]}';

type Action =
  | { kind: 'create' }
  | { kind: 'import' }
  | { kind: 'rename'; name: string }
  | { kind: 'duplicate'; name: string }
  | { kind: 'delete'; names: string[] };

function formatSize(bytes: number | undefined): string {
  if (bytes === undefined) return '—';
  return bytes < 1024 ? `${bytes} B` : `${(bytes / 1024).toFixed(1)} KB`;
}

/** Props of {@link NameDialog}. */
interface NameDialogProps {
  title: string;
  initial: string;
  existing: readonly string[];
  submitLabel: string;
  pending: boolean;
  error: unknown;
  onSubmit: (name: string) => void;
  onClose: () => void;
}

/** Asks for a dashboard name, checked against CloudWatch's rules and the names already taken. */
function NameDialog({
  title,
  initial,
  existing,
  submitLabel,
  pending,
  error,
  onSubmit,
  onClose,
}: NameDialogProps) {
  const [name, setName] = useState(initial);
  const [touched, setTouched] = useState(false);
  const problem =
    name === initial && initial !== '' && existing.includes(name)
      ? 'Enter a new name: this is the current one.'
      : dashboardNameError(name, existing);
  const id = useId();
  return (
    <Dialog title={title} onClose={onClose}>
      <form
        className="space-y-3"
        onSubmit={(e) => {
          e.preventDefault();
          setTouched(true);
          if (!problem) onSubmit(name);
        }}
      >
        <div className="space-y-1">
          <label htmlFor={id} className="block text-sm font-medium text-slate-700">
            Dashboard name
          </label>
          <input
            id={id}
            value={name}
            onChange={(e) => {
              setName(e.target.value);
              setTouched(true);
            }}
            aria-invalid={touched && problem !== undefined}
            aria-describedby={`${id}-help`}
            className="w-full rounded border border-slate-300 px-2 py-1 text-sm"
          />
          <p
            id={`${id}-help`}
            className={`text-xs ${touched && problem ? 'text-red-700' : 'text-slate-500'}`}
          >
            {touched && problem ? problem : 'Letters, digits, "-" and "_"; up to 255 characters.'}
          </p>
        </div>
        {error ? <AwsErrorAlert title="The dashboard could not be saved" error={error} /> : null}
        <div className="flex justify-end gap-2">
          <button type="button" className={buttonClass} onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className={primaryButtonClass} disabled={pending}>
            {pending ? 'Saving…' : submitLabel}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

/**
 * Every dashboard of the account: search, open, create, import, rename, duplicate, delete, and the
 * home dashboard that "/" opens.
 */
export function DashboardsListPage() {
  const list = useDashboardList();
  const put = usePutDashboard();
  const remove = useDeleteDashboards();
  const copy = useCopyDashboard();
  const { home: chosenHome, setHome } = useHomeDashboard();
  const [search, setSearch] = useState('');
  const deferred = useDeferredValue(search.trim().toLowerCase());
  const [selected, setSelected] = useState<ReadonlySet<string>>(() => new Set());
  const [action, setAction] = useState<Action | undefined>(undefined);
  const [status, setStatus] = useState('');

  const all = list.data ?? [];
  const names = all.map((d) => d.name);
  const home = homeDashboardName(chosenHome, names);
  const shown = deferred ? all.filter((d) => d.name.toLowerCase().includes(deferred)) : all;
  // Only what the search shows can be acted on: a hidden selection is not deleted by surprise.
  const chosen = shown.map((d) => d.name).filter((n) => selected.has(n));

  const close = () => {
    setAction(undefined);
    put.reset();
    remove.reset();
    copy.reset();
  };
  const toggle = (name: string) =>
    setSelected((s) => {
      const next = new Set(s);
      if (next.has(name)) next.delete(name);
      else next.add(name);
      return next;
    });

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div>
          <h1 className="text-lg font-semibold text-slate-900">Dashboards</h1>
          <p className="text-xs text-slate-500" aria-live="polite">
            {list.data ? `${all.length} dashboard${all.length === 1 ? '' : 's'}` : ''}
          </p>
        </div>
        <div className="flex gap-2">
          <button type="button" className={buttonClass} onClick={() => setAction({ kind: 'import' })}>
            Import…
          </button>
          <button type="button" className={primaryButtonClass} onClick={() => setAction({ kind: 'create' })}>
            Create dashboard
          </button>
        </div>
      </div>

      <div className="flex flex-wrap items-center gap-2">
        <input
          type="search"
          aria-label="Search dashboards"
          placeholder="Search dashboards"
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          className="w-64 rounded border border-slate-300 px-2 py-1 text-sm"
        />
        <div role="toolbar" aria-label="Selected dashboards" className="flex items-center gap-2">
          <span className="text-sm text-slate-600">{chosen.length} selected</span>
          <button
            type="button"
            className={buttonClass}
            disabled={chosen.length !== 1}
            onClick={() => setAction({ kind: 'rename', name: chosen[0] })}
          >
            Rename
          </button>
          <button
            type="button"
            className={buttonClass}
            disabled={chosen.length !== 1}
            onClick={() => setAction({ kind: 'duplicate', name: chosen[0] })}
          >
            Duplicate
          </button>
          <button
            type="button"
            className={buttonClass}
            disabled={chosen.length !== 1 || chosen[0] === home}
            onClick={() => {
              setHome(chosen[0]);
              setStatus(`${chosen[0]} is now the home dashboard.`);
            }}
          >
            Set as home
          </button>
          <button
            type="button"
            className={buttonClass}
            disabled={chosen.length === 0}
            onClick={() => setAction({ kind: 'delete', names: chosen })}
          >
            Delete
          </button>
        </div>
        <span role="status" className="text-sm text-green-700">
          {status}
        </span>
      </div>

      {list.error ? <AwsErrorAlert title="The dashboards could not be listed" error={list.error} /> : null}
      {list.isPending && <p className="text-sm text-slate-500">Loading dashboards…</p>}
      {list.data && all.length === 0 && (
        <p className="text-sm text-slate-600">
          No dashboards yet. Create one, or import a CloudWatch dashboard body (the JSON that CloudFormation,
          the CDK and Terraform write).
        </p>
      )}
      {list.data && all.length > 0 && shown.length === 0 && (
        <p className="text-sm text-slate-600">No dashboard name contains “{search.trim()}”.</p>
      )}
      {shown.length > 0 && (
        <table className="w-full max-w-4xl text-left text-sm">
          <thead className="border-b border-slate-200 text-xs text-slate-500 uppercase">
            <tr>
              <th className="w-8 py-1" aria-label="Select" />
              <th className="py-1">Name</th>
              <th className="py-1">Last modified (UTC)</th>
              <th className="py-1 text-right">Size</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((d: DashboardSummary) => (
              <tr key={d.name} className="border-b border-slate-100">
                <td className="py-1">
                  <input
                    type="checkbox"
                    aria-label={`Select ${d.name}`}
                    checked={selected.has(d.name)}
                    onChange={() => toggle(d.name)}
                  />
                </td>
                <td className="py-1">
                  <a
                    href={dashboardPath(d.name)}
                    className="text-blue-700 hover:underline"
                    onClick={(e) => {
                      e.preventDefault();
                      navigate(dashboardPath(d.name));
                    }}
                  >
                    {d.name}
                  </a>
                  {d.name === home && (
                    <span className="ml-2 rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-600">
                      home
                    </span>
                  )}
                </td>
                <td className="py-1 text-slate-600">
                  {d.lastModifiedMs !== undefined ? formatDateTime(d.lastModifiedMs) : '—'}
                </td>
                <td className="py-1 text-right text-slate-600 tabular-nums">{formatSize(d.sizeBytes)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p className="max-w-3xl text-xs text-slate-500">
        The home dashboard is what the Watchtrail logo and “/” open. It is a preference of this browser, as
        CloudWatch has no API for it; without a choice, a dashboard named {'CloudWatch-Default'} is home, as
        on CloudWatch’s overview page, else the first by name.
      </p>

      {action?.kind === 'create' && (
        <NameDialog
          title="Create dashboard"
          initial=""
          existing={names}
          submitLabel="Create"
          pending={put.isPending}
          error={put.error}
          onClose={close}
          onSubmit={(name) =>
            put.mutate(
              { name, bodyText: EMPTY_BODY },
              {
                onSuccess: () => {
                  close();
                  navigate(dashboardPath(name), { edit: '1' });
                },
              },
            )
          }
        />
      )}
      {action?.kind === 'import' && (
        <ImportDashboardDialog
          existingNames={names}
          onClose={close}
          onImport={async (name, bodyText) => {
            await put.mutateAsync({ name, bodyText });
            close();
            navigate(dashboardPath(name));
          }}
        />
      )}
      {(action?.kind === 'rename' || action?.kind === 'duplicate') && (
        <NameDialog
          title={action.kind === 'rename' ? `Rename ${action.name}` : `Duplicate ${action.name}`}
          initial={action.kind === 'rename' ? action.name : `${action.name}-copy`.slice(0, 255)}
          existing={names}
          submitLabel={action.kind === 'rename' ? 'Rename' : 'Duplicate'}
          pending={copy.isPending}
          error={copy.error}
          onClose={close}
          onSubmit={(name) =>
            copy.mutate(
              { from: action.name, to: name, move: action.kind === 'rename' },
              {
                onSuccess: () => {
                  if (action.kind === 'rename' && chosenHome === action.name) setHome(name);
                  setSelected(new Set([name]));
                  setStatus(
                    action.kind === 'rename'
                      ? `${action.name} is now ${name}.`
                      : `${name} is a copy of ${action.name}.`,
                  );
                  close();
                },
              },
            )
          }
        />
      )}
      {action?.kind === 'delete' && (
        <Dialog
          title={
            action.names.length === 1 ? 'Delete dashboard?' : `Delete ${action.names.length} dashboards?`
          }
          onClose={close}
        >
          <p className="text-sm text-slate-700">
            {action.names.length === 1 ? 'This dashboard is' : 'These dashboards are'} deleted for good; their
            metrics and alarms stay.
          </p>
          <ul className="max-h-40 list-disc overflow-y-auto pl-5 text-sm break-words text-slate-800">
            {action.names.map((n) => (
              <li key={n}>{n}</li>
            ))}
          </ul>
          {remove.error ? (
            <AwsErrorAlert title="The dashboards could not be deleted" error={remove.error} />
          ) : null}
          <div className="flex justify-end gap-2">
            <button type="button" className={buttonClass} onClick={close}>
              Cancel
            </button>
            <button
              type="button"
              className={dangerButtonClass}
              disabled={remove.isPending}
              onClick={() =>
                remove.mutate(action.names, {
                  onSuccess: () => {
                    setSelected(new Set());
                    setStatus(
                      action.names.length === 1
                        ? `${action.names[0]} was deleted.`
                        : `${action.names.length} dashboards were deleted.`,
                    );
                    close();
                  },
                })
              }
            >
              {remove.isPending ? 'Deleting…' : 'Delete'}
            </button>
          </div>
        </Dialog>
      )}
    </div>
  );
}
