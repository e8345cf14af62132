import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  GRID_COLUMNS,
  applyLayout,
  type GridRect,
  collides,
  compactLayout,
  layoutBottom,
  moveRect,
  overlaps,
  placeNew,
  resizeRect,
  resolveLayout,
} from './layout';

/** Any rect a body could hold once resolved: whole cells inside the 24 columns. */
const rectArb = fc
  .record({
    width: fc.integer({ min: 1, max: GRID_COLUMNS }),
    height: fc.integer({ min: 1, max: 12 }),
    x: fc.integer({ min: 0, max: GRID_COLUMNS - 1 }),
    y: fc.integer({ min: 0, max: 40 }),
  })
  .map((r) => ({ ...r, x: Math.min(r.x, GRID_COLUMNS - r.width) }));

/** A layout without overlaps: each rect dropped in where it was drawn, or lower until it is free. */
const freeLayoutArb = fc.array(rectArb, { minLength: 1, maxLength: 30 }).map((rects) => {
  const layout: GridRect[] = [];
  for (const r of rects) {
    let rect = r;
    while (layout.some((o) => collides(o, rect))) rect = { ...rect, y: rect.y + 1 };
    layout.push(rect);
  }
  return layout;
});

/** A layout and the index of one of its rects. */
const withIndexArb = freeLayoutArb.chain((layout) =>
  fc.tuple(fc.constant(layout), fc.integer({ min: 0, max: layout.length - 1 })),
);

function expectOnlyDown(before: readonly GridRect[], after: readonly GridRect[], except: number) {
  after.forEach((r, i) => {
    if (i === except) return;
    expect(r.x).toBe(before[i].x);
    expect(r.width).toBe(before[i].width);
    expect(r.height).toBe(before[i].height);
    expect(r.y).toBeGreaterThanOrEqual(before[i].y);
  });
}

describe('resolveLayout', () => {
  it.each<[string, object[], GridRect[]]>([
    ['defaults 6×6', [{ x: 0, y: 0 }], [{ x: 0, y: 0, width: 6, height: 6 }]],
    [
      'keeps explicit positions, overlapping ones too',
      [
        { x: 0, y: 0, width: 12, height: 6 },
        { x: 6, y: 3, width: 12, height: 6 },
      ],
      [
        { x: 0, y: 0, width: 12, height: 6 },
        { x: 6, y: 3, width: 12, height: 6 },
      ],
    ],
    [
      'flows widgets without a position left to right, then down',
      [{}, {}, {}, {}, { width: 24, height: 2 }],
      [
        { x: 0, y: 0, width: 6, height: 6 },
        { x: 6, y: 0, width: 6, height: 6 },
        { x: 12, y: 0, width: 6, height: 6 },
        { x: 18, y: 0, width: 6, height: 6 },
        { x: 0, y: 6, width: 24, height: 2 },
      ],
    ],
    [
      'flows around the placed ones',
      [{ x: 0, y: 0, width: 12, height: 6 }, { width: 12 }, { width: 12 }],
      [
        { x: 0, y: 0, width: 12, height: 6 },
        { x: 12, y: 0, width: 12, height: 6 },
        { x: 0, y: 6, width: 12, height: 6 },
      ],
    ],
    [
      'a widget sticking out on the right moves left; too wide gets 24',
      [
        { x: 20, y: 0, width: 6, height: 3 },
        { x: 0, y: 3, width: 30, height: 2 },
      ],
      [
        { x: 18, y: 0, width: 6, height: 3 },
        { x: 0, y: 3, width: 24, height: 2 },
      ],
    ],
    [
      'fractions round, negatives clamp, nonsense sizes default',
      [{ x: -2, y: 1.4, width: 'wide', height: 0 }],
      [{ x: 0, y: 1, width: 6, height: 1 }],
    ],
  ])('%s', (_name, widgets, expected) => {
    expect(resolveLayout(widgets)).toEqual(expected);
  });

  const widgetArb = fc.record(
    {
      x: fc.oneof(fc.integer({ min: -3, max: 30 }), fc.double({ min: -5, max: 30, noNaN: true })),
      y: fc.integer({ min: -3, max: 60 }),
      width: fc.integer({ min: -1, max: 30 }),
      height: fc.integer({ min: -1, max: 20 }),
    },
    { requiredKeys: [] },
  );

  it('is idempotent and keeps every valid explicit position', () => {
    fc.assert(
      fc.property(fc.array(widgetArb, { maxLength: 30 }), (widgets) => {
        const layout = resolveLayout(widgets);
        expect(resolveLayout(layout)).toEqual(layout);
        widgets.forEach((w, i) => {
          const r = layout[i];
          expect(r.x + r.width).toBeLessThanOrEqual(GRID_COLUMNS);
          expect(Number.isInteger(r.x) && Number.isInteger(r.y)).toBe(true);
          const valid =
            Number.isInteger(w.x) &&
            w.y !== undefined &&
            w.y >= 0 &&
            w.x! >= 0 &&
            w.x! + (w.width ?? 6) <= GRID_COLUMNS &&
            (w.width ?? 6) >= 1;
          if (valid) expect([r.x, r.y]).toEqual([w.x! + 0, w.y! + 0]); // + 0: -0 is 0
        });
      }),
    );
  });

  it('flowed widgets never land on another widget', () => {
    fc.assert(
      fc.property(fc.array(widgetArb, { maxLength: 30 }), (widgets) => {
        const layout = resolveLayout(widgets);
        const flowed = widgets.flatMap((w, i) => (w.x === undefined || w.y === undefined ? [i] : []));
        for (const [a, b] of overlaps(layout)) {
          expect(flowed.includes(a) || flowed.includes(b)).toBe(false);
        }
      }),
    );
  });
});

