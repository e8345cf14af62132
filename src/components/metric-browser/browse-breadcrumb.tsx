/** Props of {@link BrowseBreadcrumb}. */
export interface BrowseBreadcrumbProps {
  /** The namespace opened, if any. */
  namespace?: string;
  /** The metric name opened, if any. */
  metricName?: string;
  /** The search text, when a search is shown instead of a level. */
  search: string;
  /** How many metrics the search matched. */
  matchCount: number;
  /** Goes to a level: all namespaces, a namespace, or (not used here) a metric name. */
  onOpen: (namespace?: string) => void;
}

const link =
  'text-blue-700 hover:underline focus-visible:outline focus-visible:outline-2 focus-visible:outline-blue-500';

/** Where the browser is ("All metrics › AWS/EC2 › CPUUtilization"), each level above a button back up. */
export function BrowseBreadcrumb({
  namespace,
  metricName,
  search,
  matchCount,
  onOpen,
}: BrowseBreadcrumbProps) {
  const searching = search.trim() !== '';
  const atRoot = !searching && namespace === undefined;
  return (
    <nav aria-label="Breadcrumb" className="px-4 py-2 text-sm">
      <ol className="flex flex-wrap items-center gap-1 text-slate-500">
        <li>
          {atRoot ? (
            <span aria-current="page" className="font-medium text-slate-900">
              All metrics
            </span>
          ) : (
            <button type="button" className={link} onClick={() => onOpen(undefined)}>
              All metrics
            </button>
          )}
        </li>
        {searching && (
          <li className="flex items-center gap-1">
            <span aria-hidden="true">›</span>
            <span aria-current="page" className="font-medium text-slate-900">
              {matchCount} {matchCount === 1 ? 'match' : 'matches'} for “{search.trim()}”
            </span>
          </li>
        )}
        {!searching && namespace !== undefined && (
          <li className="flex items-center gap-1">
            <span aria-hidden="true">›</span>
            {metricName === undefined ? (
              <span aria-current="page" className="font-medium text-slate-900">
                {namespace}
              </span>
            ) : (
              <button type="button" className={link} onClick={() => onOpen(namespace)}>
                {namespace}
              </button>
            )}
          </li>
        )}
        {!searching && namespace !== undefined && metricName !== undefined && (
          <li className="flex items-center gap-1">
            <span aria-hidden="true">›</span>
            <span aria-current="page" className="font-medium text-slate-900">
              {metricName}
            </span>
          </li>
        )}
      </ol>
    </nav>
  );
}
