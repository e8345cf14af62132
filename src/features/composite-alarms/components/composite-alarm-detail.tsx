import type { CompositeAlarm } from '@aws-sdk/client-cloudwatch';
import { useState } from 'react';
import { controlBase, useConnectionStore } from '../../../lib/connection-store.ts';
import { formatDateTime } from '../../../lib/format.ts';
import { navigate } from '../../../lib/navigation.ts';
import { useCompositeAlarmHistory } from '../api/describe-alarm-history.ts';
import { useChildAlarms, useCompositeAlarm, useParentAlarms } from '../api/describe-alarms.ts';
import { useDeleteAlarm } from '../api/delete-alarms.ts';
import { useParseAlarmRule } from '../api/parse-alarm-rule.ts';
import { compositePath } from '../model/composite-route.ts';
import type { ChildState } from '../model/rule-tree.ts';
import { AlarmHistoryTable } from './alarm-history-table.tsx';
import { AwsErrorAlert } from '../../../components/aws-error-alert.tsx';
import { RuleError } from './rule-error.tsx';
import { RuleLiveView } from './rule-live-view.tsx';
import { StateBadge } from './state-badge.tsx';

/** Props of {@link CompositeAlarmDetail}. */
export interface CompositeAlarmDetailProps {
  name: string;
}

const panelClass = 'space-y-2 rounded-lg border border-slate-200 bg-white p-4';
const linkButton = 'text-blue-700 underline hover:text-blue-900';

