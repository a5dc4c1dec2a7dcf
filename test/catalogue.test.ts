/**
 * The rule catalogue as a whole: every rule has a message in Swedish and English that renders
 * with real numbers, every seed phrase is the certifier's own words, `qm explain` quotes them,
 * and every rule that `qm rules` lists is exercised by some test.
 */
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { catalogues } from '../src/i18n/index.js';
import type { Args } from '../src/i18n/types.js';
import { allRules } from '../src/rules/index.js';
import { SEED, seedQuote } from '../src/rules/seed.js';
import { ROOT, qm } from './helpers/app.js';

/** Arguments as the rules give them, one plausible value for every name a message uses. */
const BASE: Args = {
  action: 'A2',
  actorSector: 'offentlig',
  ahead: 4,
  bildad: '2024-05-01',
  budget: 3_900_000,
  byte: '0xF6',
  bytes: 1_048_577,
  canonical: 'målgrupp',
  chapter: 3,
  char: '中',
  code: 'EACCES',
  comparison: '<=',
  count: 3,
  datum: '2026-11-16',
  detail: 'truncated',
  earliest: 2023,
  end: '2026-02-28',
  ending: 'pdf',
  expected: 'number',
  expired: '2026-11-14',
  field: 'andel',
  first: '03-organisation.md',
  format: 'date',
  from: 2026,
  goal: 'M3',
  granted: '2023-11-14',
  group: 'Ledningsgruppen',
  horizon: 'kort',
  id: 'I1',
  index: 2,
  key: 'affarside',
  kind: 'invalid',
  kinds: 2,
  known: 'M1, M2',
  latest: 2025,
  latin1: 'ö',
  limit: 50,
  list: 'nyhetsbrev, möte',
  mark: 'TODO',
  max: 100,
  mb: 21.5,
  met: '2027-05-01',
  min: 0,
  missing: 'besökare',
  missingEn: 'visitors',
  months: 6,
  name: 'Storviks Handelsförening',
  next: 2027,
  number: '811218-****',
  parent: 'kontakt',
  part: 'hot',
  path: 'bilagor/karta.png',
  private: 1_950_000,
  privateShare: 50,
  public: 1_950_000,
  publicShare: 50,
  reason: 'tab',
  ref: '2026-11-15',
  rule: 'k3/verksam-tre-ar',
  sector: 'privat',
  start: '2026-03-01',
  startad: '2017',
  strategy: 'S9',
  suggestion: 'affärsidé',
  sum: 3_939_001,
  text: '[FYLL I: organisationens affärsidé]',
  to: 2027,
  total: 210,
  unit: '%',
  until: 2029,
  value: 'fyrtio',
  words: 49,
  written: '4,52',
  year: 2024,
  years: '2023, 2024',
  all: '2023: 4,52, 2024: 4,61',
  allowed: 'offentlig, privat',
};

/** Where two rules use one name for different things (`years`: a count, or a list of years). */
const OWN: Record<string, Args> = {
  'pdf/tabell-for-bred': { line: 73, chapter: '2 Nuläge', columns: 40 },
  'k3/verksam-tre-ar': {
    years: 2,
    commitments: 3,
    needed: '2029-11-15',
    absent: 'offentlig',
    listed: 1,
    c1: 'Fastighetsägarna',
    c1sector: 'privat',
    c1till: '2028-06-30',
    c1early: 1,
    c1noTill: 0,
    c1noDoc: 1,
    noSector: 'Handelsföreningen',
  },
  'k7/budget-overstiger': {
    count: 2,
    action1: 'A2',
    share1: 650_000,
    budget1: 650_000,
    inYear1: 275,
    days1: 275,
    action2: 'A4',
    share2: 261_905,
    budget2: 900_000,
    inYear2: 275,
    days2: 945,
  },
  'schema/tvetydigt-tal': { value: '62.500', thousands: 62_500, decimal: 62.5, year: '2025' },
  'k5/vision-tre-ar': { years: 2 },
  'k3/bildad-ofullstandigt-datum': { year: 2023, from: '2026-01-01', to: '2026-12-31' },
  'k8/orimligt-varde': { value: 111.4 },
  'bilaga/storlek': { bytes: 21_500_000, total: 210_000_000, limit: 20 },
};

