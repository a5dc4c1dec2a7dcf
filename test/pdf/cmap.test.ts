/**
 * The character coverage that decides `pdf/tecken-saknas` is read from the fonts' cmap tables by
 * qm itself (no font library in the main thread): it must agree with fontkit, which typesets, on
 * every code point of every face the PDF uses.
 */
import { describe, expect, it } from 'vitest';
import { openSync } from 'fontkit';
import { openCmap } from '../../src/pdf/cmap.js';
import { fontFiles } from '../../src/pdf/fonts.js';

describe('cmap coverage', () => {
  const files = Object.values(fontFiles()).flatMap((f) => Object.values(f));

  it.each(files)('agrees with fontkit on every code point: %s', (file) => {
    const ours = openCmap(file);
    const theirs = openSync(file);
    const differ: string[] = [];
    for (let cp = 0; cp < 0x110000; cp++) {
      if (ours.hasGlyphForCodePoint(cp) !== theirs.hasGlyphForCodePoint(cp)) differ.push(`U+${cp.toString(16).toUpperCase()}`);
    }
    expect(differ).toEqual([]);
  });

  it('knows the characters of Swedish prose and the ones DejaVu lacks', () => {
    const sans = openCmap(fontFiles().DejaVu.normal);
    for (const ch of 'åäöÅÄÖé–—“”…≥→€') expect(sans.hasGlyphForCodePoint(ch.codePointAt(0)!), ch).toBe(true);
    // Chinese, most emoji and Devanagari are not in DejaVu Sans.
    for (const ch of ['漢', '🎉', 'अ']) expect(sans.hasGlyphForCodePoint(ch.codePointAt(0)!), ch).toBe(false);
  });
});
