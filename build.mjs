// Bundles src/ into dist/ with esbuild: one ESM entry plus chunks that commands load with import(),
// so `--help` and `--version` load nothing but argument parsing.
import { build } from 'esbuild';
import { readFile, rm } from 'node:fs/promises';

const pkg = JSON.parse(await readFile(new URL('./package.json', import.meta.url), 'utf8'));
await rm(new URL('./dist', import.meta.url), { recursive: true, force: true });
await build({
  entryPoints: ['src/main.ts'],
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  minify: true,
  sourcemap: false,
  legalComments: 'none',
  chunkNames: 'chunks/[name]-[hash]',
  define: { __QCASE_VERSION__: JSON.stringify(pkg.version) },
  // commander and cli-table3 are CommonJS and call require() for Node's built-ins.
  banner: { js: "import { createRequire as __qcaseRequire } from 'node:module'; const require = __qcaseRequire(import.meta.url);" },
  logLevel: 'warning',
});
