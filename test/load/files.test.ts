/**
 * The loader: which files are chapters, how they are read (UTF-8 only, BOM, CRLF, NFD, size
 * limit), YAML errors with line and column, and positions in Markdown and YAML chapters alike.
 */
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkApplication } from '../../src/engine/check.js';
import { CH, addParagraph, del, faults, put, remove, rename, rows, sub, variant, type Edit } from '../rules/variant.js';

/** Rewrites every chapter file and ansokan.yaml through a function of its text. */
const everyFile =
  (f: (text: string) => string | Buffer): Edit =>
  async (dir) => {
    for (const name of [...Object.values(CH), 'ansokan.yaml']) await writeFile(join(dir, name), f(await readFile(join(dir, name), 'utf8')));
  };

/** A Markdown chapter rewritten as plain YAML with the prose under `text: |`. */
const asYaml =
  (md: string, yamlName: string): Edit =>
  async (dir) => {
    const text = await readFile(join(dir, md), 'utf8');
    const m = /^---\n([\s\S]*?\n)---\n/.exec(text)!;
    const body = text.slice(m[0].length).replace(/\n+$/, '');
    const block = body
      .split('\n')
      .map((l) => (l ? `  ${l}` : ''))
      .join('\n');
    await rm(join(dir, md));
    await writeFile(join(dir, yamlName), `${m[1]}text: |\n${block}\n`);
  };

const bildad2024 = sub(CH[3], 'bildad: 2016-03-01', 'bildad: 2024-05-01');

describe('which files are chapter files', () => {
  it('accepts `_` after the number and any name', async () => {
    expect(await faults(rename(CH[3], '03_var-organisation.md'))).toEqual([]);
  });

  it('ignores hidden files, editor backups and other endings', async () => {
    const junk = [
      '._03-organisation.md',
      '.03-organisation.md',
      '03-organisation.md~',
      '03-organisation.md.bak',
      '03-organisation.md.swp',
      '03-organisation.docx',
      '10-bilagor.md',
      '3-organisation.md',
    ];
    expect(await faults(junk.map((n) => put(n, 'bildad: [\n')))).toEqual([]);
  });

  it('reports two files for one chapter as kapitel/dubblett on the second, and reads the first', async () => {
    const { report } = await variant(put('03 organisation (kopia).md', 'x'));
    expect(rows(report)).toEqual([]);
    const dup = await variant(put('03_organisation-kopia.md', '---\nbildad: [\n---\n'));
    expect(rows(dup.report)).toEqual(['error kapitel/dubblett 03_organisation-kopia.md:-:- -']);
    expect(dup.report.diagnostics[0]!.chapter).toBe(3);
    expect(dup.report.diagnostics[0]!.message).toContain('03-organisation.md');
  });

  it('reports a missing chapter once, with no file, and skips the rules that need it', async () => {
    const { report } = await variant([remove(CH[6])]);
    expect(rows(report)).toEqual(['error kapitel/saknas -:-:- -']);
    expect(report.diagnostics[0]!.chapter).toBe(6);
    expect(report.diagnostics[0]!.message).toContain('06-');
    expect(report.chapters[5]).toMatchObject({ file: null, passed: 0 });
  });

  it('reads a folder in place of a chapter as fil/olasbar', async () => {
    const { report } = await variant([remove(CH[1]), async (d) => mkdir(join(d, CH[1]))]);
    expect(rows(report)).toEqual(['error fil/olasbar 01-bakgrund.md:-:- -']);
  });
});

