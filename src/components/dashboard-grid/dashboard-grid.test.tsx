// @vitest-environment jsdom
import { act, useState } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { getByRole, queryAllByRole, render, stubResizeObserver } from '../test-render';
import type { Rendered } from '../test-render';
import { DashboardGrid, stackedBoxes } from './dashboard-grid';
import type { DashboardGridProps } from './dashboard-grid';
import { GRID_GAP_PX, GRID_ROW_PX, columnWidthPx } from './grid-geometry';
import type { GridRect } from './layout';

const LABELS = ['Latency', 'Errors', 'Notes'];
// Latency and Errors side by side, Notes under Latency.
const LAYOUT: GridRect[] = [
  { x: 0, y: 0, width: 6, height: 6 },
  { x: 6, y: 0, width: 6, height: 6 },
  { x: 0, y: 6, width: 6, height: 3 },
];
const GRID_WIDTH = 1200;
const COLUMN_STEP = columnWidthPx(GRID_WIDTH) + GRID_GAP_PX;
const ROW_STEP = GRID_ROW_PX + GRID_GAP_PX;

let rendered: Rendered | undefined;
let restoreObserver: () => void;
beforeEach(() => {
  restoreObserver = stubResizeObserver(GRID_WIDTH);
});
afterEach(() => {
  rendered?.unmount();
  rendered = undefined;
  restoreObserver();
  vi.unstubAllGlobals();
});

function setup(overrides: Partial<DashboardGridProps> = {}) {
  const onLayoutChange = vi.fn();
  const renderItem = vi.fn((index: number) => <section aria-label={LABELS[index]}>{LABELS[index]}</section>);
  rendered = render(
    <DashboardGrid
      layout={LAYOUT}
      itemKeys={['a', 'b', 'c']}
      editing
      onLayoutChange={onLayoutChange}
      renderItem={renderItem}
      itemLabel={(i) => LABELS[i]}
      {...overrides}
    />,
  );
  const container = rendered.container;
  const items = () => Array.from(container.querySelectorAll<HTMLElement>('[data-testid="grid-item"]'));
  const cell = (i: number) => {
    const { x, y, width, height } = items()[i].dataset;
    return { x: Number(x), y: Number(y), width: Number(width), height: Number(height) };
  };
  return { container, onLayoutChange, renderItem, items, cell };
}

function key(element: Element, key: string) {
  act(() => {
    element.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));
  });
}

function pointer(target: EventTarget, type: string, clientX: number, clientY: number) {
  act(() => {
    target.dispatchEvent(
      new PointerEvent(type, { bubbles: true, cancelable: true, button: 0, pointerId: 1, clientX, clientY }),
    );
  });
}

/** Animation frames run at once, so a pointer move shows its preview inside the test's act. */
function runFramesAtOnce() {
  vi.stubGlobal('requestAnimationFrame', (callback: FrameRequestCallback) => {
    callback(0);
    return 1;
  });
  vi.stubGlobal('cancelAnimationFrame', () => undefined);
}

