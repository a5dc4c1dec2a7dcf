import { asArray, defineRule, strings, type RuleContext, type NoArgs } from './define.js';
import { items } from './util.js';
import * as sv from '../i18n/sv.js';
import * as en from '../i18n/en.js';

function channels(ctx: RuleContext) {
  return items(ctx.data(9)?.kanaler).map(({ i, item }) => ({
    i,
    typ: item.typ,
    groups: strings(item.målgrupp),
    attachments: asArray(item.bilagor).length,
  }));
}

export const intressenter = defineRule<NoArgs>({
  id: 'k9/intressenter',
  chapter: 9,
  severity: 'error',
  message: {
    sv: () => 'Ingen kanal riktar sig till intressenter. Kravet är kommunikation och dialog med såväl intressenter som medborgare.',
    en: () => 'No channel is aimed at stakeholders. The requirement is communication and dialogue with both stakeholders and citizens.',
  },
  schema: true,
  seed: 'kommunikation och dialog med såväl intressenter som medborgare',
  title: { sv: 'Ingen kanal riktar sig till intressenter', en: 'No channel is aimed at stakeholders' },
  fix: {
    sv: 'Lägg till en kanal med `målgrupp: [intressenter]` (t.ex. nätverksmöten, nyhetsbrev till medlemmar).',
    en: 'Add a channel with `målgrupp: [intressenter]` (e.g. network meetings, member newsletters).',
  },
  example: 'kanaler:\n  - typ: möte\n    namn: Fastighetsägarfrukost\n    målgrupp: [intressenter]',
});

export const medborgare = defineRule<NoArgs>({
  id: 'k9/medborgare',
  chapter: 9,
  severity: 'error',
  message: {
    sv: () => 'Ingen kanal riktar sig till medborgare. Kravet är kommunikation och dialog med såväl intressenter som medborgare.',
    en: () => 'No channel is aimed at citizens. The requirement is communication and dialogue with both stakeholders and citizens.',
  },
  schema: true,
  seed: 'kommunikation och dialog med såväl intressenter som medborgare',
  title: { sv: 'Ingen kanal riktar sig till medborgare', en: 'No channel is aimed at citizens' },
  fix: {
    sv: 'Lägg till en kanal med `målgrupp: [medborgare]` (t.ex. medborgardialog, sociala medier).',
    en: 'Add a channel with `målgrupp: [medborgare]` (e.g. citizen dialogue, social media).',
  },
  example: 'kanaler:\n  - typ: medborgardialog\n    namn: Centrumdialogen\n    målgrupp: [medborgare]',
});

export const underlag = defineRule<{ count: number; missing: string; missingEn: string }>({
  id: 'k9/underlag',
  chapter: 9,
  severity: 'error',
  message: {
    sv: (a) =>
      `Det saknas underlag som visar kommunikationen med ${a.missing}. Bifoga underlag under en kanals \`bilagor\` eller kapitlets \`bilagor\`.`,
    en: (a) =>
      `There is no evidence of the communication with ${a.missingEn}. Attach evidence under a channel’s \`bilagor\` or the chapter’s \`bilagor\`.`,
  },
  seed: 'Ett krav är att det finns underlag som visar er kommunikation och dialog med såväl intressenter som medborgare.',
  title: {
    sv: 'Underlag saknas för kommunikationen med intressenter eller medborgare',
    en: 'No evidence of the communication with stakeholders or citizens',
  },
  fix: {
    sv: 'Bifoga underlag (pressklipp, inbjudningar, nyhetsbrev) under en kanals `bilagor` för varje målgrupp, eller under kapitlets `bilagor` (räknas för båda).',
    en: 'Attach evidence (press clippings, invitations, newsletters) under a channel’s `bilagor` for each target group, or under the chapter’s `bilagor` (counts for both).',
  },
  example:
    'kanaler:\n  - typ: nyhetsbrev\n    namn: Centrumnytt\n    målgrupp: [intressenter, medborgare]\n    bilagor: [bilagor/centrumnytt-2026-1.pdf]',
  check(ctx, report) {
    const own = asArray(ctx.data(9)?.bilagor).length > 0;
    const list = channels(ctx);
    const missing = ['intressenter', 'medborgare'].filter((g) => !own && !list.some((c) => c.attachments > 0 && c.groups.includes(g)));
    if (missing.length > 0)
      report({ pointer: '/kanaler', args: { missing: missing.join(' och '), count: missing.length, missingEn: missing.join(' and ') } });
  },
});

export const kanalbredd = defineRule<{ kinds: number; list: string }>({
  id: 'k9/kanalbredd',
  chapter: 9,
  severity: 'info',
  message: {
    sv: (a) =>
      `Kanalerna är av ${a.kinds} ${sv.n(a, 'kinds') === 1 ? 'slag' : 'slag'}${a.list ? ` (${a.list})` : ''}. Visa gärna bredd, t.ex. marknadsföring, möten, evenemang, medborgardialog, nyhetsbrev.`,
    en: (a) =>
      `The channels are of ${a.kinds} ${en.n(a, 'kinds') === 1 ? 'kind' : 'kinds'}${a.list ? ` (${a.list})` : ''}. Show breadth, e.g. marketing, meetings, events, citizen dialogue, newsletters.`,
  },
  seed: 'till exempel marknadsföring, möten, events, medborgardialoger, digitala plattformar, nyhetsbrev, pressklipp etc.',
  title: { sv: 'Färre än tre sorters kanaler', en: 'Fewer than three kinds of channel' },
  fix: { sv: 'Visa bredd: använd minst tre olika `typ` av kanaler.', en: 'Show breadth: use at least three different `typ` of channel.' },
  example: 'kanaler: [ {typ: möte, …}, {typ: nyhetsbrev, …}, {typ: medborgardialog, …} ]',
  check(ctx, report) {
    const kinds = new Set(channels(ctx).flatMap((c) => (typeof c.typ === 'string' ? [c.typ] : [])));
    if (kinds.size < 3) report({ pointer: '/kanaler', args: { kinds: kinds.size, list: [...kinds].join(', ') } });
  },
});

export const rules = [intressenter, medborgare, underlag, kanalbredd];
