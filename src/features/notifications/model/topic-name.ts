/** Checks a topic name as SNS CreateTopic does: 1–256 of A–Z a–z 0–9 - _. */
export function topicNameError(name: string): string | undefined {
  if (name === '') return 'Enter a topic name.';
  if (name.length > 256) return 'A topic name has at most 256 characters.';
  if (!/^[A-Za-z0-9_-]+$/.test(name))
    return 'A topic name may only hold letters, digits, hyphens (-) and underscores (_).';
  return undefined;
}
