import { describe, expect, it } from 'vitest';
import type { DashboardBody } from './dashboard-body.ts';
import { lineOfPath, parseSource, positionAt, prettyBody } from './source.ts';

const BODY: DashboardBody = {
  widgets: [
    { type: 'text', x: 0, y: 0, width: 24, height: 2, properties: { markdown: '# Hi' } },
    {
      type: 'metric',
      properties: {
        metrics: [
          ['AWS/EC2', 'CPUUtilization', 'InstanceId', 'i-1'],
          ['.', 'NetworkIn', '.', '.'],
        ],
        'a/b': 1,
      },
    },
  ],
};

const TEXT = prettyBody(BODY);
const lineOf = (needle: string) => TEXT.split('\n').findIndex((l) => l.includes(needle)) + 1;

describe('prettyBody', () => {
  it('is JSON with 2 spaces, and reads back as the body', () => {
    expect(TEXT.split('\n')[1]).toBe('  "widgets": [');
    expect(JSON.parse(TEXT)).toEqual(BODY);
  });
});

describe('lineOfPath', () => {
  it.each([
    { path: '', line: 1 },
    { path: '/widgets', line: 2 },
    { path: '/widgets/0/properties/markdown', line: lineOf('"markdown"') },
    { path: '/widgets/1/properties/metrics', line: lineOf('"metrics"') },
    { path: '/widgets/1/properties/metrics/1', line: lineOf('NetworkIn') - 2 },
    { path: '/widgets/1/properties/metrics/1/1', line: lineOf('NetworkIn') },
    { path: '/widgets/1/properties/a~1b', line: lineOf('"a/b"') },
    // A missing property points at the nearest thing that exists.
    { path: '/widgets/0/properties/title', line: lineOf('"properties": {') },
    { path: 'widgets[1].properties.metrics', line: lineOf('"metrics"') },
  ])('$path → line $line', ({ path, line }) => {
    expect(lineOfPath(TEXT, path)).toBe(line);
  });

  it('is undefined for text that is not JSON', () => {
    expect(lineOfPath('{"widgets": [', '/widgets')).toBeUndefined();
  });
});

describe('parseSource', () => {
  it('reads valid text', () => {
    expect(parseSource(TEXT)).toEqual({ ok: true, body: BODY });
  });

  it.each([
    {
      text: '{\n  "widgets": [\n    {"type": "text",}\n  ]\n}',
      line: 3,
      column: 21,
      message: /property name/,
    },
    { text: '{\n  "widgets": []\n  "start": "-PT3H"\n}', line: 3, column: 3, message: /','/ },
    { text: '{"widgets": [', line: 1, column: 14, message: /Unexpected end/ },
    { text: '{"a": "x\ny"}', line: 1, column: 9, message: /control character/ },
    { text: '{} x', line: 1, column: 4, message: /after the end/ },
  ])('a syntax error at line $line column $column', ({ text, line, column, message }) => {
    const r = parseSource(text);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.line).toBe(line);
    expect(r.error.column).toBe(column);
    expect(r.error.message).toMatch(message);
  });

  it('positionAt counts lines and columns from 1', () => {
    expect(positionAt('ab\ncd', 4)).toEqual({ line: 2, column: 2 });
  });
});
