/** What an import of one CloudTrail log file reports. */
export interface TrailImportReport {
  /** The file's name, as given. */
  file: string;
  /** Records stored. */
  imported: number;
  /** Records refused. */
  rejected: number;
  /** The first rejected records: their index in `Records` and why. */
  rejections: { index: number; reason: string }[];
  /** Notes about the file that did not stop the import. */
  warnings: string[];
}

/** Where an import stands: `phase` names the step ('read', 'parse', 'store', …). */
export interface TrailImportProgress {
  phase: string;
  done: number;
  total: number;
}

/** A log file handed to the direct importer. */
export interface TrailImportFile {
  name: string;
  bytes: ArrayBuffer;
}

/** Imports a file without going through fetch (the embedded engine's worker). */
export type DirectImporter = (
  file: TrailImportFile,
  onProgress: (p: TrailImportProgress) => void,
) => Promise<TrailImportReport>;

let registered: DirectImporter | undefined;

/**
 * The app registers the embedded engine's importer here, so that large log files go to the worker
 * as transferable bytes instead of through fetch and MSW.
 */
export function registerDirectImporter(fn: DirectImporter | undefined): void {
  registered = fn;
}

/** The registered direct importer, if any. */
export function directImporter(): DirectImporter | undefined {
  return registered;
}

/**
 * Imports one CloudTrail log file (`.json` or `.json.gz`, as delivered to S3). With the embedded
 * engine (`base === ''`) and a registered direct importer it uses that; otherwise it POSTs the bytes to
 * `/_watchtrail/trail/import` on `base`. Throws with the backend's message when the file is refused.
 */
export async function importTrailFile(
  file: File,
  base: string | undefined,
  onProgress: (p: TrailImportProgress) => void,
): Promise<TrailImportReport> {
  if (base === undefined) {
    throw new Error('This backend has no Watchtrail control endpoints, so it cannot import log files.');
  }
  onProgress({ phase: 'read', done: 0, total: file.size });
  const bytes = await file.arrayBuffer();
  onProgress({ phase: 'read', done: file.size, total: file.size });
  const direct = base === '' ? registered : undefined;
  if (direct) return direct({ name: file.name, bytes }, onProgress);
  onProgress({ phase: 'upload', done: 0, total: file.size });
  const res = await fetch(`${base}/_watchtrail/trail/import?name=${encodeURIComponent(file.name)}`, {
    method: 'POST',
    headers: { 'content-type': file.name.endsWith('.gz') ? 'application/gzip' : 'application/json' },
    body: bytes,
  });
  const json = (await res.json().catch(() => ({}))) as Partial<TrailImportReport> & { error?: unknown };
  if (!res.ok) {
    throw new Error(
      typeof json.error === 'string' ? json.error : `The import endpoint answered ${res.status}.`,
    );
  }
  onProgress({ phase: 'store', done: file.size, total: file.size });
  return {
    file: json.file ?? file.name,
    imported: json.imported ?? 0,
    rejected: json.rejected ?? 0,
    rejections: json.rejections ?? [],
    warnings: json.warnings ?? [],
  };
}
