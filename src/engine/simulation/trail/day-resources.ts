import { ACCOUNT_ID, REGION } from '../../alarms/model.ts';
import { hash3, streamId } from '../random.ts';
import { BATCH_INSTANCE, WEB_INSTANCES } from '../workload.ts';
import {
  BUCKETS,
  FUNCTIONS,
  KMS_KEY_ARN,
  POLICIES,
  ROLES,
  SECURITY_GROUPS,
  STATIC_RESOURCES,
  USERS,
  resourceIndex,
} from './resources.ts';
import type { SimResource } from './resources.ts';

const OBJECT_STREAM = streamId('trail-objects');
const STATIC_BY_NAME = new Map(STATIC_RESOURCES.map((r, i) => [`${r.type}|${r.name}`, i]));

/**
 * The resources one day's events touch: the static ones, the day's S3 objects, and what the day
 * creates (instances Auto Scaling launches, access keys, policies, buckets). Events refer to them by
 * index; pools group them for the background activity.
 */
export class DayResources {
  readonly list: SimResource[] = [...STATIC_RESOURCES];
  private readonly pools = new Map<string, Int32Array>();
  private readonly byName = new Map(STATIC_BY_NAME);

  constructor(seed: number, day: number) {
    const date = new Date(day * 86_400_000).toISOString().slice(0, 10);
    const prev = new Date((day - 1) * 86_400_000).toISOString().slice(0, 10);
    const ids = (n: number, k: number) =>
      Array.from({ length: n }, (_, j) =>
        hash3(seed, OBJECT_STREAM + k, day * 4096 + j)
          .toString(16)
          .padStart(8, '0'),
      );
    const uploads = ids(48, 1);
    const objects = (pool: string, bucket: string, keys: string[]) =>
      this.pools.set(pool, Int32Array.from(keys.map((key) => this.object(bucket, key))));
    objects(
      'uploads',
      BUCKETS.assets,
      uploads.map((h) => `uploads/${date.replaceAll('-', '/')}/IMG_${h.slice(0, 6)}.jpg`),
    );
    objects(
      'thumbs',
      BUCKETS.assets,
      uploads.map((h) => `thumbnails/${date.replaceAll('-', '/')}/IMG_${h.slice(0, 6)}_320.webp`),
    );
    objects(
      'exports',
      BUCKETS.exports,
      ids(64, 2).map((h) => `orders/${date}/order-${h}.json`),
    );
    objects(
      'reports',
      BUCKETS.exports,
      ['summary.csv', ...Array.from({ length: 7 }, (_, j) => `part-0000${j}.csv`)].map(
        (f) => `reports/${prev}/${f}`,
      ),
    );
    objects('tfstate', BUCKETS.terraform, ['prod/terraform.tfstate']);
    for (const f of ['orders-api', 'image-resize', 'web'])
      objects(`config:${f}`, BUCKETS.assets, [`config/${f}.json`]);
    const named = (pool: string, names: readonly string[]) =>
      this.pools.set(pool, Int32Array.from(names.map(resourceIndex)));
    named('instances', [...WEB_INSTANCES, BATCH_INSTANCE]);
    named('web', WEB_INSTANCES);
    named('sgs', Object.values(SECURITY_GROUPS));
    named('buckets', Object.values(BUCKETS));
    named('roles', Object.keys(ROLES));
    named('users', USERS);
    named('policies', Object.keys(POLICIES));
    named('functions', FUNCTIONS);
    named('tables', ['orders', 'sessions']);
    named('orders-table', ['orders']);
    named('db', ['orders-db']);
    named('asg', ['web-asg']);
    named('kms', [KMS_KEY_ARN.slice(KMS_KEY_ARN.lastIndexOf('/') + 1)]);
  }

  /** A pool's resource indices; an unknown key names a single static resource. */
  pool(key: string): Int32Array {
    let p = this.pools.get(key);
    if (!p) {
      p = Int32Array.of(resourceIndex(key));
      this.pools.set(key, p);
    }
    return p;
  }

  /** Adds (or finds) a resource; returns its index. */
  add(r: SimResource): number {
    const key = `${r.type}|${r.name}`;
    let i = this.byName.get(key);
    if (i === undefined) {
      i = this.list.length;
      this.list.push(r);
      this.byName.set(key, i);
    }
    return i;
  }

  object(bucket: string, key: string): number {
    return this.add({
      type: 'AWS::S3::Object',
      name: `${bucket}/${key}`,
      arn: `arn:aws:s3:::${bucket}/${key}`,
      parent: this.add({ type: 'AWS::S3::Bucket', name: bucket, arn: `arn:aws:s3:::${bucket}` }),
    });
  }

  instance(id: string): number {
    return this.add({
      type: 'AWS::EC2::Instance',
      name: id,
      arn: `arn:aws:ec2:${REGION}:${ACCOUNT_ID}:instance/${id}`,
    });
  }

  accessKey(id: string): number {
    return this.add({ type: 'AWS::IAM::AccessKey', name: id });
  }
}
