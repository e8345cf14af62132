import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import {
  type MetricDataResultSeries,
  getMetricDataResults,
} from '../../../lib/cloudwatch/get-metric-data-results.ts';
import { type Connection, useConnectionStore } from '../../../lib/connection-store.ts';
import { fetchChunks } from '../model/tuner-history.ts';
import type { TunerDataSpec } from '../model/tuner-config.ts';

/** The data of one replay: the draft's queries from the lookback's start to the end of the history. */
export interface TunerHistoryRequest {
  spec: TunerDataSpec;
  /** Where the data starts: `lookbackSlots` periods before the replay's start, epoch ms. */
  fetchStartMs: number;
  /** The replay, [startMs, endMs). */
  startMs: number;
  endMs: number;
  lookbackSlots: number;
}

/**
 * The alarm's per-period datapoints, as the evaluator reads them: timestamps ascending, with the
 * band's bounds and the sample counts at the same timestamps (NaN where absent).
 */
export interface TunerHistory {
  request: TunerHistoryRequest;
  label: string;
  timestamps: number[];
  values: number[];
  lower?: number[];
  upper?: number[];
  sampleCounts?: number[];
  /** What GetMetricData said about the results (PartialData, expression errors). */
  messages: string[];
}

/** The results of one chunk, in order, concatenated onto those of the chunks before. */
function appendChunk(into: MetricDataResultSeries[], chunk: readonly MetricDataResultSeries[]): void {
  const nth = new Map<string, number>();
  for (const r of chunk) {
    const n = nth.get(r.id) ?? 0;
    nth.set(r.id, n + 1);
    const existing = into.filter((s) => s.id === r.id)[n];
    if (!existing) {
      into.push({ ...r, timestamps: [...r.timestamps], values: [...r.values], messages: [...r.messages] });
      continue;
    }
    for (let i = 0; i < r.timestamps.length; i++) {
      existing.timestamps.push(r.timestamps[i]);
      existing.values.push(r.values[i]);
    }
    if (r.statusCode) existing.statusCode = r.statusCode;
    for (const m of r.messages) if (!existing.messages.includes(m)) existing.messages.push(m);
  }
}

/** `series`' values at `timestamps` (NaN where it has none). */
function alignTo(
  timestamps: readonly number[],
  series: Pick<MetricDataResultSeries, 'timestamps' | 'values'>,
) {
  const at = new Map<number, number>();
  series.timestamps.forEach((t, i) => at.set(t, series.values[i]));
  return timestamps.map((t) => at.get(t) ?? Number.NaN);
}

/**
 * GetMetricData of the draft's queries at the alarm's period over the history. Pages with NextToken
 * (100,800 datapoints per call), and asks for long histories in time chunks under that limit, since
 * metric math returns no NextToken. The band's two results become lower and upper bounds.
 * https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_GetMetricData.html
 */
export async function getTunerHistory(
  connection: Connection,
  req: TunerHistoryRequest,
): Promise<TunerHistory> {
  const { spec } = req;
  const returned = 1 + (spec.bandId ? 2 : 0) + (spec.samplesId ? 1 : 0);
  const results: MetricDataResultSeries[] = [];
  for (const chunk of fetchChunks(req.fetchStartMs, req.endMs, spec.periodS, returned)) {
    appendChunk(results, await getMetricDataResults(connection, { queries: spec.queries, ...chunk }));
  }
  const evaluated = results.find((r) => r.id === spec.evaluatedId);
  const timestamps = evaluated?.timestamps ?? [];
  const out: TunerHistory = {
    request: req,
    label: evaluated?.label ?? spec.evaluatedId,
    timestamps,
    values: evaluated?.values ?? [],
    messages: [...new Set(results.flatMap((r) => r.messages))],
  };
  if (spec.bandId) {
    const [a, b] = results.filter((r) => r.id === spec.bandId);
    if (a && b) {
      const x = alignTo(timestamps, a);
      const y = alignTo(timestamps, b);
      out.lower = x.map((v, i) => Math.min(v, y[i]));
      out.upper = x.map((v, i) => Math.max(v, y[i]));
    } else {
      out.messages.push('The anomaly band returned no bounds for this history.');
    }
  }
  if (spec.samplesId) {
    const samples = results.find((r) => r.id === spec.samplesId);
    if (samples) out.sampleCounts = alignTo(timestamps, samples);
  }
  return out;
}

const EMPTY_REQUEST: TunerHistoryRequest = {
  spec: { queries: [], periodS: 60, evaluatedId: '' },
  fetchStartMs: 0,
  startMs: 0,
  endMs: 0,
  lookbackSlots: 0,
};

export const tunerHistoryQueryOptions = (connection: Connection, req: TunerHistoryRequest) =>
  queryOptions({
    queryKey: ['cloudwatch', 'GetMetricData', connection.endpoint, 'tuner', req],
    queryFn: () => getTunerHistory(connection, req),
    // A replay keeps its window while it is tuned: the history does not follow the clock on its own.
    staleTime: Infinity,
    placeholderData: keepPreviousData,
  });

/** The replay's data; the previous data stays while a new period or statistic loads. */
export function useTunerHistory(req: TunerHistoryRequest | undefined) {
  const connection = useConnectionStore();
  return useQuery({
    ...tunerHistoryQueryOptions(connection, req ?? EMPTY_REQUEST),
    enabled: req !== undefined,
  });
}
