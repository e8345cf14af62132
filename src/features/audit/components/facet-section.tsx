import { type FormEvent, useId, useState } from 'react';
import { useTrailFacets } from '../api/search-trail.ts';
import { useDebouncedValue } from '../hooks/use-debounced-value.ts';
import { describeTerm, patternToTerm, sameTerm } from '../model/filter-pattern.ts';
import {
  FIELD_LABELS,
  type Facet,
  type TrailField,
  type TrailQuery,
  type TrailTerm,
} from '../model/trail-types.ts';
import { formatCount, inputClass } from './styles.ts';

/** Props of {@link FacetSection}. */
export interface FacetSectionProps {
  field: TrailField;
  /** The counts from the page's facet request (top values). */
  facet: Facet | undefined;
  /** The field's active terms. */
  terms: TrailTerm[];
  /** The selection, to count matches for what is typed. */
  query: TrailQuery;
  onChange: (terms: TrailTerm[]) => void;
  /** How a value reads ('' = missing). */
  valueLabel?: (value: string) => string;
}

const NONE = '(none)';

/**
 * One field's filter: its most frequent values with their counts (tick several for OR), and a box
 * for a value or a pattern. While typing, the values containing the text are counted.
 */
export function FacetSection({ field, facet, terms, query, onChange, valueLabel }: FacetSectionProps) {
  const [text, setText] = useState('');
  const [more, setMore] = useState(false);
  const inputId = useId();
  const search = useDebouncedValue(text.replaceAll('*', ''), 250);
  const searching = search !== '' || more;
  const own = useTrailFacets(
    query,
    searching ? [field] : [],
    more ? 50 : 12,
    search !== '' ? { [field]: search } : {},
  );
  const shown = (searching ? own.data?.facets?.find((f) => f.field === field) : undefined) ?? facet;
  const label = FIELD_LABELS[field];
  const exactOn = (value: string) => terms.some((t) => sameTerm(t, { match: 'exact', value }));
  const patterns = terms.filter(
    (t) => t.match !== 'exact' || !shown?.values.some((v) => v.value === t.value),
  );

  const toggle = (value: string) => {
    const term: TrailTerm = { match: 'exact', value };
    onChange(exactOn(value) ? terms.filter((t) => !sameTerm(t, term)) : [...terms, term]);
  };

  const add = (e: FormEvent) => {
    e.preventDefault();
    const term = patternToTerm(text.trim());
    if (text.trim() === '' || terms.some((t) => sameTerm(t, term))) return;
    onChange([...terms, term]);
    setText('');
  };

  return (
    <section aria-label={label} className="border-b border-slate-200 py-2">
      <h3 className="mb-1 flex items-baseline justify-between text-xs font-semibold tracking-wide text-slate-600 uppercase">
        <span>{label}</span>
        {facet && (
          <span className="font-normal normal-case">
            {formatCount(facet.distinct)} {facet.distinct === 1 ? 'value' : 'values'}
          </span>
        )}
      </h3>
      <ul className="space-y-0.5">
        {patterns.map((t) => (
          <li key={`${t.match}:${t.value}`}>
            <label className="flex items-center gap-2 text-sm">
              <input
                type="checkbox"
                checked
                onChange={() => onChange(terms.filter((x) => !sameTerm(x, t)))}
              />
              <span className="truncate font-mono text-xs">{describeTerm(t)}</span>
              <span className="ml-auto text-xs text-slate-400">{t.match}</span>
            </label>
          </li>
        ))}
        {shown?.values.map((v) => {
          const name = valueLabel?.(v.value) ?? (v.value === '' ? NONE : v.value);
          return (
            <li key={v.value}>
              <label className="flex items-center gap-2 text-sm" title={name}>
                <input type="checkbox" checked={exactOn(v.value)} onChange={() => toggle(v.value)} />
                <span className={`min-w-0 truncate ${v.value === '' ? 'text-slate-500 italic' : ''}`}>
                  {name}
                </span>
                <span className="ml-auto text-xs text-slate-500 tabular-nums" data-testid="facet-count">
                  {formatCount(v.count)}
                </span>
              </label>
            </li>
          );
        })}
        {shown && shown.values.length === 0 && <li className="text-xs text-slate-500">No values.</li>}
      </ul>
      {facet && facet.distinct > facet.values.length && search === '' && (
        <button
          type="button"
          className="mt-1 text-xs text-blue-700 hover:underline"
          onClick={() => setMore(!more)}
        >
          {more ? 'Fewer' : `More (${formatCount(facet.distinct)})`}
        </button>
      )}
      <form onSubmit={add} className="mt-1 flex gap-1">
        <label htmlFor={inputId} className="sr-only">
          {`${label} value or pattern`}
        </label>
        <input
          id={inputId}
          className={`${inputClass} min-w-0 flex-1 py-0.5 text-xs`}
          placeholder="value, abc*, *abc*"
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
        <button type="submit" className="rounded border border-slate-300 px-2 text-xs hover:bg-slate-100">
          Add
        </button>
      </form>
    </section>
  );
}
