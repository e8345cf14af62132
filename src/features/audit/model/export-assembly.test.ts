import { describe, expect, it } from 'vitest';
import { exportBlobParts, exportFileName, exportOffsets } from './export-assembly.ts';

describe('exportBlobParts', () => {
  it('joins CSV chunks line by line, with the header from the first', () => {
    const parts = exportBlobParts('csv', ['eventTime,eventName\n1,A\n2,B', '3,C\n', '']);
    expect(parts.join('')).toBe('eventTime,eventName\n1,A\n2,B\n3,C\n');
  });

  it('wraps JSON chunks as a CloudTrail log file', () => {
    const parts = exportBlobParts('json', ['{"eventID":"a"},\n{"eventID":"b"}', '{"eventID":"c"}']);
    const text = parts.join('');
    expect(text.startsWith('{"Records":[')).toBe(true);
    expect((JSON.parse(text) as { Records: { eventID: string }[] }).Records.map((r) => r.eventID)).toEqual([
      'a',
      'b',
      'c',
    ]);
  });

  it('gives an empty log file when nothing matched', () => {
    expect(JSON.parse(exportBlobParts('json', ['']).join(''))).toEqual({ Records: [] });
  });

  it('keeps the chunks as separate parts', () => {
    expect(exportBlobParts('json', ['{}', '{}'])).toEqual(['{"Records":[', '{}', ',\n', '{}', ']}']);
  });
});

describe('exportOffsets', () => {
  it.each([
    [0, [0]],
    [1, [0]],
    [10_000, [0]],
    [10_001, [0, 10_000]],
    [25_000, [0, 10_000, 20_000]],
  ])('%i rows → %j', (total, offsets) => {
    expect(exportOffsets(total)).toEqual(offsets);
  });
});

it('names the file after the pinned end', () => {
  expect(exportFileName('csv', Date.parse('2026-11-19T16:00:00Z'))).toBe('event-history-20261119T1600Z.csv');
});
