/**
 * Fuzzing the reading layer on its own: column mapping of decomposed text, decoding of any
 * bytes, parsing of any YAML-like text.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeUtf8, SourceText } from '../../src/load/text.js';
import { parseYaml } from '../../src/load/yaml.js';
import { announce, RUNS, SEED } from './setup.js';

announce('reading.test.ts', RUNS ? 120_000 : 4_500);

const PIECES = [
  'a',
  'o',
  'x',
  ' ',
  ':',
  '-',
  '\n',
  '\r\n',
  '\r',
  '\u0308',
  '\u030a',
  '\u0323',
  '\u0301',
  'é',
  'ö',
  '\u1100',
  '\u1161',
  '\u11a8',
  '가',
  '😀',
  '\ufeff',
];
const text = fc.array(fc.constantFrom(...PIECES), { maxLength: 60 }).map((p) => p.join(''));

describe('fuzz: the reading layer', () => {
  it('maps every column of the NFC text back to the character it came from', () => {
    fc.assert(
      fc.property(text, (raw) => {
        const src = new SourceText(raw);
        const lines = raw.replace(/\r\n?/g, '\n').split('\n');
        const nfcLines = src.text.split('\n');
        nfcLines.forEach((nfcLine, li) => {
          const orig = lines[li]!;
          for (let c = 0; c <= nfcLine.length; c++) {
            // Reference: the first character of the original whose inclusion makes the NFC longer than c.
            let want = orig.length;
            for (let k = 0; k < orig.length; k++) {
              if (orig.slice(0, k + 1).normalize('NFC').length > c) {
                want = k;
                break;
              }
            }
            const offset =
              src.text
                .split('\n')
                .slice(0, li)
                .reduce((n, l) => n + l.length + 1, 0) + c;
            expect(src.position(offset)).toEqual({ line: li + 1, column: want + 1 });
          }
        });
      }),
      { seed: SEED, numRuns: RUNS ? 20_000 : 500 },
    );
  });

  it('decodes any bytes or says where and why it cannot', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
        const r = decodeUtf8(bytes);
        if ('text' in r) expect(typeof r.text).toBe('string');
        else if (r.failure.position) {
          expect(r.failure.position.line).toBeGreaterThanOrEqual(1);
          expect(r.failure.position.column).toBeGreaterThanOrEqual(1);
        }
      }),
      { seed: SEED, numRuns: RUNS ? 50_000 : 2_000 },
    );
  });

  it('parses any YAML-like text to a tree or an error inside the text, never throwing', () => {
    const tokens = fc.array(
      fc.constantFrom(
        'a',
        'b: ',
        '- ',
        ':',
        '"',
        "'",
        '[',
        ']',
        '{',
        '}',
        ', ',
        '&x ',
        '*x',
        '*y',
        '\n',
        '  ',
        '\t',
        '#',
        '|\n',
        '>\n',
        '? ',
        '!!str ',
        '---\n',
        'ö',
        '~',
      ),
      { maxLength: 40 },
    );
    fc.assert(
      fc.property(tokens, (parts) => {
        const yaml = parts.join('');
        const r = parseYaml(yaml, 0);
        if (r.error) {
          expect(r.error.offset).toBeGreaterThanOrEqual(0);
          expect(r.error.offset).toBeLessThanOrEqual(yaml.length);
        }
      }),
      { seed: SEED, numRuns: RUNS ? 50_000 : 2_000 },
    );
  });
});