/** The branches of the messages: each is rendered on top of BASE. */
const BRANCHES: Args[] = [
  {},
  { future: 1 },
  { year: 1, future: 0 },
  { longAgo: 1 },
  { checkDigit: 1 },
  { checkDigit: 0 },
  { negative: 1 },
  { none: 1 },
  { order: 1 },
  { all: 1 },
  { mismatch: 1 },
  { missing: 'both' },
  { missing: 'offentlig' },
  { missing: 'privat' },
  { kind: 'utf16' },
  { kind: 'utf32' },
  { kind: 'folder' },
  { kind: 'docx' },
  { kind: 'special' },
  { reason: 'url' },
  { reason: 'absolute' },
  { reason: 'link' },
  { reason: 'parent' },
  { reason: 'nul', path: 'bilagor/a\u0000.pdf' },
  { reason: 'loop' },
  { reason: 'frontmatter-unclosed' },
  { reason: 'aliases' },
  { format: 'email' },
  { format: 'year-key' },
  { format: '^\\S+$' },
  { count: 0 },
  { count: 1 },
  { years: '' },
  { suggestion: '' },
  { months: 0 },
  { detail: 'empty' },
  { detail: 'zero-size' },
  { code: 'EISDIR' },
  { orYear: 1 },
  { latin1: '' },
  { datum: '' },
  { group: '' },
  { known: '' },
  { list: '' },
  { a: 1 },
];

function render(id: string, lang: 'sv' | 'en', args: Args): string {
  const f = catalogues[lang][id];
  if (!f) throw new Error(`${id} has no ${lang} message`);
  return f(args);
}

describe('messages', () => {
  it.each(allRules.map((r) => r.id))('%s has a Swedish and an English message that render with numbers', (id) => {
    for (const lang of ['sv', 'en'] as const) {
      for (const branch of BRANCHES) {
        const text = render(id, lang, { ...BASE, ...OWN[id], ...branch });
        expect(text.trim().length, `${lang} ${JSON.stringify(branch)}`).toBeGreaterThan(10);
        expect(text, `${lang} ${JSON.stringify(branch)}`).not.toMatch(/undefined|NaN|\[object Object\]/);
      }
    }
  });

  it('has no message for a rule that does not exist', () => {
    const ids = new Set(allRules.map((r) => r.id));
    expect(Object.keys(catalogues.sv).filter((k) => !ids.has(k))).toEqual([]);
    expect(Object.keys(catalogues.en).filter((k) => !ids.has(k))).toEqual([]);
  });

  it('says what was found, with the numbers, and how to fix it (rules.md’s own example)', () => {
    const args = { bildad: '2024-05-01', years: 2, months: 6, met: '2027-05-01', future: 0, year: 0, ref: '2026-11-15' };
    expect(render('k3/verksam-tre-ar', 'sv', args)).toBe(
      'Organisationen bildades 2024-05-01 och har varit verksam i 2 år och 6 månader. Kravet är minst tre år; det uppfylls 2027-05-01.',
    );
    expect(render('k4/offentlig-och-privat', 'sv', { sum: 2_000_000, public: 2_000_000, private: 0, missing: 'privat' })).toBe(
      'Finansieringen är 100 % offentlig (2 000 000 kr). Kravet är att både offentliga och privata aktörer bidrar.',
    );
  });
});

