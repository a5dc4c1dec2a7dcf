// Builds the extension (one bundled file, dist/extension.js, with vscode-languageclient inside)
// and, with --package, the .vsix (`node editors/vscode/build.mjs --package [--out FILE]`), with
// the repository's own esbuild and @vscode/vsce. Nothing is published.
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const here = dirname(fileURLToPath(import.meta.url));
await build({
  absWorkingDir: here,
  entryPoints: ['src/extension.ts'],
  outfile: 'dist/extension.js',
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  external: ['vscode'],
  minify: true,
  legalComments: 'none',
  logLevel: 'warning',
});
const args = process.argv.slice(2);
if (args.includes('--package')) {
  const { createVSIX } = await import('@vscode/vsce');
  const i = args.indexOf('--out');
  const packagePath = i >= 0 ? resolve(args[i + 1]) : undefined;
  await createVSIX({ cwd: here, dependencies: false, packagePath });
  console.log(`built ${packagePath ?? join(here, '*.vsix')}`);
}