describe('encodings', () => {
  it('reads a byte-order mark and CRLF line ends as if they were not there', async () => {
    expect(await faults(everyFile((t) => `\ufeff${t.replace(/\n/g, '\r\n')}`))).toEqual([]);
  });

  it('gives the same positions with BOM and CRLF', async () => {
    expect(await faults([bildad2024, everyFile((t) => `\ufeff${t.replace(/\n/g, '\r\n')}`)])).toEqual([
      'error k3/verksam-tre-ar 03-organisation.md:2:9 /bildad',
    ]);
  });

  it('reads decomposed (NFD) keys and text exactly like composed ones', async () => {
    expect(await faults(everyFile((t) => t.normalize('NFD')))).toEqual([]);
    const dir = (await variant([])).dir;
    await everyFile((t) => t.normalize('NFD'))(dir);
    const report = await checkApplication(dir);
    expect([report.referenceDate, report.referenceDateSource]).toEqual(['2026-11-15', 'ansökningsdatum']);
    expect(report.diagnostics).toEqual([]);
  });

  it('gives columns of the file as written: after a decomposed å the value is one column further', async () => {
    const m2 = sub(CH[6], '    år: 2028\n    utgångsvärde: 57', '    år: 2026\n    utgångsvärde: 57');
    expect(await faults(m2)).toEqual(['warning k6/mal-passerat 06-mal-och-strategi.md:11:9 /mål/1/år']);
    expect(await faults([m2, everyFile((t) => t.normalize('NFD'))])).toEqual([
      'warning k6/mal-passerat 06-mal-och-strategi.md:11:10 /mål/1/år',
    ]);
  });

  it('refuses a Latin-1 file as fil/kodning at the first byte that is not UTF-8, and reads nothing of it', async () => {
    const { report } = await variant(async (d) => writeFile(join(d, CH[3]), Buffer.from(await readFile(join(d, CH[3]), 'utf8'), 'latin1')));
    expect(rows(report)).toEqual(['error fil/kodning 03-organisation.md:3:28 -']);
    expect(report.diagnostics[0]!.message).toContain('0xF6');
    expect(report.diagnostics[0]!.message).toContain('ö');
    expect(report.diagnostics[0]!.message).toContain('UTF-8');
  });

  it('refuses a UTF-16 file as fil/kodning', async () => {
    const { report } = await variant(async (d) =>
      writeFile(join(d, CH[5]), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(await readFile(join(d, CH[5]), 'utf8'), 'utf16le')])),
    );
    expect(rows(report)).toEqual(['error fil/kodning 05-vision.md:-:- -']);
    expect(report.diagnostics[0]!.message).toContain('UTF-16');
  });
});

describe('fil/for-stor', () => {
  const sized =
    (bytes: number): Edit =>
    async (dir) => {
      const text = await readFile(join(dir, CH[1]), 'utf8');
      const pad = bytes - Buffer.byteLength(text) - '<!--  -->\n'.length;
      await writeFile(join(dir, CH[1]), `${text}<!-- ${'x'.repeat(pad)} -->\n`);
    };

  it('reads a chapter of exactly 1 MiB', async () => {
    expect(await faults(sized(1024 * 1024))).toEqual([]);
  });

  it('refuses a chapter of 1 MiB + 1 byte without reading it (a bad byte in it is never seen)', async () => {
    const latin1 = async (d: string) =>
      writeFile(join(d, CH[1]), Buffer.concat([await readFile(join(d, CH[1])), Buffer.from([0xe4, 0x0a])]));
    const { report } = await variant([sized(1024 * 1024 - 1), latin1]);
    expect(rows(report)).toEqual(['error fil/for-stor 01-bakgrund.md:-:- -']);
    expect(report.diagnostics[0]!.message).toContain('1 MiB');
  });
});

