/**
 * Rules on files and structure, on the application as a whole (ansokan.yaml) and on ids.
 * Most are found while reading (the loader and the schemas); these definitions give them a
 * severity, a title and the means to explain them.
 */
import { addYears, compare, fmt, parseDate, type YMD } from '../util/dates.js';
import type { Json } from '../model/types.js';
import { asObject, defineRule, perCheck, str, type RuleDef } from './define.js';
import { idOf, items } from './util.js';
import { luhn } from './text.js';

const t = (sv: string, en: string) => ({ sv, en });

export const files: RuleDef[] = [
  defineRule({
    id: 'ansokan/saknas',
    chapter: null,
    severity: 'error',
    title: t('`ansokan.yaml` saknas i mappen', 'No `ansokan.yaml` in the folder'),
    fix: t(
      'Skapa `ansokan.yaml` med organisation, kommun, kontakt och typ (eller kör `qm init`).',
      'Create `ansokan.yaml` with organisation, kommun, kontakt and typ (or run `qm init`).',
    ),
    example:
      'organisation: Centrumsamverkan Storvik\nkommun: Storviks kommun\nkontakt:\n  namn: Anna Berg\n  epost: anna.berg@storvik.se\ntyp: ny',
  }),
  defineRule({
    id: 'kapitel/saknas',
    chapter: null,
    severity: 'error',
    seed: 'Quality Mark-dokumentet består av nio olika kapitel.',
    title: t('Ett kapitel 01–09 har ingen fil', 'A chapter 01–09 has no file'),
    fix: t(
      'Skapa kapitlets fil, t.ex. `03-organisation.md` (namnet börjar med 01–09 följt av - eller _).',
      'Create the chapter’s file, e.g. `03-organisation.md` (the name starts with 01–09 and - or _).',
    ),
    example: 'ansokan/\n├── ansokan.yaml\n├── 01-bakgrund.md\n├── …\n└── 09-kommunikation.md',
  }),
  defineRule({
    id: 'kapitel/dubblett',
    chapter: null,
    severity: 'error',
    title: t('Två filer för samma kapitel', 'Two files for one chapter'),
    fix: t('Behåll en fil per kapitel; byt namn på eller ta bort den andra.', 'Keep one file per chapter; rename or remove the other.'),
    example: '03-organisation.md       # behåll den här\n03-organisation-gammal.md  # döp om till t.ex. arkiv/03-organisation-gammal.md',
  }),
  defineRule({
    id: 'fil/syntax',
    chapter: null,
    severity: 'error',
    title: t('YAML eller front matter kan inte läsas', 'YAML or front matter cannot be parsed'),
    fix: t(
      'Rätta YAML-syntaxen på den angivna raden (indrag med mellanslag, citattecken som stängs, en nyckel en gång).',
      'Fix the YAML syntax at the given line (indent with spaces, close quotes, each key once).',
    ),
    example:
      'aktörer:\n  - namn: Storviks kommun   # indrag med mellanslag, inte tabb\n    sektor: offentlig\nvision: "Ett levande centrum"  # citattecken som stängs',
  }),
  defineRule({
    id: 'fil/kodning',
    chapter: null,
    severity: 'error',
    title: t('Filen är inte UTF-8', 'The file is not UTF-8'),
    fix: t('Spara filen som UTF-8 (i Word/Anteckningar: ”Spara som” → kodning UTF-8).', 'Save the file as UTF-8.'),
    example: '# Spara filen som UTF-8, så att å, ä och ö blir rätt:\norganisationsform: ekonomisk förening',
  }),
  defineRule({
    id: 'fil/for-stor',
    chapter: null,
    severity: 'error',
    title: t('Kapitel- eller metadatafilen är större än 1 MiB', 'A chapter or metadata file is larger than 1 MiB'),
    fix: t('Korta filen; lägg stora underlag som bilagor.', 'Shorten the file; put large material in attachments.'),
    example: '# Håll kapitelfilen kort; lägg långa underlag som bilagor:\nbilagor:\n  - bilagor/nulagesanalys-2026.pdf',
  }),
  defineRule({
    id: 'fil/olasbar',
    chapter: null,
    severity: 'error',
    title: t(
      'Filen kan inte läsas (behörighet, mapp i stället för fil)',
      'The file cannot be read (permissions, a folder instead of a file)',
    ),
    fix: t('Kontrollera att kapitlet är en vanlig fil som går att läsa.', 'Check that the chapter is an ordinary, readable file.'),
    example: '03-organisation.md   # en vanlig fil som går att läsa, inte en mapp',
  }),
];

const schemaRule = (
  id: string,
  severity: 'error' | 'warning' | 'info',
  sv: string,
  en: string,
  fixSv: string,
  fixEn: string,
  example?: string,
) => defineRule({ id, chapter: null, severity, title: t(sv, en), fix: t(fixSv, fixEn), example });

