import type { QueryProblem } from '../model/graph-results.ts';

/** Props of {@link QueryProblemText}. */
export interface QueryProblemTextProps {
  /** The API's error for one query (name and message), or why it was not drawn. */
  problem: QueryProblem;
  /** Id of the element, so the field it is about can point at it with aria-describedby. */
  id?: string;
}

/** Why one query of the graph drew nothing, shown next to its row. */
export function QueryProblemText({ problem, id }: QueryProblemTextProps) {
  return (
    <p id={id} role="alert" className="mt-1 text-xs text-red-700">
      {problem.name && (
        <>
          <span className="font-mono font-semibold">{problem.name}</span>:{' '}
        </>
      )}
      <span className="whitespace-pre-line">{problem.message}</span>
    </p>
  );
}
