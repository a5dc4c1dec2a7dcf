// Builds qm: compiles the JSON Schemas to standalone validators, reads the fonts' coverage, then bundles the CLI and the
// library with esbuild (ESM, code-split so that each command loads only what it needs).
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
execFileSync(process.execPath, [join(root, 'scripts', 'gen-validators.mjs')], { stdio: 'inherit' });
execFileSync(process.execPath, [join(root, 'scripts', 'gen-coverage.mjs')], { stdio: 'inherit' });

/**
 * The yaml parser asks `process.env.LOG_TOKENS` for every token (and the composer
 * `LOG_STREAM` for every document): a lookup in the environment each time, 10 % of a check's
 * CPU in a profile. Those are yaml's own debugging switches; qm never sets them.
 */
const yamlWithoutEnvLookups = {
  name: 'yaml-without-env-lookups',
  setup(b) {
    b.onLoad({ filter: /[\\/]node_modules[\\/]yaml[\\/]dist[\\/](parse[\\/]parser|compose[\\/]composer)\.js$/ }, (args) => {
      const source = readFileSync(args.path, 'utf8');
      const contents = source.replace(/node_process\.env\.LOG_(TOKENS|STREAM)/g, 'false');
      if (contents === source) throw new Error(`${args.path}: yaml's LOG_TOKENS/LOG_STREAM lookups not found (has yaml changed?)`);
      return { contents, loader: 'js' };
    });
  },
};

const tmp = join(root, `dist.tmp-${process.pid}`);
try {
  await build({
    absWorkingDir: root,
    // pdf-worker: the worker thread of `qm pdf` (src/pdf/job/run.ts finds it beside the chunks);
    // check-worker: the threads of `qm check` over many folders (src/engine/pool.ts).
    entryPoints: {
      cli: 'src/cli/main.ts',
      index: 'src/index.ts',
      'pdf-worker': 'src/pdf/job/worker.ts',
      'check-worker': 'src/engine/worker.ts',
    },
    outdir: tmp,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    sourcemap: false,
    legalComments: 'none',
    chunkNames: 'chunks/[name]-[hash]',
    // Libraries that read their own data files at run time stay in node_modules.
    external: ['pdfmake', 'pdfkit', '@cantoo/pdf-lib', 'fontkit', 'dejavu-fonts-ttf'],
    banner: { js: "import { createRequire as __qmCreateRequire } from 'node:module'; const require = __qmCreateRequire(import.meta.url);" },
    logLevel: 'warning',
    plugins: [yamlWithoutEnvLookups],
  });
  // The same command line as one CommonJS file, for Node 20: bin/qm.js runs it through a V8 code
  // cache made below (Node 22 keeps its own compile cache and uses the ESM build above).
  await build({
    absWorkingDir: root,
    entryPoints: { cli: 'src/cli/main.ts' },
    outExtension: { '.js': '.cjs' },
    outdir: tmp,
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    sourcemap: false,
    legalComments: 'none',
    external: ['pdfmake', 'pdfkit', '@cantoo/pdf-lib', 'fontkit', 'dejavu-fonts-ttf'],
    define: { 'import.meta.url': '__qmImportMetaUrl' },
    banner: { js: "const __qmImportMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
    logLevel: 'warning',
    plugins: [yamlWithoutEnvLookups],
  });
  execFileSync(process.execPath, [join(root, 'scripts', 'code-cache.mjs'), join(tmp, 'cli.cjs')], { cwd: root, stdio: 'inherit' });
  // Type declarations for the library entry.
  execFileSync(
    process.execPath,
    [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.build.json', '--outDir', join(tmp, 'types')],
    { cwd: root, stdio: 'inherit' },
  );
} catch (e) {
  // A failed build leaves nothing behind (and the previous dist/ in place).
  rmSync(tmp, { recursive: true, force: true });
  throw e;
}

// Swap the new build in at once, so that a qm running meanwhile never sees half a build.
const dist = join(root, 'dist');
const old = join(root, `dist.old-${process.pid}`);
if (existsSync(dist)) renameSync(dist, old);
renameSync(tmp, dist);
rmSync(old, { recursive: true, force: true });
console.log('built dist/');
