/**
 * The day's planned events: sign-ins, role sessions, deploys, administrative changes, and the
 * reactions to the metrics simulation's incidents (a deploy before each deploy regression, Auto
 * Scaling launching and retiring instances, an SRE acting on a slow database).
 */
import { DAY_MS, MINUTE_MS, SECOND_MS } from '../../time.ts';
import { hash3, streamId, uniform } from '../random.ts';
import { type Incident, incidentsBetween } from '../workload.ts';
import { actionIndex } from './actions.ts';
import { CONSOLE_HABITS, ERROR_KINDS, humanDay, isWeekday } from './activity.ts';
import type { DayResources } from './day-resources.ts';
import { ACTORS, actorIndex, sessionKey } from './identities.ts';
import { FUNCTIONS, iamArn, resourceIndex } from './resources.ts';

export interface PlannedEvent {
  t: number;
  actor: number;
  action: number;
  res: number;
  res2: number;
  err: number;
  param: number;
}

const PLAN_STREAM = streamId('trail-plan');
const LOGIN_FAILED = ERROR_KINDS.indexOf('login');
const DENIED = ERROR_KINDS.indexOf('denied');

const sec = (ms: number) => Math.floor(ms / SECOND_MS);
const onSecond = (ms: number) => sec(ms) * SECOND_MS;

/** The instance Auto Scaling launches in reaction to an incident. */
export function launchedInstanceId(seed: number, incidentId: string): string {
  const h = (k: number) => hash3(seed, streamId(incidentId), k).toString(16).padStart(8, '0');
  return `i-0${h(1)}${h(2)}`;
}

/** When Auto Scaling reacts to a hot-instance or traffic-surge incident: 3–8 minutes after it starts. */
export function scaleOutAt(seed: number, inc: Incident): number {
  return onSecond(inc.startMs + 180_000 + (hash3(seed, streamId(inc.id), 3) % 300) * SECOND_MS);
}

