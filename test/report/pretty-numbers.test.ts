/**
 * The pretty report wraps messages to the terminal's width; a number is never split over two
 * lines (`2 600 000 kr`, `25 %`): the spaces inside it are no-break spaces.
 */
import { describe, expect, it } from 'vitest';
import stringWidth from 'string-width';
import { formatPretty, formatSummaryTable } from '../../src/report/pretty.js';
import type { Report } from '../../src/model/types.js';

function report(message: string): Report {
  return {
    path: 'ansokan',
    organisation: 'Centrumsamverkan',
    kommun: null,
    typ: 'ny',
    certificationValidUntil: null,
    referenceDate: '2026-11-15',
    referenceDateSource: 'option',
    ok: false,
    summary: { errors: 0, warnings: 1, infos: 0, excepted: 0, completeness: 1 },
    chapters: [],
    diagnostics: [
      { rule: 'k4/budget-summa', severity: 'warning', chapter: null, file: 'a.md', line: 1, column: 1, pointer: null, message, args: {} },
    ],
    lang: 'sv',
  };
}

describe('pretty: numbers in wrapped lines', () => {
  const message = 'Finansiärernas belopp summerar till 2 600 000 kr men budgeten är 3 900 000 kr, en skillnad på 25 % av budgeten.';
  it.each([30, 40, 47, 52, 60, 71])('keeps every number on one line at width %i', (width) => {
    const out = formatPretty(report(message), { color: false, width, lang: 'sv' });
    const lines = out.split('\n');
    for (const n of ['2\u00a0600\u00a0000\u00a0kr', '3\u00a0900\u00a0000\u00a0kr', '25\u00a0%']) {
      expect(
        lines.some((l) => l.includes(n)),
        `${n} at ${width}:\n${out}`,
      ).toBe(true);
    }
  });
  it('leaves unwrapped output as written', () => {
    const out = formatPretty(report(message), { color: false, width: 0, lang: 'sv' });
    expect(out).toContain('2 600 000 kr');
  });
});

describe('pretty: widths in terminal columns', () => {
  it('lines up the summary table when a name has wide characters or decomposed letters', () => {
    const a = { ...report('x'), path: 'kunder/va\u0308stana\u030a', organisation: 'Västanå' };
    const b = { ...report('x'), path: 'kunder/東京', organisation: '東京センター' };
    const c = { ...report('x'), path: 'kunder/storvik', organisation: 'Storvik' };
    const out = formatSummaryTable([a, b, c], { color: false, width: 0, lang: 'sv' });
    const rows = out.trimEnd().split('\n').slice(2);
    // The completeness column ends in the same terminal column on every row.
    const ends = rows.map((r) => stringWidth(r));
    expect(new Set(ends).size, out).toBe(1);
  });
});
