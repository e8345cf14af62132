import type { Engine, MetricDatumInput } from '../../engine/index.ts';
import { DAY_MS, HOUR_MS } from '../../engine/index.ts';
import { invalidParameterCombination, invalidParameterValue, missingParameter } from './errors.ts';
import {
  type Json,
  dimensionsAt,
  isObject,
  listAt,
  metricNameAt,
  namespaceAt,
  numberAt,
  objectAt,
  timestampAt,
  unitAt,
} from './input.ts';

const MAX_DATUMS = 1000;
const MAX_VALUES = 150;
const LIMIT = 2 ** 360;

function checkValue(v: number, path: string): number {
  if (!Number.isFinite(v))
    throw invalidParameterValue(
      `The value ${v} for parameter ${path} is invalid: NaN and Infinity are not accepted.`,
    );
  if (Math.abs(v) > LIMIT) {
    throw invalidParameterValue(
      `The value ${v} for parameter ${path} is out of range: values must be within -2^360 to 2^360.`,
    );
  }
  return v;
}

/**
 * PutMetricData, validated as CloudWatch does.
 * https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_PutMetricData.html
 */
export function putMetricData(input: Json, engine: Engine): Json {
  const namespace = namespaceAt(input, 'Namespace', 'Namespace', true);
  if (namespace.startsWith('AWS/'))
    throw invalidParameterValue(
      `The value ${namespace} for parameter Namespace is invalid: namespaces starting with AWS/ are reserved for AWS services.`,
    );
  const entity = listAt(input, 'EntityMetricData', 'EntityMetricData') ?? [];
  if (entity.length > 0)
    throw invalidParameterValue(
      'The parameter EntityMetricData is not supported by this endpoint; send MetricData.',
    );
  const list = listAt(input, 'MetricData', 'MetricData', true);
  if (list.length === 0) throw missingParameter('MetricData');
  if (list.length > MAX_DATUMS)
    throw invalidParameterValue(`The collection MetricData must not have a size greater than ${MAX_DATUMS}.`);
  const now = engine.now();
  const tooOld: string[] = [];
  const tooNew: string[] = [];
  const data: MetricDatumInput[] = list.map((item, i) => {
    const p = `MetricData.member.${i + 1}`;
    if (!isObject(item))
      throw invalidParameterValue(
        `The value ${JSON.stringify(item)} for parameter ${p} is invalid: expected a structure.`,
      );
    const metricName = metricNameAt(item, 'MetricName', `${p}.MetricName`, true);
    const dimensions = dimensionsAt(item, 'Dimensions', `${p}.Dimensions`, 30);
    const timestampMs = timestampAt(item, 'Timestamp', `${p}.Timestamp`);
    if (timestampMs !== undefined && timestampMs < now - 14 * DAY_MS)
      tooOld.push(`The parameter ${p}.Timestamp must specify a time within the past two weeks.`);
    if (timestampMs !== undefined && timestampMs > now + 2 * HOUR_MS)
      tooNew.push(`The parameter ${p}.Timestamp must specify a time no more than two hours in the future.`);
    const value = numberAt(item, 'Value', `${p}.Value`);
    const values = listAt(item, 'Values', `${p}.Values`);
    const counts = listAt(item, 'Counts', `${p}.Counts`);
    const stats = objectAt(item, 'StatisticValues', `${p}.StatisticValues`);
    const given = [
      value !== undefined && 'Value',
      values !== undefined && 'Values',
      stats !== undefined && 'StatisticValues',
    ].filter(Boolean) as string[];
    if (given.length > 1) {
      throw invalidParameterCombination(
        `The parameters ${p}.${given[0]} and ${p}.${given[1]} are mutually exclusive and you have specified both.`,
      );
    }
    if (given.length === 0) throw missingParameter(`${p}.Value, ${p}.Values or ${p}.StatisticValues`);
    if (counts !== undefined && values === undefined)
      throw invalidParameterCombination(`The parameter ${p}.Counts requires ${p}.Values.`);
    const unit = unitAt(item, 'Unit', `${p}.Unit`);
    const res = numberAt(item, 'StorageResolution', `${p}.StorageResolution`);
    if (res !== undefined && res !== 1 && res !== 60)
      throw invalidParameterValue(`The parameter ${p}.StorageResolution must be 1 or 60; ${res} is not.`);
    const datum: MetricDatumInput = {
      metricName,
      dimensions,
      timestampMs,
      unit,
      storageResolution: res as 1 | 60 | undefined,
    };
    if (value !== undefined) datum.value = checkValue(value, `${p}.Value`);
    if (values !== undefined) {
      if (values.length === 0)
        throw invalidParameterValue(`The parameter ${p}.Values must contain at least one value.`);
      if (values.length > MAX_VALUES)
        throw invalidParameterValue(
          `The collection ${p}.Values must not have a size greater than ${MAX_VALUES}.`,
        );
      datum.values = values.map((v, k) => {
        const path = `${p}.Values.member.${k + 1}`;
        // Same reading as Value: a number, or a numeric string (as query-protocol clients send).
        const n = typeof v === 'string' && v.trim() !== '' ? Number(v) : v;
        if (typeof n !== 'number' || Number.isNaN(n)) {
          throw invalidParameterValue(
            `The value ${JSON.stringify(v)} for parameter ${path} is invalid: expected a number.`,
          );
        }
        return checkValue(n, path);
      });
      if (counts !== undefined) {
        if (counts.length !== values.length) {
          throw invalidParameterValue(
            `The parameters ${p}.Values and ${p}.Counts must have the same number of members (${values.length} and ${counts.length}).`,
          );
        }
        datum.counts = counts.map((c, k) => {
          if (typeof c !== 'number' || !Number.isFinite(c) || c <= 0) {
            throw invalidParameterValue(
              `The value ${JSON.stringify(c)} for parameter ${p}.Counts.member.${k + 1} is invalid: counts must be positive numbers.`,
            );
          }
          return c;
        });
      }
    }
    if (stats !== undefined) {
      const sp = `${p}.StatisticValues`;
      const s = {
        sampleCount: checkValue(
          numberAt(stats, 'SampleCount', `${sp}.SampleCount`, true),
          `${sp}.SampleCount`,
        ),
        sum: checkValue(numberAt(stats, 'Sum', `${sp}.Sum`, true), `${sp}.Sum`),
        minimum: checkValue(numberAt(stats, 'Minimum', `${sp}.Minimum`, true), `${sp}.Minimum`),
        maximum: checkValue(numberAt(stats, 'Maximum', `${sp}.Maximum`, true), `${sp}.Maximum`),
      };
      if (s.sampleCount <= 0)
        throw invalidParameterValue(`The parameter ${sp}.SampleCount must be greater than 0.`);
      if (s.minimum > s.maximum)
        throw invalidParameterValue(`The parameter ${sp}.Minimum must not be greater than ${sp}.Maximum.`);
      datum.statisticValues = s;
    }
    return datum;
  });
  if (tooOld.length > 0 || tooNew.length > 0) throw invalidParameterValue([...tooOld, ...tooNew].join('\n'));
  engine.putMetricData({ namespace, metricData: data });
  return {};
}
