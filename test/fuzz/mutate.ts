/**
 * Random damage to a copy of examples/storvik, as data (so fast-check can shrink it and a seed
 * replays it): delete a key, give a value another type, insert random bytes or YAML tokens,
 * truncate a file, duplicate a chapter, shuffle lines, swap attachments.
 */
import { copyFile, readFile, readdir, rm, truncate, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import fc from 'fast-check';
import { isMap, isSeq, parseDocument, type Document } from 'yaml';

export const TEXT_FILES = [
  'ansokan.yaml',
  '01-bakgrund.md',
  '02-nulage.md',
  '03-organisation.md',
  '04-finansiering.md',
  '05-vision.md',
  '06-mal-och-strategi.md',
  '07-verksamhetsplan.md',
  '08-uppfoljning.md',
  '09-kommunikation.md',
];

export const ATTACHMENTS = [
  'bilagor/nulagesanalys-2026.pdf',
  'bilagor/organisationsmatris.pdf',
  'bilagor/karta-arbetsomrade.png',
  'bilagor/avtal-storviks-kommun.pdf',
  'bilagor/protokoll-styrelsemote-2025-12-04.pdf',
  'bilagor/oversiktsplan-centrum.png',
  'bilagor/verksamhetsplan-2026.pdf',
  'bilagor/foton/storgatan-fore-2023.jpg',
  'bilagor/centrumbrevet-2026-09.pdf',
];

/** Values of every type and of the kinds consultants write, to put where another value stood. */
const VALUES: unknown[] = [
  42,
  -1,
  0,
  3.5,
  Infinity,
  '',
  'text',
  '3 900 000 kr',
  '4,52',
  '40 %',
  '2026-13-45',
  '45/13/2026',
  '2026-02-29',
  '2026',
  true,
  'ja',
  'NEJ',
  null,
  [],
  {},
  ['M1', 'M9', 'S1', 'A1', 'I1'],
  { fil: 'bilagor/organisationsmatris.pdf', titel: 'Matris' },
  { fil: 'bilagor/finns-inte.pdf' },
  '[FYLL I: något]',
  '../../etc/passwd',
  '/etc/passwd',
  'file:///etc/passwd',
  'bilagor/foton',
  'bilagor/karta-arbetsomrade.png\0',
  'bilagor\\karta-arbetsomrade.png',
  'o\u0308vrigt'.normalize('NFD'),
  'x'.repeat(5000),
  '19121212-1212',
  'TODO Lorem ipsum',
  'offentlig',
  'privat',
  'förnyelse',
  { synpunkt: 'Otydlig budget' },
  [{ datum: '2025-01-01' }],
  JSON.parse(`${'['.repeat(40)}1${']'.repeat(40)}`),
];

/** YAML and text tokens that reach deeper into the parser than random bytes do. */
const TOKENS = [
  ':',
  ': ',
  '- ',
  '\t',
  '"',
  "'",
  '[',
  ']',
  '{',
  '}',
  ',',
  '&a ',
  '*a',
  '*b',
  '---\n',
  '...\n',
  '\n',
  '#',
  '|',
  '>',
  '!!binary ',
  '!x ',
  '%YAML 1.2\n',
  '? ',
  '\r',
  '\r\n',
  '\u00a0',
  'ö',
  'o\u0308',
  '\0',
  '\ufeff',
  '<!--',
  '-->',
  '[FYLL I]',
  '<<: ',
  '~',
  '  ',
  '\\',
  '`',
];

/** Pieces repeated thousands of times: what makes a parser or a scan slow if anything can. */
const REPEATED: ((i: number) => string)[] = [
  (i) => `nyckel${i}: ${i}\n`,
  () => '  - Storviks kommun\n',
  () => '![](',
  () => '](',
  () => '<!--',
  () => 'o\u0308',
  () => '[fyll i ',
  () => 'TODO ',
  () => '19121212-1212 ',
  () => '{a: ',
  () => '[',
  () => '- ',
  () => '&a [*a, *a] ',
  () => '\t',
  () => '"',
  () => ' ',
];

export type Mutation =
  | { kind: 'delete-key'; file: number; pick: number }
  | { kind: 'swap-type'; file: number; pick: number; value: number }
  | { kind: 'insert-bytes'; file: number; at: number; bytes: number[] }
  | { kind: 'insert-token'; file: number; at: number; token: number }
  | { kind: 'truncate'; target: number; at: number }
  | { kind: 'duplicate-chapter'; from: number; to: number }
  | { kind: 'lines'; file: number; op: 'delete' | 'duplicate' | 'swap' | 'indent' | 'dedent'; pick: number; other: number }
  | { kind: 'swap-attachments'; a: number; b: number }
  | { kind: 'delete-file'; target: number }
  | { kind: 'reencode'; file: number; how: 'nfd' | 'crlf' | 'cr' | 'bom' | 'latin1' | 'utf16' }
  | { kind: 'repeat'; file: number; at: number; piece: number; times: number };

const frac = fc.integer({ min: 0, max: 1_000_000 });
const file = fc.integer({ min: 0, max: TEXT_FILES.length - 1 });
const anyFile = fc.integer({ min: 0, max: TEXT_FILES.length + ATTACHMENTS.length - 1 });
const pick = fc.nat({ max: 10_000 });

export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('delete-key' as const), file, pick }) },
  {
    weight: 5,
    arbitrary: fc.record({ kind: fc.constant('swap-type' as const), file, pick, value: fc.integer({ min: 0, max: VALUES.length - 1 }) }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('insert-bytes' as const),
      file,
      at: frac,
      bytes: fc.array(fc.integer({ min: 0, max: 255 }), { minLength: 1, maxLength: 12 }),
    }),
  },
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('insert-token' as const),
      file,
      at: frac,
      token: fc.integer({ min: 0, max: TOKENS.length - 1 }),
    }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('truncate' as const), target: anyFile, at: frac }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('duplicate-chapter' as const),
      from: fc.integer({ min: 1, max: 9 }),
      to: fc.integer({ min: 1, max: 9 }),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('lines' as const),
      file,
      op: fc.constantFrom('delete' as const, 'duplicate' as const, 'swap' as const, 'indent' as const, 'dedent' as const),
      pick,
      other: pick,
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('swap-attachments' as const),
      a: fc.integer({ min: 0, max: ATTACHMENTS.length - 1 }),
      b: fc.integer({ min: 0, max: ATTACHMENTS.length - 1 }),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('delete-file' as const), target: anyFile }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('reencode' as const),
      file,
      how: fc.constantFrom('nfd' as const, 'crlf' as const, 'cr' as const, 'bom' as const, 'latin1' as const, 'utf16' as const),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('repeat' as const),
      file,
      at: frac,
      piece: fc.integer({ min: 0, max: REPEATED.length - 1 }),
      times: fc.integer({ min: 100, max: 60_000 }),
    }),
  },
);

