/**
 * Rules on the application as a whole (ansokan.yaml), on ids across chapters and on the
 * configuration (qm.config.yaml). The rules on files are in files.ts, those of the schemas in
 * schema.ts.
 */
import { addYears, compare, fmt, parseDate, type YMD } from '../util/dates.js';
import type { Json } from '../model/types.js';
import { asObject, defineRule, perCheck, str, type NoArgs, type RuleDef } from './define.js';
import { idOf, items } from './util.js';
import { luhn } from './text.js';
import * as sv from '../i18n/sv.js';
import * as en from '../i18n/en.js';

const t = (sv: string, en: string) => ({ sv, en });

export const idDubblett = defineRule<{ first: string; id: string }>({
  id: 'id/dubblett',
  chapter: null,
  severity: 'error',
  message: {
    sv: (a) =>
      `Id ${sv.q(a.id)} används redan (${a.first}). Id för mål, strategier, åtgärder och indikatorer ska vara unika i hela ansökan.`,
    en: (a) =>
      `The id ${en.q(a.id)} is already used (${a.first}). Goal, strategy, action and indicator ids must be unique across the application.`,
  },
  title: t('Ett id för mål, strategi, åtgärd eller indikator används två gånger', 'A goal, strategy, action or indicator id is used twice'),
  fix: t(
    'Ge varje mål, strategi, åtgärd och indikator ett eget id (M1, S1, A1, I1 …).',
    'Give every goal, strategy, action and indicator its own id (M1, S1, A1, I1 …).',
  ),
  example: 'mål:\n  - {id: M1, text: …, år: 2028}\n  - {id: M2, text: …, år: 2032}',
  check(ctx, report) {
    const seen = new Map<string, { file: string; line?: number }>();
    const lists: [number, string][] = [
      [6, 'mål'],
      [6, 'strategier'],
      [7, 'åtgärder'],
      [8, 'indikatorer'],
    ];
    for (const [n, key] of lists) {
      const f = ctx.file(n);
      const d = ctx.data(n);
      if (!f || !d) continue;
      for (const { i, item } of items(d[key] as Json)) {
        const id = idOf(item);
        if (!id) continue;
        const pointer = `/${key}/${i}/id`;
        const first = seen.get(id);
        if (first)
          report({ chapter: n, file: f.file, pointer, args: { id, first: first.line ? `${first.file}:${first.line}` : first.file } });
        else seen.set(id, { file: f.file, line: f.map.value(pointer)?.line });
      }
    }
  },
});

export const organisationsnummer = defineRule<{ checkDigit: number; value: string }>({
  id: 'ansokan/organisationsnummer',
  chapter: null,
  severity: 'error',
  message: {
    sv: (a) =>
      a.checkDigit
        ? `Organisationsnumret ${sv.q(a.value)} har fel kontrollsiffra. Kontrollera det mot Bolagsverket.`
        : `Organisationsnumret ${sv.q(a.value ?? '')} har fel form. Skriv det som NNNNNN-NNNN.`,
    en: (a) =>
      a.checkDigit
        ? `The organisation number ${en.q(a.value)} has a wrong check digit. Check it against the register.`
        : `The organisation number ${en.q(a.value ?? '')} is malformed. Write it as NNNNNN-NNNN.`,
  },
  schema: true,
  title: t(
    'Organisationsnumret är felaktigt (format eller kontrollsiffra)',
    'The organisation number is malformed or its check digit is wrong',
  ),
  fix: t(
    'Skriv organisationsnumret som NNNNNN-NNNN, så som det står hos Bolagsverket.',
    'Write the organisation number as NNNNNN-NNNN, as registered.',
  ),
  example: 'organisationsnummer: 802456-7894',
  describe: (ctx) => ({ value: str(ctx.meta()?.organisationsnummer) ?? '' }),
  check(ctx, report) {
    const v = str(ctx.meta()?.organisationsnummer);
    if (!v || !/^\d{6}-?\d{4}$/.test(v)) return;
    const digits = v.replace('-', '');
    if (!luhn(digits))
      report({ file: ctx.app.meta.file, chapter: null, pointer: '/organisationsnummer', args: { value: v, checkDigit: 1 } });
  },
});

export const fornyelseDatum = defineRule<NoArgs>({
  id: 'ansokan/fornyelse-datum',
  chapter: null,
  severity: 'error',
  message: {
    sv: () => 'Ansökan är en förnyelse men `tidigare_certifiering` saknas. Ange datumet då nuvarande certifiering beviljades.',
    en: () => 'The application is a renewal but `tidigare_certifiering` is missing. Give the date the current certification was granted.',
  },
  schema: true,
  seed: 'En godkänd certifering är aktuell i tre år, den går därefter att förnya.',
  title: t('Förnyelse utan `tidigare_certifiering`', 'Renewal without `tidigare_certifiering`'),
  fix: t(
    'Ange datumet då nuvarande certifiering beviljades i `tidigare_certifiering`.',
    'Give the date the current certification was granted in `tidigare_certifiering`.',
  ),
  example: 'typ: förnyelse\ntidigare_certifiering: 2023-12-01',
});

