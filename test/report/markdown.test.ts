import { beforeAll, describe, expect, it } from 'vitest';
import { formatMarkdown } from '../../src/report/markdown.js';
import { REASON, shared, type Shared } from './fixture.js';

let s: Shared;
let md: string;
beforeAll(async () => {
  s = await shared();
  md = formatMarkdown(s.reports, s.ctx());
});

/** The rows of the table that follows a header line starting with `| Kapitel`. */
function checklist(text: string, nth: number): string[][] {
  const blocks = text.split('\n| Kapitel |').slice(1);
  const rows = blocks[nth]!.split('\n').slice(2);
  const end = rows.findIndex((r) => !r.startsWith('|'));
  return rows.slice(0, end < 0 ? undefined : end).map((r) => r.slice(2, -2).split(/ (?<!\\)\| /));
}

describe('--format markdown', () => {
  it('starts with a summary table of the folders', () => {
    expect(md).toMatch(/^## Sammanfattning\n/);
    expect(md).toContain('| ❌ | `kunder/Älvbacka, 2026: utkast` | Handelsföreningen Älvbacka | 27 | 13 | 36 % |');
    expect(md).toContain('| ✅ | `kunder/storvik` | Centrumsamverkan Storvik | 0 | 0 | 100 % |');
  });

  it('has a checklist per application: chapter, status, passed/total, open points', () => {
    const draft = checklist(md, 0);
    expect(draft).toHaveLength(10);
    expect(draft[0]![0]).toBe('Ansökan');
    const ch3 = draft.find((r) => r[0] === '3 Organisation')!;
    expect(ch3[1]).toBe('❌ fel');
    expect(ch3[2]).toBe(`${s.reports[0]!.chapters[2]!.passed}/${s.reports[0]!.chapters[2]!.total}`);
    expect(ch3[3]).toContain('`k3/karta` 03-organisation.md:2:1: Kartan saknas');
    expect(ch3[3]).toContain('⚠️ varning `k3/andelar-summa`');
    const storvik = checklist(md, 1);
    expect(storvik).toHaveLength(9);
    expect(storvik.every((r) => r[1] === '✅ klart' && r[3] === '–')).toBe(true);
  });

  it('marks the exception and its justification, on one table row', () => {
    const ch3 = checklist(md, 0).find((r) => r[0] === '3 Organisation')!;
    expect(ch3[3]).toContain('☑️ **undantag** `k3/verksam-tre-ar`');
    expect(ch3[3]).toContain(REASON.replace('\n', '<br>'));
  });

  it('escapes what would break a table cell: a pipe, and backticks (a value the user wrote could hold one)', () => {
    const ch2 = checklist(md, 0).find((r) => r[0] === '2 Nuläge')!;
    expect(ch2[3]).toContain('\\`text: \\|\\`');
  });

  it('lists errors only with --quiet, and speaks English with --lang en', () => {
    const quiet = formatMarkdown([s.reports[0]!], s.ctx({ quiet: true }));
    expect(quiet).not.toContain('⚠️ varning');
    expect(quiet).toContain('❌ fel `k3/karta`');
    const en = formatMarkdown([s.reports[1]!], s.ctx({ lang: 'en' }));
    expect(en).toContain('| Chapter | Status | Met | Open points |');
    expect(en).toContain('✅ done');
  });
});
