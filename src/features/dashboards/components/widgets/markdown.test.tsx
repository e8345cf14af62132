// @vitest-environment jsdom
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type Rendered, render } from '../../../../components/test-render.ts';
import { renderMarkdown, safeHref } from './markdown.tsx';

let rendered: Rendered | undefined;
afterEach(() => {
  rendered?.unmount();
  rendered = undefined;
});

function show(markdown: string): HTMLElement {
  rendered = render(<div>{renderMarkdown(markdown)}</div>);
  return rendered.container.firstElementChild as HTMLElement;
}

describe('safeHref', () => {
  it.each([
    ['https://example.com/a?b=c#d', 'https://example.com/a?b=c#d'],
    ['HTTP://example.com', 'HTTP://example.com'],
    ['/alarms/cpu-high', '/alarms/cpu-high'],
    ['#section', '#section'],
    ['../relative', '../relative'],
    ['javascript:alert(1)', undefined],
    ['JaVaScRiPt:alert(1)', undefined],
    ['java\tscript:alert(1)', undefined],
    [' javascript:alert(1)', undefined],
    ['data:text/html,<script>alert(1)</script>', undefined],
    ['vbscript:msgbox', undefined],
    ['mailto:someone@example.com', undefined],
  ])('%s', (href, expected) => {
    expect(safeHref(href)).toBe(expected);
  });
});

describe('renderMarkdown', () => {
  it('draws headings, emphasis, strike and inline code', () => {
    const root = show('# Title\n### Small **bold** *it* _it2_ ~~gone~~ `a<b`');
    const headings = root.querySelectorAll('[role="heading"]');
    expect([...headings].map((h) => h.getAttribute('aria-level'))).toEqual(['1', '3']);
    expect(root.querySelector('strong')?.textContent).toBe('bold');
    expect([...root.querySelectorAll('em')].map((e) => e.textContent)).toEqual(['it', 'it2']);
    expect(root.querySelector('del')?.textContent).toBe('gone');
    expect(root.querySelector('code')?.textContent).toBe('a<b');
  });

  it('keeps line breaks inside a paragraph and separates paragraphs', () => {
    const root = show('One.\nTwo.\n\nThree.');
    const ps = root.querySelectorAll('p');
    expect(ps).toHaveLength(2);
    expect(ps[0].querySelectorAll('br')).toHaveLength(1);
  });

  it('draws ordered and unordered lists, nested', () => {
    const root = show('- a\n- b\n  - b1\n  - b2\n\n3. three\n4. four');
    const ul = root.querySelector('ul')!;
    expect(ul.children).toHaveLength(2);
    expect(ul.querySelector('ul')?.children).toHaveLength(2);
    const ol = root.querySelector('ol')!;
    expect(ol.getAttribute('start')).toBe('3');
    expect(ol.children).toHaveLength(2);
  });

  it('draws tables with alignment', () => {
    const root = show('| Name | Value |\n|:-----|------:|\n| cpu | 80 |\n| mem | `42` |');
    expect([...root.querySelectorAll('th')].map((t) => t.textContent)).toEqual(['Name', 'Value']);
    expect(root.querySelectorAll('tbody tr')).toHaveLength(2);
    expect((root.querySelector('td:nth-child(2)') as HTMLElement).style.textAlign).toBe('right');
  });

  it('draws fenced code verbatim, quotes and rules', () => {
    const root = show('```\n<b>not bold</b>\n# not a heading\n```\n\n> quoted **text**\n\n---');
    expect(root.querySelector('pre code')?.textContent).toBe('<b>not bold</b>\n# not a heading');
    expect(root.querySelector('pre b')).toBeNull();
    expect(root.querySelector('blockquote strong')?.textContent).toBe('text');
    expect(root.querySelector('hr')).not.toBeNull();
  });

  it('keeps parentheses inside a link, and opens protocol-relative links apart', () => {
    const root = show('[A (b)](https://en.wikipedia.org/wiki/A_(b)) and [there](//example.com/x).');
    const links = [...root.querySelectorAll('a')];
    expect(links.map((a) => [a.textContent, a.getAttribute('href'), a.getAttribute('rel')])).toEqual([
      ['A (b)', 'https://en.wikipedia.org/wiki/A_(b)', 'noopener noreferrer'],
      ['there', '//example.com/x', 'noopener noreferrer'],
    ]);
    expect(root.textContent).toBe('A (b) and there.');
  });

  it('draws links and CloudWatch buttons', () => {
    const root = show(
      'See [the runbook](https://example.com/run) or [alarms](/alarms).\n\n[button:Open](https://example.com) [button:primary:Fix it](/fix)',
    );
    const links = [...root.querySelectorAll('a')];
    expect(links.map((a) => [a.textContent, a.getAttribute('href'), a.dataset.button ?? null])).toEqual([
      ['the runbook', 'https://example.com/run', null],
      ['alarms', '/alarms', null],
      ['Open', 'https://example.com', 'normal'],
      ['Fix it', '/fix', 'primary'],
    ]);
    expect(links[0].getAttribute('rel')).toBe('noopener noreferrer');
    expect(links[1].getAttribute('target')).toBeNull();
  });

  it.each([
    '<script>window.hacked = true</script>',
    '<img src=x onerror="window.hacked=true">',
    '<a href="javascript:alert(1)">x</a>',
    '**<iframe src="https://evil.example"></iframe>**',
    '| <b>x</b> |\n|---|\n| <script>1</script> |',
    '- <svg onload="alert(1)">',
    '> <style>body{display:none}</style>',
  ])('never turns HTML into markup: %s', (markdown) => {
    const root = show(markdown);
    expect(root.querySelector('script, img, iframe, svg, style, b, a[href^="javascript"]')).toBeNull();
    expect(root.textContent).toContain('<');
    expect((window as { hacked?: boolean }).hacked).toBeUndefined();
  });

  it.each([
    '[click](javascript:alert(1))',
    '[click](JAVASCRIPT:alert(1))',
    '[click](data:text/html;base64,PHNjcmlwdD4=)',
    '[button:Click](javascript:alert(1))',
    '[button:primary:Click](vbscript:x)',
  ])('drops unsafe link targets but keeps the text: %s', (markdown) => {
    const root = show(markdown);
    expect(root.querySelector('a')).toBeNull();
    expect(root.textContent).toContain('lick');
  });

  // Every text widget of the real dashboards in the shared data renders, headings as headings and
  // links as links.
  const dir = join(__dirname, '../../../../../../shared/data/dashboards');
  const files = (() => {
    try {
      return readdirSync(dir).filter((f) => f.endsWith('.json'));
    } catch {
      return [];
    }
  })();
  const texts = files.flatMap((f) =>
    (
      JSON.parse(readFileSync(join(dir, f), 'utf8')) as {
        widgets: { type: string; properties?: { markdown?: string } }[];
      }
    ).widgets
      .filter((w) => w.type === 'text' && typeof w.properties?.markdown === 'string')
      .map((w) => [f, w.properties!.markdown!] as const),
  );
  it.runIf(texts.length > 0).each(texts)('renders the text widget of %s', (_file, markdown) => {
    const root = show(markdown);
    const headings = markdown.split('\n').filter((l) => /^#{1,6}\s/.test(l)).length;
    expect(root.querySelectorAll('[role="heading"]')).toHaveLength(headings);
    const links = [...markdown.matchAll(/\[[^\]]+\]\((https?:[^)]+)\)/g)].map((m) => m[1]);
    expect([...root.querySelectorAll('a')].map((a) => a.getAttribute('href'))).toEqual(links);
    expect(root.textContent).not.toMatch(/\*\*|\]\(/);
  });
});
