import { describe, expect, it } from 'vitest';
import type { AuditMarker } from './audit-marker.ts';
import { formatBefore, rankChanges, resourceKeys, touches } from './rank-changes.ts';

const MIN = 60_000;
const AT = Date.parse('2026-10-23T15:45:00Z');
const HOUR = 60 * MIN;

/** An event `minutesBefore` AT; the id is what the tables compare. */
function ev(id: string, minutesBefore: number, patch: Partial<AuditMarker> = {}): AuditMarker {
  return {
    eventId: id,
    timeMs: AT - minutesBefore * MIN,
    eventName: 'PutParameter',
    eventSource: 'ssm.amazonaws.com',
    userName: `user-${id}`,
    resources: [],
    readOnly: false,
    summary: id,
    ...patch,
  };
}

const lambda = (name: string) => ({ type: 'AWS::Lambda::Function', name });

describe('touches', () => {
  it.each<[string, Partial<AuditMarker>, string[], boolean]>([
    ['a resource name', { resources: [lambda('orders-api')] }, ['orders-api'], true],
    ['a resource name in another case', { resources: [lambda('Orders-API')] }, ['orders-api'], true],
    [
      'an ARN ending in the name',
      { resources: [{ name: 'arn:aws:lambda:us-east-1:123456789012:function:orders-api' }] },
      ['orders-api'],
      true,
    ],
    [
      'the name, given as an ARN',
      { resources: [lambda('orders-api')] },
      ['arn:aws:lambda:us-east-1:123456789012:function:orders-api'],
      true,
    ],
    ['a request parameter', { params: ['orders-api', 'watchtrail-deploy-artifacts'] }, ['orders-api'], true],
    ['only a longer name', { resources: [lambda('orders-api-v2')] }, ['orders-api'], false],
    [
      'only the caller’s name',
      { userName: 'orders-api', resources: [lambda('image-resize')] },
      ['orders-api'],
      false,
    ],
    ['no resource names', { resources: [lambda('orders-api')] }, [], false],
    ['blank resource names', { resources: [{ name: '' }] }, [' ', ''], false],
  ])('%s', (_name, patch, names, expected) => {
    expect(touches(ev('e', 1, patch), resourceKeys(names))).toBe(expected);
  });
});

describe('rankChanges', () => {
  const orders = { resources: [lambda('orders-api')] };
  const other = { resources: [lambda('image-resize')] };

  it.each<[string, AuditMarker[], number, string[], string[]]>([
    [
      'closer first, without resources',
      [ev('far', 50), ev('near', 2), ev('mid', 20)],
      HOUR,
      [],
      ['near', 'mid', 'far'],
    ],
    [
      'touching the resource dominates closeness',
      [ev('near-other', 1, other), ev('far-orders', 55, orders)],
      HOUR,
      ['orders-api'],
      ['far-orders', 'near-other'],
    ],
    [
      'writes before reads, in each group',
      [
        ev('read-orders', 1, { ...orders, readOnly: true }),
        ev('write-orders', 40, orders),
        ev('read-near', 1, { readOnly: true }),
        ev('write-far', 50),
      ],
      HOUR,
      ['orders-api'],
      ['write-orders', 'read-orders', 'write-far', 'read-near'],
    ],
    [
      'a failed write ranks with reads (it changed nothing)',
      [ev('failed', 1, { errorCode: 'AccessDenied' }), ev('ok', 30)],
      HOUR,
      [],
      ['ok', 'failed'],
    ],
    [
      'only the window [at − window, at] counts',
      [ev('after', -1), ev('edge', 15), ev('before', 16), ev('at', 0)],
      15 * MIN,
      [],
      ['at', 'edge'],
    ],
    [
      'ties go to the later event, then the id',
      [ev('b', 5, { timeMs: AT - 5 * MIN }), ev('a', 5), ev('c', 3)],
      HOUR,
      [],
      ['c', 'a', 'b'],
    ],
  ])('%s', (_name, markers, windowMs, names, expected) => {
    expect(rankChanges(markers, AT, windowMs, names).map((r) => r.marker.eventId)).toEqual(expected);
  });

  it('folds a deploy’s calls into one change, shown by its first write', () => {
    const bot = { userName: 'deploy-bot', eventSource: 'lambda.amazonaws.com', ...orders };
    const deploy = [
      ev('get', 9.25, { ...bot, eventName: 'GetFunction20150331v2', readOnly: true }),
      ev('update', 9, { ...bot, eventName: 'UpdateFunctionCode20150331v2' }),
      ev('config', 8.8, { ...bot, eventName: 'GetFunctionConfiguration20150331v2', readOnly: true }),
      ev('publish', 8.66, { ...bot, eventName: 'PublishVersion20150331' }),
      ev('alias', 8.6, { ...bot, eventName: 'UpdateAlias20150331' }),
    ];
    const noise = [ev('ssm', 1, { eventName: 'UpdateInstanceInformation' }), ev('s3', 0.5, other)];
    const ranked = rankChanges([...noise, ...deploy], AT, HOUR, ['orders-api']);
    expect(ranked.map((r) => r.marker.eventId)).toEqual(['update', 's3', 'ssm']);
    expect(ranked[0].touchesResource).toBe(true);
    expect(ranked[0].beforeMs).toBe(9 * MIN);
    expect(ranked[0].related.map((m) => m.eventId)).toEqual(['get', 'config', 'publish', 'alias']);
    expect(ranked[1].related).toEqual([]);
  });

  it.each<[string, number[], number]>([
    ['calls under 5 minutes apart are one change', [10, 6, 2], 1],
    ['a 5-minute pause starts another change', [10, 5], 2],
    ['the gap counts from the last call, not the first', [12, 8, 4, 0], 1],
  ])('%s', (_name, minutesBefore, changes) => {
    const markers = minutesBefore.map((m, i) => ev(`e${i}`, m, { userName: 'carol', ...orders }));
    expect(rankChanges(markers, AT, HOUR, [])).toHaveLength(changes);
  });

  it('keeps calls by different people or on different resources apart', () => {
    const markers = [
      ev('alice-orders', 3, { userName: 'alice', ...orders }),
      ev('bob-orders', 3, { userName: 'bob', ...orders }),
      ev('alice-other', 2, { userName: 'alice', ...other }),
    ];
    expect(rankChanges(markers, AT, HOUR, [])).toHaveLength(3);
  });

  it('scores touching + write + closeness', () => {
    const [r] = rankChanges([ev('x', 15, orders)], AT, HOUR, ['orders-api']);
    expect(r.score).toBeCloseTo(1000 + 100 + 75, 6);
    const [read] = rankChanges([ev('y', 60, { readOnly: true })], AT, HOUR, ['orders-api']);
    expect(read.score).toBe(0);
  });
});

describe('formatBefore', () => {
  it.each<[number, string]>([
    [0, 'at the same time'],
    [999, 'at the same time'],
    [40_000, '40 s before'],
    [4 * MIN + 59_000, '4 min before'],
    [HOUR, '1 h before'],
    [HOUR + 5 * MIN, '1 h 5 min before'],
    [26 * HOUR, '1 d 2 h before'],
    [-5_000, 'at the same time'],
  ])('%d ms', (ms, text) => {
    expect(formatBefore(ms)).toBe(text);
  });
});
