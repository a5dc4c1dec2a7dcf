// Shows that a restructure left `qm check --format json` unchanged: builds a baseline commit in a
// temporary worktree, makes 20 single-fault variants of the examples, and compares the JSON report
// of both examples and every variant, byte for byte, between the baseline and this build.
//
//   npm run build && node scripts/same-json.mjs f412ed2
//
// Exit 0 when every report is byte-identical; otherwise each difference is printed (the first
// differing line of each report) and the exit code is 1.
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const base = process.argv[2];
if (!base) {
  console.error('usage: node scripts/same-json.mjs <baseline commit>');
  process.exit(2);
}
const work = mkdtempSync(join(tmpdir(), 'qm-same-json-'));
const baseDir = join(work, 'baseline');

/** [name, example, chapter file or ansokan.yaml, from, to]: one fault each. */
const VARIANTS = [
  ['bildad-2024', 'storvik', '03-organisation.md', /^bildad: .*$/m, 'bildad: 2024-05-01'],
  ['bildad-year', 'storvik', '03-organisation.md', /^bildad: .*$/m, 'bildad: 2023'],
  ['no-karta', 'storvik', '03-organisation.md', /^karta:.*$/m, ''],
  ['andel-95', 'storvik', '03-organisation.md', /andel: 40 %/, 'andel: 35 %'],
  ['budget-typo', 'storvik', '04-finansiering.md', /^budget: /m, 'buget: '],
  ['budget-text', 'storvik', '04-finansiering.md', /^budget: .*$/m, 'budget: ca 2,6 miljoner kronor'],
  ['vision-2-years', 'storvik', '05-vision.md', /till: 2029/, 'till: 2027'],
  ['goal-far', 'storvik', '06-mal-och-strategi.md', /år: 2035/, 'år: 2045'],
  ['goal-3y-lang', 'storvik', '06-mal-och-strategi.md', /år: 2035/, 'år: 2029\n    horisont: lång'],
  ['strategy-unknown-goal', 'storvik', '06-mal-och-strategi.md', /mål: \[M1/, 'mål: [M9'],
  ['action-no-budget', 'storvik', '07-verksamhetsplan.md', /^ {4}budget: .*$/m, ''],
  ['action-bad-dates', 'storvik', '07-verksamhetsplan.md', /slut: 2026-12-31/, 'slut: 2025-01-01'],
  ['indicator-short', 'storvik', '08-uppfoljning.md', /2023: /, '2025: '],
  ['no-metod', 'storvik', '08-uppfoljning.md', /^metod:/m, 'metodik:'],
  ['channel-one-group', 'storvik', '09-kommunikation.md', /medborgare/g, 'intressenter'],
  ['placeholder', 'storvik', '01-bakgrund.md', /^startad: .*$/m, 'startad: "[FYLL I: år]"'],
  ['orgnr', 'storvik', 'ansokan.yaml', /^organisationsnummer: .*$/m, 'organisationsnummer: 559214-5676'],
  ['renewal', 'storvik', 'ansokan.yaml', /^typ: .*$/m, 'typ: förnyelse'],
  ['utkast-swot', 'utkast', '02-nulage.md', /^swot:/m, 'swot_analys:'],
  ['utkast-syntax', 'utkast', '05-vision.md', /^vision: /m, 'vision: "Ett "levande" centrum" '],
];

function qm(build, folder) {
  const r = spawnSync(process.execPath, [join(build, 'bin', 'qm.js'), 'check', folder, '--format', 'json', '--date', '2026-11-15'], {
    cwd: work,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', QM_LANG: 'sv' },
  });
  if (r.status === 2) return `exit 2: ${r.stderr}`;
  return r.stdout;
}

try {
  execFileSync('git', ['-C', root, 'worktree', 'add', '--detach', baseDir, base], { stdio: 'ignore' });
  symlinkSync(join(root, 'node_modules'), join(baseDir, 'node_modules'));
  execFileSync(process.execPath, [join(baseDir, 'scripts', 'build.mjs')], { cwd: baseDir, stdio: 'ignore' });

  const folders = ['storvik', 'utkast'].map((ex) => {
    const dir = join(work, ex);
    cpSync(join(root, 'examples', ex), dir, { recursive: true });
    return ex;
  });
  for (const [name, ex, file, from, to] of VARIANTS) {
    const dir = join(work, name);
    cpSync(join(root, 'examples', ex), dir, { recursive: true });
    const p = join(dir, file);
    const text = readFileSync(p, 'utf8');
    const changed = text.replace(from, to);
    if (changed === text) throw new Error(`variant ${name}: ${from} not found in ${ex}/${file}`);
    writeFileSync(p, changed);
    folders.push(name);
  }
  let same = 0;
  for (const f of folders) {
    const before = qm(baseDir, f);
    const after = qm(root, f);
    if (before === after) {
      same++;
      continue;
    }
    const a = before.split('\n');
    const b = after.split('\n');
    const i = a.findIndex((line, k) => line !== b[k]);
    console.log(`${f}: differs at line ${i + 1}\n  before: ${a[i]}\n  after:  ${b[i]}`);
  }
  console.log(`${same} of ${folders.length} reports byte-identical (baseline ${base}, this build ${root})`);
  process.exitCode = same === folders.length ? 0 : 1;
} finally {
  try {
    execFileSync('git', ['-C', root, 'worktree', 'remove', '--force', baseDir], { stdio: 'ignore' });
  } catch {
    // already gone
  }
  rmSync(work, { recursive: true, force: true });
}
