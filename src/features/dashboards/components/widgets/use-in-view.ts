import { useEffect, useRef, useState } from 'react';
import type { RefObject } from 'react';

/**
 * Whether the element is within one viewport of being visible (IntersectionObserver with a margin of
 * a viewport's height), and whether it has ever been: widgets query once they have been near, and
 * keep their data after. Without IntersectionObserver (or when `watch` is false) everything counts
 * as in view.
 */
export function useInView(
  ref: RefObject<Element | null>,
  watch: boolean,
  onChange?: (inView: boolean) => void,
): { inView: boolean; seen: boolean } {
  const supported = typeof IntersectionObserver !== 'undefined';
  const report = useRef(onChange);
  useEffect(() => {
    report.current = onChange;
  });
  const [state, setState] = useState(() => ({ inView: !watch || !supported, seen: !watch || !supported }));
  useEffect(() => {
    const element = ref.current;
    if (!watch || !supported || !element) {
      setState((s) => (s.inView && s.seen ? s : { inView: true, seen: true }));
      report.current?.(true);
      return;
    }
    const observer = new IntersectionObserver(
      (entries) => {
        const entry = entries[entries.length - 1];
        if (!entry) return;
        const inView = entry.isIntersecting;
        setState((s) =>
          s.inView === inView && (s.seen || !inView) ? s : { inView, seen: s.seen || inView },
        );
        report.current?.(inView);
      },
      { rootMargin: '100% 0px 100% 0px' },
    );
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref, watch, supported]);
  return state;
}
