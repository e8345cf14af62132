/**
 * Background activity: who calls what, how often, and when in the day. Each stream has a share of
 * the day's volume, a minute-by-minute shape (office hours for people, 24/7 for machines, traffic
 * for the functions) and a weighted list of calls.
 */
import { DAY_MS, MINUTE_MS } from '../../time.ts';
import { streamId, uniform, valueNoise } from '../random.ts';
import { type Incident, trafficAt } from '../workload.ts';
import { actionIndex } from './actions.ts';
import { ACTORS, actorIndex } from './identities.ts';

export type ErrorKind = 'none' | 'denied' | 'throttle' | 'notFound' | 'noPolicy' | 'noSuchKey' | 'login';
export const ERROR_KINDS: readonly ErrorKind[] = [
  'none',
  'denied',
  'throttle',
  'notFound',
  'noPolicy',
  'noSuchKey',
  'login',
];

export interface Template {
  actor: number;
  action: number;
  /** A resource pool (see BatchResources), or '' for calls on no particular resource. */
  pool: string;
  weight: number;
  /** Chances of failing, by kind. */
  errors: { kind: number; p: number }[];
}

export interface DayContext {
  seed: number;
  day: number;
  incidents: readonly Incident[];
  /** Requests per minute over the day, once computed. */
  traffic?: Float64Array;
}

export interface Stream {
  key: string;
  share: number;
  templates: Template[];
  /** The day's volume relative to the weekly average (0 = idle today). */
  level: (ctx: DayContext) => number;
  /** Fills out[m] (minute of the day) with relative activity. */
  shape: (ctx: DayContext, out: Float64Array) => void;
}

type Row = [
  actor: string,
  action: string,
  pool: string,
  weight: number,
  errors?: Partial<Record<ErrorKind, number>>,
];

const table = (rows: Row[]): Template[] =>
  rows.map(([actor, action, pool, weight, errors = {}]) => ({
    actor: actorIndex(actor),
    action: actionIndex(action),
    pool,
    weight,
    errors: Object.entries(errors).map(([k, p]) => ({
      kind: ERROR_KINDS.indexOf(k as ErrorKind),
      p: p ?? 0,
    })),
  }));

const dow = (day: number) => (day + 4) % 7;
export const isWeekday = (day: number) => dow(day) !== 0 && dow(day) !== 6;
const HUMAN_STREAM = streamId('trail-human');

/** A person's day: signed in at `loginMs`, active until `endMs`; undefined when off. */
export interface HumanDay {
  actor: number;
  loginMs: number;
  endMs: number;
  /** A failed attempt just before the successful sign-in. */
  failedFirst: boolean;
}

interface HumanHabit {
  actor: string;
  weekday: number;
  weekend: number;
  startHour: number;
  spread: number;
  hours: number;
  fail: number;
}

/** People who sign in to the console (UTC office hours, give or take). */
export const CONSOLE_HABITS: readonly HumanHabit[] = [
  {
    actor: 'alice/console',
    weekday: 0.92,
    weekend: 0.05,
    startHour: 7.5,
    spread: 1.5,
    hours: 8.5,
    fail: 0.03,
  },
  { actor: 'bob/console', weekday: 0.85, weekend: 0.03, startHour: 8.5, spread: 1.5, hours: 8, fail: 0.06 },
  { actor: 'carol/console', weekday: 0.3, weekend: 0.1, startHour: 9, spread: 4, hours: 2, fail: 0.02 },
  { actor: 'dave/console', weekday: 0.8, weekend: 0, startHour: 9.5, spread: 2, hours: 7, fail: 0.25 },
];
const CLI_HABITS: readonly HumanHabit[] = [
  { actor: 'carol/cli', weekday: 0.95, weekend: 0.3, startHour: 7, spread: 1.5, hours: 9, fail: 0 },
  { actor: 'bob/terraform', weekday: 0.4, weekend: 0, startHour: 10, spread: 5, hours: 0.25, fail: 0 },
];

export function humanDay(seed: number, day: number, habit: HumanHabit, k: number): HumanDay | undefined {
  const u = (j: number) => uniform(seed, HUMAN_STREAM + k * 16 + j, day);
  const weekday = isWeekday(day);
  if (u(0) >= (weekday ? habit.weekday : habit.weekend)) return undefined;
  const hours = weekday ? habit.hours : Math.min(habit.hours, 2);
  const start = day * DAY_MS + Math.floor((habit.startHour + u(1) * habit.spread) * 60) * MINUTE_MS;
  const loginMs = start + Math.floor(u(2) * 50) * 1000;
  return {
    actor: actorIndex(habit.actor),
    loginMs,
    endMs: start + Math.round(hours * (0.8 + 0.4 * u(3)) * 60) * MINUTE_MS,
    failedFirst: u(4) < habit.fail,
  };
}