export const synpunktUtanAtgard = defineRule<NoArgs>({
  id: 'ansokan/synpunkt-utan-atgard',
  chapter: null,
  severity: 'warning',
  message: {
    sv: () => 'Synpunkten från förra certifieringen saknar `åtgärd`. Beskriv vad ni har gjort sedan dess.',
    en: () => 'The remark from the previous certification has no `åtgärd`. Describe what you have done since.',
  },
  schema: true,
  title: t('En synpunkt från förra certifieringen saknar åtgärd', 'A remark from the previous certification has no `åtgärd`'),
  fix: t('Beskriv under `åtgärd` vad ni har gjort sedan synpunkten.', 'Describe under `åtgärd` what you have done since the remark.'),
  example:
    'tidigare_certifiering:\n  datum: 2023-12-01\n  synpunkter:\n    - synpunkt: Otydlig uppföljning\n      åtgärd: Årlig enkät införd 2024',
});

/** A renewal's previous certification: decided here, read by the rules, the report and the PDF. */
export interface Certification {
  /** The date it was granted, as written (`tidigare_certifiering` or its `datum`). */
  granted: string;
  /** Where that date stands in ansokan.yaml. */
  pointer: string;
  /** The granted date, when it is a real date, and that date + 3 years (the certification's end). */
  date?: YMD;
  validUntil?: YMD;
}

export const certification = perCheck((ctx): Certification | undefined => {
  const meta = ctx.meta();
  if (meta?.typ !== 'förnyelse') return undefined;
  const tc = meta.tidigare_certifiering;
  const granted = typeof tc === 'string' ? tc : str(asObject(tc)?.datum);
  if (granted === undefined) return undefined;
  const date = parseDate(granted);
  return {
    granted,
    pointer: typeof tc === 'string' ? '/tidigare_certifiering' : '/tidigare_certifiering/datum',
    date,
    validUntil: date && addYears(date, 3),
  };
});

export const certifieringUtgangen = defineRule<{
  expired: string;
  granted: string;
  longAgo: number;
  ref: string;
}>({
  id: 'ansokan/certifiering-utgangen',
  chapter: null,
  severity: 'warning',
  message: {
    sv: (a) =>
      `Den tidigare certifieringen beviljades ${a.granted} och gällde till ${a.expired}; den har löpt ut (referensdatum ${a.ref}).${a.longAgo ? ' Den löpte ut för mer än ett år sedan: då förväntas en ny ansökan (typ: ny).' : ' Förnyelsen kommer efter att certifieringen löpt ut: kontrollera datumet i `tidigare_certifiering`, och räkna med att bedömaren frågar om tiden utan certifiering.'}`,
    en: (a) =>
      `The previous certification was granted ${a.granted} and was valid until ${a.expired}; it has expired (reference date ${a.ref}).${a.longAgo ? ' It lapsed more than a year ago: a full new application (typ: ny) is expected.' : ' The renewal comes after the certification lapsed: check the date in `tidigare_certifiering`, and expect the assessor to ask about the time without certification.'}`,
  },
  seed: 'En godkänd certifering är aktuell i tre år, den går därefter att förnya.',
  title: t('Den tidigare certifieringen har löpt ut', 'The previous certification has expired'),
  fix: t(
    'Ansök om förnyelse innan certifieringen löper ut; har den löpt ut för mer än ett år sedan, ansök som ny (`typ: ny`).',
    'Apply for renewal before the certification expires; if it lapsed more than a year ago, apply as new (`typ: ny`).',
  ),
  example: 'typ: förnyelse\ntidigare_certifiering: 2024-03-01   # beviljad för mindre än tre år sedan',
  applies: (ctx) => ctx.meta()?.typ === 'förnyelse',
  check(ctx, report) {
    const c = certification(ctx);
    const expiry = c?.validUntil;
    if (!c?.date || !expiry) return;
    if (compare(ctx.ref.date, expiry) > 0) {
      const longAgo = compare(ctx.ref.date, addYears(expiry, 1)) > 0;
      report({
        file: ctx.app.meta.file,
        chapter: null,
        pointer: c.pointer,
        args: { granted: fmt(c.date), expired: fmt(expiry), ref: ctx.ref.iso, longAgo: longAgo ? 1 : 0 },
      });
    }
  },
});

export const application: RuleDef[] = [idDubblett, organisationsnummer, fornyelseDatum, synpunktUtanAtgard, certifieringUtgangen];

export const oanvantUndantag = defineRule<{ rule?: string | number }>({
  id: 'config/oanvant-undantag',
  chapter: null,
  severity: 'warning',
  message: {
    sv: (a) => `Undantaget för ${a.rule} matchar ingen diagnos: kravet är uppfyllt. Ta bort undantaget ur qm.config.yaml.`,
    en: (a) => `The exception for ${a.rule} matches no diagnostic: the requirement is met. Remove the exception from qm.config.yaml.`,
  },
  title: t('Ett undantag i qm.config.yaml matchar ingen diagnos', 'An exception in qm.config.yaml matches no diagnostic'),
  fix: t('Ta bort undantaget; kravet är uppfyllt.', 'Remove the exception; the requirement is met.'),
  example: 'undantag:\n  - regel: k3/verksam-tre-ar   # en regel som faktiskt rapporteras\n    motivering: …',
});
