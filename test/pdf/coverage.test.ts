/**
 * The character coverage that decides `pdf/tecken-saknas` is a table the build reads from the
 * fonts with fontkit (scripts/gen-coverage.mjs): it must agree with fontkit, which typesets, on
 * every code point of every face the PDF uses.
 */
import { describe, expect, it } from 'vitest';
import { openSync } from 'fontkit';
import { Coverage, fontFiles, hasGlyph, type Face, type Family } from '../../src/pdf/fonts.js';

describe('font coverage', () => {
  const faces = Object.entries(fontFiles()).flatMap(([family, f]) =>
    Object.entries(f).map(([face, file]) => ({ family: family as Family, face: face as Face, file })),
  );

  it.each(faces)('agrees with fontkit on every code point: $family $face', ({ family, face, file }) => {
    const theirs = openSync(file);
    const differ: string[] = [];
    for (let cp = 0; cp < 0x110000; cp++) {
      if (hasGlyph(family, face, cp) !== theirs.hasGlyphForCodePoint(cp)) differ.push(`U+${cp.toString(16).toUpperCase()}`);
    }
    expect(differ).toEqual([]);
  });

  it('knows the characters of Swedish prose and the ones DejaVu lacks', () => {
    for (const ch of 'åäöÅÄÖé–—“”…≥→€') expect(hasGlyph('DejaVu', 'normal', ch.codePointAt(0)!), ch).toBe(true);
    // Chinese, most emoji and Devanagari are not in DejaVu Sans.
    for (const ch of ['漢', '🎉', 'अ']) expect(hasGlyph('DejaVu', 'normal', ch.codePointAt(0)!), ch).toBe(false);
    expect(new Coverage().missing('Målet ≥ 75 % 漢 🎉', 'DejaVu', 'bold')).toEqual([
      { char: '漢', index: 13 },
      { char: '🎉', index: 15 },
    ]);
  });
});
