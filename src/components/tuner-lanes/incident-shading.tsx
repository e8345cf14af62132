import { timeToX } from './geometry';

/** A labeled incident shaded on the lanes (the ground truth the alarm should catch). */
export interface LaneIncident {
  id?: string;
  startMs: number;
  endMs: number;
  label: string;
}

/** Props of {@link IncidentShading}. */
export interface IncidentShadingProps {
  incidents: readonly LaneIncident[];
  startMs: number;
  endMs: number;
  /** Plot width, px. */
  width: number;
  /** Top and height of the shaded area (all lanes), px. */
  top: number;
  height: number;
}

/** Top of the labels, px from the shading's top (below the audit markers' row). */
const LABEL_TOP = 17;
/** Rough width of a label character at 10 px, to keep labels from overlapping. */
const CHAR_PX = 5.6;
const LABEL_PAD_PX = 8;
/** Long labels (the simulation's are sentences) are cut with an ellipsis; the hover readout has them whole. */
export const LABEL_MAX_PX = 200;

/** An incident placed on the plot: its stretch and, if there is room, where its label goes. */
export interface PlacedIncident {
  key: string;
  left: number;
  width: number;
  label: string;
  /** The label's left edge, px; undefined when it would cover the previous label. */
  labelLeft?: number;
}

/**
 * The incidents overlapping [startMs, endMs] at pixel positions (at least 3 px wide, so a short
 * incident over 90 days still shows), oldest first, each labeled unless its label would overlap the
 * previous one's.
 */
export function placeIncidents(
  incidents: readonly LaneIncident[],
  startMs: number,
  endMs: number,
  width: number,
): PlacedIncident[] {
  const placed: PlacedIncident[] = [];
  let labelEnd = -Infinity;
  const sorted = [...incidents].sort((a, b) => a.startMs - b.startMs);
  sorted.forEach((inc, i) => {
    const from = Math.max(startMs, inc.startMs);
    const to = Math.min(endMs, inc.endMs);
    if (!(to > from)) return;
    const left = timeToX(from, startMs, endMs, width);
    const w = Math.max(3, timeToX(to, startMs, endMs, width) - left);
    const labelWidth = Math.min(LABEL_MAX_PX, inc.label.length * CHAR_PX + LABEL_PAD_PX);
    const labelLeft = Math.max(0, Math.min(left + 2, width - labelWidth));
    const fits = labelLeft >= labelEnd + 4;
    if (fits) labelEnd = labelLeft + labelWidth;
    placed.push({
      key: inc.id ?? `${inc.startMs}-${i}`,
      left,
      width: w,
      label: inc.label,
      ...(fits ? { labelLeft } : {}),
    });
  });
  return placed;
}

/**
 * The incidents as amber stretches across all lanes, labeled at the top. Pointer events pass through
 * to the lanes, whose hover readout names the incident under the pointer.
 */
export function IncidentShading({ incidents, startMs, endMs, width, top, height }: IncidentShadingProps) {
  const placed = placeIncidents(incidents, startMs, endMs, width);
  return (
    <div aria-hidden="true" className="pointer-events-none absolute inset-x-0" style={{ top, height }}>
      {placed.map((p) => (
        <div
          key={p.key}
          data-testid="tuner-incident"
          className="absolute inset-y-0 border-x border-amber-400/80 bg-amber-300/20"
          style={{ left: p.left, width: p.width }}
        />
      ))}
      {placed.map(
        (p) =>
          p.labelLeft !== undefined && (
            <span
              key={`label-${p.key}`}
              className="absolute truncate rounded-sm border border-amber-300 bg-amber-50/95 px-1 text-[10px] leading-3.5 font-medium whitespace-nowrap text-amber-800"
              style={{ left: p.labelLeft, top: LABEL_TOP, maxWidth: LABEL_MAX_PX }}
            >
              {p.label}
            </span>
          ),
      )}
    </div>
  );
}
