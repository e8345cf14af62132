/**
 * Who acts in the simulated account, and how each appears in a record's `userIdentity`
 * (https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-event-reference-user-identity.html).
 */
import { ACCOUNT_ID } from '../../alarms/model.ts';
import type { UserIdentity } from '../../trail/model.ts';
import { hash3 } from '../random.ts';
import { BATCH_INSTANCE, WEB_INSTANCES } from '../workload.ts';
import { iamArn, roleArn } from './resources.ts';

export type IdentityType = 'IAMUser' | 'AssumedRole' | 'AWSService' | 'Root';

/** How an actor's calls look on the wire: its user agent family. */
export type Agent = 'console' | 'cli' | 'terraform' | 'boto3' | 'sdk-js' | 'service';

export interface Actor {
  type: IdentityType;
  /** LookupEvents' Username: the user name, the role session name, `root`, or the calling service. */
  username: string;
  /** The assumed role (session issuer), '' otherwise. */
  role: string;
  agent: Agent;
  /** Source addresses; one is picked per day. Services use their DNS name. */
  ips: readonly string[];
  /** The calling service for AWS services and service-linked roles. */
  invokedBy?: string;
  /** A long-term access key (CLI, Terraform), else temporary session keys. */
  accessKey?: string;
  /** Role sessions: credentials are renewed every this many hours, at `sessionOffsetMin` past. */
  sessionHours?: number;
  sessionOffsetMin?: number;
  mfa?: boolean;
  /** The session start is carried per event (console sign-ins, the deploy pipeline's AssumeRole). */
  paramSession?: boolean;
}

const user = (name: string, agent: Agent, ips: string[], extra: Partial<Actor> = {}): Actor => ({
  type: 'IAMUser',
  username: name,
  role: '',
  agent,
  ips,
  paramSession: agent === 'console' && !name.startsWith('HIDDEN'),
  ...extra,
});
const session = (
  role: string,
  name: string,
  agent: Agent,
  ips: string[],
  extra: Partial<Actor> = {},
): Actor => ({
  type: 'AssumedRole',
  username: name,
  role,
  agent,
  ips,
  sessionHours: 1,
  sessionOffsetMin: 0,
  ...extra,
});

/** The actors; events refer to them by index, so the order is part of the format. */
export const ACTORS: readonly Actor[] = [
  user('alice', 'console', ['203.0.113.10', '203.0.113.10', '198.51.100.23'], { mfa: true }),
  user('bob', 'console', ['203.0.113.11', '203.0.113.11', '198.51.100.57'], { mfa: false }),
  user('bob', 'terraform', ['203.0.113.11', '198.51.100.57'], { accessKey: 'AKIAXW3ZSIMBOB5TF7Q2' }),
  user('carol', 'cli', ['203.0.113.12', '203.0.113.12', '198.51.100.88'], {
    accessKey: 'AKIAXW3ZSIMCAROL4K2D',
  }),
  user('carol', 'console', ['203.0.113.12', '198.51.100.88'], { mfa: true }),
  user('dave', 'console', ['203.0.113.14', '203.0.113.14', '192.0.2.77'], { mfa: false }),
  {
    type: 'Root',
    username: 'root',
    role: '',
    agent: 'console',
    ips: ['203.0.113.10'],
    mfa: true,
    paramSession: true,
  },
  user('ci-runner', 'cli', ['192.0.2.10', '192.0.2.11'], { accessKey: 'AKIAXW3ZSIMCIRUN8H4M' }),
  session('deploy-pipeline', 'deploy-bot', 'cli', ['192.0.2.10', '192.0.2.11'], { paramSession: true }),
  session('security-scanner', 'security-scan', 'boto3', ['192.0.2.45'], { sessionOffsetMin: 6 }),
  session('orders-api-role', 'orders-api', 'sdk-js', ['198.51.100.201'], {
    sessionHours: 4,
    sessionOffsetMin: 13,
  }),
  session('image-resize-role', 'image-resize', 'sdk-js', ['198.51.100.202'], {
    sessionHours: 4,
    sessionOffsetMin: 41,
  }),
  session('nightly-report-role', 'nightly-report', 'boto3', ['198.51.100.203'], {
    sessionHours: 12,
    sessionOffsetMin: 50,
  }),
  ...[...WEB_INSTANCES, BATCH_INSTANCE].map((id, k) =>
    session('web-instance-role', id, 'sdk-js', [`203.0.113.${201 + k}`], {
      sessionHours: 6,
      sessionOffsetMin: 7 + 11 * k,
    }),
  ),
  session('AWSServiceRoleForAutoScaling', 'AutoScaling', 'service', ['autoscaling.amazonaws.com'], {
    invokedBy: 'autoscaling.amazonaws.com',
  }),
  session('AWSServiceRoleForConfig', 'AWSConfig-Describe', 'service', ['config.amazonaws.com'], {
    invokedBy: 'config.amazonaws.com',
    sessionOffsetMin: 22,
  }),
  {
    type: 'AWSService',
    username: 'lambda.amazonaws.com',
    role: '',
    agent: 'service',
    ips: ['lambda.amazonaws.com'],
    invokedBy: 'lambda.amazonaws.com',
  },
  {
    type: 'AWSService',
    username: 'ec2.amazonaws.com',
    role: '',
    agent: 'service',
    ips: ['ec2.amazonaws.com'],
    invokedBy: 'ec2.amazonaws.com',
  },
  user('HIDDEN_DUE_TO_SECURITY_REASONS', 'console', ['192.0.2.199', '198.51.100.166', '203.0.113.250']),
];

