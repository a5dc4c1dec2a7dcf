import { compare, dateOrYear, span } from '../util/dates.js';
import { defineRule, type NoArgs } from './define.js';
import { dateText } from './util.js';

export const startad = defineRule<NoArgs>({
  id: 'k1/startad',
  chapter: 1,
  severity: 'warning',
  message: {
    sv: () =>
      'Det framgår inte när samverkan startade. Ange `startad` (datum eller år): kapitlet ska berätta hur samverkan startade och varför.',
    en: () =>
      'When the collaboration started is not given. Give `startad` (a date or a year): the chapter should tell how the collaboration started and why.',
  },
  schema: true,
  seed: 'Berätta om bakgrunden till er samverkansorganisation, hur den startade och varför.',
  title: { sv: 'När samverkan startade (`startad`) saknas', en: 'When the collaboration started (`startad`) is missing' },
  fix: { sv: 'Ange `startad` med datum eller år i kapitel 1.', en: 'Give `startad` as a date or a year in chapter 1.' },
  example: 'startad: 2012',
});

export const startadEfterBildad = defineRule<{ bildad: string; startad: string }>({
  id: 'k1/startad-efter-bildad',
  chapter: 1,
  severity: 'warning',
  message: {
    sv: (a) =>
      `Samverkan anges ha startat ${a.startad}, efter att organisationen bildades ${a.bildad} (kapitel 3). Rätta \`startad\` eller \`bildad\`.`,
    en: (a) =>
      `The collaboration is said to have started ${a.startad}, after the organisation was formed ${a.bildad} (chapter 3). Correct \`startad\` or \`bildad\`.`,
  },
  needs: [3],
  title: { sv: '`startad` ligger efter `bildad` i kapitel 3', en: '`startad` is later than `bildad` in chapter 3' },
  fix: {
    sv: 'Samverkan startar före eller samtidigt som organisationen bildas: rätta `startad` (kapitel 1) eller `bildad` (kapitel 3).',
    en: 'The collaboration starts before or when the organisation is formed: correct `startad` (chapter 1) or `bildad` (chapter 3).',
  },
  example: '# 01-bakgrund.md\nstartad: 2012\n# 03-organisation.md\nbildad: 2016-03-01',
  applies: (ctx) => dateOrYear(ctx.data(1)?.startad) !== undefined && dateOrYear(ctx.data(3)?.bildad) !== undefined,
  check(ctx, report) {
    const s = dateOrYear(ctx.data(1)?.startad);
    const b = dateOrYear(ctx.data(3)?.bildad);
    if (!s || !b) return;
    if (compare(span(s).first, span(b).last) > 0) {
      report({
        pointer: '/startad',
        args: { startad: dateText(s), bildad: dateText(b) },
        involves: [{ file: ctx.file(3)?.file ?? null, pointer: '/bildad' }],
      });
    }
  },
});

export const rules = [startad, startadEfterBildad];