describe('fil/syntax, at the line and column of the problem', () => {
  it('an unclosed quote: where it opens', async () => {
    const { report } = await variant(sub(CH[6], 'förankring: Målen', 'förankring: "Målen'));
    expect(rows(report)).toEqual(['error fil/syntax 06-mal-och-strategi.md:45:13 -']);
    expect(report.diagnostics[0]!.message).toContain('citattecken');
  });

  it('an unclosed bracket: where it opens', async () => {
    expect(await faults(sub(CH[4], 'budgetår: 2026', 'budgetår: [2026'))).toEqual(['error fil/syntax 04-finansiering.md:2:11 -']);
  });

  it('a tab used for indentation', async () => {
    const { report } = await variant(sub(CH[6], '  - id: M2', '\t- id: M2'));
    expect(rows(report)).toEqual(['error fil/syntax 06-mal-och-strategi.md:9:1 -']);
    expect(report.diagnostics[0]!.message).toContain('Tabb');
  });

  it('a key written twice: at the second', async () => {
    const { report } = await variant(sub(CH[4], 'budgetår: 2026\n', 'budgetår: 2026\nbudgetår: 2027\n'));
    expect(rows(report)).toEqual(['error fil/syntax 04-finansiering.md:3:1 -']);
    expect(report.diagnostics[0]!.message).toContain('två gånger');
  });

  it('front matter that is never closed', async () => {
    expect(await faults(sub(CH[2], /\n---\n# Nuläge/, '\n# Nuläge'))).toEqual(['error fil/syntax 02-nulage.md:1:1 -']);
  });

  it('front matter that is a list', async () => {
    expect(await faults(sub(CH[1], /^---\n[\s\S]*?\n---\n/, '---\n- startad: 2012\n---\n'))).toEqual([
      'error fil/syntax 01-bakgrund.md:2:1 -',
    ]);
  });

  it('an alias bomb is an error, not a hang', async () => {
    const bomb = [
      'a: &a ["x","x","x","x","x","x","x","x","x"]',
      ...'bcdefghij'.split('').map((c, i) => `${c}: &${c} [${Array(9).fill(`*${'abcdefghij'[i]}`).join(',')}]`),
    ].join('\n');
    const { report } = await variant(put(CH[2], `---\n${bomb}\n---\n# Nuläge\n`));
    expect(report.diagnostics.map((d) => d.rule)).toEqual(['fil/syntax']);
    expect(report.diagnostics[0]!.message).toContain('alias');
  });

  it('counts lines from the top of a YAML chapter', async () => {
    expect(
      await faults([asYaml(CH[9], '09-kommunikation.yaml'), sub('09-kommunikation.yaml', 'namn: Lokala medier', 'namn: "Lokala medier')]),
    ).toEqual(['error fil/syntax 09-kommunikation.yaml:28:11 -']);
  });

  it('through the binary: exit 1 with the position, never a stack trace', async () => {
    const { dir } = await variant(sub(CH[4], 'budgetår: 2026', 'budgetår: [2026'));
    const { qm } = await import('../helpers/app.js');
    const res = await qm(['check', dir]);
    expect(res.code).toBe(1);
    expect(res.stdout).toContain('04-finansiering.md:2:11');
    expect(res.stdout + res.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('a chapter as plain YAML', () => {
  it('reads `.yaml` and `.yml` chapters with the prose under `text: |`', async () => {
    expect(await faults(asYaml(CH[9], '09-kommunikation.yaml'))).toEqual([]);
    expect(await faults(asYaml(CH[1], '01-bakgrund.yml'))).toEqual([]);
  });

  it('gives positions inside the block scalar as lines and columns of the YAML file', async () => {
    const edits = [
      addParagraph(CH[9], 'Vi följer upp kanalerna varje kvartal. TODO: siffror från 2026.'),
      asYaml(CH[9], '09-kommunikation.yaml'),
    ];
    expect(await faults(edits)).toEqual(['warning text/arbetsmarkering 09-kommunikation.yaml:36:42 -']);
  });

  it('gives positions of values as in Markdown', async () => {
    expect(await faults([bildad2024, asYaml(CH[3], '03-organisation.yaml')])).toEqual([
      'error k3/verksam-tre-ar 03-organisation.yaml:1:9 /bildad',
    ]);
  });

  it('reports a YAML chapter without `text` as text/saknas', async () => {
    expect(await faults([asYaml(CH[9], '09-kommunikation.yaml'), del('09-kommunikation.yaml', ['text'])])).toEqual([
      'error text/saknas 09-kommunikation.yaml:1:1 -',
    ]);
  });
});

describe('fil/syntax in words a consultant understands', () => {
  it('says to quote a value that starts with %', async () => {
    const { report } = await variant(sub(CH[8], 'enhet: procent', 'enhet: %'));
    expect(rows(report)).toEqual(['error fil/syntax 08-uppfoljning.md:27:12 -']);
    expect(report.diagnostics[0]!.message).toBe(
      'Filen kan inte läsas: Ett värde börjar med ett tecken som YAML reserverar (%, @ eller `); sätt värdet inom citattecken, t.ex. enhet: "%". Rätta raden; filens fält och krav prövas när filen kan läsas.',
    );
  });

  it('says to quote a value with ": " in it', async () => {
    const { report } = await variant(sub(CH[5], /^vision: Storviks centrum är/m, 'vision: Storvik 2029: centrum är'));
    expect(rows(report)).toEqual(['error fil/syntax 05-vision.md:2:9 -']);
    expect(report.diagnostics[0]!.message).toContain('kolon');
    expect(report.diagnostics[0]!.message).not.toMatch(/[Nn]ested|allowed/);
  });
});
