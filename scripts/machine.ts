/**
 * Prints the machine line that goes with every benchmark figure: CPU model, logical cores,
 * Node version, OS and architecture.
 *
 * Usage: `npx tsx scripts/machine.ts`
 */
import { arch, availableParallelism, cpus, platform } from 'node:os';
import { pathToFileURL } from 'node:url';

/** One line describing this machine, e.g. `AMD EPYC 7763 64-Core Processor · 2 cores · …`. */
export function machineLine(): string {
  const model = cpus()[0]?.model.trim().replace(/\s+/g, ' ') || 'unknown CPU';
  return `${model} · ${availableParallelism()} cores · Node ${process.version} · ${platform()} ${arch()}`;
}

const invokedPath = process.argv[1];
if (invokedPath !== undefined && import.meta.url === pathToFileURL(invokedPath).href) {
  console.log(machineLine());
}