describe('DashboardGrid', () => {
  it('places items on the grid and shows handles only while editing', () => {
    const { container, items, cell } = setup({ editing: false });
    expect(items()).toHaveLength(3);
    expect(cell(1)).toEqual({ x: 6, y: 0, width: 6, height: 6 });
    expect(items()[1].style.left).toBe(`${Math.round(6 * COLUMN_STEP)}px`);
    expect(items()[2].style.top).toBe(`${6 * ROW_STEP}px`);
    expect(queryAllByRole(container, 'button')).toHaveLength(0);
    rendered!.unmount();
    const editing = setup();
    expect(queryAllByRole(editing.container, 'button', /^Move /)).toHaveLength(3);
    getByRole(editing.container, 'button', 'Resize Errors');
  });

  it.each<[string, string, string, GridRect[], string]>([
    [
      'moves right one column',
      'Move Latency',
      'ArrowRight',
      [
        { x: 1, y: 0, width: 6, height: 6 },
        { x: 6, y: 6, width: 6, height: 6 },
        { x: 0, y: 6, width: 6, height: 3 },
      ],
      'Moved Latency to column 2, row 1; 1 widget moved down.',
    ],
    [
      'moves down one row, pushing what is below',
      'Move Latency',
      'ArrowDown',
      [{ x: 0, y: 1, width: 6, height: 6 }, LAYOUT[1], { x: 0, y: 7, width: 6, height: 3 }],
      'Moved Latency to column 1, row 2; 1 widget moved down.',
    ],
    [
      'grows one column',
      'Resize Errors',
      'ArrowRight',
      [LAYOUT[0], { x: 6, y: 0, width: 7, height: 6 }, LAYOUT[2]],
      'Resized Errors to 7 columns by 6 rows.',
    ],
    [
      'shrinks one row',
      'Resize Notes',
      'ArrowUp',
      [LAYOUT[0], LAYOUT[1], { x: 0, y: 6, width: 6, height: 2 }],
      'Resized Notes to 6 columns by 2 rows.',
    ],
  ])('keyboard: %s', (_name, handle, arrow, expected, said) => {
    const { container, onLayoutChange } = setup();
    const button = getByRole(container, 'button', handle);
    key(button, arrow);
    expect(onLayoutChange).toHaveBeenCalledTimes(1);
    const index = LABELS.indexOf(handle.split(' ')[1]);
    expect(onLayoutChange).toHaveBeenCalledWith(expected, {
      kind: handle.startsWith('Move') ? 'move' : 'resize',
      index,
      via: 'keyboard',
    });
    expect(getByRole(container, 'status').textContent).toBe(said);
  });

  it('keyboard: steps until the edge, then says so and changes nothing', () => {
    const onLayoutChange = vi.fn();
    function Controlled() {
      const [layout, setLayout] = useState(LAYOUT);
      return (
        <DashboardGrid
          layout={layout}
          itemKeys={['a', 'b', 'c']}
          editing
          onLayoutChange={(next, change) => {
            onLayoutChange(next, change);
            setLayout(next);
          }}
          renderItem={(i) => LABELS[i]}
          itemLabel={(i) => LABELS[i]}
        />
      );
    }
    rendered = render(<Controlled />);
    const { container } = rendered;
    key(getByRole(container, 'button', 'Move Latency'), 'ArrowLeft');
    expect(getByRole(container, 'status').textContent).toBe('Latency cannot move further that way.');
    const resize = getByRole(container, 'button', 'Resize Notes');
    act(() => resize.focus());
    for (let i = 0; i < 3; i++) key(resize, 'ArrowUp');
    // 3 rows → 2 → 1, the least.
    expect(onLayoutChange).toHaveBeenCalledTimes(2);
    expect(onLayoutChange.mock.calls[1][0][2]).toEqual({ x: 0, y: 6, width: 6, height: 1 });
    expect(getByRole(container, 'status').textContent).toBe('Notes cannot change size that way.');
    expect(document.activeElement).toBe(resize); // the same element: focus stays on the handle
  });

  it('pointer: drags an item two columns right and one row down, one change on drop', () => {
    const { container, onLayoutChange } = setup();
    const handle = getByRole(container, 'button', 'Move Notes');
    pointer(handle, 'pointerdown', 100, 300);
    pointer(handle, 'pointermove', 100 + COLUMN_STEP, 300 + 10);
    pointer(handle, 'pointermove', 100 + 2 * COLUMN_STEP + 5, 300 + ROW_STEP - 5);
    expect(onLayoutChange).not.toHaveBeenCalled();
    pointer(handle, 'pointerup', 100 + 2 * COLUMN_STEP + 5, 300 + ROW_STEP - 5);
    expect(onLayoutChange).toHaveBeenCalledTimes(1);
    expect(onLayoutChange).toHaveBeenCalledWith([LAYOUT[0], LAYOUT[1], { x: 2, y: 7, width: 6, height: 3 }], {
      kind: 'move',
      index: 2,
      via: 'pointer',
    });
    expect(getByRole(container, 'status').textContent).toBe('Moved Notes to column 3, row 8.');
  });

  it('pointer: previews the drop without drawing any widget again, then Escape cancels', () => {
    runFramesAtOnce();
    const { container, onLayoutChange, renderItem, items, cell } = setup();
    const drawsBefore = renderItem.mock.calls.length;
    const handle = getByRole(container, 'button', 'Move Errors');
    pointer(handle, 'pointerdown', 500, 20);
    // Errors over Latency's place: Latency and then Notes are pushed down in the preview.
    pointer(handle, 'pointermove', 500 - 6 * COLUMN_STEP, 20);
    const placeholder = container.querySelector<HTMLElement>('[data-testid="grid-placeholder"]');
    expect(placeholder?.style.left).toBe('0px');
    expect(cell(0).y).toBe(6);
    expect(cell(2).y).toBe(12);
    expect(items()[0].style.top).toBe(`${6 * ROW_STEP}px`);
    expect(items()[1].style.transform).toBe(`translate(${-6 * COLUMN_STEP}px, 0px)`);
    expect(renderItem.mock.calls.length).toBe(drawsBefore);

    key(document.body, 'Escape');
    pointer(handle, 'pointerup', 500 - 6 * COLUMN_STEP, 20);
    expect(onLayoutChange).not.toHaveBeenCalled();
    expect(container.querySelector('[data-testid="grid-placeholder"]')).toBeNull();
    expect(items()[1].style.transform).toBe('');
    expect(cell(0)).toEqual(LAYOUT[0]);
    expect(getByRole(container, 'status').textContent).toBe('Move cancelled.');
  });

  it('pointer: resizes by the corner handle', () => {
    const { container, onLayoutChange } = setup();
    const handle = getByRole(container, 'button', 'Resize Latency');
    pointer(handle, 'pointerdown', 300, 300);
    pointer(handle, 'pointermove', 300 + 3 * COLUMN_STEP, 300 + 2 * ROW_STEP);
    pointer(handle, 'pointerup', 300 + 3 * COLUMN_STEP, 300 + 2 * ROW_STEP);
    expect(onLayoutChange).toHaveBeenCalledTimes(1);
    expect(onLayoutChange).toHaveBeenCalledWith(
      [
        { x: 0, y: 0, width: 9, height: 8 },
        { x: 6, y: 8, width: 6, height: 6 },
        { x: 0, y: 8, width: 6, height: 3 },
      ],
      { kind: 'resize', index: 0, via: 'pointer' },
    );
  });

  it('pointer: a click on a handle changes nothing', () => {
    const { container, onLayoutChange } = setup();
    const handle = getByRole(container, 'button', 'Move Latency');
    pointer(handle, 'pointerdown', 100, 100);
    pointer(handle, 'pointermove', 102, 101);
    pointer(handle, 'pointerup', 102, 101);
    expect(onLayoutChange).not.toHaveBeenCalled();
    expect(container.querySelector('[data-testid="grid-placeholder"]')).toBeNull();
  });
  it('pointer: a widget removed under a drag ends it without a change', () => {
    runFramesAtOnce();
    const { container, onLayoutChange } = setup();
    const handle = getByRole(container, 'button', 'Move Notes');
    pointer(handle, 'pointerdown', 100, 300);
    pointer(handle, 'pointermove', 100 + 3 * COLUMN_STEP, 300);
    rendered!.rerender(
      <DashboardGrid
        layout={LAYOUT.slice(0, 2)}
        itemKeys={['a', 'b']}
        editing
        onLayoutChange={onLayoutChange}
        renderItem={(i) => LABELS[i]}
        itemLabel={(i) => LABELS[i]}
      />,
    );
    pointer(document.body, 'pointerup', 100 + 3 * COLUMN_STEP, 300); // the handle is gone
    expect(onLayoutChange).not.toHaveBeenCalled();
    expect(container.querySelector('[data-testid="grid-placeholder"]')).toBeNull();
    expect(container.querySelectorAll('[data-testid="grid-item"]')).toHaveLength(2);
  });
});

describe('stackedBoxes (narrow screens)', () => {
  it('puts every widget on its own full-width row, in reading order, keeping its height', () => {
    const layout: GridRect[] = [
      { x: 12, y: 0, width: 12, height: 2 },
      { x: 0, y: 0, width: 12, height: 3 },
      { x: 0, y: 3, width: 24, height: 1 },
    ];
    const { boxes, height } = stackedBoxes(layout, 400);
    const h = (rows: number) => rows * (GRID_ROW_PX + GRID_GAP_PX) - GRID_GAP_PX;
    expect(boxes[1]).toEqual({ left: 0, top: 0, width: 400, height: h(3) });
    expect(boxes[0]).toEqual({ left: 0, top: h(3) + GRID_GAP_PX, width: 400, height: h(2) });
    expect(boxes[2].top).toBe(h(3) + h(2) + 2 * GRID_GAP_PX);
    expect(height).toBe(h(3) + h(2) + h(1) + 2 * GRID_GAP_PX);
  });
});