/** The planned events of one UTC day, ascending in time (ties keep their planned order). */
export function plannedEvents(
  seed: number,
  day: number,
  res: DayResources,
  loginSec: Int32Array,
): PlannedEvent[] {
  const dayStart = day * DAY_MS;
  const out: PlannedEvent[] = [];
  const u = (k: number, j = 0) => uniform(seed, PLAN_STREAM + k, day * 64 + j);
  const push = (t: number, actor: number, action: string, r = -1, r2 = -1, param = 0, err = 0) => {
    const ts = onSecond(t);
    if (ts >= dayStart && ts < dayStart + DAY_MS)
      out.push({ t: ts, actor, action: actionIndex(action), res: r, res2: r2, err, param });
  };
  const date = new Date(dayStart).toISOString().slice(0, 10).replaceAll('-', '');
  const weekday = isWeekday(day);

  // Console sign-ins.
  CONSOLE_HABITS.forEach((habit, k) => {
    const plan = humanDay(seed, day, habit, k);
    if (!plan) return;
    const mfa = ACTORS[plan.actor].mfa ? 1 : 0;
    loginSec[plan.actor] = sec(plan.loginMs);
    if (plan.failedFirst)
      push(
        plan.loginMs - (20 + Math.floor(u(1, k) * 40)) * SECOND_MS,
        plan.actor,
        'ConsoleLogin',
        -1,
        -1,
        mfa,
        LOGIN_FAILED,
      );
    push(plan.loginMs, plan.actor, 'ConsoleLogin', -1, -1, mfa);
  });
  if (u(2) < 0.12)
    push(
      dayStart + Math.floor(u(3) * DAY_MS),
      actorIndex('HIDDEN_DUE_TO_SECURITY_REASONS'),
      'ConsoleLogin',
      -1,
      -1,
      0,
      LOGIN_FAILED,
    );
  if (u(4) < 0.04) {
    const root = actorIndex('root');
    const login = onSecond(dayStart + (10 + u(5) * 8) * 3_600_000);
    loginSec[root] = sec(login);
    push(login, root, 'ConsoleLogin', -1, -1, 1);
    push(login + 45_000, root, 'GetAccountSummary', -1, -1, sec(login));
    push(login + 80_000, root, 'ListUsers', -1, -1, sec(login));
    push(login + 140_000, root, 'GenerateCredentialReport', -1, -1, sec(login));
  }

  // Services starting role sessions: Lambda for execution roles, EC2 for the instance profile.
  const lambdaService = actorIndex('lambda.amazonaws.com');
  const ec2Service = actorIndex('ec2.amazonaws.com');
  ACTORS.forEach((a, k) => {
    const by = a.role === 'web-instance-role' ? ec2Service : a.role.endsWith('-role') ? lambdaService : -1;
    if (by < 0) return;
    const period = (a.sessionHours ?? 1) * 3600;
    const offset = (a.sessionOffsetMin ?? 0) * 60;
    for (
      let s = Math.ceil((day * 86_400 - offset) / period) * period + offset;
      s < (day + 1) * 86_400;
      s += period
    )
      push(s * SECOND_MS, by, 'AssumeRole', resourceIndex(a.role), res.accessKey(sessionKey(seed, k, s)), k);
  });

  const incidents = incidentsBetween(seed, dayStart - DAY_MS, dayStart + 2 * DAY_MS);

  // Deploys: the pipeline assumes its role, then updates, publishes and points the alias.
  const ci = actorIndex('ci-runner');
  const bot = actorIndex('deploy-bot');
  const deploy = (t: number, fn: string, salt: number) => {
    const assume = onSecond(t - (60 + (hash3(seed, PLAN_STREAM, salt) % 90)) * SECOND_MS);
    const s = sec(assume);
    const f = resourceIndex(fn);
    push(
      assume,
      ci,
      'AssumeRole',
      resourceIndex('deploy-pipeline'),
      res.accessKey(sessionKey(seed, bot, s)),
      bot,
    );
    push(t - 15_000, bot, 'GetFunction20150331v2', f, -1, s);
    push(t, bot, 'UpdateFunctionCode20150331v2', f, -1, s);
    push(t + 12_000, bot, 'GetFunctionConfiguration20150331v2', f, -1, s);
    push(t + 20_000, bot, 'PublishVersion20150331', f, -1, s);
    push(t + 24_000, bot, 'UpdateAlias20150331', f, -1, s);
  };
  for (const inc of incidents)
    if (inc.kind === 'deploy-regression' && inc.causeAtMs !== undefined)
      deploy(onSecond(inc.causeAtMs), inc.target, streamId(inc.id));
  if (weekday) {
    const n = Math.floor(u(6) * 3.2);
    for (let j = 0; j < n; j++)
      deploy(
        onSecond(dayStart + (9.5 + u(7, j) * 8) * 3_600_000),
        FUNCTIONS[Math.floor(u(8, j) * 3)],
        day * 8 + j,
      );
  }

  // Reactions to incidents.
  const autoscaling = actorIndex('AutoScaling');
  const carol = actorIndex('carol/cli');
  for (const inc of incidents) {
    const h = (k: number) => hash3(seed, streamId(inc.id), k);
    if (inc.kind === 'hot-instance' || inc.kind === 'traffic-surge') {
      const fresh = res.instance(launchedInstanceId(seed, inc.id));
      const launch = scaleOutAt(seed, inc);
      push(launch, autoscaling, 'RunInstances', fresh);
      push(launch + (100 + (h(4) % 60)) * SECOND_MS, autoscaling, 'RegisterTargets', fresh);
      const retire = inc.endMs + (300 + (h(5) % 600)) * SECOND_MS;
      push(retire, autoscaling, 'DeregisterTargets', fresh);
      push(retire + (45 + (h(6) % 45)) * SECOND_MS, autoscaling, 'TerminateInstances', fresh);
      if (inc.kind === 'hot-instance')
        push(
          inc.startMs + (240 + (h(7) % 300)) * SECOND_MS,
          carol,
          'DescribeInstances',
          resourceIndex(inc.target),
        );
      else {
        const orders = resourceIndex('orders');
        const at = inc.startMs + (360 + (h(7) % 600)) * SECOND_MS;
        push(at, carol, 'DescribeTable', orders);
        push(at + 50_000, carol, 'UpdateTable', orders, -1, 400);
      }
    } else if (inc.kind === 'db-slowdown') {
      const db = resourceIndex('orders-db');
      push(inc.startMs + (180 + (h(4) % 180)) * SECOND_MS, carol, 'DescribeDBInstances', db);
      push(inc.startMs + (230 + (h(4) % 180)) * SECOND_MS, carol, 'DescribeEvents');
      const at = inc.startMs + (0.45 + 0.25 * (h(5) / 4294967296)) * (inc.endMs - inc.startMs);
      push(at, carol, h(6) & 1 ? 'RebootDBInstance' : 'ModifyDBInstance', db);
    }
  }

  // Administrative changes on weekdays: IAM by alice (console), infrastructure by bob (Terraform).
  if (weekday) {
    const alice = actorIndex('alice/console');
    const a = loginSec[alice];
    const at = (k: number) => (a + 600 + Math.floor(u(20 + k) * 6 * 3600)) * SECOND_MS;
    if (a > 0) {
      if (u(10) < 0.15) {
        const name = `exports-read-${date}`;
        const p = res.add({ type: 'AWS::IAM::Policy', name, arn: iamArn('policy', name) });
        push(at(0), alice, 'CreatePolicy', p, -1, a);
        push(at(0) + 150_000, alice, 'AttachRolePolicy', resourceIndex('nightly-report-role'), p, a);
      }
      if (u(11) < 0.1) push(at(1), alice, 'PutUserPolicy', resourceIndex('dave'), -1, a);
      if (u(12) < 0.08) {
        const key = 'AKIA' + sessionKey(seed, alice, day).slice(4);
        push(at(2), alice, 'CreateAccessKey', resourceIndex('carol'), res.accessKey(key), a);
      }
      if (u(13) < 0.05)
        push(
          at(3),
          alice,
          'AttachRolePolicy',
          resourceIndex('security-scanner'),
          resourceIndex('SecurityAudit'),
          a,
        );
    }
    const tf = actorIndex('bob/terraform');
    const bt = (k: number) => dayStart + (10 + u(30 + k) * 7) * 3_600_000;
    if (u(14) < 0.07) {
      const name = `orders-exports-archive-${date}`;
      const b = res.add({ type: 'AWS::S3::Bucket', name, arn: `arn:aws:s3:::${name}` });
      push(bt(0), tf, 'CreateBucket', b);
      push(bt(0) + 30_000, tf, 'PutBucketPolicy', b);
    }
    if (u(15) < 0.08) push(bt(1), tf, 'PutBucketPolicy', resourceIndex('orders-exports'));
    if (u(16) < 0.12) {
      const port = u(17) < 0.5 ? 22 : 8080;
      const sg = resourceIndex('sg-0a1b2c3d4e5f00001');
      push(bt(2), tf, 'AuthorizeSecurityGroupIngress', sg, -1, port);
      if (port === 22)
        push(bt(2) + (20 + u(18) * 70) * MINUTE_MS, carol, 'RevokeSecurityGroupIngress', sg, -1, port);
    }
    const dave = actorIndex('dave/console');
    if (loginSec[dave] > 0 && u(19) < 0.1)
      push(
        (loginSec[dave] + 1800) * SECOND_MS,
        dave,
        'StopInstances',
        resourceIndex('i-0a1b2c3d4e5f60002'),
        -1,
        loginSec[dave],
        DENIED,
      );
  }

  out.sort((x, y) => x.t - y.t);
  return out;
}
