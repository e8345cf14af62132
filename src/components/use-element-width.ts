import { useCallback, useState } from 'react';
import type { RefCallback } from 'react';

/**
 * The content width of an element in px, kept current by a ResizeObserver (0 until measured, and
 * where ResizeObserver does not exist). Attach the returned ref callback to the element.
 */
export function useElementWidth<E extends HTMLElement>(): [RefCallback<E>, number] {
  const [width, setWidth] = useState(0);
  const ref = useCallback((element: E | null) => {
    if (!element || typeof ResizeObserver === 'undefined') return undefined;
    const observer = new ResizeObserver((entries) => {
      const entry = entries[entries.length - 1];
      if (entry) setWidth(Math.floor(entry.contentRect.width));
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return [ref, width];
}
