import type {
  HorizontalAnnotation,
  MetricWidget,
  VerticalAnnotation,
  Widget,
} from '../../model/dashboard-body.ts';
import { readColor, readInstant, readRequiredNumber } from './field-rules.ts';
import { CheckboxInput, DraftInput, Section, SelectInput, TextInput, smallButtonClass } from './fields.tsx';
import { patchObject, withProperties } from './widget-patch.ts';

/** Props of {@link AnnotationsEditor}. */
export interface AnnotationsEditorProps {
  widget: MetricWidget;
  onChange: (widget: Widget, coalesceKey?: string) => void;
}

type Entry<A> = A | [A, A];
const str = (v: unknown) => (v === undefined || v === null ? '' : String(v));
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

/** Horizontal (value lines and bands) and vertical (time lines and bands) annotations. */
export function AnnotationsEditor({ widget, onChange }: AnnotationsEditorProps) {
  const annotations = widget.properties.annotations;
  const horizontal = (
    Array.isArray(annotations?.horizontal) ? annotations.horizontal : []
  ) as Entry<HorizontalAnnotation>[];
  const vertical = (
    Array.isArray(annotations?.vertical) ? annotations.vertical : []
  ) as Entry<VerticalAnnotation>[];
  const set = (kind: 'horizontal' | 'vertical', list: unknown[], key?: string) =>
    onChange(
      withProperties(widget, {
        annotations: patchObject(annotations, { [kind]: list.length === 0 ? undefined : list }),
      }),
      key && `annotations.${kind}.${key}`,
    );

  return (
    <Section title="Annotations">
      <AnnotationList
        kind="horizontal"
        entries={horizontal}
        onEntries={(list, key) => set('horizontal', list, key)}
      />
      <AnnotationList
        kind="vertical"
        entries={vertical}
        onEntries={(list, key) => set('vertical', list, key)}
      />
    </Section>
  );
}

interface AnnotationListProps {
  kind: 'horizontal' | 'vertical';
  entries: Entry<HorizontalAnnotation | VerticalAnnotation>[];
  onEntries: (list: unknown[], key?: string) => void;
}

function AnnotationList({ kind, entries, onEntries }: AnnotationListProps) {
  const horizontal = kind === 'horizontal';
  const noun = horizontal ? 'Horizontal' : 'Vertical';
  const fills = horizontal
    ? ([
        { value: 'none', label: 'No fill' },
        { value: 'above', label: 'Fill above' },
        { value: 'below', label: 'Fill below' },
      ] as const)
    : ([
        { value: 'none', label: 'No fill' },
        { value: 'before', label: 'Fill before' },
        { value: 'after', label: 'Fill after' },
      ] as const);
  const readValue = horizontal ? readRequiredNumber : readInstant;
  const replace = (i: number, entry: unknown, key?: string) =>
    onEntries(
      entries.map((e, k) => (k === i ? entry : e)),
      key && `${i}.${key}`,
    );
  const first = (e: Entry<Record<string, unknown>>) => (Array.isArray(e) ? e[0] : e);

  return (
    <div className="space-y-2">
      {entries.map((raw, i) => {
        const entry = raw as Entry<Record<string, unknown>>;
        const band = Array.isArray(entry);
        const a = isObject(first(entry)) ? first(entry) : {};
        const b = band && isObject(entry[1]) ? entry[1] : undefined;
        const setA = (patch: Record<string, unknown>, key?: string) =>
          replace(i, band ? [patchObject(a, patch), entry[1]] : patchObject(a, patch), key);
        const name = `${noun} annotation ${i + 1}`;
        return (
          <div
            key={i}
            role="group"
            aria-label={name}
            className="space-y-1.5 rounded border border-slate-200 p-2"
          >
            <div className="flex items-center justify-between">
              <span className="text-xs font-medium text-slate-700">{name}</span>
              <button
                type="button"
                className={smallButtonClass}
                aria-label={`Remove ${name}`}
                onClick={() => onEntries(entries.filter((_, k) => k !== i))}
              >
                Remove
              </button>
            </div>
            <div className="grid grid-cols-2 gap-2">
              <DraftInput
                label={band ? 'From' : 'Value'}
                value={str(a.value)}
                read={readValue as (t: string) => ReturnType<typeof readRequiredNumber>}
                onValue={(value) => setA({ value }, 'value')}
              />
              {band && b && (
                <DraftInput
                  label="To"
                  value={str(b.value)}
                  read={readValue as (t: string) => ReturnType<typeof readRequiredNumber>}
                  onValue={(value) => replace(i, [a, patchObject(b, { value })], 'to')}
                />
              )}
              <TextInput label="Label" value={str(a.label)} onValue={(label) => setA({ label }, 'label')} />
              <DraftInput
                label="Color"
                value={str(a.color)}
                read={readColor}
                placeholder="automatic"
                onValue={(color) => setA({ color }, 'color')}
              />
              {!band && (
                <SelectInput
                  label="Fill"
                  value={typeof a.fill === 'string' ? (a.fill as (typeof fills)[number]['value']) : 'none'}
                  options={fills}
                  onValue={(fill) => setA({ fill: fill === 'none' ? undefined : fill })}
                />
              )}
            </div>
            <CheckboxInput
              label="Band (between two values)"
              checked={band}
              onValue={(on) => replace(i, on ? [a, { value: a.value }] : a)}
            />
          </div>
        );
      })}
      <button
        type="button"
        className={smallButtonClass}
        onClick={() =>
          onEntries([
            ...entries,
            horizontal
              ? { value: 0, label: 'Threshold' }
              : { value: new Date().toISOString(), label: 'Event' },
          ])
        }
      >
        Add {noun.toLowerCase()} annotation
      </button>
    </div>
  );
}