/** An actor's index by a unique key: `username` alone, or `username/agent` where one user has two. */
export function actorIndex(key: string): number {
  const i = ACTORS.findIndex((a) => a.username === key || `${a.username}/${a.agent}` === key);
  if (i < 0) throw new Error(`no simulated actor ${key}`);
  return i;
}

const B32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
function base32(h1: number, h2: number, n: number): string {
  let s = '';
  for (let k = 0; k < n; k++) {
    const v = k < 6 ? h1 >>> (k * 5) : h2 >>> ((k - 6) * 5);
    s += B32[v & 31];
  }
  return s;
}

/** A stable IAM unique id (AIDA… for users, AROA… for roles). */
export function uniqueId(prefix: 'AIDA' | 'AROA', name: string): string {
  let h = 2166136261;
  for (let i = 0; i < name.length; i++) h = Math.imul(h ^ name.charCodeAt(i), 16777619);
  return prefix + base32(hash3(h, 1, 2), hash3(h, 3, 4), 17);
}

/** A temporary (ASIA…) key for a session that began at `creationSec`. */
export function sessionKey(seed: number, actor: number, creationSec: number): string {
  return (
    'ASIA' + base32(hash3(seed, actor * 7919 + 17, creationSec), hash3(seed ^ 0x5a5a, actor, creationSec), 16)
  );
}

/** When the credentials an actor uses at t were issued (epoch seconds), for periodically renewed role sessions. */
export function roleSessionStart(actor: Actor, tMs: number): number {
  const period = (actor.sessionHours ?? 1) * 3600;
  const offset = (actor.sessionOffsetMin ?? 0) * 60;
  const t = Math.floor(tMs / 1000);
  return Math.floor((t - offset) / period) * period + offset;
}

/** `2026-11-19T14:03:00Z`: CloudTrail's time format. */
export const isoSeconds = (ms: number): string => new Date(ms).toISOString().slice(0, 19) + 'Z';

/**
 * The record's `userIdentity`. `accessKeyId` is what the event's summary indexes; `creationMs` is
 * when the session began (console sign-in or role session), `mfa` whether it used MFA.
 */
export function userIdentity(
  actor: Actor,
  accessKeyId: string,
  creationMs: number,
  mfa: boolean,
): UserIdentity {
  switch (actor.type) {
    case 'Root':
      return {
        type: 'Root',
        principalId: ACCOUNT_ID,
        arn: `arn:aws:iam::${ACCOUNT_ID}:root`,
        accountId: ACCOUNT_ID,
        accessKeyId,
        ...(accessKeyId
          ? {
              sessionContext: {
                attributes: { creationDate: isoSeconds(creationMs), mfaAuthenticated: String(mfa) },
              },
            }
          : {}),
      };
    case 'AWSService':
      return { type: 'AWSService', invokedBy: actor.invokedBy };
    case 'IAMUser': {
      if (actor.username.startsWith('HIDDEN'))
        return { type: 'IAMUser', accountId: ACCOUNT_ID, accessKeyId: '', userName: actor.username };
      const identity: UserIdentity = {
        type: 'IAMUser',
        principalId: uniqueId('AIDA', actor.username),
        arn: iamArn('user', actor.username),
        accountId: ACCOUNT_ID,
        accessKeyId,
        userName: actor.username,
      };
      if (accessKeyId.startsWith('ASIA'))
        identity.sessionContext = {
          attributes: { creationDate: isoSeconds(creationMs), mfaAuthenticated: String(mfa) },
        };
      return identity;
    }
    case 'AssumedRole': {
      const roleId = uniqueId('AROA', actor.role);
      const identity: UserIdentity = {
        type: 'AssumedRole',
        principalId: `${roleId}:${actor.username}`,
        arn: `arn:aws:sts::${ACCOUNT_ID}:assumed-role/${actor.role}/${actor.username}`,
        accountId: ACCOUNT_ID,
        accessKeyId,
        sessionContext: {
          sessionIssuer: {
            type: 'Role',
            principalId: roleId,
            arn: roleArn(actor.role),
            accountId: ACCOUNT_ID,
            userName: actor.role,
          },
          attributes: { creationDate: isoSeconds(creationMs), mfaAuthenticated: 'false' },
        },
      };
      if (actor.invokedBy) identity.invokedBy = actor.invokedBy;
      return identity;
    }
  }
}
