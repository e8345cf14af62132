/**
 * The API calls the simulated account makes, with request parameters and response elements shaped
 * like the ones each service logs (https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-event-reference-record-contents.html).
 * Reads answer `null` response elements, as CloudTrail logs them.
 */
import { ACCOUNT_ID, REGION } from '../../alarms/model.ts';
import type { Actor } from './identities.ts';
import { ACTORS, isoSeconds, uniqueId } from './identities.ts';
import type { SimResource } from './resources.ts';
import { BUCKETS, SECURITY_GROUPS, TARGET_GROUP_ARN, TRAIL_ARN, functionArn, roleArn } from './resources.ts';

/** What a request or response builder knows about one event. */
export interface CallContext {
  actor: Actor;
  /** The primary resource and a second one (an S3 object's bucket, a policy, a new access key). */
  r?: SimResource;
  r2?: SimResource;
  timeMs: number;
  /** Per-event deterministic 32-bit hashes, by sub-stream k. */
  h: (k: number) => number;
  /** A per-event integer chosen by the schedule (e.g. a session start, a port). */
  param: number;
  /** Whether the call failed (failed calls log no response elements). */
  failed: boolean;
}

export interface ActionDef {
  service: string;
  name: string;
  readOnly: boolean;
  /** A data event (eventCategory Data, managementEvent false). */
  data?: boolean;
  eventType?: 'AwsApiCall' | 'AwsConsoleSignIn';
  request?: (c: CallContext) => unknown;
  response?: (c: CallContext) => unknown;
  additional?: (c: CallContext) => unknown;
}

