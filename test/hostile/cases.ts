/**
 * The hostile corpus: what consultants' clients send, each case built from a fresh copy of
 * examples/storvik (which passes every rule), with the exit code and the exact set of rule ids
 * that qm must answer. Large and binary files are made here at test time; docs/limits.md says
 * why each answer is the right one.
 */
import { execFileSync } from 'node:child_process';
import { chmod, mkdir, open, readFile, readdir, rename, rm, symlink, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { expect } from 'vitest';
import type { Diagnostic, Report } from '../../src/model/types.js';
import { BIN, FIXTURES, REF, replace } from '../helpers/app.js';
import { runQm } from './support.js';
import { docx, encryptPdf, jpeg, pdf, pdfWithBrokenXref, png, type Encryption } from './make.js';

export interface Expectation {
  exit: 0 | 1 | 2;
  /** The distinct rule ids of the report (sorted when compared). */
  rules: string[];
  /** For exit 2: the UsageError key the library throws. */
  usage?: string;
}

export interface Built {
  /** The folder to check, when it is not the application folder itself. */
  folder?: string;
  /** An expectation that depends on the machine (e.g. whether permissions stop root). */
  expect?: Expectation;
}

export interface HostileCase extends Expectation {
  id: string;
  /** What the consultant was sent or did. */
  what: string;
  /** Edits the copy of storvik in `dir`; `outside` is a folder beside it, outside the application. */
  build(dir: string, outside: string): Promise<Built | void>;
  /** Further assertions on the library's report (positions, arguments). */
  verify?(report: Report, dir: string): void | Promise<void>;
  /** Cases that write tens of megabytes or thousands of files get more time. */
  heavy?: boolean;
}

const one = (r: Report, rule: string): Diagnostic => {
  const found = r.diagnostics.filter((d) => d.rule === rule);
  expect(found, `${rule} in ${JSON.stringify(r.diagnostics.map((d) => [d.rule, d.file, d.line, d.column]))}`).toHaveLength(1);
  return found[0]!;
};
const at = (d: Diagnostic, file: string, line: number | null, column: number | null) =>
  expect([d.file, d.line, d.column]).toEqual([file, line, column]);

async function edit(dir: string, file: string, fn: (text: string) => string): Promise<void> {
  const text = await readFile(join(dir, file), 'utf8');
  const next = fn(text);
  if (next === text) throw new Error(`${file}: the edit changed nothing`);
  await writeFile(join(dir, file), next);
}

/** Replaces the front matter of a Markdown chapter (the text between the first two `---` lines). */
const frontMatter = (dir: string, file: string, fm: string) =>
  edit(dir, file, (t) => t.replace(/^---\n[\s\S]*?\n---\n/, `---\n${fm}---\n`));

async function mkfifo(path: string): Promise<void> {
  execFileSync('mkfifo', [path]);
}

/** Line and column (1-based, UTF-16 units) of the first occurrence of `needle` in a text. */
function find(text: string, needle: string): [number, number] {
  const i = text.indexOf(needle);
  if (i < 0) throw new Error(`${needle} not found`);
  const before = text.slice(0, i).split(/\r\n|\r|\n/);
  return [before.length, before[before.length - 1]!.length + 1];
}

const storvikPdf = (name: string) => readFile(join(FIXTURES, 'storvik', 'bilagor', name));

// ---------------------------------------------------------------------------
// YAML and front matter

const yaml: HostileCase[] = [
  {
    id: 'yaml-tab-indent',
    what: 'a list indented with a tab (Word, some editors)',
    exit: 1,
    rules: ['fil/syntax'],
    build: (d) => replace(d, '01-bakgrund.md', '  - Storviks kommun', '\t- Storviks kommun'),
    verify: (r) => at(one(r, 'fil/syntax'), '01-bakgrund.md', 4, 1),
  },
  {
    id: 'yaml-unclosed-double-quote',
    what: 'a quoted vision whose closing quote is missing',
    exit: 1,
    rules: ['fil/syntax'],
    build: (d) => replace(d, '05-vision.md', 'vision: Storviks', 'vision: "Storviks'),
    verify: (r) => {
      const d = one(r, 'fil/syntax');
      at(d, '05-vision.md', 2, 9);
      expect(d.args.reason).toBe('unclosed');
    },
  },
  {
    id: 'yaml-unclosed-single-quote',
    what: 'a single-quoted vision never closed',
    exit: 1,
    rules: ['fil/syntax'],
    build: (d) => replace(d, '05-vision.md', 'vision: Storviks', "vision: 'Storviks"),
    verify: (r) => at(one(r, 'fil/syntax'), '05-vision.md', 2, 9),
  },
  {
    id: 'yaml-unclosed-bracket',
    what: 'a list of goal ids whose ] is missing',
    exit: 1,
    rules: ['fil/syntax'],
    build: (d) => replace(d, '06-mal-och-strategi.md', 'mål: [M1, M5]', 'mål: [M1, M5'),
    verify: (r) => {
      const d = one(r, 'fil/syntax');
      at(d, '06-mal-och-strategi.md', 35, 10);
      expect(d.args.reason).toBe('unclosed');
    },
  },
  {
    id: 'yaml-duplicate-key',
    what: 'budgetår written twice',
    exit: 1,
    rules: ['fil/syntax'],
    build: (d) => replace(d, '04-finansiering.md', 'budgetår: 2026', 'budgetår: 2026\nbudgetår: 2027'),
    verify: (r) => {
      const d = one(r, 'fil/syntax');
      at(d, '04-finansiering.md', 3, 1);
      expect(d.args.reason).toBe('duplicate-key');
    },
  },
  {
    id: 'yaml-duplicate-key-flow',
    what: 'a flow mapping with från twice',
    exit: 1,
    rules: ['fil/syntax'],
    build: (d) => replace(d, '05-vision.md', 'period:\n  från: 2026\n  till: 2029', 'period: {från: 2026, till: 2029, från: 2025}'),
    verify: (r) => at(one(r, 'fil/syntax'), '05-vision.md', 4, 34),
  },
  {
    id: 'yaml-ascii-and-swedish-key',
    what: 'an indicator with both malgrupp and målgrupp',
    exit: 1,
    rules: ['schema/dubbel-nyckel'],
    build: (d) =>
      replace(
        d,
        '08-uppfoljning.md',
        '    målgrupp: företag\n    enhet: "%"\n    mål: [M1]',
        '    målgrupp: företag\n    malgrupp: invånare\n    enhet: "%"\n    mål: [M1]',
      ),
  },
  {
    id: 'frontmatter-unclosed',
    what: 'front matter opened with --- and never closed',
    exit: 1,
    rules: ['fil/syntax'],
    build: (d) => edit(d, '01-bakgrund.md', (t) => t.replace(/\n---\n/, '\n\n')),
    verify: (r) => {
      const d = one(r, 'fil/syntax');
      at(d, '01-bakgrund.md', 1, 1);
      expect(d.args.reason).toBe('frontmatter-unclosed');
    },
  },
  {
    id: 'frontmatter-is-a-list',
    what: 'front matter written as a list',
    exit: 1,
    rules: ['fil/syntax'],
    build: (d) => frontMatter(d, '01-bakgrund.md', '- startad: 2012\n- Storviks kommun\n'),
    verify: (r) => expect(one(r, 'fil/syntax').args.reason).toBe('not-mapping-list'),
  },
  {
    id: 'frontmatter-is-a-string',
    what: 'front matter holding only a sentence',
    exit: 1,
    rules: ['fil/syntax'],
    build: (d) => frontMatter(d, '01-bakgrund.md', 'Bakgrunden till samverkan i Storvik\n'),
    verify: (r) => expect(one(r, 'fil/syntax').args.reason).toBe('not-mapping-scalar'),
  },
  {
    id: 'frontmatter-absent',
    what: 'chapter 1 written as prose only, without front matter',
    exit: 0,
    rules: ['k1/startad'],
    build: (d) => edit(d, '01-bakgrund.md', (t) => t.replace(/^---\n[\s\S]*?\n---\n/, '')),
  },
  {
    id: 'yaml-colon-in-value',
    what: 'startad: 2012: mars (a second colon)',
    exit: 1,
    rules: ['fil/syntax'],
    build: (d) => replace(d, '01-bakgrund.md', 'startad: 2012', 'startad: 2012: mars'),
    verify: (r) => at(one(r, 'fil/syntax'), '01-bakgrund.md', 2, 10),
  },
  {
    id: 'yaml-alias-unresolved',
    what: 'an alias *år with no anchor &år',
    exit: 1,
    rules: ['fil/syntax'],
    build: (d) => replace(d, '01-bakgrund.md', 'startad: 2012', 'startad: *år'),
    verify: (r) => expect(one(r, 'fil/syntax').args.reason).toBe('alias-unresolved'),
  },
  {
    id: 'yaml-tags',
    what: 'values with YAML tags (!!binary 2012, !!timestamp 2016-03-01, !!str 40 %)',
    exit: 0,
    rules: [],
    build: async (d) => {
      await replace(d, '01-bakgrund.md', 'startad: 2012', 'startad: !!binary 2012');
      await replace(d, '03-organisation.md', 'bildad: 2016-03-01', 'bildad: !!timestamp 2016-03-01');
      await replace(d, '03-organisation.md', 'andel: 40 %', 'andel: !!str 40 %');
    },
  },
  {
    id: 'ansokan-syntax-error',
    what: 'ansokan.yaml with a stray colon',
    exit: 1,
    rules: ['fil/syntax'],
    build: (d) => replace(d, 'ansokan.yaml', 'kommun: Storviks kommun', 'kommun: Storviks: kommun'),
    verify: (r) => {
      const d = one(r, 'fil/syntax');
      at(d, 'ansokan.yaml', 3, 9);
      expect(d.chapter).toBeNull();
      expect(r.referenceDateSource).toBe('option');
    },
  },
  {
    id: 'yaml-alias-bomb',
    what: 'a billion-laughs alias bomb (9 levels of 9 aliases)',
    exit: 1,
    rules: ['fil/syntax'],
    build: (d) => {
      const lines = ['lol0: &l0 ["ha", "ha", "ha", "ha", "ha", "ha", "ha", "ha", "ha"]'];
      for (let i = 1; i <= 9; i++)
        lines.push(
          `lol${i}: &l${i} [${Array(9)
            .fill(`*l${i - 1}`)
            .join(', ')}]`,
        );
      return replace(d, '02-nulage.md', 'swot:', `${lines.join('\n')}\nswot:`);
    },
    verify: (r) => expect(one(r, 'fil/syntax').args.reason).toBe('aliases'),
  },
  {
    id: 'yaml-nesting-10000-lists',
    what: '10,000 nested flow lists',
    exit: 1,
    rules: ['fil/syntax'],
    build: (d) => replace(d, '01-bakgrund.md', 'startad: 2012', `startad: 2012\ninitiativ: ${'['.repeat(10_000)}${']'.repeat(10_000)}`),
    verify: (r) => expect(one(r, 'fil/syntax').args.reason).toBe('nesting'),
  },
  {
    id: 'yaml-nesting-10000-maps',
    what: '10,000 nested flow mappings',
    exit: 1,
    rules: ['fil/syntax'],
    build: (d) => replace(d, '01-bakgrund.md', 'startad: 2012', `startad: 2012\ninitiativ: ${'{a: '.repeat(10_000)}1${'}'.repeat(10_000)}`),
    verify: (r) => expect(one(r, 'fil/syntax').args.reason).toBe('nesting'),
  },
  {
    id: 'yaml-nesting-100000-block',
    what: '100,000 nested block lists on one line (- - - … a)',
    exit: 1,
    rules: ['fil/syntax'],
    build: (d) => replace(d, '01-bakgrund.md', 'startad: 2012', `startad: 2012\ninitiativtagare:\n${'- '.repeat(100_000)}a`),
    verify: (r) => expect(one(r, 'fil/syntax').args.reason).toBe('nesting'),
  },
  {
    id: 'yaml-too-many-values',
    what: 'a list of 100,001 values',
    exit: 1,
    rules: ['fil/syntax'],
    build: (d) => replace(d, '01-bakgrund.md', 'initiativtagare:\n', `initiativtagare:\n${'  - a\n'.repeat(100_001)}`),
    verify: (r) => expect(one(r, 'fil/syntax').args.reason).toBe('too-many-nodes'),
  },
  {
    id: 'yaml-60000-unknown-keys',
    what: '60,000 unknown keys (the parser once compared every key with every other)',
    exit: 0,
    rules: ['schema/okant-falt'],
    build: (d) =>
      replace(d, '01-bakgrund.md', 'startad: 2012', `startad: 2012\n${Array.from({ length: 60_000 }, (_, i) => `u${i}: 1`).join('\n')}`),
    verify: (r) => expect(r.diagnostics.filter((x) => x.rule === 'schema/okant-falt')).toHaveLength(60_000),
  },
];

// ---------------------------------------------------------------------------
// Size and encoding of chapter files

async function padTo(dir: string, file: string, bytes: number): Promise<void> {
  const text = await readFile(join(dir, file), 'utf8');
  const have = Buffer.byteLength(text);
  const line = 'Centrumsamverkan Storvik arbetar långsiktigt med handel, kultur och boende i centrum.\n';
  const fill = line.repeat(Math.ceil((bytes - have) / Buffer.byteLength(line)) + 1);
  const out = Buffer.concat([Buffer.from(text), Buffer.from(fill)]).subarray(0, bytes);
  // End on a full character: cut back to the last newline and pad with spaces.
  const cut = out.lastIndexOf(0x0a) + 1;
  await writeFile(join(dir, file), Buffer.concat([out.subarray(0, cut), Buffer.alloc(bytes - cut, 0x20)]));
}

const encodingToUtf16 = (text: string, be: boolean, bom: boolean): Buffer => {
  const le = Buffer.from(text, 'utf16le');
  const body = be ? Buffer.from(le).swap16() : le;
  return bom ? Buffer.concat([Buffer.from(be ? [0xfe, 0xff] : [0xff, 0xfe]), body]) : body;
};

const sizes: HostileCase[] = [
  {
    id: 'chapter-50mb-one-line',
    what: 'a 50 MB chapter on a single line',
    heavy: true,
    exit: 1,
    rules: ['fil/for-stor'],
    build: async (d) => {
      const fh = await open(join(d, '02-nulage.md'), 'w');
      const chunk = Buffer.alloc(1 << 20, 'Storvik ');
      for (let i = 0; i < 50; i++) await fh.write(chunk);
      await fh.close();
    },
    verify: (r) => {
      const d = one(r, 'fil/for-stor');
      at(d, '02-nulage.md', null, null);
      expect(d.args.bytes).toBe(50 << 20);
    },
  },
  {
    id: 'chapter-exactly-1mib',
    what: 'a chapter of exactly 1 MiB (the limit) is read',
    exit: 0,
    rules: [],
    build: (d) => padTo(d, '02-nulage.md', 1 << 20),
  },
  {
    id: 'chapter-1mib-plus-1',
    what: 'a chapter one byte over 1 MiB is not read',
    exit: 1,
    rules: ['fil/for-stor'],
    build: (d) => padTo(d, '02-nulage.md', (1 << 20) + 1),
  },
  {
    id: 'chapter-latin1',
    what: 'chapter 3 saved as Latin-1 (Windows-1252)',
    exit: 1,
    rules: ['fil/kodning'],
    build: async (d) =>
      writeFile(join(d, '03-organisation.md'), Buffer.from(await readFile(join(d, '03-organisation.md'), 'utf8'), 'latin1')),
    verify: (r) => {
      const d = one(r, 'fil/kodning');
      // `organisationsform: ideell förening`: the ö.
      at(d, '03-organisation.md', 3, 28);
      expect(d.args).toMatchObject({ kind: 'invalid', byte: '0xF6', latin1: 'ö' });
    },
  },
  {
    id: 'chapter-utf16le-bom',
    what: 'chapter 4 saved as UTF-16 with a byte-order mark (Notepad "Unicode")',
    exit: 1,
    rules: ['fil/kodning'],
    build: async (d) =>
      writeFile(join(d, '04-finansiering.md'), encodingToUtf16(await readFile(join(d, '04-finansiering.md'), 'utf8'), false, true)),
    verify: (r) => expect(one(r, 'fil/kodning').args.kind).toBe('utf16'),
  },
  {
    id: 'chapter-utf16be-no-bom',
    what: 'chapter 5 saved as UTF-16 big-endian without a byte-order mark',
    exit: 1,
    rules: ['fil/kodning'],
    build: async (d) => writeFile(join(d, '05-vision.md'), encodingToUtf16(await readFile(join(d, '05-vision.md'), 'utf8'), true, false)),
    verify: (r) => expect(one(r, 'fil/kodning').args.kind).toBe('utf16'),
  },
  {
    id: 'chapter-utf16le-no-bom-swedish',
    what: 'UTF-16 without a byte-order mark whose first non-ASCII letter is å (was reported as Latin-1)',
    exit: 1,
    rules: ['fil/kodning'],
    build: async (d) =>
      writeFile(
        join(d, '06-mal-och-strategi.md'),
        encodingToUtf16(await readFile(join(d, '06-mal-och-strategi.md'), 'utf8'), false, false),
      ),
    verify: (r) => expect(one(r, 'fil/kodning').args.kind).toBe('utf16'),
  },
  {
    id: 'chapter-is-a-docx',
    what: 'a Word document saved under the chapter name 09-kommunikation.md',
    exit: 1,
    rules: ['fil/kodning'],
    build: (d) => writeFile(join(d, '09-kommunikation.md'), docx('Kommunikation och dialog i Storviks centrum')),
    verify: (r) => {
      const d = one(r, 'fil/kodning');
      expect(d.args.kind).toBe('binary');
      at(d, '09-kommunikation.md', 1, 1);
    },
  },
  {
    id: 'chapter-nul-byte',
    what: 'a NUL byte in the prose, 5 KB into the file',
    exit: 1,
    rules: ['fil/kodning'],
    build: (d) => edit(d, '01-bakgrund.md', (t) => `${t}\n${'Storvik växer. '.repeat(400)}\0slut\n`),
    verify: async (r, dir) => {
      const d = one(r, 'fil/kodning');
      expect(d.args.kind).toBe('binary');
      const [line, column] = find(await readFile(join(dir, '01-bakgrund.md'), 'utf8'), '\0');
      at(d, '01-bakgrund.md', line, column);
    },
  },
  {
    id: 'bom-and-crlf',
    what: 'chapter 3 with a byte-order mark and CRLF (Windows), bildad too late',
    exit: 1,
    rules: ['k3/verksam-tre-ar'],
    build: (d) =>
      edit(d, '03-organisation.md', (t) => `\ufeff${t.replace('bildad: 2016-03-01', 'bildad: 2024-05-01').replace(/\n/g, '\r\n')}`),
    verify: (r) => at(one(r, 'k3/verksam-tre-ar'), '03-organisation.md', 2, 9),
  },
  {
    id: 'lone-cr',
    what: 'chapter 3 with classic Mac line ends (CR only), bildad too late',
    exit: 1,
    rules: ['k3/verksam-tre-ar'],
    build: (d) => edit(d, '03-organisation.md', (t) => t.replace('bildad: 2016-03-01', 'bildad: 2024-05-01').replace(/\n/g, '\r')),
    verify: (r) => at(one(r, 'k3/verksam-tre-ar'), '03-organisation.md', 2, 9),
  },
  {
    id: 'prose-image-bomb',
    what: 'a line of 250,000 image openings `![](` (took minutes: each rescanned the rest of the line)',
    exit: 0,
    rules: [],
    build: (d) => edit(d, '02-nulage.md', (t) => `${t}\n${'![]('.repeat(250_000)}\n`),
  },
  {
    id: 'prose-link-bomb',
    what: 'a line of 500,000 link middles `](` (the word count rescanned the rest of the line)',
    exit: 0,
    rules: [],
    build: (d) => edit(d, '02-nulage.md', (t) => `${t}\n${']('.repeat(500_000)}\n`),
  },
  {
    id: 'long-decomposed-line',
    what: 'a 400,000-character line of decomposed ö with marks at its end (positions took hours)',
    exit: 0,
    rules: ['text/arbetsmarkering', 'text/personnummer'],
    build: (d) => edit(d, '05-vision.md', (t) => `${t}\nTODO ${'o\u0308'.repeat(200_000)} TODO 19121212-1212\n`),
    verify: async (r, dir) => {
      const text = await readFile(join(dir, '05-vision.md'), 'utf8');
      const line = text.split('\n').findIndex((l) => l.startsWith('TODO ')) + 1;
      const marks = r.diagnostics.filter((x) => x.rule === 'text/arbetsmarkering').map((x) => [x.line, x.column]);
      expect(marks).toEqual([
        [line, 1],
        [line, 400_007],
      ]);
      at(one(r, 'text/personnummer'), '05-vision.md', line, 400_012);
    },
  },
];

// ---------------------------------------------------------------------------
// Unicode normalisation

/** Rewrites every text file of the application in NFD, as macOS tools sometimes save. */
async function allNfd(dir: string): Promise<void> {
  for (const name of await readdir(dir)) {
    if (!/\.(md|yaml)$/.test(name)) continue;
    await writeFile(join(dir, name), (await readFile(join(dir, name), 'utf8')).normalize('NFD'));
  }
}

const unicode: HostileCase[] = [
  {
    id: 'nfd-keys-and-text',
    what: 'every file written with decomposed å ä ö (keys and values)',
    exit: 0,
    rules: [],
    build: allNfd,
  },
  {
    id: 'nfd-position',
    what: 'a decomposed chapter 6 whose goal M5 has passed: the column counts the file as it is',
    exit: 0,
    rules: ['k6/mal-passerat'],
    build: async (d) => {
      await replace(d, '06-mal-och-strategi.md', '    år: 2035', '    år: 2026');
      await allNfd(d);
    },
    verify: async (r, dir) => {
      const [line, column] = find(
        await readFile(join(dir, '06-mal-och-strategi.md'), 'utf8'),
        '2026\n    hållbarhet: true'.normalize('NFD'),
      );
      at(one(r, 'k6/mal-passerat'), '06-mal-och-strategi.md', line, column);
      expect(column).toBe(10);
    },
  },
  {
    id: 'nfd-file-names',
    what: 'a chapter and an attachment whose names on disk are decomposed (macOS), referenced composed',
    exit: 0,
    rules: [],
    build: async (d) => {
      await rename(join(d, '06-mal-och-strategi.md'), join(d, '06-mål-och-strategi.md'.normalize('NFD')));
      await rename(join(d, 'bilagor', 'oversiktsplan-centrum.png'), join(d, 'bilagor', 'översiktsplan-centrum.png'.normalize('NFD')));
      await replace(
        d,
        '06-mål-och-strategi.md'.normalize('NFD'),
        'fil: bilagor/oversiktsplan-centrum.png',
        'fil: bilagor/översiktsplan-centrum.png',
      );
    },
  },
  {
    id: 'nfd-reference-nfc-file',
    what: 'a decomposed reference to a composed file name',
    exit: 0,
    rules: [],
    build: async (d) => {
      await rename(join(d, 'bilagor', 'karta-arbetsomrade.png'), join(d, 'bilagor', 'karta-arbetsområde.png'));
      await replace(
        d,
        '03-organisation.md',
        'karta: bilagor/karta-arbetsomrade.png',
        `karta: ${'bilagor/karta-arbetsområde.png'.normalize('NFD')}`,
      );
    },
  },
];

// ---------------------------------------------------------------------------
// Files that are not files, are missing, or cannot be read

const files: HostileCase[] = [
  {
    id: 'chapter-is-a-folder',
    what: 'a folder named 07-verksamhetsplan.md',
    exit: 1,
    rules: ['fil/olasbar'],
    build: async (d) => {
      await rm(join(d, '07-verksamhetsplan.md'));
      await mkdir(join(d, '07-verksamhetsplan.md'));
    },
    verify: (r) => expect(one(r, 'fil/olasbar').args.code).toBe('EISDIR'),
  },
  {
    id: 'chapter-folder-beside-the-file',
    what: 'a folder 03-arkiv.md beside 03-organisation.md (sorted before it)',
    exit: 0,
    rules: [],
    build: (d) => mkdir(join(d, '03-arkiv.md')),
  },
  {
    id: 'ansokan-is-a-folder',
    what: 'a folder named ansokan.yaml',
    exit: 1,
    rules: ['fil/olasbar'],
    build: async (d) => {
      await rm(join(d, 'ansokan.yaml'));
      await mkdir(join(d, 'ansokan.yaml'));
    },
  },
  {
    id: 'chapter-unreadable',
    what: 'chapter 2 with permissions 000',
    exit: 1,
    rules: ['fil/olasbar'],
    build: async (d) => {
      const file = join(d, '02-nulage.md');
      await chmod(file, 0o000);
      // Root (as in CI) reads it all the same: then the chapter is read like any other.
      const readable = await open(file, 'r').then(
        async (fh) => {
          await fh.close();
          return true;
        },
        () => false,
      );
      // So that a user whom the permissions do stop can reach the folder (see verify).
      await chmod(dirname(d), 0o755);
      return readable ? { expect: { exit: 0, rules: [] } } : undefined;
    },
    verify: async (r, dir) => {
      if (process.getuid?.() !== 0) return expect(one(r, 'fil/olasbar').args.code).toBe('EACCES');
      // As root, also run qm as the unprivileged user `nobody`, whom the permissions stop, when that
      // user can reach the build at all (not from a checkout inside a folder only root may enter).
      const asNobody = { uid: 65534, cwd: '/' };
      const probe = await runQm(['--version'], asNobody);
      if (probe.code !== 0) {
        console.warn(`note: chapter-unreadable: the user nobody cannot run ${BIN} (${probe.stderr.split('\n')[0] || `exit ${probe.code}`}); the run as nobody is skipped`);
        return;
      }
      const run = await runQm(['check', dir, '--format', 'json', '--date', REF], asNobody);
      expect([run.code, run.stderr]).toEqual([1, '']);
      const diagnostics = JSON.parse(run.stdout).applications[0].diagnostics as Diagnostic[];
      expect(diagnostics.map((x) => [x.rule, x.file])).toEqual([['fil/olasbar', '02-nulage.md']]);
      expect(diagnostics[0]!.message).toContain('behörighet');
    },
  },
  {
    id: 'chapter-is-a-fifo',
    what: 'a named pipe in place of chapter 2 (reading it would wait for ever)',
    exit: 1,
    rules: ['fil/olasbar'],
    build: async (d) => {
      await rm(join(d, '02-nulage.md'));
      await mkfifo(join(d, '02-nulage.md'));
    },
  },
  {
    id: 'chapter-link-loop',
    what: 'chapter 9 is a symbolic link to itself',
    exit: 1,
    rules: ['fil/olasbar'],
    build: async (d) => {
      await rm(join(d, '09-kommunikation.md'));
      await symlink('09-kommunikation.md', join(d, '09-kommunikation.md'));
    },
    verify: (r) => expect(one(r, 'fil/olasbar').args.code).toBe('ELOOP'),
  },
  {
    id: 'chapter-duplicate',
    what: 'chapter 3 both as .md and as .yaml',
    exit: 1,
    rules: ['kapitel/dubblett'],
    build: (d) => writeFile(join(d, '03-organisation.yaml'), 'bildad: 2016-03-01\ntext: |\n  Organisationen.\n'),
  },
  {
    id: 'chapter-missing',
    what: 'chapter 9 deleted',
    exit: 1,
    rules: ['kapitel/saknas'],
    build: (d) => rm(join(d, '09-kommunikation.md')),
  },
  {
    id: 'chapter-empty',
    what: 'chapter 2 is an empty file',
    exit: 1,
    rules: ['bilaga/oanvand', 'k2/swot', 'text/saknas'],
    build: (d) => writeFile(join(d, '02-nulage.md'), ''),
  },
  {
    id: 'ansokan-missing',
    what: 'no ansokan.yaml',
    exit: 1,
    rules: ['ansokan/saknas'],
    build: (d) => rm(join(d, 'ansokan.yaml')),
  },
  {
    id: 'ansokan-utf16',
    what: 'ansokan.yaml saved as UTF-16',
    exit: 1,
    rules: ['fil/kodning'],
    build: async (d) => writeFile(join(d, 'ansokan.yaml'), encodingToUtf16(await readFile(join(d, 'ansokan.yaml'), 'utf8'), false, true)),
    verify: (r) => expect(one(r, 'fil/kodning').chapter).toBeNull(),
  },
  {
    id: 'folder-is-a-file',
    what: 'the folder given is a file',
    exit: 2,
    usage: 'not-a-folder',
    rules: [],
    build: async (d) => ({ folder: join(d, 'ansokan.yaml') }),
  },
  {
    id: 'folder-missing',
    what: 'the folder given does not exist',
    exit: 2,
    usage: 'folder-missing',
    rules: [],
    build: async (d) => ({ folder: join(d, 'finns-inte') }),
  },
  {
    id: 'config-alias-bomb',
    what: 'qm.config.yaml holding an alias bomb',
    exit: 2,
    usage: 'config-file',
    rules: [],
    build: (d) => {
      const lines = ['a0: &a0 [x, x, x, x, x, x, x, x, x, x]'];
      for (let i = 1; i <= 8; i++)
        lines.push(
          `a${i}: &a${i} [${Array(10)
            .fill(`*a${i - 1}`)
            .join(', ')}]`,
        );
      return writeFile(join(d, 'qm.config.yaml'), `${lines.join('\n')}\nstrikt: false\n`);
    },
  },
  {
    id: 'config-binary',
    what: 'qm.config.yaml is a PNG',
    exit: 2,
    usage: 'config-file',
    rules: [],
    build: (d) => writeFile(join(d, 'qm.config.yaml'), png(4, 4)),
  },
];

// ---------------------------------------------------------------------------
// Attachment paths: links, .., absolute, URLs, NUL

const KARTA = 'karta: bilagor/karta-arbetsomrade.png';
const karta = (d: string, to: string) => replace(d, '03-organisation.md', KARTA, `karta: ${to}`);

const paths: HostileCase[] = [
  {
    id: 'attachment-link-loop',
    what: 'the map is a symbolic link to itself',
    exit: 1,
    rules: ['bilaga/saknas'],
    build: async (d) => {
      await rm(join(d, 'bilagor', 'karta-arbetsomrade.png'));
      await symlink('karta-arbetsomrade.png', join(d, 'bilagor', 'karta-arbetsomrade.png'));
    },
    verify: (r) => expect(one(r, 'bilaga/saknas').args.reason).toBe('loop'),
  },
  {
    id: 'attachment-link-to-fifo-outside',
    what: 'the organisation matrix is a link to a named pipe outside the folder (opening it would hang)',
    exit: 1,
    rules: ['bilaga/utanfor-mappen'],
    build: async (d, outside) => {
      await mkfifo(join(outside, 'matris.pdf'));
      await rm(join(d, 'bilagor', 'organisationsmatris.pdf'));
      await symlink(join(outside, 'matris.pdf'), join(d, 'bilagor', 'organisationsmatris.pdf'));
    },
    verify: (r) => expect(one(r, 'bilaga/utanfor-mappen').args.reason).toBe('link'),
  },
  {
    id: 'attachment-link-to-file-outside',
    what: 'the map is a link to a real PNG outside the folder',
    exit: 1,
    rules: ['bilaga/utanfor-mappen'],
    build: async (d, outside) => {
      await writeFile(join(outside, 'karta.png'), png(40, 30));
      await rm(join(d, 'bilagor', 'karta-arbetsomrade.png'));
      await symlink(join(outside, 'karta.png'), join(d, 'bilagor', 'karta-arbetsomrade.png'));
    },
  },
  {
    id: 'attachment-dangling-link-outside',
    what: 'the map is a link to a file outside the folder that does not exist (yet)',
    exit: 1,
    rules: ['bilaga/utanfor-mappen'],
    build: async (d, outside) => {
      await rm(join(d, 'bilagor', 'karta-arbetsomrade.png'));
      await symlink(join(outside, 'finns-inte.png'), join(d, 'bilagor', 'karta-arbetsomrade.png'));
    },
    verify: (r) => expect(one(r, 'bilaga/utanfor-mappen').args.reason).toBe('link'),
  },
  {
    id: 'attachment-dangling-link-inside',
    what: 'the map is a link to a file inside the folder that does not exist',
    exit: 1,
    rules: ['bilaga/saknas'],
    build: async (d) => {
      await rm(join(d, 'bilagor', 'karta-arbetsomrade.png'));
      await symlink('karta-borttagen.png', join(d, 'bilagor', 'karta-arbetsomrade.png'));
    },
  },
  {
    id: 'bilagor-is-a-link-outside',
    what: 'the whole bilagor/ folder is a link to a folder elsewhere',
    exit: 1,
    rules: ['bilaga/utanfor-mappen'],
    build: async (d, outside) => {
      await rename(join(d, 'bilagor'), join(outside, 'bilagor'));
      await symlink(join(outside, 'bilagor'), join(d, 'bilagor'));
    },
    verify: (r) => expect(r.diagnostics.filter((x) => x.rule === 'bilaga/utanfor-mappen')).toHaveLength(18),
  },
  {
    id: 'attachment-link-inside',
    what: 'the map is a link to another file inside the folder',
    exit: 0,
    rules: [],
    build: async (d) => {
      await symlink('oversiktsplan-centrum.png', join(d, 'bilagor', 'karta-lank.png'));
      await rm(join(d, 'bilagor', 'karta-arbetsomrade.png'));
      await karta(d, 'bilagor/karta-lank.png');
    },
  },
  {
    id: 'attachment-fifo-inside',
    what: 'the organisation matrix is a named pipe inside bilagor/',
    exit: 1,
    rules: ['bilaga/filtyp'],
    build: async (d) => {
      await rm(join(d, 'bilagor', 'organisationsmatris.pdf'));
      await mkfifo(join(d, 'bilagor', 'organisationsmatris.pdf'));
    },
  },
  {
    id: 'path-dotdot',
    what: 'karta: ../karta.png, a file beside the folder',
    exit: 1,
    rules: ['bilaga/utanfor-mappen'],
    build: async (d) => {
      await rename(join(d, 'bilagor', 'karta-arbetsomrade.png'), join(d, '..', 'karta.png'));
      await karta(d, '../karta.png');
    },
    verify: (r) => {
      const d = one(r, 'bilaga/utanfor-mappen');
      at(d, '03-organisation.md', 77, 8);
      expect(d.args.reason).toBe('parent');
    },
  },
  {
    id: 'path-dotdot-inside',
    what: 'karta: bilagor/../bilagor/karta-arbetsomrade.png stays inside',
    exit: 0,
    rules: [],
    build: (d) => karta(d, 'bilagor/../bilagor/karta-arbetsomrade.png'),
  },
  {
    id: 'path-absolute',
    what: 'karta: /etc/passwd',
    exit: 1,
    rules: ['bilaga/utanfor-mappen'],
    build: async (d) => {
      await rm(join(d, 'bilagor', 'karta-arbetsomrade.png'));
      await karta(d, '/etc/passwd');
    },
    verify: (r) => expect(one(r, 'bilaga/utanfor-mappen').args.reason).toBe('absolute'),
  },
  {
    id: 'path-absolute-to-inside',
    what: 'an absolute path to the map inside the folder itself (refused: the folder must be movable)',
    exit: 1,
    rules: ['bilaga/oanvand', 'bilaga/utanfor-mappen'],
    build: (d) => karta(d, join(d, 'bilagor', 'karta-arbetsomrade.png')),
  },
  {
    id: 'path-file-url',
    what: 'karta: file:///etc/passwd',
    exit: 1,
    rules: ['bilaga/utanfor-mappen'],
    build: async (d) => {
      await rm(join(d, 'bilagor', 'karta-arbetsomrade.png'));
      await karta(d, 'file:///etc/passwd');
    },
    verify: (r) => expect(one(r, 'bilaga/utanfor-mappen').args.reason).toBe('url'),
  },
  {
    id: 'path-windows-drive',
    what: 'karta: C:\\Users\\anna\\Dokument\\karta.png',
    exit: 1,
    rules: ['bilaga/utanfor-mappen'],
    build: async (d) => {
      await rm(join(d, 'bilagor', 'karta-arbetsomrade.png'));
      await karta(d, "'C:\\Users\\anna\\Dokument\\karta.png'");
    },
  },
  {
    id: 'path-windows-backslashes',
    what: 'karta: bilagor\\karta-arbetsomrade.png (written on Windows)',
    exit: 0,
    rules: [],
    build: (d) => karta(d, "'bilagor\\karta-arbetsomrade.png'"),
  },
  {
    id: 'path-nul',
    what: 'a path with a NUL byte ("…png\\0.txt")',
    exit: 1,
    rules: ['bilaga/oanvand', 'bilaga/saknas'],
    build: (d) => karta(d, '"bilagor/karta-arbetsomrade.png\\0.txt"'),
    verify: (r) => {
      expect(one(r, 'bilaga/saknas').args.reason).toBe('nul');
      expect(one(r, 'bilaga/oanvand').file).toBe('bilagor/karta-arbetsomrade.png');
    },
  },
  {
    id: 'prose-image-outside',
    what: 'an image in the prose pointing at ../../etc/passwd',
    exit: 1,
    rules: ['bilaga/utanfor-mappen'],
    build: (d) => edit(d, '03-organisation.md', (t) => `${t}\n![Karta över centrum](../../../../etc/passwd)\n`),
    verify: async (r, dir) => {
      const [line, column] = find(await readFile(join(dir, '03-organisation.md'), 'utf8'), '![Karta över');
      at(one(r, 'bilaga/utanfor-mappen'), '03-organisation.md', line, column);
    },
  },
  {
    id: 'attachment-is-a-folder',
    what: 'karta: bilagor/foton (a folder)',
    exit: 1,
    rules: ['bilaga/filtyp'],
    build: async (d) => {
      await rm(join(d, 'bilagor', 'karta-arbetsomrade.png'));
      await karta(d, 'bilagor/foton');
    },
  },
  {
    id: 'attachment-missing',
    what: 'the map was never copied into bilagor/',
    exit: 1,
    rules: ['bilaga/saknas'],
    build: (d) => rm(join(d, 'bilagor', 'karta-arbetsomrade.png')),
  },
  {
    id: 'attachment-referenced-twice',
    what: 'the map also given as the overview plan (chapters 3 and 6)',
    exit: 0,
    rules: [],
    build: async (d) => {
      await rm(join(d, 'bilagor', 'oversiktsplan-centrum.png'));
      await replace(d, '06-mal-och-strategi.md', 'fil: bilagor/oversiktsplan-centrum.png', 'fil: bilagor/karta-arbetsomrade.png');
    },
  },
  {
    id: 'attachment-two-spellings',
    what: 'one file referenced as bilagor/x and ./bilagor//x',
    exit: 0,
    rules: [],
    build: async (d) => {
      await rm(join(d, 'bilagor', 'oversiktsplan-centrum.png'));
      await replace(d, '06-mal-och-strategi.md', 'fil: bilagor/oversiktsplan-centrum.png', 'fil: ./bilagor//karta-arbetsomrade.png');
    },
  },
];

// ---------------------------------------------------------------------------
// Attachment contents

const MATRIX = join('bilagor', 'organisationsmatris.pdf');
const matrix = (d: string, bytes: Buffer) => writeFile(join(d, MATRIX), bytes);

function encrypted(how: Encryption): HostileCase[] {
  return [
    {
      id: `pdf-user-password-${how}`,
      what: `a PDF that needs a password to open (${how})`,
      exit: 1,
      rules: ['bilaga/krypterad'],
      build: (d) => matrix(d, encryptPdf(pdf('Organisationsmatris'), 'hemligt', how)),
    },
    {
      id: `pdf-owner-password-${how}`,
      what: `a PDF that opens without a password but restricts copying (${how})`,
      exit: 0,
      rules: ['bilaga/skyddad'],
      build: (d) => matrix(d, encryptPdf(pdf('Organisationsmatris'), '', how)),
    },
  ];
}

const contents: HostileCase[] = [
  {
    id: 'pdf-empty',
    what: 'an empty file named organisationsmatris.pdf',
    exit: 1,
    rules: ['bilaga/trasig'],
    build: (d) => matrix(d, Buffer.alloc(0)),
  },
  {
    id: 'pdf-truncated',
    what: 'a PDF cut off at 60 % (an interrupted download)',
    exit: 1,
    rules: ['bilaga/trasig'],
    build: async (d) => {
      const full = await storvikPdf('organisationsmatris.pdf');
      await matrix(d, full.subarray(0, Math.floor(full.length * 0.6)));
    },
    verify: (r) => expect(one(r, 'bilaga/trasig').args.detail).toBe('truncated'),
  },
  {
    id: 'pdf-broken-xref',
    what: 'a PDF whose cross-reference table is wrong, which readers repair',
    exit: 0,
    rules: [],
    build: (d) => matrix(d, pdfWithBrokenXref('Organisationsmatris för Storvik')),
    verify: (_r, dir) => {
      // Proof that readers open it: poppler extracts its text.
      const text = execFileSync('pdftotext', [join(dir, MATRIX), '-'], { stdio: ['ignore', 'pipe', 'ignore'] }).toString();
      expect(text).toContain('Organisationsmatris för Storvik');
    },
  },
  ...(['rc4-40', 'rc4-128', 'aes-128', 'aes-256'] as const).flatMap(encrypted),
  {
    id: 'png-named-pdf',
    what: 'a PNG saved as organisationsmatris.pdf',
    exit: 1,
    rules: ['bilaga/filtyp'],
    build: (d) => matrix(d, png(64, 48)),
    verify: (r) => expect(one(r, 'bilaga/filtyp').args).toMatchObject({ kind: 'png', ending: 'pdf' }),
  },
  {
    id: 'docx-attachment',
    what: 'the agreement attached as a Word document',
    exit: 1,
    rules: ['bilaga/filtyp'],
    build: async (d) => {
      await rm(join(d, 'bilagor', 'avtal-storviks-kommun.pdf'));
      await writeFile(
        join(d, 'bilagor', 'avtal-storviks-kommun.docx'),
        docx('Samverkansavtal mellan Storviks kommun och Centrumsamverkan Storvik'),
      );
      await replace(d, '04-finansiering.md', 'fil: bilagor/avtal-storviks-kommun.pdf', 'fil: bilagor/avtal-storviks-kommun.docx');
    },
    verify: (r) => expect(one(r, 'bilaga/filtyp').args.kind).toBe('docx'),
  },
  {
    id: 'docx-named-pdf',
    what: 'a Word document renamed to .pdf',
    exit: 1,
    rules: ['bilaga/filtyp'],
    build: (d) => matrix(d, docx('Organisationsmatris')),
  },
  {
    id: 'png-0x0',
    what: 'a map of 0 × 0 pixels',
    exit: 1,
    rules: ['bilaga/trasig'],
    build: (d) => writeFile(join(d, 'bilagor', 'karta-arbetsomrade.png'), png(0, 0)),
    verify: (r) => expect(one(r, 'bilaga/trasig').args.detail).toBe('zero-size'),
  },
  {
    id: 'jpeg-cmyk',
    what: 'a CMYK photo (from a print shop)',
    exit: 0,
    rules: [],
    build: (d) => writeFile(join(d, 'bilagor', 'foton', 'storgatan-fore-2023.jpg'), jpeg(320, 200, { cmyk: true })),
  },
  {
    id: 'jpeg-progressive',
    what: 'a progressive JPEG (from the web)',
    exit: 0,
    rules: [],
    build: (d) => writeFile(join(d, 'bilagor', 'foton', 'storgatan-efter-2026.jpg'), jpeg(320, 200, { progressive: true })),
  },
  {
    id: 'jpeg-cmyk-progressive',
    what: 'a progressive CMYK JPEG',
    exit: 0,
    rules: [],
    build: (d) => writeFile(join(d, 'bilagor', 'foton', 'storgatan-efter-2026.jpg'), jpeg(33, 17, { progressive: true, cmyk: true })),
  },
  {
    id: 'png-16bit-alpha',
    what: 'a 16-bit PNG with an alpha channel',
    exit: 0,
    rules: [],
    build: (d) => writeFile(join(d, 'bilagor', 'karta-arbetsomrade.png'), png(120, 80, { depth: 16, color: 6 })),
  },
  {
    id: 'png-10000x10000',
    what: 'a 10,000 × 10,000 map (about 12 KB on disk)',
    exit: 0,
    rules: [],
    build: (d) => writeFile(join(d, 'bilagor', 'karta-arbetsomrade.png'), png(10_000, 10_000, { depth: 1, color: 0 })),
  },
  {
    id: 'attachment-5gb-sparse',
    what: 'a 5 GB plan (a sparse file: a PDF header, gigabytes of zeros, a trailer)',
    exit: 0,
    rules: ['bilaga/storlek'],
    build: async (d) => {
      const fh = await open(join(d, 'bilagor', 'verksamhetsplan-2026.pdf'), 'w');
      await fh.write(pdf('Verksamhetsplan 2026'), 0, undefined, 0);
      await fh.write(Buffer.from('\ntrailer\n<< /Root 1 0 R >>\nstartxref\n9\n%%EOF\n'), 0, undefined, 5_000_000_000);
      await fh.close();
    },
    verify: (r) => {
      // Only its first and last 64 KiB are read; it is too large for one attachment and for all of them.
      expect(r.diagnostics.map((x) => x.rule)).toEqual(['bilaga/storlek', 'bilaga/storlek']);
      expect(r.diagnostics.map((x) => x.message)).toEqual([
        expect.stringContaining('är 5 000 MB, över gränsen 20 MB'),
        expect.stringContaining('Bilagorna är tillsammans 5 000,2 MB, över gränsen 200 MB'),
      ]);
    },
  },
  {
    id: 'jpeg-truncated',
    what: 'a photo cut off before its end marker',
    exit: 1,
    rules: ['bilaga/trasig'],
    build: async (d) => {
      const file = join(d, 'bilagor', 'foton', 'storgatan-fore-2023.jpg');
      const full = await readFile(file);
      await writeFile(file, full.subarray(0, Math.floor(full.length / 2)));
    },
  },
  {
    id: 'jpeg-named-png',
    what: 'a JPEG saved as karta-arbetsomrade.png',
    exit: 1,
    rules: ['bilaga/filtyp'],
    build: (d) => writeFile(join(d, 'bilagor', 'karta-arbetsomrade.png'), jpeg(64, 48)),
  },
];

// ---------------------------------------------------------------------------
// Values written the way people write

const values: HostileCase[] = [
  {
    id: 'ids-repeated-across-chapters',
    what: 'indicator I1 given the id M1, which a goal already has',
    exit: 1,
    rules: ['id/dubblett'],
    build: (d) => replace(d, '08-uppfoljning.md', '  - id: I1', '  - id: M1'),
    verify: (r) => at(one(r, 'id/dubblett'), '08-uppfoljning.md', 4, 9),
  },
  {
    id: 'ids-repeated-in-chapter',
    what: 'two actions with the id A1',
    exit: 1,
    rules: ['id/dubblett'],
    build: (d) => replace(d, '07-verksamhetsplan.md', '  - id: A2', '  - id: A1'),
  },
  {
    id: 'amounts-quoted',
    what: 'amounts as quoted strings ("3 900 000 kr")',
    exit: 0,
    rules: [],
    build: async (d) => {
      await replace(d, '04-finansiering.md', 'budget: 3 900 000 kr', 'budget: "3 900 000 kr"');
      await replace(d, '04-finansiering.md', 'belopp: 1 560 000 kr', "belopp: '1 560 000 kr'");
      await replace(d, '04-finansiering.md', 'belopp: 585 000', 'belopp: "585 000"');
    },
  },
  {
    id: 'amounts-in-words',
    what: 'an amount in words ("en miljon")',
    exit: 1,
    rules: ['schema/fel-typ'],
    build: (d) => replace(d, '04-finansiering.md', 'belopp: 585 000', 'belopp: en miljon'),
  },
  {
    id: 'amount-infinite',
    what: 'budget: .inf and 1e400',
    exit: 1,
    rules: ['schema/fel-typ'],
    build: async (d) => {
      await replace(d, '04-finansiering.md', 'budget: 3 900 000 kr', 'budget: .inf');
      await replace(d, '04-finansiering.md', 'belopp: 585 000', 'belopp: 1e400');
    },
  },
  {
    id: 'date-month-13',
    what: 'budgetbeslut.datum: 2026-13-45',
    exit: 1,
    rules: ['schema/fel-format'],
    build: (d) => replace(d, '04-finansiering.md', 'datum: 2025-12-04', 'datum: 2026-13-45'),
  },
  {
    id: 'date-day-first',
    what: 'bildad: 45/13/2026',
    exit: 1,
    rules: ['schema/fel-format'],
    build: (d) => replace(d, '03-organisation.md', 'bildad: 2016-03-01', 'bildad: 45/13/2026'),
    verify: (r) => at(one(r, 'schema/fel-format'), '03-organisation.md', 2, 9),
  },
  {
    id: 'date-30-february',
    what: 'an action ending 2026-02-30',
    exit: 1,
    rules: ['schema/fel-format'],
    build: (d) => replace(d, '07-verksamhetsplan.md', 'slut: 2026-06-30', 'slut: 2026-02-30'),
  },
  {
    id: 'years-quoted',
    what: 'years as quoted strings (budgetår: "2026", från: "2026", år: "2028")',
    exit: 0,
    rules: [],
    build: async (d) => {
      await replace(d, '04-finansiering.md', 'budgetår: 2026', 'budgetår: "2026"');
      await replace(d, '05-vision.md', 'från: 2026\n  till: 2029', 'från: "2026"\n  till: \'2029\'');
      await replace(d, '06-mal-och-strategi.md', 'år: 2028\n    horisont: kort', 'år: "2028"\n    horisont: kort');
    },
  },
  {
    id: 'year-in-words',
    what: 'a goal year written in words',
    exit: 1,
    rules: ['schema/fel-typ'],
    build: (d) => replace(d, '06-mal-och-strategi.md', 'år: 2035', 'år: tjugotrettiofem'),
  },
  {
    id: 'control-characters-in-value',
    what: 'a date holding a line break, a GitHub command and a terminal escape (ESC [31m)',
    exit: 1,
    rules: ['schema/fel-format'],
    build: (d) => replace(d, '01-bakgrund.md', 'startad: 2012', 'startad: "2012\\n::error file=x::inskjutet\\u001b[31mRÖTT"'),
    verify: (r) => {
      const d = one(r, 'schema/fel-format');
      at(d, '01-bakgrund.md', 2, 10);
      expect(d.message).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/);
      expect(d.message).toContain('2012\\n::error file=x::inskjutet\\u001b[31mRÖTT');
    },
  },
  {
    id: 'placeholders-20000',
    what: '500 indicators, each with 40 yearly values still "[FYLL I]" and 40 keys that are no years (took minutes)',
    exit: 1,
    rules: ['schema/fel-format', 'text/platshallare'],
    build: (d) => {
      const years = (i: number) =>
        Array.from({ length: 40 }, (_, y) => `      ${1990 + y}: "[FYLL I: värde ${i}]"\n      x${y}: 1`).join('\n');
      const indicators = Array.from(
        { length: 500 },
        (_, i) => `  - id: X${i}\n    namn: Nyckeltal ${i}\n    målgrupp: företag\n    enhet: st\n    värden:\n${years(i)}`,
      ).join('\n');
      return replace(d, '08-uppfoljning.md', 'indikatorer:\n', `indikatorer:\n${indicators}\n`);
    },
    verify: (r) => {
      expect(r.diagnostics.filter((x) => x.rule === 'text/platshallare')).toHaveLength(20_000);
      expect(r.diagnostics.filter((x) => x.rule === 'schema/fel-format')).toHaveLength(20_000);
    },
  },
  {
    id: 'proto-keys',
    what: 'keys named __proto__ and constructor in a map of yearly values',
    exit: 1,
    rules: ['schema/fel-format', 'schema/fel-typ'],
    build: (d) =>
      replace(
        d,
        '08-uppfoljning.md',
        '    värden:\n      2023: 11,4',
        '    värden:\n      __proto__: {2023: 5}\n      constructor: 3\n      2023: 11,4',
      ),
    verify: (r) => {
      const pointers = r.diagnostics.map((x) => x.pointer);
      expect(pointers).toContain('/indikatorer/0/värden/__proto__');
      expect(pointers).toContain('/indikatorer/0/värden/constructor');
    },
  },
];

