import { BAND_COLOR, THRESHOLD_COLOR } from './chart-annotations';
import type { ChartAnnotations } from './time-series-chart';

/** Props of {@link ChartAnnotationKey}. */
export interface ChartAnnotationKeyProps {
  /** The chart's annotations; thresholds and the band are named, shaded ranges are not. */
  annotations: ChartAnnotations;
}

/** A key naming the threshold lines and the band under the legend (they are not toggled). */
export function ChartAnnotationKey({ annotations }: ChartAnnotationKeyProps) {
  const items = [
    ...(annotations.thresholds ?? []).map((t) => ({
      label: t.label,
      color: t.color ?? THRESHOLD_COLOR,
      kind: 'line',
    })),
    ...(annotations.band ? [{ label: annotations.band.label, color: BAND_COLOR, kind: 'band' }] : []),
  ];
  if (items.length === 0) return null;
  return (
    <ul aria-label="Annotations" className="mt-1 flex flex-wrap gap-x-3 gap-y-1 px-1 text-xs text-slate-600">
      {items.map((item, i) => (
        <li key={i} className="flex items-center gap-1.5 px-1">
          <span
            aria-hidden="true"
            className={
              item.kind === 'line'
                ? 'inline-block w-3 border-t-2 border-dashed'
                : 'inline-block h-2.5 w-3 rounded-sm opacity-50'
            }
            style={item.kind === 'line' ? { borderColor: item.color } : { backgroundColor: item.color }}
          />
          {item.label}
        </li>
      ))}
    </ul>
  );
}
