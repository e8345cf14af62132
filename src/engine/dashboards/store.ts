/** One saved dashboard. The body is the exact string PutDashboard received. */
export interface DashboardRecord {
  name: string;
  body: string;
  /** Epoch ms on the engine's clock. */
  lastModifiedMs: number;
  /** The body's size in bytes, UTF-8 encoded (ListDashboards' `Size`). */
  size: number;
}

/** Everything the store holds, as plain data (structured-clone friendly) for a host to persist. */
export interface DashboardSnapshot {
  version: 1;
  dashboards: DashboardRecord[];
}

export interface DashboardListOptions {
  /** Only names starting with it (ListDashboards' DashboardNamePrefix). */
  prefix?: string;
  /** Only names after it, in name order: where the previous page stopped. */
  after?: string;
  /** Page size (CloudWatch returns at most 1000 per call). */
  limit?: number;
}

export interface DashboardPage {
  entries: DashboardRecord[];
  /** True when more names match after the last entry. */
  more: boolean;
}

/** CloudWatch's page size for ListDashboards. */
export const DASHBOARD_PAGE_SIZE = 1000;

const utf8 = new TextEncoder();
export const utf8Size = (text: string): number => utf8.encode(text).length;

const byName = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The account's dashboards: name → body. Validation is the API's business (validateDashboardBody);
 * the store keeps whatever it is given, byte for byte.
 * https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_PutDashboard.html
 */
export class DashboardStore {
  private readonly byName = new Map<string, DashboardRecord>();

  /**
   * @param now the engine clock, for LastModified
   * @param onChange called after every change (put, delete, clear, restore)
   */
  constructor(
    private readonly now: () => number,
    private readonly onChange: () => void = () => undefined,
  ) {}

  get size(): number {
    return this.byName.size;
  }

  has(name: string): boolean {
    return this.byName.has(name);
  }

  get(name: string): DashboardRecord | undefined {
    const d = this.byName.get(name);
    return d && { ...d };
  }

  /** Creates or replaces a dashboard (the whole body is replaced, as PutDashboard does). */
  put(name: string, body: string): DashboardRecord {
    const record: DashboardRecord = { name, body, lastModifiedMs: this.now(), size: utf8Size(body) };
    this.byName.set(name, record);
    this.onChange();
    return { ...record };
  }

  /** Dashboards in name order, one page at a time. */
  list(options: DashboardListOptions = {}): DashboardPage {
    const { prefix = '', after, limit = DASHBOARD_PAGE_SIZE } = options;
    const names = [...this.byName.keys()]
      .filter((n) => n.startsWith(prefix) && (after === undefined || n > after))
      .sort(byName);
    return {
      entries: names.slice(0, limit).map((n) => ({ ...(this.byName.get(n) as DashboardRecord) })),
      more: names.length > limit,
    };
  }

  /** Deletes the named dashboards that exist; says which names were missing. */
  delete(names: readonly string[]): { deleted: string[]; missing: string[] } {
    const deleted: string[] = [];
    const missing: string[] = [];
    for (const n of names) {
      if (this.byName.delete(n)) deleted.push(n);
      else if (!deleted.includes(n) && !missing.includes(n)) missing.push(n);
    }
    if (deleted.length > 0) this.onChange();
    return { deleted, missing };
  }

  clear(): void {
    const had = this.byName.size > 0;
    this.byName.clear();
    if (had) this.onChange();
  }

  snapshot(): DashboardSnapshot {
    return {
      version: 1,
      dashboards: [...this.byName.values()].sort((a, b) => byName(a.name, b.name)).map((d) => ({ ...d })),
    };
  }

  /**
   * Replaces the store's content with a snapshot (records that are not well formed are skipped).
   * Replacing nothing with nothing is no change, and is not reported.
   */
  restore(snapshot: DashboardSnapshot): void {
    const had = this.byName.size > 0;
    this.byName.clear();
    // A record from another version, or damaged, restores nothing rather than stopping the engine.
    const dashboards: unknown = (snapshot as Partial<DashboardSnapshot> | undefined)?.dashboards;
    for (const d of Array.isArray(dashboards) ? (dashboards as DashboardRecord[]) : []) {
      if (typeof d?.name !== 'string' || typeof d.body !== 'string') continue;
      const lastModifiedMs = Number.isFinite(d.lastModifiedMs) ? d.lastModifiedMs : this.now();
      this.byName.set(d.name, { name: d.name, body: d.body, lastModifiedMs, size: utf8Size(d.body) });
    }
    if (had || this.byName.size > 0) this.onChange();
  }
}
