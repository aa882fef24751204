import { defineConfig } from 'tsup';

// One entry per public module (ARCHITECTURE.md): each becomes a package.json `exports` subpath.
export default defineConfig({
  entry: {
    index: 'src/index.ts',
    'time/index': 'src/time/index.ts',
    'frames/index': 'src/frames/index.ts',
    'bodies/index': 'src/bodies/index.ts',
    'state/index': 'src/state/index.ts',
    'propagation/index': 'src/propagation/index.ts',
    'propagation/sgp4/index': 'src/propagation/sgp4/index.ts',
    'propagation/sgp4/node/index': 'src/propagation/sgp4/node/index.ts',
    'propagation/sgp4/node/worker': 'src/propagation/sgp4/node/worker.ts',
    'ccsds/index': 'src/ccsds/index.ts',
    'od/index': 'src/od/index.ts',
    // The `osmose` command (package bin): JavaScript only, no type declarations.
    'cli/index': 'src/cli/index.ts',
  },
  format: ['esm', 'cjs'],
  // Declarations for the library entries; the command has none (tsconfig.build.json leaves
  // src/cli out, as it may use Node's modules).
  dts: {
    entry: [
      'src/index.ts',
      'src/time/index.ts',
      'src/frames/index.ts',
      'src/bodies/index.ts',
      'src/state/index.ts',
      'src/propagation/index.ts',
      'src/propagation/sgp4/index.ts',
      'src/propagation/sgp4/node/index.ts',
      'src/ccsds/index.ts',
      'src/od/index.ts',
    ],
  },
  tsconfig: 'tsconfig.build.json',
  splitting: true,
  treeshake: true,
  sourcemap: false,
  clean: true,
  target: 'es2022',
  platform: 'neutral',
});