const meanActive = (h: HumanHabit) => (5 * h.weekday + 2 * h.weekend) / 7;

function humanStream(habit: HumanHabit, k: number, share: number, rows: Row[]): Stream {
  return {
    key: habit.actor,
    share,
    templates: table(rows),
    level: ({ seed, day }) =>
      humanDay(seed, day, habit, k)
        ? (0.75 + 0.5 * uniform(seed, HUMAN_STREAM + 999, day * 8 + k)) / meanActive(habit)
        : 0,
    shape: ({ seed, day }, out) => {
      const plan = humanDay(seed, day, habit, k);
      out.fill(0);
      if (!plan) return;
      const first = Math.floor((plan.loginMs - day * DAY_MS) / MINUTE_MS) + 1;
      const last = Math.min(1440, Math.ceil((plan.endMs - day * DAY_MS) / MINUTE_MS));
      for (let m = first; m < last; m++) {
        const lunch = m >= 720 && m < 780 ? 0.35 : 1;
        out[m] = lunch * (1 + 0.8 * valueNoise(seed, HUMAN_STREAM + k, (day * 1440 + m) / 9));
      }
    },
  };
}

const flat: Stream['shape'] = (_ctx, out) => out.fill(1);
const WEEKLY_TRAFFIC = (5 + 2 * 0.62) / 7;
/** Traffic every 5 minutes (held in between): the shape only steers where calls fall. */
const trafficShape: Stream['shape'] = (ctx, out) => {
  if (!ctx.traffic) {
    const tr = new Float64Array(1440);
    for (let m = 0; m < 1440; m += 5)
      tr.fill(trafficAt(ctx.seed, ctx.day * DAY_MS + m * MINUTE_MS, ctx.incidents), m, m + 5);
    ctx.traffic = tr;
  }
  out.set(ctx.traffic);
};
const trafficLevel = ({ day }: DayContext) => (isWeekday(day) ? 1 : 0.62) / WEEKLY_TRAFFIC;

const SCAN_READS: Row[] = [
  ['security-scan', 'DescribeInstances', '', 6, { throttle: 0.02 }],
  ['security-scan', 'DescribeSecurityGroups', '', 6, { throttle: 0.02 }],
  ['security-scan', 'DescribeVpcs', '', 3],
  ['security-scan', 'DescribeSubnets', '', 3],
  ['security-scan', 'DescribeVolumes', '', 3, { throttle: 0.02 }],
  ['security-scan', 'GetBucketPolicy', 'buckets', 4, { noPolicy: 0.35 }],
  ['security-scan', 'GetBucketAcl', 'buckets', 4],
  ['security-scan', 'GetBucketEncryption', 'buckets', 3],
  ['security-scan', 'GetBucketPublicAccessBlock', 'buckets', 3],
  ['security-scan', 'GetBucketVersioning', 'buckets', 2],
  ['security-scan', 'ListBuckets', '', 2],
  ['security-scan', 'ListUsers', '', 2],
  ['security-scan', 'ListRoles', '', 2],
  ['security-scan', 'GetRole', 'roles', 4, { throttle: 0.015 }],
  ['security-scan', 'ListAttachedRolePolicies', 'roles', 4, { throttle: 0.015 }],
  ['security-scan', 'GetUser', 'users', 2],
  ['security-scan', 'ListAccessKeys', 'users', 3],
  ['security-scan', 'ListMFADevices', 'users', 2],
  ['security-scan', 'GetPolicy', 'policies', 2],
  ['security-scan', 'GetAccountPasswordPolicy', '', 1],
  ['security-scan', 'GenerateCredentialReport', '', 1],
  ['security-scan', 'GetFunctionConfiguration20150331v2', 'functions', 3, { throttle: 0.02 }],
  ['security-scan', 'ListFunctions20150331', '', 1],
  ['security-scan', 'DescribeTable', 'tables', 2],
  ['security-scan', 'DescribeContinuousBackups', 'tables', 2],
  ['security-scan', 'DescribeDBInstances', '', 2],
  ['security-scan', 'DescribeTrails', '', 1],
  ['security-scan', 'GetTrailStatus', '', 1],
  ['security-scan', 'GetEventSelectors', '', 1],
  ['security-scan', 'DescribeAlarms', '', 1],
  ['security-scan', 'DescribeInstanceInformation', '', 1],
];

