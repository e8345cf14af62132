import { describe, expect, it } from 'vitest';
import { eventSentence } from './event-sentence.ts';
import type { EventSummary } from './trail-types.ts';

const base: EventSummary = {
  eventId: 'e1',
  eventTime: 0,
  eventName: 'TerminateInstances',
  eventSource: 'ec2.amazonaws.com',
  username: 'alice',
  identityType: 'IAMUser',
  accessKeyId: 'AKIAEXAMPLE',
  role: '',
  resources: [{ type: 'AWS::EC2::Instance', name: 'i-0abc' }],
  sourceIp: '203.0.113.7',
  region: 'us-east-1',
  readOnly: 'false',
  errorCode: 'UnauthorizedOperation',
  category: 'Management',
  origin: 'simulated',
};

const cases: [string, Partial<EventSummary>, string][] = [
  [
    'an IAM user that failed',
    {},
    'alice (IAMUser) called TerminateInstances on i-0abc from 203.0.113.7 — failed: UnauthorizedOperation',
  ],
  [
    'an assumed role that succeeded',
    { username: 'ci-session', identityType: 'AssumedRole', role: 'deploy', errorCode: '' },
    'ci-session (AssumedRole: deploy) called TerminateInstances on i-0abc from 203.0.113.7',
  ],
  [
    'the root user, no resource',
    { username: '', identityType: 'Root', resources: [], errorCode: '', eventName: 'ConsoleLogin' },
    'root (Root) called ConsoleLogin from 203.0.113.7',
  ],
  [
    'a service, several resources',
    {
      username: 'autoscaling.amazonaws.com',
      identityType: 'AWSService',
      sourceIp: 'autoscaling.amazonaws.com',
      errorCode: '',
      resources: [
        { type: 'AWS::EC2::Instance', name: 'i-1' },
        { type: 'AWS::EC2::Instance', name: 'i-2' },
        { type: 'AWS::EC2::Instance', name: 'i-3' },
      ],
    },
    'autoscaling.amazonaws.com (AWSService) called TerminateInstances on i-1 and 2 more from autoscaling.amazonaws.com',
  ],
  [
    'nothing known about the caller',
    { username: '', identityType: '', sourceIp: '', resources: [], errorCode: 'AccessDenied' },
    'An unknown identity called TerminateInstances — failed: AccessDenied',
  ],
];

describe('eventSentence', () => {
  it.each(cases)('%s', (_, patch, expected) => {
    expect(eventSentence({ ...base, ...patch })).toBe(expected);
  });
});
