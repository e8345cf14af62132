import { sameTerm } from '../model/filter-pattern.ts';
import type { Facet, TrailField, TrailFilters, TrailQuery, TrailTerm } from '../model/trail-types.ts';
import { FacetSection } from './facet-section.tsx';
import { formatCount } from './styles.ts';

/** The fields with a facet section, in panel order (read-only and errors have their own controls). */
export const FACET_FIELDS: TrailField[] = [
  'username',
  'eventName',
  'eventSource',
  'resourceType',
  'resourceName',
  'identityType',
  'role',
  'accessKeyId',
  'sourceIp',
  'region',
  'category',
  'origin',
];

/** Props of {@link FilterPanel}. */
export interface FilterPanelProps {
  filters: TrailFilters;
  /** Facets of the current selection, by field. */
  facets: Partial<Record<TrailField, Facet>>;
  query: TrailQuery;
  onChange: (field: TrailField, terms: TrailTerm[]) => void;
}

const WRITE: TrailTerm = { match: 'exact', value: 'false' };
const READ: TrailTerm = { match: 'exact', value: 'true' };
const ANY_ERROR: TrailTerm = { match: 'glob', value: '*' };
const NO_ERROR: TrailTerm = { match: 'exact', value: '' };

const segment = (on: boolean) =>
  `flex-1 px-2 py-0.5 text-xs border-l border-slate-300 first:border-l-0 ${on ? 'bg-blue-600 text-white' : 'bg-white text-slate-700 hover:bg-slate-100'}`;

function countOf(facet: Facet | undefined, value: string): string {
  const c = facet?.values.find((v) => v.value === value)?.count;
  return c === undefined ? '' : ` ${formatCount(c)}`;
}

/** Read-only as CloudTrail says it: writes, reads, or both. */
function ReadOnlyFilter({
  terms,
  facet,
  onChange,
}: {
  terms: TrailTerm[];
  facet?: Facet;
  onChange: (t: TrailTerm[]) => void;
}) {
  const only = (t: TrailTerm) => terms.length === 1 && sameTerm(terms[0], t);
  const both = terms.length === 0;
  return (
    <section aria-label="Read-only" className="border-b border-slate-200 py-2">
      <h3 className="mb-1 text-xs font-semibold tracking-wide text-slate-600 uppercase">Read-only</h3>
      <div
        role="group"
        aria-label="Reads and writes"
        className="flex overflow-hidden rounded border border-slate-300"
      >
        <button type="button" aria-pressed={both} className={segment(both)} onClick={() => onChange([])}>
          Both
        </button>
        <button
          type="button"
          aria-pressed={only(WRITE)}
          className={segment(only(WRITE))}
          onClick={() => onChange([WRITE])}
        >
          {`Write${countOf(facet, 'false')}`}
        </button>
        <button
          type="button"
          aria-pressed={only(READ)}
          className={segment(only(READ))}
          onClick={() => onChange([READ])}
        >
          {`Read${countOf(facet, 'true')}`}
        </button>
      </div>
      {!both && !only(WRITE) && !only(READ) && (
        <p className="mt-1 text-xs text-slate-500">A custom read-only filter is set (see the chips).</p>
      )}
    </section>
  );
}

/** Errors: all events, any error, no error, or specific codes. */
function ErrorFilter({
  terms,
  facet,
  query,
  onChange,
}: {
  terms: TrailTerm[];
  facet?: Facet;
  query: TrailQuery;
  onChange: (t: TrailTerm[]) => void;
}) {
  const only = (t: TrailTerm) => terms.length === 1 && sameTerm(terms[0], t);
  const all = terms.length === 0;
  // "No error" is its own button: the codes list leaves the empty value out, and so does its count.
  const codes = facet
    ? {
        ...facet,
        values: facet.values.filter((v) => v.value !== ''),
        distinct: facet.distinct - (facet.values.some((v) => v.value === '' && v.count > 0) ? 1 : 0),
      }
    : undefined;
  const specific = terms.filter((t) => !sameTerm(t, ANY_ERROR) && !sameTerm(t, NO_ERROR));
  return (
    <div className="border-b border-slate-200 py-2">
      <h3 className="mb-1 text-xs font-semibold tracking-wide text-slate-600 uppercase">Errors</h3>
      <div role="group" aria-label="Errors" className="flex overflow-hidden rounded border border-slate-300">
        <button type="button" aria-pressed={all} className={segment(all)} onClick={() => onChange([])}>
          All
        </button>
        <button
          type="button"
          aria-pressed={only(ANY_ERROR)}
          className={segment(only(ANY_ERROR))}
          onClick={() => onChange([ANY_ERROR])}
        >
          Any error
        </button>
        <button
          type="button"
          aria-pressed={only(NO_ERROR)}
          className={segment(only(NO_ERROR))}
          onClick={() => onChange([NO_ERROR])}
        >
          No error
        </button>
      </div>
      <FacetSection
        field="errorCode"
        facet={codes}
        terms={specific}
        query={query}
        onChange={(t) => onChange(t)}
      />
    </div>
  );
}

/**
 * The filters: AND across sections, OR within one. Each section lists its values with how many
 * events of the selection (by the other sections' filters) have them.
 */
export function FilterPanel({ filters, facets, query, onChange }: FilterPanelProps) {
  return (
    <aside aria-label="Filters" className="w-72 shrink-0 overflow-y-auto pr-2" data-testid="filter-panel">
      <p className="mb-2 text-xs text-slate-600">
        Filters combine: AND across sections, OR within one. A value without <code>*</code> matches exactly
        (case-sensitive, as CloudTrail); <code>abc*</code> matches names starting with abc, <code>*abc*</code>{' '}
        names containing it, other <code>*</code> are wildcards — these ignore case. Counts are for the
        current selection.
      </p>
      <ReadOnlyFilter
        terms={filters.readOnly ?? []}
        facet={facets.readOnly}
        onChange={(t) => onChange('readOnly', t)}
      />
      <ErrorFilter
        terms={filters.errorCode ?? []}
        facet={facets.errorCode}
        query={query}
        onChange={(t) => onChange('errorCode', t)}
      />
      {FACET_FIELDS.map((field) => (
        <FacetSection
          key={field}
          field={field}
          facet={facets[field]}
          terms={filters[field] ?? []}
          query={query}
          onChange={(t) => onChange(field, t)}
        />
      ))}
    </aside>
  );
}