/** One to four mutations, applied in order. */
export const mutations = fc.array(mutation, { minLength: 1, maxLength: 4 });

const targetPath = (i: number) => (i < TEXT_FILES.length ? TEXT_FILES[i]! : ATTACHMENTS[i - TEXT_FILES.length]!);

/** Front matter (or the whole YAML file) and how to put it back. */
function splitYaml(name: string, text: string): { yaml: string; join: (y: string) => string } | undefined {
  if (name.endsWith('.yaml')) return { yaml: text, join: (y) => y };
  const m = /^---\n([\s\S]*?\n)---\n/.exec(text);
  if (!m) return undefined;
  return { yaml: m[1]!, join: (y) => `---\n${y}---\n${text.slice(m[0].length)}` };
}

/** Every path to a value in a YAML document, in document order. */
function paths(doc: Document): (string | number)[][] {
  const out: (string | number)[][] = [];
  const walk = (node: unknown, at: (string | number)[]) => {
    if (isMap(node)) {
      for (const pair of node.items) {
        const key = (pair.key as { value?: unknown } | null)?.value;
        if (typeof key !== 'string') continue;
        out.push([...at, key]);
        walk(pair.value, [...at, key]);
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, i) => {
        out.push([...at, i]);
        walk(item, [...at, i]);
      });
    }
  };
  walk(doc.contents, []);
  return out;
}

async function editYaml(dir: string, name: string, fn: (doc: Document, all: (string | number)[][]) => void): Promise<void> {
  const text = await readFile(join(dir, name), 'utf8').catch(() => undefined);
  if (text === undefined) return;
  const parts = splitYaml(name, text);
  if (!parts) return;
  let doc: Document;
  try {
    doc = parseDocument(parts.yaml, { schema: 'failsafe' });
  } catch {
    // Too deeply nested for the YAML library (a repeated `- `): this mutation does nothing.
    return;
  }
  if (doc.errors.length > 0) return;
  const all = paths(doc);
  if (all.length === 0) return;
  try {
    fn(doc, all);
    await writeFile(join(dir, name), parts.join(doc.toString({ lineWidth: 0 })));
  } catch {
    // A value the YAML library will not write there (e.g. a key inside a scalar): no change.
  }
}

