/**
 * The rules that only `qm pdf` can find, because they need the typeset document (here: the
 * font, the width of a table). Listed in src/rules/index.ts like every other rule, so `qm rules`, `qm explain` and
 * `qm.config.yaml` know them; this file must stay free of the PDF libraries.
 */
import { defineRule, type RuleDef } from './define.js';
import * as sv from '../i18n/sv.js';
import * as en from '../i18n/en.js';

const t = (sv: string, en: string) => ({ sv, en });

export const teckenSaknas = defineRule<{ char?: string | number; code?: string | number; count?: string | number }>({
  id: 'pdf/tecken-saknas',
  chapter: null,
  severity: 'warning',
  message: {
    sv: (a) =>
      `Tecknet ${sv.q(a.char)} (${a.code}) finns inte i PDF:ens typsnitt och blir en tom ruta i PDF:en${sv.n(a, 'count') > 1 ? ` (${a.count} gånger i filen)` : ''}. Byt det mot ett tecken som typsnittet har, eller skriv det med ord.`,
    en: (a) =>
      `The character ${en.q(a.char)} (${a.code}) is missing from the PDF font and prints as an empty box${en.n(a, 'count') > 1 ? ` (${a.count} times in the file)` : ''}. Replace it with a character the font has, or write it out in words.`,
  },
  title: t(
    'Ett tecken finns inte i PDF:ens typsnitt och blir en tom ruta',
    'A character is missing from the PDF font and prints as an empty box',
  ),
  fix: t(
    'Byt tecknet mot ett närliggande som typsnittet har (DejaVu Sans täcker latin, grekiska, kyrilliska och de flesta symboler), eller skriv det med ord.',
    'Replace the character with a close one the font has (DejaVu Sans covers Latin, Greek, Cyrillic and most symbols), or write it out in words.',
  ),
  example: 'Målet är ≥ 75 % – inte 中文 eller andra tecken som typsnittet saknar.',
});

export const tabellForBred = defineRule<{ line?: string | number; chapter?: string | number; columns?: string | number }>({
  id: 'pdf/tabell-for-bred',
  chapter: null,
  severity: 'warning',
  message: {
    sv: (a) =>
      `Tabellen på rad ${a.line} i kapitel ${a.chapter} har ${a.columns} kolumner och får inte plats på sidan, inte ens med mindre text på en liggande sida. PDF:en visar den i delar med första kolumnen upprepad. Dela den i tabeller med färre kolumner eller korta de längsta orden.`,
    en: (a) =>
      `The table on line ${a.line} of chapter ${a.chapter} has ${a.columns} columns and does not fit the page, not even with smaller text on a landscape page. The PDF shows it in parts with the first column repeated. Split it into tables with fewer columns or shorten the longest words.`,
  },
  title: t(
    'En tabell får inte plats på sidan ens med mindre text på en liggande sida',
    'A table does not fit the page even with smaller text on a landscape page',
  ),
  fix: t(
    'Dela tabellen i två eller fler med färre kolumner, eller korta rubrikerna och de längsta orden. PDF:en visar den nu i delar på liggande sidor, med första kolumnen upprepad.',
    'Split the table into two or more with fewer columns, or shorten the headers and the longest words. The PDF now shows it in parts on landscape pages, with the first column repeated.',
  ),
  example: '| Åtgärd | Jan | Feb | Mar | … | Dec | Ansvarig | Budget | (15 kolumner får plats; 40 gör det inte)',
});

export const pdfRules: RuleDef[] = [teckenSaknas, tabellForBred];
