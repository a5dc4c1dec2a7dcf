/**
 * The prose as typeset: Swedish text and typographic characters extracted exactly, a character
 * the font lacks reported with file, line and column, headings never alone at the foot of a
 * page, long tables with their header on every page, nested lists indented.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { copyExample, read, tempDir, write } from '../helpers/app.js';
import { compile, flat, firstPages, outline, pageTexts, words } from './tools.js';

const SENTENCE = 'Målet är att minst 75 % ska känna sig trygga – och att andelen är ≥ 70 % i Åby, Älvdalen och Örebro.';
const SYMBOLS = 'Citat: “Ett levande centrum” … é ü — → 1 500 € per år.';

/** Replaces the prose (after the front matter) of a chapter file. */
async function setProse(dir: string, file: string, prose: string): Promise<void> {
  const text = await read(dir, file);
  const end = text.indexOf('\n---\n', 4) + 5;
  await write(dir, file, text.slice(0, end) + prose);
}

/** 1-based line and column (UTF-16 units) of the first occurrence of `needle`. */
function position(text: string, needle: string): string {
  const lines = text.slice(0, text.indexOf(needle)).split('\n');
  return `${lines.length}:${lines[lines.length - 1]!.length + 1}`;
}

describe('typesetting the prose', () => {
  let app: string;
  let out: string;
  let stdout: string;
  let texts: string[];
  let chapterPage: Map<string, number>;

  beforeAll(async () => {
    app = await copyExample();
    const bakgrund = await read(app, '01-bakgrund.md');
    await write(app, '01-bakgrund.md', `${bakgrund}\n${SENTENCE}\n\n${SYMBOLS}\n\nVi samarbetar också med vänorten 中山 i Kina.\n`);
    const sections = Array.from({ length: 36 }, (_, k) => {
      const sentences = ((k * 7) % 13) + 1;
      return `## Avsnitt ${k + 1}\n\n${Array.from({ length: sentences }, (_, s) => `Mening ${s + 1} i avsnitt ${k + 1} beskriver hur målen och strategierna hänger ihop med arbetet i centrum.`).join(' ')}\n`;
    });
    await setProse(app, '06-mal-och-strategi.md', `# Mål och strategi\n\n${sections.join('\n')}`);
    // Headings followed by a table, where pdfmake's own bookkeeping cannot tell where the table starts.
    const tabled = Array.from({ length: 24 }, (_, k) => {
      const lines = ((k * 5) % 11) + 1;
      return `${Array.from({ length: lines }, () => 'Åtgärderna följs upp varje kvartal av ledningsgruppen och redovisas för styrelsen.').join(' ')}\n\n### Tabell ${k + 1}\n\n| Åtgärd | Budget |\n|---|---:|\n| A${k + 1} | ${100 + k} 000 kr |\n| Summa | ${100 + k} 000 kr |\n`;
    });
    await setProse(app, '07-verksamhetsplan.md', `# Verksamhetsplan\n\n${tabled.join('\n')}`);
    const rows = Array.from({ length: 70 }, (_, i) => `| Rad ${i + 1} | ${1000 + i * 37} | ${(i % 9) + 1} % |`);
    await setProse(
      app,
      '02-nulage.md',
      [
        '# Nuläge',
        '',
        'Läget beskrivs i tabellen och i listan nedan.',
        '',
        '- Förstanivå om handeln',
        '  - Andranivå om kvällsekonomin',
        '    1. Tredjenivå om öppettider',
        '- Förstanivå om boendet',
        '',
        '| Nyckeltal | Värde | Andel |',
        '|---|---:|---:|',
        ...rows,
        '',
      ].join('\n'),
    );
    out = join(await tempDir(), 'typsatt.pdf');
    const res = await compile([app], out);
    expect(res.code, res.stdout + res.stderr).toBe(0);
    stdout = res.stdout;
    texts = await pageTexts(out);
    chapterPage = firstPages(await outline(out));
  }, 120_000);

  it('extracts Swedish sentences and typographic characters exactly as written', () => {
    const all = flat(texts.join(' '));
    expect(all).toContain(SENTENCE);
    expect(all).toContain(SYMBOLS);
  });

  it('reports a character the font lacks as a warning with file, line and column, once per character, and still writes the PDF', async () => {
    const source = await readFile(join(app, '01-bakgrund.md'), 'utf8');
    expect(stdout).toContain(
      `01-bakgrund.md:${position(source, '中')}  varning  Tecknet ”中” (U+4E2D) finns inte i PDF:ens typsnitt och blir en tom ruta i PDF:en.`,
    );
    expect(stdout).toContain(`01-bakgrund.md:${position(source, '山')}  varning  Tecknet ”山” (U+5C71)`);
    expect(stdout.match(/pdf\/tecken-saknas/g)).toHaveLength(2);
    expect(stdout).toMatch(/Skrev .*typsatt\.pdf/);
  });

  it('never leaves a heading alone at the foot of a page', () => {
    const first = chapterPage.get('6 Mål och strategi')!;
    const last = chapterPage.get('7 Verksamhetsplan')! - 1;
    expect(last - first).toBeGreaterThanOrEqual(2);
    let headings = 0;
    for (let p = first; p <= last; p++) {
      const lines = texts[p - 1]!.split('\n').filter(
        (l) => l.trim() && !/^Centrumsamverkan Storvik · Ansökan om Quality Mark$|^Sida \d+ av \d+$/.test(l),
      );
      headings += lines.filter((l) => /^Avsnitt \d+$/.test(l)).length;
      expect(lines[lines.length - 1], `page ${p}`).not.toMatch(/^Avsnitt \d+$/);
    }
    expect(headings).toBe(36);
  });

  it('never leaves a heading alone at the foot of a page when a table follows it', () => {
    const first = chapterPage.get('7 Verksamhetsplan')!;
    const last = chapterPage.get('8 Utveckling, indikatorer och resultatuppföljning')! - 1;
    expect(last - first).toBeGreaterThanOrEqual(2);
    const seen = new Set<string>();
    for (let p = first; p <= last; p++) {
      const lines = texts[p - 1]!.split('\n').filter(
        (l) => l.trim() && !/^Centrumsamverkan Storvik · Ansökan om Quality Mark$|^Sida \d+ av \d+$/.test(l),
      );
      for (const l of lines) if (/^Tabell \d+$/.test(l)) seen.add(l);
      expect(lines[lines.length - 1], `page ${p}`).not.toMatch(/^Tabell \d+$/);
    }
    expect(seen.size).toBe(24);
  });

  it('repeats a long table’s header on every page it runs over', () => {
    const pages = texts.map((t, i) => ({ t, n: i + 1 })).filter(({ t }) => /^Rad \d+$/m.test(t));
    expect(pages.length).toBeGreaterThanOrEqual(2);
    for (const { t, n } of pages) expect(t, `page ${n}`).toMatch(/^Nyckeltal Värde Andel$/m);
    // (pdftotext joins the narrow space before a per cent sign in a table cell.)
    expect(flat(pages.map((p) => p.t).join(' '))).toMatch(/Rad 70 3553 7 ?%/);
  });

  it('indents nested lists by level', async () => {
    const n = chapterPage.get('2 Nuläge')!;
    const ws = await words(out, n);
    const x = (word: string) => ws.find((w) => w.word === word)!.x;
    expect(x('Andranivå')).toBeGreaterThan(x('Förstanivå') + 5);
    expect(x('Tredjenivå')).toBeGreaterThan(x('Andranivå') + 5);
  });

  it('speaks English with --lang en (the PDF itself stays Swedish)', async () => {
    const en = join(await tempDir(), 'en.pdf');
    const res = await compile([app, '--lang', 'en'], en);
    expect(res.code).toBe(0);
    expect(res.stdout).toContain('warning  The character “中” (U+4E2D) is missing from the PDF font');
    expect(res.stdout).toContain(`Wrote ${en}: ${texts.length} pages, 18 attachments.`);
    expect(res.stderr).toBe('');
    expect((await pageTexts(en))[1]!.startsWith('Innehåll')).toBe(true);
  }, 60_000);

  it('lets qm.config.yaml turn the warning off', async () => {
    await write(app, 'qm.config.yaml', 'regler:\n  pdf/tecken-saknas: av\n');
    const res = await compile([app], join(await tempDir(), 'tyst.pdf'));
    expect(res.code).toBe(0);
    expect(res.stdout).not.toContain('pdf/tecken-saknas');
  }, 60_000);
});
