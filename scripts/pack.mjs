// `npm pack` and `npm publish` run this twice, around making the tarball:
//
//   node scripts/pack.mjs prepack    builds dist/, then writes the package.json that ships: the
//                                    same, less `scripts` (so the tarball has no lifecycle
//                                    script at all: installing it runs nothing and npm prints no
//                                    install-scripts warning) and less `devDependencies`
//   node scripts/pack.mjs postpack   puts the repository's package.json back
//
// The repository's own package.json keeps `prepare`, so that `npm ci` in a clone builds dist/
// (README's first command). A pack that died half-way left a backup: the next run of either
// step (or of `prepare`) restores it first.
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const manifest = join(root, 'package.json');
const backup = join(root, '.package.json.before-pack');

function restore() {
  if (existsSync(backup)) renameSync(backup, manifest);
}

const step = process.argv[2];
if (step === 'prepack') {
  restore();
  execFileSync(process.execPath, [join(root, 'scripts', 'build.mjs')], { stdio: 'inherit' });
  const pkg = JSON.parse(readFileSync(manifest, 'utf8'));
  copyFileSync(manifest, backup);
  delete pkg.scripts;
  delete pkg.devDependencies;
  writeFileSync(manifest, `${JSON.stringify(pkg, null, 2)}\n`);
} else if (step === 'postpack' || step === 'restore') {
  restore();
} else {
  console.error('usage: node scripts/pack.mjs prepack|postpack|restore');
  process.exit(2);
}
