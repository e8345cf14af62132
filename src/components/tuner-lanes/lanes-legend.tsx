import type { ReactNode } from 'react';
import { LANE_COLORS } from './draw';

/** Props of {@link LanesLegend}. */
export interface LanesLegendProps {
  metricLabel: string;
  hasThreshold: boolean;
  /** The current configuration's name when comparing ("B"), for its threshold's entry. */
  currentLabel?: string;
  /** The compared configuration's name, when comparing. */
  compareLabel?: string;
  hasCompareThreshold: boolean;
  hasBand: boolean;
  hasIncidents: boolean;
  hasMarkers: boolean;
}

function Swatch({ color, kind = 'box' }: { color: string; kind?: 'box' | 'line' | 'dashed' | 'triangle' }) {
  if (kind === 'triangle') {
    return (
      <svg width="10" height="8" viewBox="0 0 10 8" aria-hidden="true">
        <path d="M0 0 H10 L5 8 Z" fill={color} />
      </svg>
    );
  }
  if (kind !== 'box') {
    return (
      <span
        aria-hidden="true"
        className="inline-block w-4 border-t-2"
        style={{ borderColor: color, borderStyle: kind === 'dashed' ? 'dashed' : 'solid' }}
      />
    );
  }
  return (
    <span
      aria-hidden="true"
      className="inline-block h-2.5 w-2.5 rounded-sm"
      style={{ backgroundColor: color }}
    />
  );
}

function Item({ children }: { children: ReactNode }) {
  return <li className="flex items-center gap-1.5">{children}</li>;
}

/** What the lanes' colours and marks mean. */
export function LanesLegend({
  metricLabel,
  hasThreshold,
  currentLabel,
  compareLabel,
  hasCompareThreshold,
  hasBand,
  hasIncidents,
  hasMarkers,
}: LanesLegendProps) {
  return (
    <div
      className="mt-2 flex flex-wrap gap-x-5 gap-y-1 text-xs text-slate-600"
      aria-label="Legend"
      role="group"
    >
      <ul className="flex flex-wrap items-center gap-x-3 gap-y-1">
        <Item>
          <Swatch color={LANE_COLORS.metric} kind="line" />
          {metricLabel}
        </Item>
        {hasBand && (
          <Item>
            <Swatch color={`${LANE_COLORS.band}80`} />
            Anomaly band
          </Item>
        )}
        {hasThreshold && (
          <Item>
            <Swatch color={LANE_COLORS.threshold} kind="line" />
            {currentLabel ? `Threshold ${currentLabel}` : 'Threshold'}
          </Item>
        )}
        {hasCompareThreshold && (
          <Item>
            <Swatch color={LANE_COLORS.compareThreshold} kind="dashed" />
            Threshold {compareLabel}
          </Item>
        )}
        {hasIncidents && (
          <Item>
            <span
              aria-hidden="true"
              className="inline-block h-2.5 w-2.5 rounded-sm border border-amber-400 bg-amber-100"
            />
            Labeled incident
          </Item>
        )}
        {hasMarkers && (
          <Item>
            <Swatch color="#7c3aed" kind="triangle" />
            Audit event
          </Item>
        )}
      </ul>
      <ul className="flex flex-wrap items-center gap-x-3 gap-y-1" aria-label="Datapoints">
        <li className="text-slate-400">Datapoints</li>
        <Item>
          <Swatch color={LANE_COLORS.breaching} />
          breaching
        </Item>
        <Item>
          <Swatch color={LANE_COLORS.notBreaching} />
          not breaching
        </Item>
        <Item>
          <Swatch color={LANE_COLORS.missing} />
          missing
        </Item>
      </ul>
      <ul className="flex flex-wrap items-center gap-x-3 gap-y-1" aria-label="State">
        <li className="text-slate-400">State</li>
        <Item>
          <Swatch color={LANE_COLORS.ok} />
          OK
        </Item>
        <Item>
          <Swatch color={LANE_COLORS.alarm} />
          ALARM
        </Item>
        <Item>
          <Swatch color={LANE_COLORS.insufficient} />
          INSUFFICIENT_DATA
        </Item>
      </ul>
    </div>
  );
}
