// Bundles src/ into dist/ with esbuild: one ESM entry plus chunks that commands load with import(),
// so `--help` and `--version` load nothing but src/main.ts. Two passes: the first renders every
// command's help with commander, the second fixes that text into the entry.
import { build } from 'esbuild';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('.', import.meta.url));
const pkg = JSON.parse(await readFile(path.join(root, 'package.json'), 'utf8'));

// got features qcase never turns on: their packages cost start-up time on every run.
const stubUnusedGotFeatures = {
  name: 'stub-unused-got-features',
  setup(b) {
    for (const name of ['http2-wrapper', 'cacheable-request', 'cacheable-lookup', 'decompress-response']) {
      const stub = path.join(root, 'build', `unused-${name}.js`);
      b.onResolve({ filter: new RegExp(`^${name}$`) }, () => ({ path: stub }));
    }
  },
};

// @sindresorhus/is (got's type checks) builds two Intl.ListFormat objects when it is imported, only
// to word error messages; starting ICU's list formatting costs about 11 ms of every run (measured
// with --cpu-prof). Build them on first use instead. The build fails if the source no longer has
// the lines, so the saving cannot silently disappear on an upgrade.
const lazyListFormat = {
  name: 'lazy-intl-listformat',
  setup(b) {
    b.onLoad({ filter: /@sindresorhus[\\/]is[\\/]distribution[\\/]index\.js$/ }, async (args) => {
      let source = await readFile(args.path, 'utf8');
      for (const type of ['conjunction', 'disjunction']) {
        const line = `new Intl.ListFormat('en', { style: 'long', type: '${type}' })`;
        if (!source.includes(line)) throw new Error(`build.mjs: ${args.path} no longer has ${line}; update the lazy-intl-listformat plugin`);
        source = source.replace(line, `{ format: (list) => new Intl.ListFormat('en', { style: 'long', type: '${type}' }).format(list) }`);
      }
      return { contents: source, loader: 'js' };
    });
  },
};

const common = {
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  minify: process.env.QCASE_NO_MINIFY !== "1",
  legalComments: 'none',
  chunkNames: 'chunks/[name]-[hash]',
  // commander and cli-table3 are CommonJS and call require() for Node's built-ins.
  banner: { js: "import { createRequire as __qcaseRequire } from 'node:module'; const require = __qcaseRequire(import.meta.url);" },
  plugins: [stubUnusedGotFeatures, lazyListFormat],
  logLevel: 'warning',
};

// Pass 1: the help renderer, bundled alone, run once.
const scratch = await mkdtemp(path.join(tmpdir(), 'qcase-build-'));
await build({ ...common, entryPoints: [path.join(root, 'src/cli/help-render.ts')], outdir: scratch, define: { __QCASE_VERSION__: JSON.stringify(pkg.version) } });
const { renderAllHelp } = await import(pathToFileURL(path.join(scratch, 'help-render.js')).href);
const help = renderAllHelp();
await rm(scratch, { recursive: true, force: true });

// Pass 2: the program.
await rm(path.join(root, 'dist'), { recursive: true, force: true });
await build({
  ...common,
  entryPoints: [path.join(root, 'src/main.ts')],
  outdir: path.join(root, 'dist'),
  define: { __QCASE_VERSION__: JSON.stringify(pkg.version), __QCASE_HELP_JSON__: JSON.stringify(JSON.stringify(help)) },
});