describe('moveRect', () => {
  it('pushes what it lands on down, and what that lands on', () => {
    const layout = [
      { x: 0, y: 0, width: 12, height: 6 },
      { x: 12, y: 0, width: 12, height: 6 },
      { x: 12, y: 6, width: 12, height: 3 },
      { x: 0, y: 6, width: 6, height: 2 },
    ];
    expect(moveRect(layout, 0, 12, 2)).toEqual([
      { x: 12, y: 2, width: 12, height: 6 },
      { x: 12, y: 8, width: 12, height: 6 },
      { x: 12, y: 14, width: 12, height: 3 },
      { x: 0, y: 6, width: 6, height: 2 },
    ]);
  });

  it('leaves an imported body’s overlaps alone when the edit does not reach them', () => {
    const layout = [
      { x: 0, y: 0, width: 12, height: 6 },
      { x: 6, y: 3, width: 12, height: 6 },
      { x: 18, y: 20, width: 6, height: 2 },
    ];
    expect(moveRect(layout, 2, 18, 22)).toEqual([
      layout[0],
      layout[1],
      { x: 18, y: 22, width: 6, height: 2 },
    ]);
  });

  it('lands where asked (clamped), overlaps nothing, and pushes others only down', () => {
    fc.assert(
      fc.property(
        withIndexArb,
        fc.integer({ min: -5, max: 30 }),
        fc.integer({ min: -5, max: 50 }),
        ([layout, index], x, y) => {
          const after = moveRect(layout, index, x, y);
          const { width, height } = layout[index];
          expect(after[index]).toEqual({
            x: Math.min(Math.max(x, 0), GRID_COLUMNS - width),
            y: Math.max(y, 0),
            width,
            height,
          });
          expect(overlaps(after)).toEqual([]);
          expectOnlyDown(layout, after, index);
        },
      ),
    );
  });

  it('from a layout with overlaps, no new overlaps appear and the moved rect overlaps nothing', () => {
    const anyLayoutArb = fc
      .array(rectArb, { minLength: 1, maxLength: 20 })
      .chain((layout) => fc.tuple(fc.constant(layout), fc.integer({ min: 0, max: layout.length - 1 })));
    fc.assert(
      fc.property(anyLayoutArb, rectArb, ([layout, index], to) => {
        const after = moveRect(layout, index, to.x, to.y);
        const before = overlaps(layout).map((pair) => pair.join());
        for (const [a, b] of overlaps(after)) {
          expect([a, b]).not.toContain(index);
          expect(before).toContain([a, b].join());
        }
        expectOnlyDown(layout, after, index);
      }),
    );
  });

  it('does not change the given layout', () => {
    fc.assert(
      fc.property(withIndexArb, ([layout, index]) => {
        const copy = structuredClone(layout);
        moveRect(layout, index, 3, 3);
        expect(layout).toEqual(copy);
      }),
    );
  });
});

