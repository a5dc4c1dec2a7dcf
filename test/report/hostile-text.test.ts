/**
 * What the user wrote reaches the reports: a value with a backtick or a pipe, a justification
 * over several lines with an escape sequence in it. No format may break its structure or pass a
 * control character to the terminal.
 */
import { micromark } from 'micromark';
import { gfm, gfmHtml } from 'micromark-extension-gfm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/model/types.js';
import { formatters } from '../../src/report/index.js';
import { shared, type Shared } from './fixture.js';

let s: Shared;
let nasty: Report;

beforeAll(async () => {
  s = await shared();
  const r = structuredClone(s.reports[0]!);
  const i = r.diagnostics.findIndex((d) => d.rule === 'k3/karta');
  r.diagnostics[i] = { ...r.diagnostics[i]!, message: 'Målet ”M8|`<&>\\r` finns inte; se `karta`.' };
  const e = r.diagnostics.findIndex((d) => d.excepted);
  r.diagnostics[e] = { ...r.diagnostics[e]!, excepted: { reason: 'Rad ett\x1b[31m röd\x07\nrad två\rCR\tslut' } };
  nasty = r;
});

describe('text the user wrote, in every report', () => {
  it('markdown: a backtick, a pipe and a lone CR keep the table whole, and the text reads as written', () => {
    const md = formatters.markdown!([nasty], s.ctx());
    const plain = formatters.markdown!([s.reports[0]!], s.ctx());
    const rows = (text: string) => (micromark(text, { extensions: [gfm()], htmlExtensions: [gfmHtml()] }).match(/<tr>/g) ?? []).length;
    expect(rows(md)).toBe(rows(plain));
    const html = micromark(md, { extensions: [gfm()], htmlExtensions: [gfmHtml()] });
    expect(html).toContain('Målet ”M8|`&lt;&amp;&gt;');
    expect(md).not.toMatch(/[\x00-\x08\x0b-\x1f]/);
  });

  it('pretty: the justification on indented lines, its escape sequence shown, not obeyed', () => {
    const out = formatters.pretty!([nasty], s.ctx({ width: 60 }));
    expect(out).not.toMatch(/[\x00-\x08\x0b-\x1f]/);
    expect(out.replace(/\s+/g, ' ')).toContain('Rad ett\\u001b[31m röd\\u0007 rad två CR slut');
    const block = out.split('\n').filter((l) => l.includes('Rad ett') || l.includes('slut'));
    expect(block.every((l) => l.startsWith('    '))).toBe(true);
  });

  it('github: the justification keeps its line break as %0A, and no raw control character', () => {
    const out = formatters.github!([nasty], s.ctx());
    expect(out).not.toMatch(/[\x00-\x08\x0b-\x0c\x0e-\x1f]/);
    expect(out).toContain('Rad ett\\u001b[31m röd\\u0007%0Arad två%0DCR');
  });
});
