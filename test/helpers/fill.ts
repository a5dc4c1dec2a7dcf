/**
 * Fills a fresh `qm init` folder the way a consultant would, with the content of
 * examples/storvik: every field the template holds gets storvik's value, every optional field
 * storvik uses is added (the template lists it as a commented-out line), the prose replaces the
 * template's, and storvik's attachments go into bilagor/. The template's comments stay.
 */
import { cp, readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Scalar, isMap, isScalar, parseDocument, type Document, type Pair } from 'yaml';
import { FIXTURES } from './app.js';

export interface FillReport {
  /** Per file: keys the template held, filled from storvik. */
  filled: Record<string, string[]>;
  /** Per file: optional keys storvik uses that the template lists only as a comment. */
  added: Record<string, string[]>;
}

function split(text: string): { fm: string; body: string } | undefined {
  const m = /^---\n([\s\S]*?)\n---\n?/.exec(text);
  return m ? { fm: `${m[1]}\n`, body: text.slice(m[0].length) } : undefined;
}

// failsafe: every scalar stays the text it was written as (0611345200, 3 900 000 kr, ja).
const parse = (text: string): Document => parseDocument(text, { schema: 'failsafe' });

function pairs(doc: Document): Pair[] {
  if (!isMap(doc.contents)) throw new Error('not a mapping');
  return doc.contents.items as Pair[];
}

const keyOf = (p: Pair) => String(isScalar(p.key) ? p.key.value : p.key);

/** Fills one template document from storvik's document; returns the filled and the added keys. */
function fillDoc(template: Document, source: Document, file: string): { filled: string[]; added: string[] } {
  const have = new Map(pairs(source).map((p) => [keyOf(p), p]));
  const filled: string[] = [];
  for (const p of pairs(template)) {
    const key = keyOf(p);
    if (key === 'text') continue;
    const from = have.get(key);
    if (!from) throw new Error(`${file}: the template asks for \`${key}\`, which the complete example does not have`);
    p.value = (from.value as { clone(): unknown }).clone();
    filled.push(key);
  }
  const added: string[] = [];
  for (const [key, p] of have) {
    if (filled.includes(key)) continue;
    template.set(key, (p.value as { clone(): unknown }).clone());
    added.push(key);
  }
  return { filled, added };
}

/** Fills the folder written by `qm init` (Markdown or YAML chapters) from examples/storvik. */
export async function fillFromStorvik(dir: string): Promise<FillReport> {
  const storvik = join(FIXTURES, 'storvik');
  const report: FillReport = { filled: {}, added: {} };
  const sources = (await readdir(storvik)).filter((f) => /^0\d-.*\.md$/.test(f));
  for (const name of (await readdir(dir)).filter((f) => /^0\d-/.test(f) || f === 'ansokan.yaml')) {
    const text = await readFile(join(dir, name), 'utf8');
    let out: string;
    let r: { filled: string[]; added: string[] };
    if (name === 'ansokan.yaml') {
      const doc = parse(text);
      r = fillDoc(doc, parse(await readFile(join(storvik, name), 'utf8')), name);
      out = doc.toString();
    } else {
      const srcName = sources.find((s) => s.slice(0, 3) === name.slice(0, 3));
      if (!srcName) throw new Error(`no storvik chapter for ${name}`);
      const src = split(await readFile(join(storvik, srcName), 'utf8'))!;
      if (name.endsWith('.md')) {
        const t = split(text);
        if (!t) throw new Error(`${name}: no front matter`);
        const doc = parse(t.fm);
        r = fillDoc(doc, parse(src.fm), name);
        out = `---\n${doc.toString()}---\n${src.body}`;
      } else {
        const doc = parse(text);
        r = fillDoc(doc, parse(src.fm), name);
        const prose = new Scalar(src.body);
        prose.type = Scalar.BLOCK_LITERAL;
        doc.set('text', prose);
        out = doc.toString();
      }
    }
    report.filled[name] = r.filled;
    report.added[name] = r.added;
    await writeFile(join(dir, name), out);
  }
  await cp(join(storvik, 'bilagor'), join(dir, 'bilagor'), { recursive: true });
  return report;
}
