// The app layer composes the transport: the embedded engine is loaded as its own chunk, only when used.
import { registerDirectImporter } from '../lib/cloudtrail/trail-import.ts';
import { startEmbeddedApi as startWorkerApi } from '../mocks/browser.ts';

/**
 * Starts the embedded engine and registers its direct log-file importer, so files from the file
 * chooser go to the engine worker as transferred bytes instead of through fetch and MSW.
 */
export async function startEmbeddedApi(): Promise<void> {
  const api = await startWorkerApi();
  registerDirectImporter((file, onProgress) => api.importTrailFile(file.name, file.bytes, onProgress));
}
