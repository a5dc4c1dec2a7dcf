/**
 * The rules that only `qm pdf` can find, because they need the typeset document (here: the
 * font, the width of a table). Listed in src/rules/index.ts like every other rule, so `qm rules`, `qm explain` and
 * `qm.config.yaml` know them; this file must stay free of the PDF libraries.
 */
import { defineRule, type RuleDef } from '../rules/define.js';

const t = (sv: string, en: string) => ({ sv, en });

export const teckenSaknas = defineRule({
  id: 'pdf/tecken-saknas',
  chapter: null,
  severity: 'warning',
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

export const tabellForBred = defineRule({
  id: 'pdf/tabell-for-bred',
  chapter: null,
  severity: 'warning',
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
