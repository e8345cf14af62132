// @vitest-environment jsdom
import { act } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { click, getByRole, render } from '../../../../components/test-render.ts';
import type { Rendered } from '../../../../components/test-render.ts';
import type { DashboardBody } from '../../model/dashboard-body.ts';
import { SourceEditor } from './source-editor.tsx';

let rendered: Rendered | undefined;
afterEach(() => {
  rendered?.unmount();
  rendered = undefined;
});

const BODY: DashboardBody = {
  widgets: [{ type: 'text', x: 0, y: 0, width: 24, height: 2, properties: { markdown: '# Hi' } }],
};

function type(textarea: HTMLTextAreaElement, value: string) {
  const setter = Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')?.set;
  act(() => {
    setter?.call(textarea, value);
    textarea.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

function renderSource() {
  const onApply = vi.fn();
  rendered = render(<SourceEditor body={BODY} onApply={onApply} onClose={() => {}} />);
  const c = rendered.container;
  const textarea = c.querySelector('textarea') as HTMLTextAreaElement;
  const apply = getByRole(c, 'button', 'Apply') as HTMLButtonElement;
  return { c, textarea, apply, onApply };
}

const problems = (c: HTMLElement) =>
  Array.from(c.querySelectorAll('[aria-label="Problems"] li')).map((li) => li.textContent ?? '');

describe('the source editor', () => {
  it('shows the body as pretty JSON, with no problems, and applies it', () => {
    const { c, textarea, apply, onApply } = renderSource();
    expect(textarea.value).toBe(JSON.stringify(BODY, null, 2));
    expect(c.textContent).toContain('No problems found.');
    expect(apply.disabled).toBe(false);
    click(apply);
    expect(onApply).toHaveBeenCalledWith(BODY);
  });

  it('a syntax error is listed with its line and blocks Apply', () => {
    const { c, textarea, apply, onApply } = renderSource();
    type(textarea, '{\n  "widgets": [\n    {"type": "text",}\n  ]\n}');
    expect(problems(c)).toHaveLength(1);
    expect(problems(c)[0]).toMatch(/line 3, column 21/);
    expect(apply.disabled).toBe(true);
    click(apply);
    expect(onApply).not.toHaveBeenCalled();
  });

  it('a body CloudWatch rejects lists its errors by path and line, and blocks Apply', () => {
    const { c, textarea, apply } = renderSource();
    const bad = JSON.stringify(
      {
        widgets: [
          BODY.widgets[0],
          { type: 'metric', x: 0, y: 2, width: 6, height: 6, properties: { view: 'timeSeries' } },
        ],
      },
      null,
      2,
    );
    type(textarea, bad);
    const listed = problems(c);
    expect(listed.length).toBeGreaterThan(0);
    expect(listed.some((p) => p.startsWith('error') && p.includes('/widgets/1'))).toBe(true);
    expect(apply.disabled).toBe(true);
    // A problem's line button puts the caret on that line.
    const jump = c.querySelector<HTMLButtonElement>('[aria-label="Problems"] li button');
    expect(jump).not.toBeNull();
    if (jump) click(jump);
    const line = bad.slice(0, textarea.selectionStart).split('\n').length;
    expect(jump?.textContent).toContain(`line ${line}`);
  });
});
