import type { CompositeAlarm, PutCompositeAlarmCommandInput } from '@aws-sdk/client-cloudwatch';

/** The composite alarm form as typed: strings, so nothing a person typed is lost on an error. */
export interface CompositeDraft {
  name: string;
  description: string;
  rule: string;
  actionsEnabled: boolean;
  /** Action ARNs per state the alarm enters. */
  alarmActions: string[];
  okActions: string[];
  insufficientDataActions: string[];
  /** The alarm whose ALARM state suppresses this one's actions; empty for none. */
  suppressor: string;
  waitPeriod: string;
  extensionPeriod: string;
}

/** AWS recommends 60 seconds for both suppression periods (spec §b). */
export const RECOMMENDED_SUPPRESSION_SECONDS = '60';

export const EMPTY_COMPOSITE_DRAFT: CompositeDraft = {
  name: '',
  description: '',
  rule: '',
  actionsEnabled: true,
  alarmActions: [],
  okActions: [],
  insufficientDataActions: [],
  suppressor: '',
  waitPeriod: RECOMMENDED_SUPPRESSION_SECONDS,
  extensionPeriod: RECOMMENDED_SUPPRESSION_SECONDS,
};

/** The form filled from an existing composite alarm, to edit it. */
export function draftFromAlarm(a: CompositeAlarm): CompositeDraft {
  return {
    name: a.AlarmName ?? '',
    description: a.AlarmDescription ?? '',
    rule: a.AlarmRule ?? '',
    actionsEnabled: a.ActionsEnabled ?? true,
    alarmActions: a.AlarmActions ?? [],
    okActions: a.OKActions ?? [],
    insufficientDataActions: a.InsufficientDataActions ?? [],
    suppressor: a.ActionsSuppressor ?? '',
    waitPeriod: String(a.ActionsSuppressorWaitPeriod ?? RECOMMENDED_SUPPRESSION_SECONDS),
    extensionPeriod: String(a.ActionsSuppressorExtensionPeriod ?? RECOMMENDED_SUPPRESSION_SECONDS),
  };
}

/** Fields a plain mistake can be pinned on before anything is sent. */
export type DraftField = 'name' | 'description' | 'rule' | 'actions' | 'waitPeriod' | 'extensionPeriod';

export type DraftCheck =
  | { ok: true; input: PutCompositeAlarmCommandInput }
  | { ok: false; errors: Partial<Record<DraftField, string>> };

const MAX_ACTIONS = 5;

function seconds(text: string, label: string): { value?: number; error?: string } {
  const t = text.trim();
  if (t === '') return { error: `${label} is required when an actions suppressor is set.` };
  if (!/^\d+$/.test(t)) return { error: `${label} must be a whole number of seconds.` };
  return { value: Number(t) };
}

/**
 * The PutCompositeAlarm request of a draft. Only what is plainly wrong is caught here (empty
 * fields, limits of spec §b and f.8); the server judges the rule and the rest.
 */
export function buildCompositeInput(d: CompositeDraft): DraftCheck {
  const errors: Partial<Record<DraftField, string>> = {};
  const name = d.name.trim();
  if (name === '') errors.name = 'Enter a name for the alarm.';
  else if (name.length > 255) errors.name = 'An alarm name has at most 255 characters.';
  // eslint-disable-next-line no-control-regex
  else if (/[\u0000-\u001f\u007f]/.test(name)) errors.name = 'An alarm name cannot hold control characters.';
  if (d.rule.trim() === '') errors.rule = 'Enter the alarm rule, e.g. ALARM("cpu-high") OR ALARM("errors").';
  else if (d.rule.length > 10240) errors.rule = 'An alarm rule has at most 10240 characters.';
  if (d.description.length > 1024) errors.description = 'A description has at most 1024 characters.';
  const over = (
    [
      ['ALARM', d.alarmActions],
      ['OK', d.okActions],
      ['INSUFFICIENT_DATA', d.insufficientDataActions],
    ] as const
  ).find(([, list]) => list.length > MAX_ACTIONS);
  if (over) errors.actions = `At most ${MAX_ACTIONS} actions per state (${over[0]} has ${over[1].length}).`;

  const suppressor = d.suppressor.trim();
  let wait: number | undefined;
  let extension: number | undefined;
  if (suppressor !== '') {
    const w = seconds(d.waitPeriod, 'The wait period');
    const e = seconds(d.extensionPeriod, 'The extension period');
    if (w.error) errors.waitPeriod = w.error;
    if (e.error) errors.extensionPeriod = e.error;
    wait = w.value;
    extension = e.value;
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return {
    ok: true,
    input: {
      AlarmName: name,
      AlarmRule: d.rule,
      AlarmDescription: d.description === '' ? undefined : d.description,
      ActionsEnabled: d.actionsEnabled,
      AlarmActions: d.alarmActions,
      OKActions: d.okActions,
      InsufficientDataActions: d.insufficientDataActions,
      ...(suppressor !== ''
        ? {
            ActionsSuppressor: suppressor,
            ActionsSuppressorWaitPeriod: wait,
            ActionsSuppressorExtensionPeriod: extension,
          }
        : {}),
    },
  };
}
