/**
 * The rule catalogue as a whole, against the spec (rules.md) and the docs: every rule of rules.md is
 * defined with its severity and chapter and no other; each rule's Swedish and English message,
 * given an example of its arguments, says its numbers and fields; docs/rules.md and docs/regler.md
 * have an anchor for each id; every seed phrase is the certifier's own words; every rule is
 * exercised by some test.
 */
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { message } from '../src/i18n/index.js';
import type { Args } from '../src/i18n/types.js';
import { formatNumber } from '../src/load/numbers.js';
import { defineRule } from '../src/rules/define.js';
import { allRules, ruleById } from '../src/rules/index.js';
import { RULE_IDS, isRuleId, type RuleId } from '../src/rules/ids.js';
import { SEED, seedQuote } from '../src/rules/seed.js';
import type { Severity } from '../src/model/types.js';
import { ROOT, qm } from './helpers/app.js';

/**
 * The rules of the spec (/work/shared/spec/rules.md, the contract): id and severity, in its order.
 * Its `schema/*` row makes every other `schema/` id an error. Update this table with the spec.
 */
const RULES_MD: [string, Severity][] = [
  ['ansokan/saknas', 'error'],
  ['kapitel/saknas', 'error'],
  ['kapitel/dubblett', 'error'],
  ['fil/syntax', 'error'],
  ['fil/kodning', 'error'],
  ['fil/for-stor', 'error'],
  ['schema/okant-falt', 'warning'],
  ['schema/ascii-nyckel', 'info'],
  ['schema/decimalkomma', 'error'],
  ['schema/tvetydigt-tal', 'error'],
  ['id/dubblett', 'error'],
  ['text/saknas', 'error'],
  ['text/kort', 'warning'],
  ['text/personnummer', 'warning'],
  ['text/platshallare', 'error'],
  ['text/arbetsmarkering', 'warning'],
  ['config/oanvant-undantag', 'warning'],
  ['pdf/tecken-saknas', 'warning'],
  ['pdf/tabell-for-bred', 'warning'],
  ['bilaga/saknas', 'error'],
  ['bilaga/utanfor-mappen', 'error'],
  ['bilaga/filtyp', 'error'],
  ['bilaga/trasig', 'error'],
  ['bilaga/krypterad', 'error'],
  ['bilaga/skyddad', 'warning'],
  ['bilaga/storlek', 'warning'],
  ['bilaga/oanvand', 'warning'],
  ['ansokan/organisationsnummer', 'error'],
  ['ansokan/fornyelse-datum', 'error'],
  ['ansokan/synpunkt-utan-atgard', 'warning'],
  ['ansokan/certifiering-utgangen', 'warning'],
  ['k1/startad', 'warning'],
  ['k1/startad-efter-bildad', 'warning'],
  ['k2/swot', 'warning'],
  ['k2/swot-tom-del', 'warning'],
  ['k3/verksam-tre-ar', 'error'],
  ['k3/bildad-ofullstandigt-datum', 'warning'],
  ['k3/offentlig-och-privat', 'error'],
  ['k3/andelar-summa', 'warning'],
  ['k3/grupp-beskrivning', 'error'],
  ['k3/grupper-saknas', 'error'],
  ['k3/organisationsmatris', 'error'],
  ['k3/karta', 'error'],
  ['k4/offentlig-och-privat', 'error'],
  ['k4/budget-summa', 'warning'],
  ['k4/budget-beslutad', 'error'],
  ['k4/budget-uppfoljning', 'error'],
  ['k4/avtal', 'error'],
  ['k4/budgetar', 'warning'],
  ['k4/sektor-motsager-k3', 'warning'],
  ['k5/vision', 'error'],
  ['k5/affarside', 'error'],
  ['k5/vision-tre-ar', 'error'],
  ['k5/vision-aktuell', 'error'],
  ['k5/vision-borjar-senare', 'warning'],
  ['k5/vision-certifieringsperiod', 'info'],
  ['k5/dokument', 'error'],
  ['k5/samsyn', 'error'],
  ['k6/kortsiktiga-mal', 'error'],
  ['k6/langsiktiga-mal', 'error'],
  ['k6/horisont', 'warning'],
  ['k6/mal-bortom-tio-ar', 'warning'],
  ['k6/mal-passerat', 'warning'],
  ['k6/strategi-okant-mal', 'error'],
  ['k6/mal-utan-strategi', 'warning'],
  ['k6/hallbarhetsmal', 'info'],
  ['k6/forankring', 'error'],
  ['k6/oversiktsplan', 'error'],
  ['k6/dokument', 'error'],
  ['k7/atgarder-saknas', 'error'],
  ['k7/mal-koppling', 'error'],
  ['k7/atgard-utan-mal', 'warning'],
  ['k7/strategi-koppling', 'error'],
  ['k7/atgard-utan-strategi', 'warning'],
  ['k7/ansvarig', 'error'],
  ['k7/tidplan', 'error'],
  ['k7/budget', 'error'],
  ['k7/syfte', 'error'],
  ['k7/budget-overstiger', 'warning'],
  ['k7/mal-utan-atgard', 'warning'],
  ['k7/samverkansprocess', 'error'],
  ['k7/flerarig-plan', 'error'],
  ['k7/plan-foregaende-ar', 'error'],
  ['k7/plan-innevarande-ar', 'error'],
  ['k8/metod', 'error'],
  ['k8/tre-ars-resultat', 'error'],
  ['k8/indikator-ofullstandig', 'warning'],
  ['k8/malgrupper', 'warning'],
  ['k8/mal-uppfoljning', 'warning'],
  ['k8/ingen-maluppfoljning', 'error'],
  ['k8/orimligt-varde', 'warning'],
  ['k8/underlag', 'error'],
  ['k8/koncis', 'info'],
  ['k9/intressenter', 'error'],
  ['k9/medborgare', 'error'],
  ['k9/underlag', 'error'],
  ['k9/kanalbredd', 'info'],
];
/** In rules.md but not defined yet (none now; a rule of the spec being built on a branch goes here). */
const NOT_YET: string[] = [];
/** Defined by qm, not named in rules.md ("more rules may be added"). */
const BEYOND_SPEC: string[] = ['fil/olasbar'];