describe('the seed', () => {
  it.each(allRules.filter((r) => r.seed).map((r) => [r.id, r.seed!]))('%s quotes the certifier’s words', (_id, seed) => {
    expect(seedQuote(seed)).toBeDefined();
  });

  it('has an example for every rule, which `qm explain` prints (cli.md: "an example")', async () => {
    expect(allRules.filter((r) => !r.example).map((r) => r.id)).toEqual([]);
    const res = await qm(['explain', 'bilaga/krypterad']);
    expect(res.stdout).toContain('Exempel:\n    protokoll: bilagor/budgetbeslut-utan-losenord.pdf');
  });

  it('names a seed phrase for every chapter rule that rules.md gives one', () => {
    const withSeed = [
      'k1/startad',
      'k2/swot',
      'k3/verksam-tre-ar',
      'k3/bildad-ofullstandigt-datum',
      'k3/offentlig-och-privat',
      'k3/andelar-summa',
      'k3/grupp-beskrivning',
      'k3/grupper-saknas',
      'k3/organisationsmatris',
      'k3/karta',
      'k4/offentlig-och-privat',
      'k4/budget-beslutad',
      'k4/budget-uppfoljning',
      'k4/avtal',
      'k5/vision',
      'k5/affarside',
      'k5/vision-tre-ar',
      'k5/vision-aktuell',
      'k5/dokument',
      'k5/samsyn',
      'k6/kortsiktiga-mal',
      'k6/langsiktiga-mal',
      'k6/hallbarhetsmal',
      'k6/forankring',
      'k6/oversiktsplan',
      'k6/dokument',
      'k7/atgarder-saknas',
      'k7/mal-koppling',
      'k7/strategi-koppling',
      'k7/ansvarig',
      'k7/tidplan',
      'k7/budget',
      'k7/syfte',
      'k7/samverkansprocess',
      'k7/flerarig-plan',
      'k7/plan-foregaende-ar',
      'k7/plan-innevarande-ar',
      'k8/metod',
      'k8/tre-ars-resultat',
      'k8/malgrupper',
      'k8/mal-uppfoljning',
      'k8/ingen-maluppfoljning',
      'k8/underlag',
      'k8/koncis',
      'k9/intressenter',
      'k9/medborgare',
      'k9/underlag',
      'k9/kanalbredd',
    ];
    expect(withSeed.filter((id) => !allRules.find((r) => r.id === id)?.seed)).toEqual([]);
  });

  it('is the certifier’s text verbatim, typos included', () => {
    expect(SEED).toContain('Beskriv också mandat och mötesfrekverns och beslutsvägar.');
    expect(SEED).toContain('Det ksa finnas ett dokument');
    expect(SEED.split('\n').filter((l) => /^\s*\d\. /.test(l))).toHaveLength(9);
  });

  it('is quoted by `qm explain k3/verksam-tre-ar`', async () => {
    const res = await qm(['explain', 'k3/verksam-tre-ar']);
    expect(res.code).toBe(0);
    expect(res.stdout).toContain('verksam i minst tre år');
    expect(res.stdout).toContain(
      '”Krav är en dokumenterad samverkansorganisation offentlig och privat verksamhet som varit verksam i minst tre år.”',
    );
  });
});

describe('every rule is tested', () => {
  async function testSources(dir: string): Promise<string[]> {
    const out: string[] = [];
    for (const e of await readdir(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) out.push(...(await testSources(p)));
      else if (/\.ts$/.test(e.name) && p !== join(ROOT, 'test', 'catalogue.test.ts')) out.push(await readFile(p, 'utf8'));
    }
    return out;
  }

  it('no rule that `qm rules` lists is left out of the tests under test/', async () => {
    const res = await qm(['rules', '--format', 'json']);
    expect(res.code).toBe(0);
    const ids: string[] = JSON.parse(res.stdout).map((r: { id: string }) => r.id);
    expect(ids.length).toBe(allRules.length);
    const sources = (await testSources(join(ROOT, 'test'))).join('\n');
    // The whole id, not a longer one that starts with it (k5/vision in k5/vision-tre-ar).
    const mentioned = (id: string) => new RegExp(`(^|[\\s'"\`])${id.replace(/[/.-]/g, '\\$&')}($|[\\s'"\`])`, 'm').test(sources);
    expect(ids.filter((id) => !mentioned(id))).toEqual([]);
  });

  it('lists every id of rules.md', async () => {
    const res = await qm(['rules']);
    for (const id of RULES_MD) expect(res.stdout, id).toContain(`${id} `);
  });
});

