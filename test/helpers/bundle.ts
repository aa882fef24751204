/**
 * Bundles a small entry module from the TypeScript sources with esbuild, as a browser
 * application's bundler would (ESM, neutral platform, minified, tree-shaken), and reports what
 * reached the bundle. Shared by the tree-shaking and bundle-budget tests.
 */
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

/** The repository root, with a trailing separator; entries resolve their imports from here. */
export const ROOT_DIR = fileURLToPath(new URL('../../', import.meta.url));

/** What one bundle holds. */
export interface BundleReport {
  /** Metafile inputs (paths relative to the repository root) with bytes in the output. */
  readonly inputs: readonly string[];
  /** Minified output, bytes. */
  readonly bytes: number;
  /** Minified then gzipped output, bytes. */
  readonly gzipBytes: number;
}

/** Bundles `entry` (TypeScript source whose relative imports start at the repository root). */
export async function bundle(entry: string): Promise<BundleReport> {
  const result = await build({
    stdin: { contents: entry, resolveDir: ROOT_DIR, sourcefile: 'entry.ts', loader: 'ts' },
    absWorkingDir: ROOT_DIR,
    bundle: true,
    write: false,
    metafile: true,
    format: 'esm',
    platform: 'neutral',
    minify: true,
    treeShaking: true,
    logLevel: 'silent',
  });
  const code = result.outputFiles[0]?.contents ?? new Uint8Array();
  // metafile.inputs lists every file esbuild read, including those tree shaking dropped
  // whole; what reaches the bundle is an output's inputs with bytes in it.
  const inputs = Object.values(result.metafile.outputs).flatMap((output) =>
    Object.entries(output.inputs)
      .filter(([, use]) => use.bytesInOutput > 0)
      .map(([path]) => path),
  );
  return { inputs, bytes: code.byteLength, gzipBytes: gzipSync(code).byteLength };
}

/** One line for the test log: sizes in kB (1024 bytes) and the number of inputs. */
export function formatBundleSize(report: BundleReport): string {
  const kb = (n: number) => `${(n / 1024).toFixed(1)} kB`;
  return `${kb(report.bytes)} minified, ${kb(report.gzipBytes)} gzipped, ${report.inputs.length} inputs`;
}
