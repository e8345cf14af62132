/** Where a function takes a bare keyword (SORT's AVG and DESC, FILL's REPEAT) instead of a value. */
export interface KeywordSlot {
  words: readonly string[];
  /** True: only a keyword is accepted there. False: a keyword or a value. */
  only: boolean;
}

/** What the parser checks of a call: argument count, keyword and string arguments. */
export interface FunctionSignature {
  min: number;
  max: number;
  keywords?: Readonly<Record<number, KeywordSlot>>;
  /** The argument indexes that are string literals (METRICS("errors"), SEARCH's query and statistic). */
  strings?: readonly number[];
}

const one: FunctionSignature = { min: 1, max: 1 };
const SORT_FUNCTIONS = ['AVG', 'MIN', 'MAX', 'SUM'] as const;
const SORT_ORDERS = ['ASC', 'DESC'] as const;
const FILL_METHODS = ['REPEAT', 'LINEAR'] as const;

/**
 * The metric math functions this engine evaluates, as CloudWatch's function table lists them.
 * https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/using-metric-math.html#metric-math-syntax-functions-list
 */
export const FUNCTIONS: Readonly<Record<string, FunctionSignature>> = {
  ABS: one,
  ANOMALY_DETECTION_BAND: { min: 1, max: 2 },
  AVG: one,
  CEIL: one,
  DATAPOINT_COUNT: one,
  DATE: one,
  DAY: one,
  DIFF: one,
  DIFF_TIME: one,
  EPOCH: one,
  FILL: { min: 2, max: 2, keywords: { 1: { words: FILL_METHODS, only: false } } },
  FIRST: one,
  FLOOR: one,
  HOUR: one,
  IF: { min: 2, max: 3 },
  LAST: one,
  LOG: one,
  LOG10: one,
  MAX: one,
  METRIC_COUNT: one,
  METRICS: { min: 0, max: 1, strings: [0] },
  MIN: one,
  MINUTE: one,
  MONTH: one,
  PERIOD: one,
  RATE: one,
  REMOVE_EMPTY: one,
  RUNNING_SUM: one,
  SEARCH: { min: 2, max: 3, strings: [0, 1] },
  SLICE: { min: 2, max: 3 },
  SORT: {
    min: 3,
    max: 4,
    keywords: { 1: { words: SORT_FUNCTIONS, only: true }, 2: { words: SORT_ORDERS, only: true } },
  },
  STDDEV: one,
  SUM: one,
  TIME_SERIES: one,
  YEAR: one,
};

/** CloudWatch functions that need services this engine does not simulate. */
export const UNSUPPORTED_FUNCTIONS: ReadonlySet<string> = new Set([
  'INSIGHT_RULE_METRIC',
  'SERVICE_QUOTA',
  'LAMBDA',
]);

/** Every bare word a function accepts as an argument. */
export const KEYWORDS: ReadonlySet<string> = new Set([...SORT_FUNCTIONS, ...SORT_ORDERS, ...FILL_METHODS]);
