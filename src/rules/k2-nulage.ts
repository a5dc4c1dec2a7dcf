import { asArray, asObject, defineRule, type NoArgs } from './define.js';

export const swot = defineRule<NoArgs>({
  id: 'k2/swot',
  chapter: 2,
  severity: 'warning',
  message: {
    sv: () =>
      'Kapitlet har varken `swot` eller någon bilaga. Bedömaren ser gärna en SWOT eller en nulägesanalys: lägg till `swot` eller en bilaga.',
    en: () =>
      'The chapter has neither `swot` nor an attachment. The assessor would like a SWOT or a situation analysis: add `swot` or an attachment.',
  },
  schema: true,
  pointer: '/swot',
  seed: 'Bifoga gärna en SWOT eller annat dokument som beskriver organisationens utmaningar och möjligheter samt nuläge',
  title: { sv: 'Varken `swot` eller någon bilaga i kapitel 2', en: 'Neither `swot` nor any attachment in chapter 2' },
  fix: {
    sv: 'Lägg till `swot` (styrkor, svagheter, möjligheter, hot) eller bifoga en nulägesanalys under `bilagor`.',
    en: 'Add `swot` (strengths, weaknesses, opportunities, threats) or attach a situation analysis under `bilagor`.',
  },
  example:
    'swot:\n  styrkor: [Engagerade fastighetsägare]\n  svagheter: [Tomma lokaler på Storgatan]\n  möjligheter: [Ny resecentrum 2027]\n  hot: [Externhandel]',
});

const PARTS = ['styrkor', 'svagheter', 'möjligheter', 'hot'] as const;

export const swotTomDel = defineRule<{ part: string }>({
  id: 'k2/swot-tom-del',
  chapter: 2,
  severity: 'warning',
  message: {
    sv: (a) => `SWOT:ens del \`${a.part}\` är tom. Fyll i alla fyra delarna: styrkor, svagheter, möjligheter och hot.`,
    en: (a) => `The SWOT part \`${a.part}\` is empty. Fill in all four parts: styrkor, svagheter, möjligheter and hot.`,
  },
  title: { sv: 'En av SWOT:ens fyra delar är tom', en: 'One of the four parts of the SWOT is empty' },
  fix: {
    sv: 'Fyll i alla fyra delarna: styrkor, svagheter, möjligheter och hot.',
    en: 'Fill in all four parts: styrkor, svagheter, möjligheter and hot.',
  },
  example: 'swot:\n  styrkor: [Centralt läge]\n  svagheter: [Få besökare kvällstid]\n  möjligheter: [Nya bostäder]\n  hot: [E-handel]',
  applies: (ctx) => asObject(ctx.data(2)?.swot) !== undefined,
  check(ctx, report) {
    const s = asObject(ctx.data(2)?.swot);
    if (!s) return;
    for (const part of PARTS) {
      if (asArray(s[part]).filter((x) => typeof x === 'string' && x.trim()).length === 0) {
        report({ pointer: `/swot/${part}`, args: { part } });
      }
    }
  },
});

export const rules = [swot, swotTomDel];