const at = (length: number, f: number) => Math.floor((length * f) / 1_000_000);

export async function apply(dir: string, m: Mutation): Promise<void> {
  switch (m.kind) {
    case 'delete-key':
      return editYaml(dir, TEXT_FILES[m.file]!, (doc, all) => doc.deleteIn(all[m.pick % all.length]!));
    case 'swap-type':
      return editYaml(dir, TEXT_FILES[m.file]!, (doc, all) => doc.setIn(all[m.pick % all.length]!, doc.createNode(VALUES[m.value])));
    case 'insert-bytes':
    case 'insert-token': {
      const path = join(dir, TEXT_FILES[m.file]!);
      const bytes = await readFile(path).catch(() => undefined);
      if (!bytes) return;
      const insert = m.kind === 'insert-bytes' ? Buffer.from(m.bytes) : Buffer.from(TOKENS[m.token]!, 'utf8');
      const i = at(bytes.length, m.at);
      return writeFile(path, Buffer.concat([bytes.subarray(0, i), insert, bytes.subarray(i)]));
    }
    case 'truncate': {
      const path = join(dir, targetPath(m.target));
      const bytes = await readFile(path).catch(() => undefined);
      if (bytes) await truncate(path, at(bytes.length, m.at));
      return;
    }
    case 'duplicate-chapter': {
      const from = (await readdir(dir)).find((n) => n.startsWith(`0${m.from}-`));
      if (from) await copyFile(join(dir, from), join(dir, `0${m.to}-kopia${from.slice(from.lastIndexOf('.'))}`));
      return;
    }
    case 'lines': {
      const path = join(dir, TEXT_FILES[m.file]!);
      const text = await readFile(path, 'utf8').catch(() => undefined);
      if (text === undefined) return;
      const lines = text.split('\n');
      const i = m.pick % lines.length;
      const j = m.other % lines.length;
      if (m.op === 'delete') lines.splice(i, 1);
      else if (m.op === 'duplicate') lines.splice(i, 0, lines[i]!);
      else if (m.op === 'swap') [lines[i], lines[j]] = [lines[j]!, lines[i]!];
      else if (m.op === 'indent') lines[i] = `  ${lines[i]}`;
      else lines[i] = lines[i]!.replace(/^ {1,2}/, '');
      return writeFile(path, lines.join('\n'));
    }
    case 'swap-attachments': {
      const a = join(dir, ATTACHMENTS[m.a]!);
      const b = join(dir, ATTACHMENTS[m.b]!);
      const [ba, bb] = await Promise.all([readFile(a).catch(() => undefined), readFile(b).catch(() => undefined)]);
      if (ba && bb) await Promise.all([writeFile(a, bb), writeFile(b, ba)]);
      return;
    }
    case 'delete-file':
      return rm(join(dir, targetPath(m.target)), { force: true });
    case 'repeat': {
      const path = join(dir, TEXT_FILES[m.file]!);
      const bytes = await readFile(path).catch(() => undefined);
      if (!bytes) return;
      const make = REPEATED[m.piece]!;
      const insert = Buffer.from(Array.from({ length: m.times }, (_, i) => make(i)).join(''), 'utf8');
      // Inserted at the start of a line, so that line-based pieces stay YAML.
      const nl = bytes.lastIndexOf(0x0a, at(bytes.length, m.at)) + 1;
      return writeFile(path, Buffer.concat([bytes.subarray(0, nl), insert, bytes.subarray(nl)]));
    }
    case 'reencode': {
      const path = join(dir, TEXT_FILES[m.file]!);
      const text = await readFile(path, 'utf8').catch(() => undefined);
      if (text === undefined) return;
      const out =
        m.how === 'nfd'
          ? Buffer.from(text.normalize('NFD'))
          : m.how === 'crlf'
            ? Buffer.from(text.replace(/\n/g, '\r\n'))
            : m.how === 'cr'
              ? Buffer.from(text.replace(/\n/g, '\r'))
              : m.how === 'bom'
                ? Buffer.from(`\ufeff${text}`)
                : m.how === 'latin1'
                  ? Buffer.from(text, 'latin1')
                  : Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
      return writeFile(path, out);
    }
  }
}
