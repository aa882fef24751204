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
  },
  format: ['esm', 'cjs'],
  dts: true,
  tsconfig: 'tsconfig.build.json',
  splitting: true,
  treeshake: true,
  sourcemap: false,
  clean: true,
  target: 'es2022',
  platform: 'neutral',
});