/** The ids of rules.md, the contract that reports, configs and pipelines refer to. */
const RULES_MD = [
  'ansokan/saknas',
  'kapitel/saknas',
  'kapitel/dubblett',
  'fil/syntax',
  'fil/kodning',
  'fil/for-stor',
  'schema/okant-falt',
  'schema/ascii-nyckel',
  'schema/decimalkomma',
  'schema/tvetydigt-tal',
  'schema/saknat-falt',
  'schema/fel-typ',
  'schema/okant-varde',
  'id/dubblett',
  'text/saknas',
  'text/kort',
  'text/personnummer',
  'text/platshallare',
  'text/arbetsmarkering',
  'config/oanvant-undantag',
  'bilaga/saknas',
  'bilaga/utanfor-mappen',
  'bilaga/filtyp',
  'bilaga/trasig',
  'bilaga/krypterad',
  'bilaga/skyddad',
  'bilaga/storlek',
  'bilaga/oanvand',
  'ansokan/organisationsnummer',
  'ansokan/fornyelse-datum',
  'ansokan/synpunkt-utan-atgard',
  'ansokan/certifiering-utgangen',
  'k1/startad',
  'k1/startad-efter-bildad',
  'k2/swot',
  'k2/swot-tom-del',
  'k3/verksam-tre-ar',
  'k3/bildad-ofullstandigt-datum',
  'k3/offentlig-och-privat',
  'k3/andelar-summa',
  'k3/grupp-beskrivning',
  'k3/grupper-saknas',
  'k3/organisationsmatris',
  'k3/karta',
  'k4/offentlig-och-privat',
  'k4/budget-summa',
  'k4/budget-beslutad',
  'k4/budget-uppfoljning',
  'k4/avtal',
  'k4/budgetar',
  'k4/sektor-motsager-k3',
  'k5/vision',
  'k5/affarside',
  'k5/vision-tre-ar',
  'k5/vision-aktuell',
  'k5/vision-borjar-senare',
  'k5/vision-certifieringsperiod',
  'k5/dokument',
  'k5/samsyn',
  'k6/kortsiktiga-mal',
  'k6/langsiktiga-mal',
  'k6/horisont',
  'k6/mal-bortom-tio-ar',
  'k6/mal-passerat',
  'k6/strategi-okant-mal',
  'k6/mal-utan-strategi',
  'k6/hallbarhetsmal',
  'k6/forankring',
  'k6/oversiktsplan',
  'k6/dokument',
  'k7/atgarder-saknas',
  'k7/mal-koppling',
  'k7/atgard-utan-mal',
  'k7/strategi-koppling',
  'k7/atgard-utan-strategi',
  'k7/ansvarig',
  'k7/tidplan',
  'k7/budget',
  'k7/syfte',
  'k7/budget-overstiger',
  'k7/mal-utan-atgard',
  'k7/samverkansprocess',
  'k7/flerarig-plan',
  'k7/plan-foregaende-ar',
  'k7/plan-innevarande-ar',
  'k8/metod',
  'k8/tre-ars-resultat',
  'k8/indikator-ofullstandig',
  'k8/malgrupper',
  'k8/mal-uppfoljning',
  'k8/ingen-maluppfoljning',
  'k8/orimligt-varde',
  'k8/underlag',
  'k8/koncis',
  'k9/intressenter',
  'k9/medborgare',
  'k9/underlag',
  'k9/kanalbredd',
];