function RuleSection({ alarm }: { alarm: CompositeAlarm }) {
  const rule = alarm.AlarmRule ?? '';
  const base = controlBase(useConnectionStore());
  const parse = useParseAlarmRule(rule);
  // Without the parse endpoint, DescribeAlarms still lists the children and their states.
  const children = useChildAlarms(alarm.AlarmName ?? '', base === undefined);
  const result = parse.data?.rule === rule ? parse.data.result : undefined;
  return (
    <section className={panelClass} aria-label="Rule">
      <h2 className="text-sm font-semibold text-slate-900">Rule</h2>
      <pre className="overflow-x-auto rounded bg-slate-50 p-2 font-mono text-sm whitespace-pre-wrap">
        {rule}
      </pre>
      {base !== undefined && parse.error && (
        <p className="text-sm text-red-700">The rule could not be read: {parse.error.message}</p>
      )}
      {result && !result.ok && (
        <RuleError
          rule={rule}
          message={result.error.message}
          position={result.error.position}
          length={result.error.length}
        />
      )}
      {result?.ok && <RuleLiveView tree={result.tree} />}
      {base === undefined && (
        <ul aria-label="Child alarms" className="space-y-1">
          {children.data?.map((c) => (
            <li key={c.name} className="flex items-center gap-2 text-sm" aria-label={`${c.name}: ${c.state}`}>
              <StateBadge state={c.state as ChildState} /> {c.name}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function DeleteButton({ name }: { name: string }) {
  const [confirming, setConfirming] = useState(false);
  const del = useDeleteAlarm();
  if (!confirming)
    return (
      <button
        type="button"
        className="rounded border border-red-300 bg-white px-3 py-1.5 text-sm text-red-700 hover:bg-red-50"
        onClick={() => setConfirming(true)}
      >
        Delete
      </button>
    );
  return (
    <div role="group" aria-label="Confirm deletion" className="flex flex-wrap items-center gap-2 text-sm">
      <span>Delete {name}? Composite alarms that name it in their rules will no longer find it.</span>
      <button
        type="button"
        className="rounded bg-red-600 px-3 py-1.5 font-medium text-white hover:bg-red-700 disabled:opacity-60"
        disabled={del.isPending}
        onClick={() => del.mutate(name, { onSuccess: () => navigate('/alarms') })}
      >
        Delete alarm
      </button>
      <button
        type="button"
        className="rounded border border-slate-300 bg-white px-3 py-1.5 hover:bg-slate-100"
        onClick={() => {
          del.reset();
          setConfirming(false);
        }}
      >
        Cancel
      </button>
      {del.error && <AwsErrorAlert error={del.error} title="The alarm could not be deleted" />}
    </div>
  );
}

/**
 * A composite alarm: its state and reason, the rule with its children's live states, the alarms
 * whose rules name it, its history, and Edit / Delete.
 */
export function CompositeAlarmDetail({ name }: CompositeAlarmDetailProps) {
  const alarm = useCompositeAlarm(name);
  const parents = useParentAlarms(name);
  const history = useCompositeAlarmHistory(name);

  if (alarm.isPending) return <p className="text-sm text-slate-500">Loading {name}…</p>;
  if (alarm.error) return <AwsErrorAlert error={alarm.error} title={`${name} could not be loaded`} />;
  const a = alarm.data;
  if (!a)
    return (
      <div className="space-y-2 text-sm">
        <p>There is no composite alarm named “{name}”.</p>
        <button type="button" className={linkButton} onClick={() => navigate('/alarms')}>
          Back to alarms
        </button>
      </div>
    );

  const actions: [string, string[] | undefined][] = [
    ['ALARM', a.AlarmActions],
    ['OK', a.OKActions],
    ['INSUFFICIENT_DATA', a.InsufficientDataActions],
  ];
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center gap-3">
        <button type="button" className={`text-sm ${linkButton}`} onClick={() => navigate('/alarms')}>
          ← Back to alarms
        </button>
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-lg font-semibold text-slate-900">{a.AlarmName}</h1>
        <StateBadge state={a.StateValue as ChildState | undefined} />
        <span className="text-xs text-slate-500">Composite alarm</span>
        <div className="ml-auto flex items-center gap-2">
          <button
            type="button"
            className="rounded border border-slate-300 bg-white px-3 py-1.5 text-sm hover:bg-slate-100"
            onClick={() => navigate(compositePath(name, true))}
          >
            Edit
          </button>
          <DeleteButton name={name} />
        </div>
      </div>
      {a.AlarmDescription && <p className="text-sm text-slate-700">{a.AlarmDescription}</p>}

      <section className={panelClass} aria-label="State">
        <h2 className="text-sm font-semibold text-slate-900">State</h2>
        <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm">
          <dt className="text-slate-500">Reason</dt>
          <dd data-testid="state-reason">{a.StateReason ?? '—'}</dd>
          <dt className="text-slate-500">Since</dt>
          <dd>{a.StateUpdatedTimestamp ? formatDateTime(a.StateUpdatedTimestamp.getTime()) : '—'}</dd>
          <dt className="text-slate-500">Actions</dt>
          <dd>
            {a.ActionsEnabled === false ? 'Disabled' : 'Enabled'}
            {a.ActionsSuppressedBy && ` — suppressed (${a.ActionsSuppressedBy})`}
            {a.ActionsSuppressedReason && `: ${a.ActionsSuppressedReason}`}
          </dd>
          {actions.map(([state, arns]) => (
            <div key={state} className="contents">
              <dt className="text-slate-500">On {state}</dt>
              <dd className="font-mono text-xs break-all">{arns?.length ? arns.join(', ') : '—'}</dd>
            </div>
          ))}
          <dt className="text-slate-500">Suppressor</dt>
          <dd>
            {a.ActionsSuppressor
              ? `${a.ActionsSuppressor} (wait ${a.ActionsSuppressorWaitPeriod ?? '—'} s, extension ${a.ActionsSuppressorExtensionPeriod ?? '—'} s)`
              : 'None'}
          </dd>
        </dl>
      </section>

      <RuleSection alarm={a} />

      <section className={panelClass} aria-label="Parent alarms">
        <h2 className="text-sm font-semibold text-slate-900">Composite alarms that use this alarm</h2>
        {parents.error && <AwsErrorAlert error={parents.error} />}
        {parents.data?.length === 0 && <p className="text-sm text-slate-500">None.</p>}
        {parents.data && parents.data.length > 0 && (
          <ul aria-label="Parent alarms" className="space-y-1 text-sm">
            {parents.data.map((p) => (
              <li key={p.name}>
                <button type="button" className={linkButton} onClick={() => navigate(compositePath(p.name))}>
                  {p.name}
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section className={panelClass} aria-label="History">
        <h2 className="text-sm font-semibold text-slate-900">History</h2>
        {history.error && <AwsErrorAlert error={history.error} />}
        {history.data && <AlarmHistoryTable items={history.data} />}
      </section>
    </div>
  );
}
