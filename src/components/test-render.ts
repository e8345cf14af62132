// A small stand-in for @testing-library for component tests in jsdom: render with act, query by
// role and accessible name or by label text, click and type the way React listens for them.
import { act } from 'react';
import type { ReactNode } from 'react';
import { createRoot } from 'react-dom/client';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

/** A rendered tree and ways to update and remove it. */
export interface Rendered {
  container: HTMLElement;
  rerender: (ui: ReactNode) => void;
  unmount: () => void;
}

/** Renders `ui` into a fresh element attached to the document. */
export function render(ui: ReactNode): Rendered {
  const container = document.createElement('div');
  document.body.appendChild(container);
  const root = createRoot(container);
  act(() => root.render(ui));
  return {
    container,
    rerender: (next) => act(() => root.render(next)),
    unmount: () => {
      act(() => root.unmount());
      container.remove();
    },
  };
}

const IMPLICIT_ROLES: Record<string, string> = {
  button: 'button, input[type="button"], input[type="submit"]',
  textbox: 'input:not([type]), input[type="text"], textarea',
  combobox: 'select',
  list: 'ul, ol',
  listitem: 'li',
};

function labelText(element: Element): string {
  const labelledBy = element.getAttribute('aria-labelledby');
  if (labelledBy) {
    return labelledBy
      .split(/\s+/)
      .map((id) => element.ownerDocument.getElementById(id)?.textContent ?? '')
      .join(' ');
  }
  const ariaLabel = element.getAttribute('aria-label');
  if (ariaLabel) return ariaLabel;
  if (element.id) {
    const label = element.ownerDocument.querySelector(`label[for="${element.id}"]`);
    if (label) return label.textContent ?? '';
  }
  const wrapping = element.closest('label');
  if (wrapping) return wrapping.textContent ?? '';
  return '';
}

/** The accessible name of an element, as far as these tests need it. */
export function accessibleName(element: Element): string {
  return (labelText(element) || element.textContent || '').replace(/\s+/g, ' ').trim();
}

function matches(text: string, name: string | RegExp): boolean {
  return typeof name === 'string' ? text === name : name.test(text);
}

/** All elements with `role` (explicit or implicit) whose accessible name matches `name`. */
export function queryAllByRole(container: ParentNode, role: string, name?: string | RegExp): HTMLElement[] {
  const selector = [`[role="${role}"]`, IMPLICIT_ROLES[role]].filter(Boolean).join(', ');
  return Array.from(container.querySelectorAll<HTMLElement>(selector)).filter(
    (element) => name === undefined || matches(accessibleName(element), name),
  );
}

/** The one element with `role` and a matching name; throws when there is none or several. */
export function getByRole(container: ParentNode, role: string, name?: string | RegExp): HTMLElement {
  const found = queryAllByRole(container, role, name);
  if (found.length !== 1) {
    throw new Error(`Expected one ${role} named ${String(name)}, found ${found.length}.`);
  }
  return found[0];
}

/** The one form control whose label matches `text`. */
export function getByLabelText<E extends HTMLElement = HTMLInputElement>(
  container: ParentNode,
  text: string | RegExp,
): E {
  const found = Array.from(container.querySelectorAll<E>('input, select, textarea')).filter((element) =>
    matches(labelText(element).replace(/\s+/g, ' ').trim(), text),
  );
  if (found.length !== 1)
    throw new Error(`Expected one control labelled ${String(text)}, found ${found.length}.`);
  return found[0];
}

/** Clicks an element inside act. */
export function click(element: Element): void {
  act(() => {
    element.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true, button: 0 }));
  });
}

/** Dispatches a mouse event of `type` at `clientX` inside act. */
export function mouse(element: Element, type: string, clientX: number, clientY = 50): void {
  act(() => {
    element.dispatchEvent(
      new MouseEvent(type, { bubbles: true, cancelable: true, button: 0, clientX, clientY }),
    );
  });
}

/** Moves the mouse out of an element to the document body, which React reports as onMouseLeave. */
export function mouseLeave(element: Element): void {
  act(() => {
    element.dispatchEvent(
      new MouseEvent('mouseout', { bubbles: true, relatedTarget: element.ownerDocument.body }),
    );
  });
}

/** Sets an input's or select's value the way a person's typing does, so React's onChange fires. */
export function changeValue(element: HTMLInputElement | HTMLSelectElement, value: string): void {
  const prototype =
    element instanceof HTMLSelectElement ? HTMLSelectElement.prototype : HTMLInputElement.prototype;
  const setter = Object.getOwnPropertyDescriptor(prototype, 'value')?.set;
  act(() => {
    setter?.call(element, value);
    element.dispatchEvent(
      new Event(element instanceof HTMLSelectElement ? 'change' : 'input', { bubbles: true }),
    );
  });
}

/** Replaces ResizeObserver with one that reports `width` px for every observed element. */
export function stubResizeObserver(width: number): () => void {
  const original = globalThis.ResizeObserver;
  class FixedWidthObserver {
    private readonly callback: ResizeObserverCallback;
    constructor(callback: ResizeObserverCallback) {
      this.callback = callback;
    }
    observe(target: Element) {
      const entry = { target, contentRect: { width, height: 0 } } as unknown as ResizeObserverEntry;
      this.callback([entry], this as unknown as ResizeObserver);
    }
    unobserve() {}
    disconnect() {}
  }
  globalThis.ResizeObserver = FixedWidthObserver as unknown as typeof ResizeObserver;
  return () => {
    globalThis.ResizeObserver = original;
  };
}

/** Lets queries settle and React re-render, until `check` stops throwing (or `timeoutMs` passes). */
export async function waitFor<T>(check: () => T, timeoutMs = 5000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    try {
      return check();
    } catch (e) {
      if (Date.now() > until) throw e;
      await act(async () => {
        await new Promise((r) => setTimeout(r, 10));
      });
    }
  }
}
