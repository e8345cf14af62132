import { describe, expect, it } from 'vitest';
import { topicNameError } from './topic-name.ts';

describe('topicNameError', () => {
  it.each([
    ['ops-alerts', undefined],
    ['A_b-9', undefined],
    ['x'.repeat(256), undefined],
    ['', 'Enter a topic name.'],
    ['x'.repeat(257), 'A topic name has at most 256 characters.'],
    ['ops alerts', 'A topic name may only hold letters, digits, hyphens (-) and underscores (_).'],
    ['ops.fifo', 'A topic name may only hold letters, digits, hyphens (-) and underscores (_).'],
  ])('%j → %j', (name, error) => expect(topicNameError(name)).toBe(error));
});
