/**
 * Lazy import of the code under test, so that a benchmark still runs (and says what it
 * skipped) while a module is being written.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT_DIR = fileURLToPath(new URL('..', import.meta.url));

/** Imports `name` from a source file (path from the repository root), or returns why not. */
export async function importExport<T>(relPath: string, name: string): Promise<T | string> {
  const file = `${ROOT_DIR}${relPath}`;
  if (!existsSync(file)) return `${relPath} does not exist yet`;
  try {
    const mod = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
    const value = mod[name];
    return value === undefined ? `${relPath} does not export ${name}` : (value as T);
  } catch (e) {
    return `importing ${relPath} failed: ${e instanceof Error ? e.message : String(e)}`;
  }
}