export const schema: RuleDef[] = [
  schemaRule(
    'schema/saknat-falt',
    'error',
    'Ett obligatoriskt fält saknas',
    'A required field is missing',
    'Lägg till fältet (se `qm schema`).',
    'Add the field (see `qm schema`).',
    'kontakt:\n  namn: Anna Berg\n  epost: anna.berg@storvik.se',
  ),
  schemaRule(
    'schema/fel-typ',
    'error',
    'Ett fält har fel typ',
    'A field has the wrong type',
    'Skriv värdet som fältet kräver (text, tal, lista …).',
    'Write the value the field needs (text, number, list …).',
    'budget: 3 900 000 kr   # ett tal, inte en lista eller en mappning',
  ),
  schemaRule(
    'schema/okant-varde',
    'error',
    'Ett värde som fältet inte tillåter',
    'A value the field does not allow',
    'Använd ett av de tillåtna värdena.',
    'Use one of the allowed values.',
    'sektor: offentlig   # offentlig eller privat',
  ),
  schemaRule(
    'schema/fel-format',
    'error',
    'Ett värde har fel format (datum, e-post, år)',
    'A value has the wrong format (date, e-mail, year)',
    'Skriv datum som ÅÅÅÅ-MM-DD.',
    'Write dates as YYYY-MM-DD.',
    'bildad: 2016-03-01',
  ),
  schemaRule(
    'schema/tomt-varde',
    'error',
    'Ett fält är tomt',
    'A field is empty',
    'Fyll i fältet eller ta bort det om det är valfritt.',
    'Fill in the field, or remove it if it is optional.',
    'stadskärna: Storviks centrum   # eller ta bort fältet',
  ),
  schemaRule(
    'schema/utanfor-intervall',
    'error',
    'Ett tal ligger utanför tillåtet intervall',
    'A number is out of range',
    'Kontrollera talet (t.ex. andel 0–100, belopp ≥ 0).',
    'Check the number (e.g. share 0–100, amount ≥ 0).',
    'andel: 40 %   # 0–100',
  ),
  schemaRule(
    'schema/tom-lista',
    'error',
    'En lista är tom',
    'A list is empty',
    'Lägg till minst ett värde.',
    'Add at least one value.',
    'initiativtagare:\n  - Storviks kommun',
  ),
  schemaRule(
    'schema/ogiltigt-varde',
    'error',
    'Ett värde följer inte schemat',
    'A value does not follow the schema',
    'Se `qm schema` för fältets form.',
    'See `qm schema` for the field’s form.',
    'bilagor:\n  - bilagor/avtal.pdf\n  - {fil: bilagor/karta.png, titel: Karta}',
  ),
  schemaRule(
    'schema/dubbel-nyckel',
    'error',
    'Samma fält står två gånger (t.ex. `malgrupp` och `målgrupp`)',
    'The same field twice (e.g. `malgrupp` and `målgrupp`)',
    'Behåll en av dem.',
    'Keep one of them.',
    'målgrupp: invånare   # en gång, inte också som malgrupp',
  ),
  schemaRule(
    'schema/okant-falt',
    'warning',
    'Ett okänt fält, troligen ett stavfel',
    'An unknown field, probably a typo',
    'Rätta stavningen till det föreslagna fältet, eller ta bort fältet.',
    'Correct the spelling to the suggested field, or remove it.',
    'mötesfrekvens: varje månad',
  ),
  schemaRule(
    'schema/ascii-nyckel',
    'info',
    'En nyckel skriven utan å ä ö',
    'A key written without å ä ö',
    'Skriv nyckeln med å, ä, ö (läses redan rätt).',
    'Write the key with å, ä, ö (it is already read correctly).',
    'affärsidé: …',
  ),
  schemaRule(
    'schema/decimalkomma',
    'error',
    'Ett decimalkomma i en flödesmappning (`{2023: 4,52}`)',
    'A decimal comma in a flow mapping (`{2023: 4,52}`)',
    'Skriv ett värde per rad: `2023: 4,52` på egen rad.',
    'Write one value per line: `2023: 4,52` on its own line.',
    'värden:\n  2023: 4,52\n  2024: 4,61',
  ),
];

export const idDubblett = defineRule({
  id: 'id/dubblett',
  chapter: null,
  severity: 'error',
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

export const organisationsnummer = defineRule({
  id: 'ansokan/organisationsnummer',
  chapter: null,
  severity: 'error',
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

export const fornyelseDatum = defineRule({
  id: 'ansokan/fornyelse-datum',
  chapter: null,
  severity: 'error',
  schema: true,
  seed: 'En godkänd certifering är aktuell i tre år, den går därefter att förnya.',
  title: t('Förnyelse utan `tidigare_certifiering`', 'Renewal without `tidigare_certifiering`'),
  fix: t(
    'Ange datumet då nuvarande certifiering beviljades i `tidigare_certifiering`.',
    'Give the date the current certification was granted in `tidigare_certifiering`.',
  ),
  example: 'typ: förnyelse\ntidigare_certifiering: 2023-12-01',
});

export const synpunktUtanAtgard = defineRule({
  id: 'ansokan/synpunkt-utan-atgard',
  chapter: null,
  severity: 'warning',
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

export const certifieringUtgangen = defineRule({
  id: 'ansokan/certifiering-utgangen',
  chapter: null,
  severity: 'warning',
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

export const oanvantUndantag = defineRule({
  id: 'config/oanvant-undantag',
  chapter: null,
  severity: 'warning',
  title: t('Ett undantag i qm.config.yaml matchar ingen diagnos', 'An exception in qm.config.yaml matches no diagnostic'),
  fix: t('Ta bort undantaget; kravet är uppfyllt.', 'Remove the exception; the requirement is met.'),
  example: 'undantag:\n  - regel: k3/verksam-tre-ar   # en regel som faktiskt rapporteras\n    motivering: …',
});