/** The chapter of a rule in rules.md: that of its `kN/` prefix; null for the rest. */
const chapterOf = (id: string) => (/^k(\d)\//.exec(id) ? Number(id[1]) : null);

describe('the rules and the spec', () => {
  it('defines every rule of rules.md with its severity and chapter', () => {
    const wrong = RULES_MD.filter(([id]) => !NOT_YET.includes(id)).flatMap(([id, severity]) => {
      const rule = ruleById.get(id);
      if (!rule) return [`${id}: not defined`];
      const got = { severity: rule.severity, chapter: rule.chapter };
      const want = { severity, chapter: chapterOf(id) };
      return JSON.stringify(got) === JSON.stringify(want) ? [] : [`${id}: ${JSON.stringify(got)}, rules.md ${JSON.stringify(want)}`];
    });
    expect(wrong).toEqual([]);
    expect(
      NOT_YET.filter((id) => ruleById.has(id)),
      'defined now: remove it from NOT_YET',
    ).toEqual([]);
  });

  it('defines no rule that rules.md does not name (a `schema/` id as an error under `schema/*`)', () => {
    const named = new Set(RULES_MD.map(([id]) => id));
    const unnamed = allRules.filter((r) => !named.has(r.id) && !(r.id.startsWith('schema/') && r.severity === 'error'));
    expect(unnamed.map((r) => r.id)).toEqual(BEYOND_SPEC);
  });

  it('lists each id once, and src/rules/ids.ts is the list of the definitions, in order', () => {
    expect(allRules.map((r) => r.id)).toEqual([...RULE_IDS]);
    expect(new Set(RULE_IDS).size).toBe(RULE_IDS.length);
  });

  it('refuses a misspelt id or argument at compile time (tsc checks the @ts-expect-error lines)', () => {
    // @ts-expect-error `år` is not the `ar` of the id: no such rule
    const misspelt: RuleId = 'k3/verksam-tre-år';
    expect(isRuleId(misspelt)).toBe(false);
    const rule = defineRule<{ words: number; limit: number }>({
      id: 'text/kort',
      chapter: null,
      severity: 'warning',
      message: { sv: (a) => `${a.words} av ${a.limit}`, en: (a) => `${a.words} of ${a.limit}` },
      title: { sv: '', en: '' },
      fix: { sv: '', en: '' },
      check(_ctx, report) {
        // @ts-expect-error `limit` is missing and `word` is no argument of this rule
        report({ args: { word: 3 } });
        report({ args: { words: 3, limit: 50 } });
      },
    });
    expect(rule.message.sv({ words: 3, limit: 50 })).toBe('3 av 50');
  });

  it('tags the schemas with rule ids only (x-qm-regel)', async () => {
    const dir = join(ROOT, 'schemas');
    const tags: string[] = [];
    for (const f of (await readdir(dir)).filter((f) => f.endsWith('.json')))
      for (const m of (await readFile(join(dir, f), 'utf8')).matchAll(/"x-qm-regel":\s*"([^"]+)"/g)) tags.push(m[1]!);
    expect(tags.length).toBeGreaterThan(10);
    expect(tags.filter((t) => !isRuleId(t))).toEqual([]);
  });
});

interface Example {
  args: Args;
  /** Arguments that only choose the wording (a reason, a kind, a flag), so the text need not show them; `key@en`: not in English. */
  hide?: string[];
}

/** An example of each rule's arguments, as its check gives them. */
const EXAMPLES: Record<RuleId, Example> = {
  'bilaga/saknas': { args: { path: 'bilagor/karta.png', reason: 'missing' }, hide: ['reason'] },
  'bilaga/utanfor-mappen': { args: { path: '/Users/anna/karta.png', reason: 'absolute' }, hide: ['reason'] },
  'bilaga/filtyp': { args: { path: 'bilagor/budget.docx', kind: 'docx' }, hide: ['kind'] },
  'bilaga/trasig': { args: { path: 'bilagor/karta.png', detail: 'truncated' }, hide: ['detail'] },
  'bilaga/krypterad': { args: { path: 'bilagor/karta.png' } },
  'bilaga/skyddad': { args: { path: 'bilagor/karta.png' } },
  'bilaga/storlek': { args: { path: 'bilagor/foton.pdf', bytes: 21_500_000, limit: 20 }, hide: ['bytes'] },
  'bilaga/oanvand': { args: { path: 'bilagor/karta.png' } },
  'ansokan/saknas': { args: {} },
  'kapitel/saknas': { args: { chapter: 3 } },
  'kapitel/dubblett': { args: { chapter: 3, first: '03-organisation.md' } },
  'fil/syntax': { args: { reason: 'frontmatter-unopened', key: 'bildad', closing: 4 }, hide: ['reason'] },
  'fil/kodning': { args: { kind: 'invalid', byte: '0xF6', latin1: 'ö' }, hide: ['kind'] },
  'fil/for-stor': { args: { bytes: 1048577 } },
  'fil/olasbar': { args: { code: 'EIO' } },
  'schema/saknat-falt': { args: { field: 'andel', parent: 'kontakt' } },
  'schema/fel-typ': { args: { field: 'andel', expected: 'number', min: 0, max: 100, value: 'fyrtio', accepted: '40' }, hide: ['expected'] },
  'schema/okant-varde': { args: { allowed: 'offentlig, privat', field: 'andel', value: 'fyrtio' } },
  'schema/fel-format': { args: { field: 'bildad', format: 'date', value: '2016-3-1', accepted: '2016-03-01' }, hide: ['format'] },
  'schema/tomt-varde': { args: { field: 'andel' } },
  'schema/utanfor-intervall': { args: { field: 'andel', comparison: '<=', limit: 100, value: 140 }, hide: ['comparison'] },
  'schema/tom-lista': { args: { field: 'andel' } },
  'schema/ogiltigt-varde': { args: { field: 'andel', value: 'fyrtio' } },
  'schema/dubbel-nyckel': { args: { first: '03-organisation.md', key: 'affarside' } },
  'schema/okant-falt': { args: { key: 'affarside', suggestion: 'affärsidé' } },
  'schema/ascii-nyckel': { args: { key: 'affarside', suggestion: 'affärsidé' } },
  'schema/decimalkomma': { args: { all: '2023: 4,52, 2024: 4,61', count: 3, key: 'affarside', written: '4,52' } },
  'schema/tvetydigt-tal': { args: { decimal: 62.5, field: 'andel', thousands: 62500, value: '62.500', year: '2025' } },
  'id/dubblett': { args: { first: '03-organisation.md', id: 'I1' } },
  'ansokan/organisationsnummer': { args: { value: 'fyrtio' } },
  'ansokan/fornyelse-datum': { args: {} },
  'ansokan/synpunkt-utan-atgard': { args: {} },
  'ansokan/certifiering-utgangen': { args: { expired: '2026-11-14', granted: '2023-11-14', ref: '2026-11-15' } },
  'config/oanvant-undantag': { args: { rule: 'k3/verksam-tre-ar' } },
  'k1/startad': { args: {} },
  'k1/startad-efter-bildad': { args: { bildad: '2024-05-01', startad: '2017' } },
  'k2/swot': { args: {} },
  'k2/swot-tom-del': { args: { part: 'hot' } },
  'k3/verksam-tre-ar': {
    args: {
      bildad: '2024-05-01',
      years: 2,
      months: 6,
      met: '2027-05-01',
      ref: '2026-11-15',
      commitments: 2,
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
    hide: ['ref', 'commitments', 'absent', 'listed', 'c1early', 'c1noTill', 'c1noDoc'],
  },
  'k3/bildad-ofullstandigt-datum': { args: { from: '2026-01-01', ref: '2026-11-15', to: '2026-12-31', year: 2023 } },
  'k3/offentlig-och-privat': { args: { count: 3, missing: 'offentlig' }, hide: ['missing'] },
  'k3/andelar-summa': { args: { count: 3, sum: 3939001 } },
  'k3/grupp-beskrivning': { args: { group: 'Ledningsgruppen', index: 2, field: 'mandat' }, hide: ['index'] },
  'k3/grupper-saknas': { args: {} },
  'k3/organisationsmatris': { args: {} },
  'k3/karta': { args: {} },
  'k4/offentlig-och-privat': {
    args: { sum: 2_000_000, public: 2_000_000, private: 0, missing: 'privat' },
    hide: ['public', 'private', 'missing'],
  },
  'k4/budget-summa': { args: { budget: 3900000, private: 1950000, privateShare: 50, public: 1950000, publicShare: 50, sum: 3939001 } },
  'k4/budget-beslutad': { args: { datum: '2026-11-16', ref: '2026-11-15' } },
  'k4/budget-uppfoljning': { args: {} },
  'k4/avtal': { args: {} },
  'k4/budgetar': { args: { next: 2027, ref: '2026-11-15', year: 2024 } },
  'k4/sektor-motsager-k3': { args: { actorSector: 'offentlig', name: 'Storviks Handelsförening', sector: 'privat' } },
  'k5/vision': { args: {} },
  'k5/affarside': { args: {} },
  'k5/vision-tre-ar': { args: { from: 2026, to: 2027, years: 2 } },
  'k5/vision-aktuell': { args: { ref: '2026-11-15', to: 2027 } },
  'k5/vision-borjar-senare': { args: { from: 2026, ref: '2026-11-15' } },
  'k5/vision-certifieringsperiod': { args: { to: 2027, until: 2029, ref: 2026 }, hide: ['ref'] },
  'k5/dokument': { args: {} },
  'k5/samsyn': { args: {} },
  'k6/kortsiktiga-mal': { args: { count: 3, from: 2027, to: 2029, ref: 2026 }, hide: ['count', 'ref'] },
  'k6/langsiktiga-mal': { args: { count: 3, from: 2030, ref: 2026 }, hide: ['count', 'ref'] },
  'k6/horisont': { args: { ahead: 4, horizon: 'kort', id: 'I1', ref: '2026-11-15', year: 2024 } },
  'k6/mal-bortom-tio-ar': { args: { ahead: 4, id: 'I1', latest: 2025, ref: '2026-11-15', year: 2024 } },
  'k6/mal-passerat': { args: { id: 'I1', ref: '2026-11-15', year: 2024 } },
  'k6/strategi-okant-mal': { args: { goal: 'M3', known: 'M1, M2', strategy: 'S9' } },
  'k6/mal-utan-strategi': { args: { goal: 'M3' } },
  'k6/hallbarhetsmal': { args: {} },
  'k6/forankring': { args: {} },
  'k6/oversiktsplan': { args: {} },
  'k6/dokument': { args: {} },
  'k7/atgarder-saknas': { args: {} },
  'k7/mal-koppling': { args: { action: 'A2', count: 3, goal: 'M3', known: 'M1, M2' } },
  'k7/atgard-utan-mal': { args: { action: 'A2' } },
  'k7/strategi-koppling': { args: { action: 'A2', strategy: 'S9', known: 'S1, S2', count: 4 }, hide: ['count'] },
  'k7/atgard-utan-strategi': { args: { action: 'A2' } },
  'k7/ansvarig': { args: { action: 'A2' } },
  'k7/tidplan': { args: { action: 'A2', field: 'slut' } },
  'k7/budget': { args: { action: 'A2' } },
  'k7/syfte': { args: { action: 'A2' } },
  'k7/budget-overstiger': {
    args: {
      budget: 3900000,
      count: 2,
      sum: 3939001,
      year: 2024,
      action1: 'A2',
      share1: 650000,
      budget1: 650000,
      inYear1: 275,
      days1: 275,
      action2: 'A4',
      share2: 261905,
      budget2: 900000,
      inYear2: 275,
      days2: 945,
    },
  },
  'k7/mal-utan-atgard': { args: { goal: 'M3' } },
  'k7/samverkansprocess': { args: {} },
  'k7/flerarig-plan': { args: {} },
  'k7/plan-foregaende-ar': { args: {} },
  'k7/plan-innevarande-ar': { args: {} },
  'k8/metod': { args: {} },
  'k8/tre-ars-resultat': { args: { count: 3, earliest: 2023, latest: 2025, ref: 2026 }, hide: ['earliest'] },
  'k8/indikator-ofullstandig': {
    args: { id: 'I1', years: '2023, 2024', latest: 2024, earliest: 2023, ref: 2026 },
    hide: ['latest', 'earliest'],
  },
  'k8/malgrupper': { args: { missing: 'besökare' } },
  'k8/mal-uppfoljning': { args: { goal: 'M3' } },
  'k8/ingen-maluppfoljning': { args: {} },
  'k8/orimligt-varde': { args: { id: 'I1', unit: '%', value: 111.4, year: 2024 } },
  'k8/underlag': { args: {} },
  'k8/koncis': { args: { limit: 50, words: 49 } },
  'k9/intressenter': { args: {} },
  'k9/medborgare': { args: {} },
  'k9/underlag': { args: { missing: 'besökare', count: 1, missingEn: 'visitors' }, hide: ['count', 'missingEn@sv', 'missing@en'] },
  'k9/kanalbredd': { args: { kinds: 2, list: 'nyhetsbrev, möte' } },
  'text/saknas': { args: { chapter: 3 }, hide: ['chapter'] },
  'text/kort': { args: { limit: 50, words: 49 } },
  'text/platshallare': { args: { text: '[FYLL I: organisationens affärsidé]' } },
  'text/arbetsmarkering': { args: { mark: 'TODO' } },
  'text/personnummer': { args: { number: '811218-****' } },
  'pdf/tecken-saknas': { args: { char: '中', code: 'EACCES', count: 3 } },
  'pdf/tabell-for-bred': { args: { line: 14, chapter: '2 Nuläge', columns: 60 } },
};

/** The ways a message may write a value: as given, or as a number in Swedish or English. */
function forms(v: string | number): string[] {
  if (typeof v === 'string') return [v];
  return [String(v), String(v).replace('.', ','), formatNumber(v), formatNumber(v, undefined, ','), formatNumber(v, undefined, ' ')];
}

describe('messages', () => {
  it.each(allRules.map((r) => r.id))('%s says its numbers and fields, in Swedish and in English', (id) => {
    const { args, hide = [] } = EXAMPLES[id];
    for (const lang of ['sv', 'en'] as const) {
      const text = message(id, args, lang);
      expect(text, lang).not.toMatch(/undefined|NaN|\[object Object\]/);
      const missing = Object.entries(args).filter(
        ([k, v]) => v !== undefined && !hide.includes(k) && !hide.includes(`${k}@${lang}`) && !forms(v).some((f) => text.includes(f)),
      );
      expect(
        missing.map(([k]) => k),
        `${lang}: ${text}`,
      ).toEqual([]);
    }
  });

  it('says what was found, with the numbers, and how to fix it (rules.md’s own example)', () => {
    const args = { bildad: '2024-05-01', years: 2, months: 6, met: '2027-05-01', future: 0, year: 0, ref: '2026-11-15' };
    expect(message('k3/verksam-tre-ar', args, 'sv')).toBe(
      'Organisationen bildades 2024-05-01 och har varit verksam i 2 år och 6 månader. Kravet är minst tre år; det uppfylls 2027-05-01.',
    );
    expect(message('k4/offentlig-och-privat', { sum: 2_000_000, public: 2_000_000, private: 0, missing: 'privat' }, 'sv')).toBe(
      'Finansieringen är 100 % offentlig (2 000 000 kr). Kravet är att både offentliga och privata aktörer bidrar.',
    );
  });

  it('throws for an id that no rule declares: a defect of qm, not a message', () => {
    expect(() => message('k3/verksam-tre-år', {}, 'sv')).toThrow(/no rule k3\/verksam-tre-år is defined/);
    expect(() => message('', {}, 'en')).toThrow(/no rule/);
  });
});

describe('docs/rules.md and docs/regler.md', () => {
  it.each(['rules.md', 'regler.md'])('%s has an anchor for each rule id', async (name) => {
    const doc = await readFile(join(ROOT, 'docs', name), 'utf8');
    expect(allRules.filter((r) => !doc.includes(`<a id="${r.id.replace('/', '-')}"></a>\`${r.id}\``)).map((r) => r.id)).toEqual([]);
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
});