describe('resizeRect', () => {
  it('pushes what it now covers down', () => {
    const layout = [
      { x: 0, y: 0, width: 6, height: 6 },
      { x: 6, y: 0, width: 6, height: 6 },
      { x: 0, y: 6, width: 6, height: 6 },
    ];
    expect(resizeRect(layout, 0, 12, 8)).toEqual([
      { x: 0, y: 0, width: 12, height: 8 },
      { x: 6, y: 8, width: 6, height: 6 },
      { x: 0, y: 8, width: 6, height: 6 },
    ]);
  });

  it('gets the asked size (clamped), overlaps nothing, and pushes others only down', () => {
    fc.assert(
      fc.property(
        withIndexArb,
        fc.integer({ min: -2, max: 30 }),
        fc.integer({ min: -2, max: 20 }),
        ([layout, index], width, height) => {
          const after = resizeRect(layout, index, width, height);
          const { x, y } = layout[index];
          expect(after[index]).toEqual({
            x,
            y,
            width: Math.min(Math.max(width, 1), GRID_COLUMNS - x),
            height: Math.max(height, 1),
          });
          expect(overlaps(after)).toEqual([]);
          expectOnlyDown(layout, after, index);
        },
      ),
    );
  });
});

describe('placeNew', () => {
  it.each<[string, GridRect[], number, number, { x: number; y: number }]>([
    ['empty grid', [], 6, 6, { x: 0, y: 0 }],
    ['next to the first', [{ x: 0, y: 0, width: 6, height: 6 }], 6, 6, { x: 6, y: 0 }],
    [
      'in a hole',
      [
        { x: 0, y: 0, width: 24, height: 2 },
        { x: 6, y: 2, width: 18, height: 6 },
      ],
      6,
      3,
      { x: 0, y: 2 },
    ],
    ['below a full row', [{ x: 0, y: 0, width: 24, height: 2 }], 24, 2, { x: 0, y: 2 }],
  ])('%s', (_name, layout, width, height, expected) => {
    expect(placeNew(layout, width, height)).toEqual(expected);
  });

  it('finds a slot that overlaps nothing and fits the columns, no lower than the bottom', () => {
    fc.assert(
      fc.property(
        freeLayoutArb,
        fc.integer({ min: 1, max: 24 }),
        fc.integer({ min: 1, max: 10 }),
        (layout, width, height) => {
          const spot = placeNew(layout, width, height);
          const rect = { ...spot, width, height };
          expect(spot.x + width).toBeLessThanOrEqual(GRID_COLUMNS);
          expect(layout.some((r) => collides(r, rect))).toBe(false);
          expect(spot.y).toBeLessThanOrEqual(layoutBottom(layout));
        },
      ),
    );
  });
});

describe('compactLayout', () => {
  it('floats rects up without overlaps or sideways moves', () => {
    fc.assert(
      fc.property(freeLayoutArb, (layout) => {
        const after = compactLayout(layout);
        expect(overlaps(after)).toEqual([]);
        after.forEach((r, i) => {
          expect(r.x).toBe(layout[i].x);
          expect(r.y).toBeLessThanOrEqual(layout[i].y);
          expect(r.y === 0 || after.some((o, j) => j !== i && collides(o, { ...r, y: r.y - 1 }))).toBe(true);
        });
        expect(compactLayout(after)).toEqual(after);
      }),
    );
  });
});

describe('applyLayout', () => {
  it('copies only the widgets whose rect changed, keeping their other keys', () => {
    const widgets = [
      { type: 'metric', properties: { title: 'A' }, extra: 1 },
      { type: 'text', x: 6, y: 0, properties: { markdown: 'x' } },
    ];
    const before = resolveLayout(widgets);
    const after = moveRect(before, 1, 0, 0);
    const written = applyLayout(widgets, before, after);
    expect(written[1]).toEqual({ ...widgets[1], x: 0, y: 0, width: 6, height: 6 });
    expect(written[0]).toEqual({ ...widgets[0], x: 0, y: 6, width: 6, height: 6 });
    expect(applyLayout(widgets, before, before)[0]).toBe(widgets[0]);
    expect(resolveLayout(written)).toEqual(after);
  });
});
