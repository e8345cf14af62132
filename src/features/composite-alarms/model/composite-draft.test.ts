import { describe, expect, it } from 'vitest';
import { EMPTY_COMPOSITE_DRAFT, buildCompositeInput, draftFromAlarm } from './composite-draft.ts';

const draft = { ...EMPTY_COMPOSITE_DRAFT, name: 'checkout-down', rule: 'ALARM("a") OR ALARM("b")' };

describe('buildCompositeInput', () => {
  it('sends what was typed, without a suppressor when none is set', () => {
    expect(
      buildCompositeInput({ ...draft, alarmActions: ['arn:aws:sns:us-east-1:123456789012:ops'] }),
    ).toEqual({
      ok: true,
      input: {
        AlarmName: 'checkout-down',
        AlarmRule: 'ALARM("a") OR ALARM("b")',
        AlarmDescription: undefined,
        ActionsEnabled: true,
        AlarmActions: ['arn:aws:sns:us-east-1:123456789012:ops'],
        OKActions: [],
        InsufficientDataActions: [],
      },
    });
  });

  it('sends the suppressor with both periods', () => {
    const out = buildCompositeInput({
      ...draft,
      suppressor: 'maintenance',
      waitPeriod: '120',
      extensionPeriod: '60',
    });
    expect(out.ok && out.input).toMatchObject({
      ActionsSuppressor: 'maintenance',
      ActionsSuppressorWaitPeriod: 120,
      ActionsSuppressorExtensionPeriod: 60,
    });
  });

  // One row per plain mistake: the field it is pinned on and the message.
  it.each([
    [{ name: '' }, 'name', 'Enter a name for the alarm.'],
    [{ name: 'x'.repeat(256) }, 'name', 'An alarm name has at most 255 characters.'],
    [{ name: 'a\tb' }, 'name', 'An alarm name cannot hold control characters.'],
    [{ rule: '  ' }, 'rule', 'Enter the alarm rule, e.g. ALARM("cpu-high") OR ALARM("errors").'],
    [{ description: 'd'.repeat(1025) }, 'description', 'A description has at most 1024 characters.'],
    [{ okActions: ['1', '2', '3', '4', '5', '6'] }, 'actions', 'At most 5 actions per state (OK has 6).'],
    [
      { suppressor: 'm', waitPeriod: '' },
      'waitPeriod',
      'The wait period is required when an actions suppressor is set.',
    ],
    [
      { suppressor: 'm', extensionPeriod: '1.5' },
      'extensionPeriod',
      'The extension period must be a whole number of seconds.',
    ],
  ] as const)('%j → %s', (patch, field, message) => {
    const out = buildCompositeInput({ ...draft, ...patch } as typeof draft);
    expect(out.ok).toBe(false);
    if (!out.ok) expect(out.errors[field]).toBe(message);
  });

  it('ignores the periods when there is no suppressor', () => {
    expect(buildCompositeInput({ ...draft, waitPeriod: '', extensionPeriod: 'x' }).ok).toBe(true);
  });
});

describe('draftFromAlarm', () => {
  it('fills the form from DescribeAlarms, with 60 s periods where none are set', () => {
    expect(
      draftFromAlarm({
        AlarmName: 'c',
        AlarmRule: 'TRUE',
        ActionsEnabled: false,
        AlarmActions: ['arn:a'],
        ActionsSuppressor: 's',
        ActionsSuppressorWaitPeriod: 30,
      }),
    ).toEqual({
      name: 'c',
      description: '',
      rule: 'TRUE',
      actionsEnabled: false,
      alarmActions: ['arn:a'],
      okActions: [],
      insufficientDataActions: [],
      suppressor: 's',
      waitPeriod: '30',
      extensionPeriod: '60',
    });
  });
});