export const STREAMS: readonly Stream[] = [
  {
    key: 'security-scan',
    share: 0.27,
    templates: table(SCAN_READS),
    level: () => 1,
    // Every hour from 6 to 20 minutes past; a deeper pass at 02:06.
    shape: (_ctx, out) => {
      for (let m = 0; m < 1440; m++) {
        const past = m % 60;
        out[m] = past >= 6 && past < 20 ? (m >= 120 && m < 180 ? 3 : 1) : 0;
      }
    },
  },
  {
    key: 'config',
    share: 0.06,
    templates: table([
      ['AWSConfig-Describe', 'DescribeInstances', 'instances', 4],
      ['AWSConfig-Describe', 'DescribeSecurityGroups', 'sgs', 3],
      ['AWSConfig-Describe', 'DescribeVpcs', '', 1],
      ['AWSConfig-Describe', 'GetRole', 'roles', 2],
      ['AWSConfig-Describe', 'ListAttachedRolePolicies', 'roles', 2],
      ['AWSConfig-Describe', 'GetPolicy', 'policies', 1],
      ['AWSConfig-Describe', 'GetBucketAcl', 'buckets', 2],
      ['AWSConfig-Describe', 'GetBucketPolicy', 'buckets', 2, { noPolicy: 0.35 }],
      ['AWSConfig-Describe', 'GetFunction20150331v2', 'functions', 1],
      ['AWSConfig-Describe', 'DescribeTable', 'tables', 1],
      ['AWSConfig-Describe', 'DescribeDBInstances', 'db', 1],
      ['AWSConfig-Describe', 'DescribeAutoScalingGroups', 'asg', 1],
    ]),
    level: () => 1,
    shape: ({ seed, day }, out) => {
      for (let m = 0; m < 1440; m++)
        out[m] = 1 + 0.6 * valueNoise(seed, HUMAN_STREAM + 77, (day * 1440 + m) / 30);
    },
  },
  humanStream(CONSOLE_HABITS[0], 0, 0.05, [
    ['alice/console', 'ListUsers', '', 3],
    ['alice/console', 'ListRoles', '', 3],
    ['alice/console', 'GetRole', 'roles', 4],
    ['alice/console', 'ListAttachedRolePolicies', 'roles', 3],
    ['alice/console', 'GetUser', 'users', 2],
    ['alice/console', 'ListAccessKeys', 'users', 2],
    ['alice/console', 'ListPolicies', '', 2],
    ['alice/console', 'GetAccountSummary', '', 1],
    ['alice/console', 'LookupEvents', '', 4, { throttle: 0.03 }],
    ['alice/console', 'DescribeTrails', '', 1],
    ['alice/console', 'DescribeInstances', '', 3],
    ['alice/console', 'DescribeSecurityGroups', 'sgs', 2],
    ['alice/console', 'ListBuckets', '', 2],
    ['alice/console', 'GetBucketPolicy', 'buckets', 2, { noPolicy: 0.35 }],
    ['alice/console', 'DescribeAlarms', '', 6],
  ]),
  humanStream(CONSOLE_HABITS[1], 1, 0.05, [
    ['bob/console', 'ListFunctions20150331', '', 4],
    ['bob/console', 'GetFunction20150331v2', 'functions', 6, { notFound: 0.01 }],
    ['bob/console', 'GetFunctionConfiguration20150331v2', 'functions', 3],
    ['bob/console', 'ListTables', '', 2],
    ['bob/console', 'DescribeTable', 'tables', 3],
    ['bob/console', 'ListBuckets', '', 2],
    ['bob/console', 'GetBucketLocation', 'buckets', 2],
    ['bob/console', 'DescribeInstances', '', 2],
    ['bob/console', 'DescribeAlarms', '', 6],
    ['bob/console', 'DescribeLoadBalancers', '', 1],
  ]),
  humanStream(CLI_HABITS[1], 5, 0.03, [
    ['bob/terraform', 'DescribeInstances', 'instances', 3],
    ['bob/terraform', 'DescribeSecurityGroups', 'sgs', 3],
    ['bob/terraform', 'DescribeVpcs', '', 1],
    ['bob/terraform', 'DescribeSubnets', '', 1],
    ['bob/terraform', 'GetRole', 'roles', 3],
    ['bob/terraform', 'ListAttachedRolePolicies', 'roles', 2],
    ['bob/terraform', 'GetPolicy', 'policies', 2],
    ['bob/terraform', 'GetFunction20150331v2', 'functions', 2],
    ['bob/terraform', 'DescribeTable', 'tables', 2],
    ['bob/terraform', 'DescribeContinuousBackups', 'tables', 1],
    ['bob/terraform', 'DescribeTimeToLive', 'tables', 1],
    ['bob/terraform', 'GetBucketPolicy', 'buckets', 2, { noPolicy: 0.35 }],
    ['bob/terraform', 'GetBucketVersioning', 'buckets', 1],
    ['bob/terraform', 'DescribeLoadBalancers', '', 1],
    ['bob/terraform', 'DescribeTargetGroups', '', 1],
    ['bob/terraform', 'DescribeAutoScalingGroups', 'asg', 1],
    ['bob/terraform', 'GetObject', 'tfstate', 1],
    ['bob/terraform', 'GetCallerIdentity', '', 1],
  ]),
  humanStream(CLI_HABITS[0], 4, 0.06, [
    ['carol/cli', 'DescribeInstances', 'web', 5, { throttle: 0.01 }],
    ['carol/cli', 'DescribeInstanceStatus', '', 3],
    ['carol/cli', 'DescribeAutoScalingGroups', 'asg', 3],
    ['carol/cli', 'DescribeScalingActivities', '', 2],
    ['carol/cli', 'DescribeTargetHealth', '', 3],
    ['carol/cli', 'DescribeDBInstances', 'db', 2],
    ['carol/cli', 'DescribeEvents', '', 1],
    ['carol/cli', 'DescribeTable', 'tables', 2],
    ['carol/cli', 'DescribeAlarms', '', 7, { throttle: 0.01 }],
    ['carol/cli', 'GetCallerIdentity', '', 1],
    ['carol/cli', 'DescribeInstanceInformation', '', 1],
  ]),
  humanStream(CONSOLE_HABITS[2], 2, 0.01, [
    ['carol/console', 'DescribeAlarms', '', 7],
    ['carol/console', 'DescribeDBInstances', '', 1],
    ['carol/console', 'DescribeInstances', '', 1],
  ]),
  humanStream(CONSOLE_HABITS[3], 3, 0.03, [
    ['dave/console', 'ListBuckets', '', 3],
    ['dave/console', 'GetBucketLocation', 'buckets', 2],
    ['dave/console', 'GetBucketPolicy', 'buckets', 1, { denied: 0.6 }],
    ['dave/console', 'ListTables', '', 2],
    ['dave/console', 'DescribeTable', 'tables', 3],
    ['dave/console', 'DescribeDBInstances', '', 2, { denied: 0.35 }],
    ['dave/console', 'ListRoles', '', 1, { denied: 0.9 }],
    ['dave/console', 'GetCostAndUsage', '', 4],
    ['dave/console', 'DescribeAlarms', '', 4],
    ['dave/console', 'StopInstances', 'web', 0.08, { denied: 1 }],
  ]),
  {
    key: 'orders-api',
    share: 0.19,
    templates: table([
      ['orders-api', 'PutObject', 'exports', 10, { throttle: 0.002 }],
      ['orders-api', 'GetObject', 'config:orders-api', 4],
      ['orders-api', 'GetItem', 'orders-table', 3, { throttle: 0.004 }],
      ['orders-api', 'PutItem', 'orders-table', 2, { throttle: 0.004 }],
      ['orders-api', 'Decrypt', 'kms', 1],
    ]),
    level: trafficLevel,
    shape: trafficShape,
  },
  {
    key: 'image-resize',
    share: 0.11,
    templates: table([
      ['image-resize', 'GetObject', 'uploads', 10, { noSuchKey: 0.01 }],
      ['image-resize', 'PutObject', 'thumbs', 9],
      ['image-resize', 'GetObject', 'config:image-resize', 1],
      ['image-resize', 'Decrypt', 'kms', 1],
    ]),
    level: trafficLevel,
    shape: trafficShape,
  },
  {
    key: 'nightly-report',
    share: 0.05,
    templates: table([
      ['nightly-report', 'GetObject', 'exports', 12],
      ['nightly-report', 'PutObject', 'reports', 3],
      ['nightly-report', 'Scan', 'orders-table', 2, { throttle: 0.03 }],
      ['nightly-report', 'Decrypt', 'kms', 1],
    ]),
    level: () => 1,
    shape: (_ctx, out) => {
      for (let m = 0; m < 1440; m++) out[m] = m >= 120 && m < 152 ? 1 : 0;
    },
  },
  {
    key: 'instances',
    share: 0.09,
    templates: table(
      ACTORS.flatMap((a): Row[] =>
        a.role === 'web-instance-role'
          ? [
              [a.username, 'UpdateInstanceInformation', '', 5],
              [a.username, 'ListInstanceAssociations', '', 2],
              [a.username, 'GetObject', 'config:web', 2],
              [a.username, 'DescribeTags', a.username, 1],
            ]
          : [],
      ),
    ),
    level: () => 1,
    shape: flat,
  },
];