const hex = (h: number, n: number) => (h >>> 0).toString(16).padStart(8, '0').slice(0, n);
export const uuidOf = (a: number, b: number, c: number, d: number): string => {
  const x = (h: number) => (h >>> 0).toString(16).padStart(8, '0');
  const s = x(a) + x(b) + x(c) + x(d);
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-4${s.slice(13, 16)}-${'89ab'[d & 3]}${s.slice(17, 20)}-${s.slice(20, 32)}`;
};
const uuid = (c: CallContext, k: number) => uuidOf(c.h(k), c.h(k + 1), c.h(k + 2), c.h(k + 3));
const b64 = (c: CallContext, k: number, n: number) => {
  const A = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  let s = '';
  for (let i = 0; i < n; i++) s += A[(c.h(k + (i >> 2)) >>> ((i & 3) * 6)) & 63];
  return s;
};
/** IAM's response dates: `Nov 19, 2026, 2:03:00 PM`. */
const iamDate = (ms: number) => {
  const d = new Date(ms);
  const mon = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][
    d.getUTCMonth()
  ];
  const h = d.getUTCHours();
  const mm = String(d.getUTCMinutes()).padStart(2, '0');
  const ss = String(d.getUTCSeconds()).padStart(2, '0');
  return `${mon} ${d.getUTCDate()}, ${d.getUTCFullYear()}, ${h % 12 || 12}:${mm}:${ss} ${h < 12 ? 'AM' : 'PM'}`;
};
const name = (c: CallContext) => c.r?.name ?? '';
const s3Host = (bucket: string) => `${bucket}.s3.${REGION}.amazonaws.com`;
const bucketOf = (c: CallContext) => (c.r?.type === 'AWS::S3::Object' ? (c.r2?.name ?? '') : name(c));
const keyOf = (c: CallContext) => name(c).slice(bucketOf(c).length + 1);
const bucketRead = (member: string) => (c: CallContext) => ({
  bucketName: name(c),
  Host: s3Host(name(c)),
  [member]: '',
});
const s3Extra =
  (inBytes: (c: CallContext) => number, outBytes: (c: CallContext) => number) => (c: CallContext) => ({
    SignatureVersion: 'SigV4',
    CipherSuite: 'TLS_AES_128_GCM_SHA256',
    bytesTransferredIn: inBytes(c),
    AuthenticationMethod: 'AuthHeader',
    'x-amz-id-2': b64(c, 40, 56),
    bytesTransferredOut: outBytes(c),
  });
const objectSize = (c: CallContext) => 512 + (c.h(30) % 480_000);

const instanceItem = (c: CallContext) => ({ instanceId: name(c) });
const subnetFor = (h: number) => ['subnet-0a1b2c3d4e5f0a001', 'subnet-0a1b2c3d4e5f0a002'][h & 1];

function lambdaConfig(c: CallContext, fn: string, sha: string) {
  const ms = c.timeMs;
  return {
    functionName: fn,
    functionArn: functionArn(fn),
    runtime: fn === 'nightly-report' ? 'python3.13' : 'nodejs22.x',
    role: roleArn(`${fn}-role`),
    handler: fn === 'nightly-report' ? 'app.handler' : 'index.handler',
    codeSize: 180_000 + (c.h(20) % 2_000_000),
    description: '',
    timeout: fn === 'nightly-report' ? 300 : 10,
    memorySize: fn === 'image-resize' ? 1024 : 512,
    lastModified: new Date(ms).toISOString().replace('Z', '+0000'),
    codeSha256: sha,
    version: '$LATEST',
    tracingConfig: { mode: 'PassThrough' },
    revisionId: uuid(c, 24),
    state: 'Active',
    lastUpdateStatus: 'InProgress',
    lastUpdateStatusReason: 'The function is being created.',
    lastUpdateStatusReasonCode: 'Creating',
    packageType: 'Zip',
    architectures: ['arm64'],
    ephemeralStorage: { size: 512 },
    snapStart: { applyOn: 'None', optimizationStatus: 'Off' },
    loggingConfig: { logFormat: 'Text', logGroup: `/aws/lambda/${fn}` },
  };
}

const codeSha = (c: CallContext) => b64(c, 10, 43) + '=';
/** A published version number, shared by the deploy's PublishVersion and UpdateAlias (same session). */
const versionOf = (c: CallContext) => String(100 + (Math.floor(c.param / 60) % 900));

function dbInstance(c: CallContext, status: string) {
  return {
    dBInstanceIdentifier: 'orders-db',
    dBInstanceClass: 'db.r6g.large',
    engine: 'postgres',
    dBInstanceStatus: status,
    masterUsername: 'orders_admin',
    dBName: 'orders',
    endpoint: { address: 'orders-db.c9akciq32.us-east-1.rds.amazonaws.com', port: 5432 },
    allocatedStorage: 200,
    instanceCreateTime: 'Mar 2, 2026, 10:15:42 AM',
    preferredBackupWindow: '03:00-03:30',
    backupRetentionPeriod: 7,
    dBParameterGroups: [
      {
        dBParameterGroupName: c.param === 1 ? 'orders-pg16-tuned' : 'orders-pg16',
        parameterApplyStatus: 'applying',
      },
    ],
    availabilityZone: 'us-east-1a',
    multiAZ: true,
    engineVersion: '16.4',
    storageType: 'gp3',
    dbiResourceId:
      'db-' +
      b64(c, 50, 26)
        .toUpperCase()
        .replace(/[^A-Z0-9]/g, 'Q'),
    dBInstanceArn: `arn:aws:rds:${REGION}:${ACCOUNT_ID}:db:orders-db`,
  };
}

const TRAIL_NAME = 'management-events';

/** An AssumeRole's session name: `param` is the index of the actor whose session it starts. */
const sessionNameFor = (c: CallContext): string => ACTORS[c.param]?.username ?? '';

const policyDocument = (actions: string[], resource: string) =>
  JSON.stringify({
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Action: actions, Resource: resource }],
  });

const A: ActionDef[] = [
  // Sign-in
  {
    service: 'signin',
    name: 'ConsoleLogin',
    readOnly: false,
    eventType: 'AwsConsoleSignIn',
    response: (c) => ({ ConsoleLogin: c.failed ? 'Failure' : 'Success' }),
    additional: (c) => ({
      LoginTo:
        'https://console.aws.amazon.com/console/home?hashArgs=%23&isauthcode=true&state=hashArgsFromTB_us-east-1',
      MobileVersion: 'No',
      MFAUsed: c.param === 1 ? 'Yes' : 'No',
      ...(c.param === 1 && c.actor.type === 'IAMUser'
        ? { MFAIdentifier: `arn:aws:iam::${ACCOUNT_ID}:mfa/${c.actor.username}` }
        : {}),
    }),
  },
  // STS
  {
    service: 'sts',
    name: 'AssumeRole',
    readOnly: true,
    request: (c) => ({ roleArn: c.r?.arn, roleSessionName: sessionNameFor(c), durationSeconds: 3600 }),
    response: (c) => ({
      credentials: {
        accessKeyId: c.r2?.name,
        sessionToken: 'IQoJb3JpZ2luX2VjE' + b64(c, 60, 60),
        expiration: iamDate(c.timeMs + 3600_000),
      },
      assumedRoleUser: {
        assumedRoleId: `${uniqueId('AROA', name(c))}:${sessionNameFor(c)}`,
        arn: `arn:aws:sts::${ACCOUNT_ID}:assumed-role/${name(c)}/${sessionNameFor(c)}`,
      },
    }),
  },
  { service: 'sts', name: 'GetCallerIdentity', readOnly: true },
  // EC2
  {
    service: 'ec2',
    name: 'DescribeInstances',
    readOnly: true,
    request: (c) =>
      c.r
        ? { instancesSet: { items: [instanceItem(c)] }, filterSet: {} }
        : { instancesSet: {}, filterSet: {} },
  },
  {
    service: 'ec2',
    name: 'DescribeInstanceStatus',
    readOnly: true,
    request: () => ({ instancesSet: {}, filterSet: {}, includeAllInstances: true }),
  },
  {
    service: 'ec2',
    name: 'DescribeSecurityGroups',
    readOnly: true,
    request: (c) =>
      c.r
        ? { securityGroupSet: {}, securityGroupIdSet: { items: [{ groupId: name(c) }] }, filterSet: {} }
        : { securityGroupSet: {}, securityGroupIdSet: {}, filterSet: {} },
  },
  { service: 'ec2', name: 'DescribeVpcs', readOnly: true, request: () => ({ vpcSet: {}, filterSet: {} }) },
  {
    service: 'ec2',
    name: 'DescribeSubnets',
    readOnly: true,
    request: () => ({ subnetSet: {}, filterSet: {} }),
  },
  {
    service: 'ec2',
    name: 'DescribeVolumes',
    readOnly: true,
    request: () => ({ volumeSet: {}, filterSet: {} }),
  },
  {
    service: 'ec2',
    name: 'DescribeTags',
    readOnly: true,
    request: (c) => ({
      filterSet: { items: [{ name: 'resource-id', valueSet: { items: [{ value: name(c) }] } }] },
    }),
  },
  {
    service: 'ec2',
    name: 'RunInstances',
    readOnly: false,
    request: (c) => ({
      instancesSet: { items: [{ minCount: 1, maxCount: 1 }] },
      blockDeviceMapping: {},
      availabilityZone: (c.h(3) & 1) === 0 ? 'us-east-1a' : 'us-east-1b',
      monitoring: { enabled: false },
      subnetId: subnetFor(c.h(3)),
      disableApiTermination: false,
      disableApiStop: false,
      clientToken: `fleet-${uuid(c, 4)}-0`,
      tagSpecificationSet: {
        items: [{ resourceType: 'instance', tags: [{ key: 'aws:autoscaling:groupName', value: 'web-asg' }] }],
      },
      launchTemplate: { launchTemplateId: 'lt-0a1b2c3d4e5f6a7b8', version: '7' },
    }),
    response: (c) => ({
      requestId: uuid(c, 8),
      reservationId: `r-0${hex(c.h(12), 8)}${hex(c.h(13), 8)}`,
      ownerId: ACCOUNT_ID,
      requesterId: '940372691376',
      groupSet: {},
      instancesSet: {
        items: [
          {
            instanceId: name(c),
            imageId: 'ami-0f3c1e2d4b5a69788',
            instanceState: { code: 0, name: 'pending' },
            privateDnsName: `ip-10-0-${(c.h(3) & 1) + 1}-${c.h(14) % 250}.ec2.internal`,
            amiLaunchIndex: 0,
            productCodes: {},
            instanceType: 'm7g.large',
            launchTime: c.timeMs,
            placement: {
              availabilityZone: (c.h(3) & 1) === 0 ? 'us-east-1a' : 'us-east-1b',
              tenancy: 'default',
            },
            monitoring: { state: 'disabled' },
            subnetId: subnetFor(c.h(3)),
            vpcId: 'vpc-0a1b2c3d4e5f6a7b8',
            privateIpAddress: `10.0.${(c.h(3) & 1) + 1}.${c.h(14) % 250}`,
            stateReason: { code: 'pending', message: 'pending' },
            architecture: 'arm64',
            rootDeviceType: 'ebs',
            rootDeviceName: '/dev/xvda',
            blockDeviceMapping: {},
            virtualizationType: 'hvm',
            clientToken: `fleet-${uuid(c, 4)}-0`,
            groupSet: { items: [{ groupId: SECURITY_GROUPS.web, groupName: 'web-sg' }] },
            sourceDestCheck: true,
            ebsOptimized: true,
            enaSupport: true,
            metadataOptions: { state: 'pending', httpTokens: 'required', httpPutResponseHopLimit: 2 },
          },
        ],
      },
    }),
  },
  {
    service: 'ec2',
    name: 'TerminateInstances',
    readOnly: false,
    request: (c) => ({ instancesSet: { items: [instanceItem(c)] } }),
    response: (c) => ({
      requestId: uuid(c, 8),
      instancesSet: {
        items: [
          {
            instanceId: name(c),
            currentState: { code: 32, name: 'shutting-down' },
            previousState: { code: 16, name: 'running' },
          },
        ],
      },
    }),
  },
  {
    service: 'ec2',
    name: 'StopInstances',
    readOnly: false,
    request: (c) => ({ instancesSet: { items: [instanceItem(c)] }, force: false }),
    response: (c) => ({
      requestId: uuid(c, 8),
      instancesSet: {
        items: [
          {
            instanceId: name(c),
            currentState: { code: 64, name: 'stopping' },
            previousState: { code: 16, name: 'running' },
          },
        ],
      },
    }),
  },
  ...(['AuthorizeSecurityGroupIngress', 'RevokeSecurityGroupIngress'] as const).map((op): ActionDef => ({
    service: 'ec2',
    name: op,
    readOnly: false,
    request: (c) => ({
      groupId: name(c),
      ipPermissions: {
        items: [
          {
            ipProtocol: 'tcp',
            fromPort: c.param,
            toPort: c.param,
            groups: {},
            ipRanges: { items: [{ cidrIp: c.param === 22 ? '0.0.0.0/0' : '10.0.0.0/16' }] },
            ipv6Ranges: {},
            prefixListIds: {},
          },
        ],
      },
    }),
    response: (c) =>
      op === 'RevokeSecurityGroupIngress'
        ? { requestId: uuid(c, 8), _return: true }
        : {
            requestId: uuid(c, 8),
            _return: true,
            securityGroupRuleSet: {
              items: [
                {
                  groupOwnerId: ACCOUNT_ID,
                  groupId: name(c),
                  securityGroupRuleId: `sgr-0${hex(c.h(12), 8)}${hex(c.h(13), 8)}`,
                  isEgress: false,
                  ipProtocol: 'tcp',
                  fromPort: c.param,
                  toPort: c.param,
                  cidrIpv4: c.param === 22 ? '0.0.0.0/0' : '10.0.0.0/16',
                },
              ],
            },
          },
  })),
  // Auto Scaling and load balancing
  {
    service: 'autoscaling',
    name: 'DescribeAutoScalingGroups',
    readOnly: true,
    request: (c) => (c.r ? { autoScalingGroupNames: [name(c)] } : null),
  },
  {
    service: 'autoscaling',
    name: 'DescribeScalingActivities',
    readOnly: true,
    request: () => ({ autoScalingGroupName: 'web-asg', maxRecords: 20 }),
  },
  {
    service: 'elasticloadbalancing',
    name: 'DescribeLoadBalancers',
    readOnly: true,
    request: () => ({ pageSize: 400 }),
  },
  {
    service: 'elasticloadbalancing',
    name: 'DescribeTargetGroups',
    readOnly: true,
    request: () => ({ pageSize: 400 }),
  },
  {
    service: 'elasticloadbalancing',
    name: 'DescribeTargetHealth',
    readOnly: true,
    request: () => ({ targetGroupArn: TARGET_GROUP_ARN }),
  },
  ...(['RegisterTargets', 'DeregisterTargets'] as const).map((op): ActionDef => ({
    service: 'elasticloadbalancing',
    name: op,
    readOnly: false,
    request: (c) => ({ targetGroupArn: TARGET_GROUP_ARN, targets: [{ id: name(c), port: 8080 }] }),
  })),
  // Lambda
  { service: 'lambda', name: 'ListFunctions20150331', readOnly: true },
  {
    service: 'lambda',
    name: 'GetFunction20150331v2',
    readOnly: true,
    request: (c) => ({ functionName: name(c) }),
  },
  {
    service: 'lambda',
    name: 'GetFunctionConfiguration20150331v2',
    readOnly: true,
    request: (c) => ({ functionName: name(c) }),
  },
  {
    service: 'lambda',
    name: 'UpdateFunctionCode20150331v2',
    readOnly: false,
    request: (c) => ({
      functionName: name(c),
      s3Bucket: BUCKETS.artifacts,
      s3Key: `${name(c)}/${hex(c.h(18), 8)}${hex(c.h(19), 4)}.zip`,
      publish: false,
      dryRun: false,
    }),
    response: (c) => lambdaConfig(c, name(c), codeSha(c)),
  },
  {
    service: 'lambda',
    name: 'PublishVersion20150331',
    readOnly: false,
    request: (c) => ({ functionName: name(c) }),
    response: (c) => ({
      ...lambdaConfig(c, name(c), codeSha(c)),
      version: versionOf(c),
      lastUpdateStatus: 'Successful',
    }),
  },
  {
    service: 'lambda',
    name: 'UpdateAlias20150331',
    readOnly: false,
    request: (c) => ({ functionName: name(c), name: 'live', functionVersion: versionOf(c) }),
    response: (c) => ({
      aliasArn: `${functionArn(name(c))}:live`,
      name: 'live',
      functionVersion: versionOf(c),
      description: '',
      revisionId: uuid(c, 24),
    }),
  },
  // S3 management
  {
    service: 's3',
    name: 'ListBuckets',
    readOnly: true,
    request: () => ({ Host: `s3.${REGION}.amazonaws.com` }),
  },
  { service: 's3', name: 'GetBucketPolicy', readOnly: true, request: bucketRead('policy') },
  { service: 's3', name: 'GetBucketAcl', readOnly: true, request: bucketRead('acl') },
  { service: 's3', name: 'GetBucketEncryption', readOnly: true, request: bucketRead('encryption') },
  { service: 's3', name: 'GetBucketLocation', readOnly: true, request: bucketRead('location') },
  { service: 's3', name: 'GetBucketVersioning', readOnly: true, request: bucketRead('versioning') },
  {
    service: 's3',
    name: 'GetBucketPublicAccessBlock',
    readOnly: true,
    request: bucketRead('publicAccessBlock'),
  },
  {
    service: 's3',
    name: 'CreateBucket',
    readOnly: false,
    request: (c) => ({
      bucketName: name(c),
      Host: s3Host(name(c)),
      'x-amz-object-ownership': 'BucketOwnerEnforced',
    }),
  },
  {
    service: 's3',
    name: 'PutBucketPolicy',
    readOnly: false,
    request: (c) => ({
      bucketName: name(c),
      Host: s3Host(name(c)),
      bucketPolicy: {
        Version: '2012-10-17',
        Statement: [
          {
            Sid: 'DenyInsecureTransport',
            Effect: 'Deny',
            Principal: '*',
            Action: 's3:*',
            Resource: [`arn:aws:s3:::${name(c)}`, `arn:aws:s3:::${name(c)}/*`],
            Condition: { Bool: { 'aws:SecureTransport': 'false' } },
          },
          {
            Sid: 'ReportsRead',
            Effect: 'Allow',
            Principal: { AWS: roleArn('nightly-report-role') },
            Action: ['s3:GetObject', 's3:PutObject'],
            Resource: `arn:aws:s3:::${name(c)}/*`,
          },
        ],
      },
      policy: '',
    }),
  },
  // S3 data events
  {
    service: 's3',
    name: 'GetObject',
    readOnly: true,
    data: true,
    request: (c) => ({ bucketName: bucketOf(c), Host: s3Host(bucketOf(c)), key: keyOf(c) }),
    additional: s3Extra(
      () => 0,
      (c) => (c.failed ? 243 : objectSize(c)),
    ),
  },
  {
    service: 's3',
    name: 'PutObject',
    readOnly: false,
    data: true,
    request: (c) => ({ bucketName: bucketOf(c), Host: s3Host(bucketOf(c)), key: keyOf(c) }),
    response: () => ({ 'x-amz-server-side-encryption': 'AES256' }),
    additional: s3Extra(objectSize, () => 0),
  },
  // DynamoDB
  { service: 'dynamodb', name: 'ListTables', readOnly: true },
  { service: 'dynamodb', name: 'DescribeTable', readOnly: true, request: (c) => ({ tableName: name(c) }) },
  {
    service: 'dynamodb',
    name: 'DescribeContinuousBackups',
    readOnly: true,
    request: (c) => ({ tableName: name(c) }),
  },
  {
    service: 'dynamodb',
    name: 'DescribeTimeToLive',
    readOnly: true,
    request: (c) => ({ tableName: name(c) }),
  },
  {
    service: 'dynamodb',
    name: 'UpdateTable',
    readOnly: false,
    request: (c) => ({
      tableName: name(c),
      provisionedThroughput: { readCapacityUnits: c.param, writeCapacityUnits: 200 },
    }),
    response: (c) => ({
      tableDescription: {
        tableName: name(c),
        tableArn: c.r?.arn,
        tableStatus: 'UPDATING',
        provisionedThroughput: {
          readCapacityUnits: 400,
          writeCapacityUnits: 200,
          numberOfDecreasesToday: 0,
          lastIncreaseDateTime: iamDate(c.timeMs),
        },
      },
    }),
  },
  {
    service: 'dynamodb',
    name: 'GetItem',
    readOnly: true,
    data: true,
    request: (c) => ({
      tableName: name(c),
      key: { orderId: `ord-${hex(c.h(16), 8)}` },
      consistentRead: false,
    }),
  },
  {
    service: 'dynamodb',
    name: 'PutItem',
    readOnly: false,
    data: true,
    request: (c) => ({ tableName: name(c), key: { orderId: `ord-${hex(c.h(16), 8)}` } }),
  },
  {
    service: 'dynamodb',
    name: 'Scan',
    readOnly: true,
    data: true,
    request: (c) => ({ tableName: name(c), limit: 1000, select: 'ALL_ATTRIBUTES' }),
  },
  // RDS
  {
    service: 'rds',
    name: 'DescribeDBInstances',
    readOnly: true,
    request: (c) => (c.r ? { dBInstanceIdentifier: name(c) } : null),
  },
  {
    service: 'rds',
    name: 'DescribeEvents',
    readOnly: true,
    request: () => ({ sourceIdentifier: 'orders-db', sourceType: 'db-instance', duration: 1440 }),
  },
  {
    service: 'rds',
    name: 'DescribeDBSnapshots',
    readOnly: true,
    request: () => ({ dBInstanceIdentifier: 'orders-db' }),
  },
  {
    service: 'rds',
    name: 'RebootDBInstance',
    readOnly: false,
    request: () => ({ dBInstanceIdentifier: 'orders-db', forceFailover: false }),
    response: (c) => dbInstance(c, 'rebooting'),
  },
  {
    service: 'rds',
    name: 'ModifyDBInstance',
    readOnly: false,
    request: () => ({
      dBInstanceIdentifier: 'orders-db',
      dBParameterGroupName: 'orders-pg16-tuned',
      applyImmediately: true,
      allowMajorVersionUpgrade: false,
    }),
    response: (c) => dbInstance({ ...c, param: 1 }, 'modifying'),
  },
  // IAM
  { service: 'iam', name: 'ListUsers', readOnly: true },
  { service: 'iam', name: 'ListRoles', readOnly: true },
  {
    service: 'iam',
    name: 'ListPolicies',
    readOnly: true,
    request: () => ({ scope: 'Local', onlyAttached: false }),
  },
  { service: 'iam', name: 'GetAccountSummary', readOnly: true },
  { service: 'iam', name: 'GetAccountPasswordPolicy', readOnly: true },
  { service: 'iam', name: 'GenerateCredentialReport', readOnly: true },
  { service: 'iam', name: 'GetRole', readOnly: true, request: (c) => ({ roleName: name(c) }) },
  {
    service: 'iam',
    name: 'ListAttachedRolePolicies',
    readOnly: true,
    request: (c) => ({ roleName: name(c) }),
  },
  { service: 'iam', name: 'GetUser', readOnly: true, request: (c) => ({ userName: name(c) }) },
  { service: 'iam', name: 'ListAccessKeys', readOnly: true, request: (c) => ({ userName: name(c) }) },
  { service: 'iam', name: 'ListMFADevices', readOnly: true, request: (c) => ({ userName: name(c) }) },
  { service: 'iam', name: 'GetPolicy', readOnly: true, request: (c) => ({ policyArn: c.r?.arn }) },
  {
    service: 'iam',
    name: 'CreatePolicy',
    readOnly: false,
    request: (c) => ({
      policyName: name(c),
      description: 'Read access to the orders exports',
      policyDocument: policyDocument(['s3:GetObject', 's3:ListBucket'], `arn:aws:s3:::${BUCKETS.exports}/*`),
    }),
    response: (c) => ({
      policy: {
        policyName: name(c),
        policyId:
          'ANPA' +
          b64(c, 20, 17)
            .toUpperCase()
            .replace(/[^A-Z2-7]/g, 'Q'),
        arn: c.r?.arn,
        path: '/',
        defaultVersionId: 'v1',
        attachmentCount: 0,
        permissionsBoundaryUsageCount: 0,
        isAttachable: true,
        createDate: iamDate(c.timeMs),
        updateDate: iamDate(c.timeMs),
      },
    }),
  },
  {
    service: 'iam',
    name: 'AttachRolePolicy',
    readOnly: false,
    request: (c) => ({ roleName: name(c), policyArn: c.r2?.arn }),
  },
  {
    service: 'iam',
    name: 'PutUserPolicy',
    readOnly: false,
    request: (c) => ({
      userName: name(c),
      policyName: 'exports-read-inline',
      policyDocument: policyDocument(['s3:GetObject'], `arn:aws:s3:::${BUCKETS.exports}/reports/*`),
    }),
  },
  {
    service: 'iam',
    name: 'CreateAccessKey',
    readOnly: false,
    request: (c) => ({ userName: name(c) }),
    response: (c) => ({
      accessKey: {
        userName: name(c),
        accessKeyId: c.r2?.name,
        status: 'Active',
        createDate: iamDate(c.timeMs),
      },
    }),
  },
  // KMS, SSM, CloudTrail, CloudWatch, Cost Explorer
  {
    service: 'kms',
    name: 'Decrypt',
    readOnly: true,
    request: (c) => ({
      encryptionAlgorithm: 'SYMMETRIC_DEFAULT',
      encryptionContext: { 'aws:lambda:FunctionArn': functionArn(c.actor.username) },
    }),
  },
  {
    service: 'ssm',
    name: 'UpdateInstanceInformation',
    readOnly: false,
    request: (c) => {
      const k = Number(c.actor.username.slice(-1));
      return {
        instanceId: c.actor.username,
        agentVersion: '3.3.1142.0',
        agentStatus: 'Active',
        platformType: 'Linux',
        platformName: 'Amazon Linux',
        platformVersion: '2023',
        iPAddress: `10.0.${(k & 1) + 1}.${20 + k}`,
        computerName: `ip-10-0-${(k & 1) + 1}-${20 + k}.ec2.internal`,
        agentName: 'amazon-ssm-agent',
        availabilityZone: k & 1 ? 'us-east-1a' : 'us-east-1b',
        availabilityZoneId: k & 1 ? 'use1-az1' : 'use1-az2',
        sSMConnectionChannel: 'ssmmessages',
      };
    },
  },
  {
    service: 'ssm',
    name: 'ListInstanceAssociations',
    readOnly: true,
    request: (c) => ({ instanceId: c.actor.username, maxResults: 20 }),
  },
  {
    service: 'ssm',
    name: 'DescribeInstanceInformation',
    readOnly: true,
    request: () => ({ maxResults: 50 }),
  },
  {
    service: 'cloudtrail',
    name: 'DescribeTrails',
    readOnly: true,
    request: () => ({ includeShadowTrails: true }),
  },
  { service: 'cloudtrail', name: 'GetTrailStatus', readOnly: true, request: () => ({ name: TRAIL_ARN }) },
  {
    service: 'cloudtrail',
    name: 'GetEventSelectors',
    readOnly: true,
    request: () => ({ trailName: TRAIL_NAME }),
  },
  {
    service: 'cloudtrail',
    name: 'LookupEvents',
    readOnly: true,
    request: (c) => ({
      startTime: isoSeconds(c.timeMs - 86_400_000),
      endTime: isoSeconds(c.timeMs),
      lookupAttributes: [{ attributeKey: 'ReadOnly', attributeValue: 'false' }],
      maxResults: 50,
    }),
  },
  { service: 'monitoring', name: 'DescribeAlarms', readOnly: true, request: () => ({ maxRecords: 100 }) },
  {
    service: 'ce',
    name: 'GetCostAndUsage',
    readOnly: true,
    request: (c) => ({
      timePeriod: {
        start: isoSeconds(c.timeMs - 30 * 86_400_000).slice(0, 10),
        end: isoSeconds(c.timeMs).slice(0, 10),
      },
      granularity: 'DAILY',
      metrics: ['UnblendedCost'],
      groupBy: [{ type: 'DIMENSION', key: 'SERVICE' }],
    }),
  },
];

export const ACTIONS: readonly ActionDef[] = A;

const byName = new Map(A.map((a, i) => [a.name, i]));
/** An action's index by its event name. */
export function actionIndex(eventName: string): number {
  const i = byName.get(eventName);
  if (i === undefined) throw new Error(`no simulated action ${eventName}`);
  return i;
}

/** The event source of a service: `ec2` → `ec2.amazonaws.com`. */
export const eventSourceOf = (a: ActionDef): string => `${a.service}.amazonaws.com`;