// ---------------------------------------------------------------------------
// Folders with very many files

const scale: HostileCase[] = [
  {
    id: 'bilagor-10050-files',
    what: '10,050 files nobody references under bilagor/ (listed up to 10,000)',
    heavy: true,
    exit: 0,
    rules: ['bilaga/oanvand'],
    build: async (d) => {
      await mkdir(join(d, 'bilagor', 'skannat'));
      for (let i = 0; i < 10_050; i++) await writeFile(join(d, 'bilagor', 'skannat', `sida-${String(i).padStart(5, '0')}.pdf`), '');
    },
    verify: (r) => {
      const unused = r.diagnostics.filter((x) => x.rule === 'bilaga/oanvand');
      expect(unused.length).toBeGreaterThan(9_000);
      expect(unused.length).toBeLessThanOrEqual(10_000);
    },
  },
  {
    id: 'bilagor-20-levels-deep',
    what: 'a file 20 folders down under bilagor/ (listed 12 levels deep)',
    exit: 0,
    rules: [],
    build: async (d) => {
      const deep = join(d, 'bilagor', ...Array.from({ length: 20 }, (_, i) => `niva${i + 1}`));
      await mkdir(deep, { recursive: true });
      await writeFile(join(deep, 'glomd.pdf'), pdf('Glömd bilaga'));
    },
  },
];

export const groups: Record<string, HostileCase[]> = { yaml, sizes, unicode, files, paths, contents, values, scale };
export const allCases: HostileCase[] = Object.values(groups).flat();
