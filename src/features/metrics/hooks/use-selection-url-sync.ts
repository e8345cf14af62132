import { useLayoutEffect } from 'react';
import {
  type SelectionFromUrl,
  selectionFromSearchParams,
  selectionToSearchParams,
} from '../model/selection-url.ts';
import { useMetricsSelection } from '../stores/metrics-selection-store.ts';

function readUrl(): SelectionFromUrl {
  return selectionFromSearchParams(new URLSearchParams(location.search));
}

/**
 * Keeps the graph's selection in the URL while the page is mounted. On mount a link's selection
 * wins; a bare URL gets the selection already in memory (coming back to the page keeps the graph).
 * Changes replace the history entry (checking a box is not a step to go back through), keep every
 * other param (`range`, `start`, `end`, `refresh`, …), and back/forward re-read the URL.
 */
export function useSelectionUrlSync(): void {
  // A layout effect, so a link's selection is in the store before any query of the first render starts.
  useLayoutEffect(() => {
    const path = location.pathname;
    const write = (selection: ReturnType<typeof useMetricsSelection.getState>) => {
      if (location.pathname !== path) return;
      const current = new URLSearchParams(location.search);
      const next = selectionToSearchParams(current, selection).toString();
      if (next === current.toString()) return;
      history.replaceState(
        history.state,
        '',
        `${location.pathname}${next ? `?${next}` : ''}${location.hash}`,
      );
    };
    const fromUrl = readUrl();
    if (fromUrl.present) useMetricsSelection.getState().replace(fromUrl.selection, fromUrl.error);
    write(useMetricsSelection.getState());
    const unsubscribe = useMetricsSelection.subscribe(write);
    const onPopState = () => {
      if (location.pathname !== path) return;
      const next = readUrl();
      useMetricsSelection.getState().replace(next.selection, next.error);
    };
    window.addEventListener('popstate', onPopState);
    return () => {
      unsubscribe();
      window.removeEventListener('popstate', onPopState);
    };
  }, []);
}
