/**
 * Rules on files and structure, on the application as a whole (ansokan.yaml) and on ids.
 * Most are found while reading (the loader and the schemas); these definitions give them a
 * severity, a title and the means to explain them.
 */
import { addYears, compare, fmt, parseDate, type YMD } from '../util/dates.js';
import type { Json } from '../model/types.js';
import { asObject, defineRule, perCheck, str, type Messages, type MessageArgs, type NoArgs, type RuleDef } from './define.js';
import type { RuleId } from './ids.js';
import { idOf, items } from './util.js';
import { luhn } from './text.js';
import * as sv from '../i18n/sv.js';
import * as en from '../i18n/en.js';

const t = (sv: string, en: string) => ({ sv, en });

export const files: RuleDef[] = [
  defineRule<NoArgs>({
    id: 'ansokan/saknas',
    chapter: null,
    severity: 'error',
    message: {
      sv: () => 'ansokan.yaml saknas i mappen. Skapa den med organisation, kommun, kontakt och typ (eller kör qm init).',
      en: () => 'No ansokan.yaml in the folder. Create it with organisation, kommun, kontakt and typ (or run qm init).',
    },
    title: t('`ansokan.yaml` saknas i mappen', 'No `ansokan.yaml` in the folder'),
    fix: t(
      'Skapa `ansokan.yaml` med organisation, kommun, kontakt och typ (eller kör `qm init`).',
      'Create `ansokan.yaml` with organisation, kommun, kontakt and typ (or run `qm init`).',
    ),
    example:
      'organisation: Centrumsamverkan Storvik\nkommun: Storviks kommun\nkontakt:\n  namn: Anna Berg\n  epost: anna.berg@storvik.se\ntyp: ny',
  }),
  defineRule<{ chapter?: string | number }>({
    id: 'kapitel/saknas',
    chapter: null,
    severity: 'error',
    message: {
      sv: (a) =>
        `Kapitel ${a.chapter} saknar fil. Skapa en fil som börjar med 0${a.chapter}- (t.ex. 0${a.chapter}-${sv.chapterSlug(sv.n(a, 'chapter'))}.md).`,
      en: (a) => `Chapter ${a.chapter} has no file. Create a file whose name starts with 0${a.chapter}- (e.g. 0${a.chapter}-….md).`,
    },
    seed: 'Quality Mark-dokumentet består av nio olika kapitel.',
    title: t('Ett kapitel 01–09 har ingen fil', 'A chapter 01–09 has no file'),
    fix: t(
      'Skapa kapitlets fil, t.ex. `03-organisation.md` (namnet börjar med 01–09 följt av - eller _).',
      'Create the chapter’s file, e.g. `03-organisation.md` (the name starts with 01–09 and - or _).',
    ),
    example: 'ansokan/\n├── ansokan.yaml\n├── 01-bakgrund.md\n├── …\n└── 09-kommunikation.md',
  }),
  defineRule<{ chapter?: string | number; first?: string | number }>({
    id: 'kapitel/dubblett',
    chapter: null,
    severity: 'error',
    message: {
      sv: (a) => `Kapitel ${a.chapter} har två filer: den här och ${a.first}. qm läser ${a.first}; ta bort eller byt namn på den här.`,
      en: (a) => `Chapter ${a.chapter} has two files: this one and ${a.first}. qm reads ${a.first}; remove or rename this one.`,
    },
    title: t('Två filer för samma kapitel', 'Two files for one chapter'),
    fix: t('Behåll en fil per kapitel; byt namn på eller ta bort den andra.', 'Keep one file per chapter; rename or remove the other.'),
    example: '03-organisation.md       # behåll den här\n03-organisation-gammal.md  # döp om till t.ex. arkiv/03-organisation-gammal.md',
  }),
  defineRule<{
    closing?: string | number;
    detail?: string | number;
    fixed?: string | number;
    key?: string | number;
    quote?: string | number;
    reason?: string | number;
  }>({
    id: 'fil/syntax',
    chapter: null,
    severity: 'error',
    message: {
      sv: (a) =>
        a.reason === 'frontmatter-unopened'
          ? `Front matter saknar sin första rad ---: fälten (från \`${a.key}\`) avslutas med --- på rad ${a.closing}, men ingen rad --- inleder dem. Lägg till en rad med bara --- allra först i filen; kapitlets fält och krav prövas när filen kan läsas.`
          : a.reason === 'inner-quote'
            ? a.quote === "'"
              ? `Filen kan inte läsas: apostrofen här avslutar värdet som började med ' tidigare på raden, så resten av raden blir fel. Sätt värdet inom dubbla citattecken (eller skriv apostrofen två gånger, ''): ${a.fixed}`
              : `Filen kan inte läsas: citattecknet här avslutar värdet som började med " tidigare på raden, så resten av raden blir fel. Skriv citat i texten med ” ”, eller sätt hela värdet inom enkla citattecken ('…'): ${a.fixed}`
            : `Filen kan inte läsas: ${sv.reasonSyntax[String(a.reason)] ?? 'YAML-syntaxfel.'}${a.detail ? ` (${a.detail})` : ''} Rätta raden; filens fält och krav prövas när filen kan läsas.`,
      en: (a) =>
        a.reason === 'frontmatter-unopened'
          ? `The front matter lacks its first line ---: the fields (from \`${a.key}\`) are closed by --- on line ${a.closing}, but no line --- opens them. Add a line with only --- as the very first line of the file; the chapter’s fields and requirements are checked once it parses.`
          : a.reason === 'inner-quote'
            ? a.quote === "'"
              ? `The file cannot be parsed: the apostrophe here ends the value that began with ' earlier on the line, so the rest of the line is wrong. Put the value in double quotes (or write the apostrophe twice, ''): ${a.fixed}`
              : `The file cannot be parsed: the quote here ends the value that began with " earlier on the line, so the rest of the line is wrong. Write quotes inside the text as ” ”, or put the whole value in single quotes ('…'): ${a.fixed}`
            : `The file cannot be parsed: ${en.reasonSyntax[String(a.reason)] ?? 'YAML syntax error.'}${a.detail ? ` (${a.detail})` : ''} Fix the line; the file’s fields and requirements are checked once it parses.`,
    },
    title: t('YAML eller front matter kan inte läsas', 'YAML or front matter cannot be parsed'),
    fix: t(
      'Rätta YAML-syntaxen på den angivna raden (indrag med mellanslag, citattecken som stängs, en nyckel en gång).',
      'Fix the YAML syntax at the given line (indent with spaces, close quotes, each key once).',
    ),
    example:
      'aktörer:\n  - namn: Storviks kommun   # indrag med mellanslag, inte tabb\n    sektor: offentlig\nvision: "Ett levande centrum"  # citattecken som stängs',
  }),
  defineRule<{ byte?: string | number; kind?: string | number; latin1?: string | number }>({
    id: 'fil/kodning',
    chapter: null,
    severity: 'error',
    message: {
      sv: (a) =>
        a.kind === 'utf16' || a.kind === 'utf32'
          ? `Filen är sparad som ${a.kind === 'utf16' ? 'UTF-16' : 'UTF-32'}, inte UTF-8. Spara den som UTF-8.`
          : a.kind === 'binary'
            ? 'Filen är ingen textfil (den innehåller binära data, t.ex. ett Word-dokument, en PDF eller en bild med kapitlets namn). Spara kapitlet som text i UTF-8.'
            : `Filen är inte giltig UTF-8 (byte ${a.byte}${a.latin1 ? `, troligen ${sv.q(a.latin1)} i Latin-1/Windows-1252` : ''}). Spara filen som UTF-8.`,
      en: (a) =>
        a.kind === 'utf16' || a.kind === 'utf32'
          ? `The file is saved as ${a.kind === 'utf16' ? 'UTF-16' : 'UTF-32'}, not UTF-8. Save it as UTF-8.`
          : a.kind === 'binary'
            ? 'The file is not a text file (it holds binary data, e.g. a Word document, a PDF or an image under the chapter’s name). Save the chapter as UTF-8 text.'
            : `The file is not valid UTF-8 (byte ${a.byte}${a.latin1 ? `, probably ${en.q(a.latin1)} in Latin-1/Windows-1252` : ''}). Save the file as UTF-8.`,
    },
    title: t('Filen är inte UTF-8', 'The file is not UTF-8'),
    fix: t('Spara filen som UTF-8 (i Word/Anteckningar: ”Spara som” → kodning UTF-8).', 'Save the file as UTF-8.'),
    example: '# Spara filen som UTF-8, så att å, ä och ö blir rätt:\norganisationsform: ekonomisk förening',
  }),
  defineRule<{ bytes?: string | number }>({
    id: 'fil/for-stor',
    chapter: null,
    severity: 'error',
    message: {
      sv: (a) =>
        `Filen är ${sv.nr(sv.n(a, 'bytes'))} byte, över gränsen 1 MiB (1 048 576 byte), och läses inte. Korta texten och lägg stora underlag som bilagor.`,
      en: (a) =>
        `The file is ${en.nr(en.n(a, 'bytes'), undefined, ',')} bytes, over the limit of 1 MiB (1,048,576 bytes), and is not read. Shorten it and put large material in attachments.`,
    },
    title: t('Kapitel- eller metadatafilen är större än 1 MiB', 'A chapter or metadata file is larger than 1 MiB'),
    fix: t('Korta filen; lägg stora underlag som bilagor.', 'Shorten the file; put large material in attachments.'),
    example: '# Håll kapitelfilen kort; lägg långa underlag som bilagor:\nbilagor:\n  - bilagor/nulagesanalys-2026.pdf',
  }),
  defineRule<{ code?: string | number }>({
    id: 'fil/olasbar',
    chapter: null,
    severity: 'error',
    message: {
      sv: (a) =>
        a.code === 'EISDIR'
          ? 'Det här är en mapp, inte en fil. Det ska vara en vanlig .md- eller .yaml-fil.'
          : a.code === 'ESPECIAL'
            ? 'Det här är ingen vanlig fil (t.ex. en namngiven pipe eller en enhet). Det ska vara en vanlig .md- eller .yaml-fil.'
            : a.code === 'EACCES' || a.code === 'EPERM'
              ? 'Filen får inte läsas (behörighet). Ändra filens behörigheter.'
              : `Filen kan inte läsas${a.code ? ` (${a.code})` : ''}.`,
      en: (a) =>
        a.code === 'EISDIR'
          ? 'This is a folder, not a file. It should be an ordinary .md or .yaml file.'
          : a.code === 'ESPECIAL'
            ? 'This is not an ordinary file (e.g. a named pipe or a device). It should be an ordinary .md or .yaml file.'
            : a.code === 'EACCES' || a.code === 'EPERM'
              ? 'The file may not be read (permissions). Change the file’s permissions.'
              : `The file cannot be read${a.code ? ` (${a.code})` : ''}.`,
    },
    title: t(
      'Filen kan inte läsas (behörighet, mapp i stället för fil)',
      'The file cannot be read (permissions, a folder instead of a file)',
    ),
    fix: t('Kontrollera att kapitlet är en vanlig fil som går att läsa.', 'Check that the chapter is an ordinary, readable file.'),
    example: '03-organisation.md   # en vanlig fil som går att läsa, inte en mapp',
  }),
];

const schemaRule = <A extends MessageArgs>(
  id: RuleId,
  severity: 'error' | 'warning' | 'info',
  message: Messages<A>,
  titleSv: string,
  titleEn: string,
  fixSv: string,
  fixEn: string,
  example?: string,
) => defineRule<A>({ id, chapter: null, severity, message, title: t(titleSv, titleEn), fix: t(fixSv, fixEn), example });

export const schema: RuleDef[] = [
  schemaRule<{ field?: string | number; parent?: string | number; typo?: string | number }>(
    'schema/saknat-falt',
    'error',
    {
      sv: (a) =>
        a.typo
          ? `Fältet \`${a.field}\` saknas${a.parent ? ` i \`${a.parent}\`` : ''}: här står \`${a.typo}\`, troligen en felstavning. Skriv \`${a.field}\`.`
          : `Fältet \`${a.field}\` saknas${a.parent ? ` i \`${a.parent}\`` : ''}. Lägg till det.`,
      en: (a) =>
        a.typo
          ? `The field \`${a.field}\` is missing${a.parent ? ` in \`${a.parent}\`` : ''}: \`${a.typo}\` stands here, probably misspelt. Write \`${a.field}\`.`
          : `The field \`${a.field}\` is missing${a.parent ? ` in \`${a.parent}\`` : ''}. Add it.`,
    },
    'Ett obligatoriskt fält saknas',
    'A required field is missing',
    'Lägg till fältet (se `qm schema`).',
    'Add the field (see `qm schema`).',
    'kontakt:\n  namn: Anna Berg\n  epost: anna.berg@storvik.se',
  ),
  schemaRule<{
    accepted?: string | number;
    amount?: string | number;
    expected?: string | number;
    field?: string | number;
    max?: string | number;
    min?: string | number;
    value?: string | number;
  }>(
    'schema/fel-typ',
    'error',
    {
      sv: (a) =>
        `\`${a.field}\` ska vara ${a.amount ? 'ett belopp i kronor' : sv.typeName(String(a.expected))}${a.min !== undefined && a.max !== undefined ? ` mellan ${a.min} och ${a.max}` : ''}${sv.numberExample(a)}, men är ${sv.q(a.value)}.${a.accepted ? ` Skriv ${a.accepted}.` : ''}`,
      en: (a) =>
        `\`${a.field}\` must be ${a.amount ? 'an amount in SEK' : en.typeName(String(a.expected))}${a.min !== undefined && a.max !== undefined ? ` between ${a.min} and ${a.max}` : ''}${en.numberExample(a)}, but is ${en.q(a.value)}.${a.accepted ? ` Write ${a.accepted}.` : ''}`,
    },
    'Ett fält har fel typ',
    'A field has the wrong type',
    'Skriv värdet som fältet kräver (text, tal, lista …).',
    'Write the value the field needs (text, number, list …).',
    'budget: 3 900 000 kr   # ett tal, inte en lista eller en mappning',
  ),
  schemaRule<{ allowed?: string | number; field?: string | number; value?: string | number }>(
    'schema/okant-varde',
    'error',
    {
      sv: (a) =>
        `\`${a.field}\` kan inte vara ${sv.q(a.value)}. Tillåtna värden: ${a.allowed}.${String(a.value).includes(',') ? ` Är det flera värden, skriv dem som en lista: [${a.value}].` : ''}`,
      en: (a) =>
        `\`${a.field}\` cannot be ${en.q(a.value)}. Allowed values: ${a.allowed}.${String(a.value).includes(',') ? ` For several values, write a list: [${a.value}].` : ''}`,
    },
    'Ett värde som fältet inte tillåter',
    'A value the field does not allow',
    'Använd ett av de tillåtna värdena.',
    'Use one of the allowed values.',
    'sektor: offentlig   # offentlig eller privat',
  ),
  schemaRule<{
    accepted?: string | number;
    field?: string | number;
    format?: string | number;
    orYear?: string | number;
    value?: string | number;
  }>(
    'schema/fel-format',
    'error',
    {
      sv: (a) =>
        a.format === 'date'
          ? /^\d{4}-\d{2}-\d{2}$/.test(String(a.value))
            ? `\`${a.field}\` är ${sv.q(a.value)}, ett datum som inte finns i kalendern. Rätta dag eller månad.`
            : `\`${a.field}\` ska vara ett datum ÅÅÅÅ-MM-DD${a.orYear ? ' eller ett årtal' : ''}, men är ${sv.q(a.value)}.${a.accepted ? ` Skriv ${a.accepted}.` : ''}`
          : a.format === 'email'
            ? `\`${a.field}\` ska vara en e-postadress, men är ${sv.q(a.value)}.`
            : a.format === 'year-key'
              ? `${sv.q(a.value)} i \`${a.field}\` ska vara ett årtal (ÅÅÅÅ), ett värde per år.`
              : `\`${a.field}\` har fel form: ${sv.q(a.value)}${a.format === '^\\S+$' ? ' (ett id får inte innehålla mellanslag)' : ''}.`,
      en: (a) =>
        a.format === 'date'
          ? /^\d{4}-\d{2}-\d{2}$/.test(String(a.value))
            ? `\`${a.field}\` is ${en.q(a.value)}, a date that is not in the calendar. Correct the day or the month.`
            : `\`${a.field}\` must be a date YYYY-MM-DD${a.orYear ? ' or a year' : ''}, but is ${en.q(a.value)}.${a.accepted ? ` Write ${a.accepted}.` : ''}`
          : a.format === 'email'
            ? `\`${a.field}\` must be an e-mail address, but is ${en.q(a.value)}.`
            : a.format === 'year-key'
              ? `${en.q(a.value)} in \`${a.field}\` must be a year (YYYY), one value per year.`
              : `\`${a.field}\` has the wrong form: ${en.q(a.value)}${a.format === '^\\S+$' ? ' (an id may not contain spaces)' : ''}.`,
    },
    'Ett värde har fel format (datum, e-post, år)',
    'A value has the wrong format (date, e-mail, year)',
    'Skriv datum som ÅÅÅÅ-MM-DD.',
    'Write dates as YYYY-MM-DD.',
    'bildad: 2016-03-01',
  ),
  schemaRule<{ field?: string | number }>(
    'schema/tomt-varde',
    'error',
    {
      sv: (a) => `\`${a.field}\` är tomt. Fyll i det eller ta bort fältet om det är valfritt.`,
      en: (a) => `\`${a.field}\` is empty. Fill it in, or remove the field if it is optional.`,
    },
    'Ett fält är tomt',
    'A field is empty',
    'Fyll i fältet eller ta bort det om det är valfritt.',
    'Fill in the field, or remove it if it is optional.',
    'stadskärna: Storviks centrum   # eller ta bort fältet',
  ),
  schemaRule<{ comparison?: string | number; field?: string | number; limit?: string | number; value?: string | number }>(
    'schema/utanfor-intervall',
    'error',
    {
      sv: (a) => `\`${a.field}\` ska vara ${sv.cmp(String(a.comparison))} ${a.limit}, men är ${a.value}.`,
      en: (a) => `\`${a.field}\` must be ${en.cmp(String(a.comparison))} ${a.limit}, but is ${a.value}.`,
    },
    'Ett tal ligger utanför tillåtet intervall',
    'A number is out of range',
    'Kontrollera talet (t.ex. andel 0–100, belopp ≥ 0).',
    'Check the number (e.g. share 0–100, amount ≥ 0).',
    'andel: 40 %   # 0–100',
  ),
  schemaRule<{ field?: string | number }>(
    'schema/tom-lista',
    'error',
    {
      sv: (a) => `\`${a.field}\` är en tom lista. Lägg till minst ett värde.`,
      en: (a) => `\`${a.field}\` is an empty list. Add at least one value.`,
    },
    'En lista är tom',
    'A list is empty',
    'Lägg till minst ett värde.',
    'Add at least one value.',
    'initiativtagare:\n  - Storviks kommun',
  ),
  schemaRule<{ field?: string | number; value?: string | number }>(
    'schema/ogiltigt-varde',
    'error',
    {
      sv: (a) => `\`${a.field}\` har ett värde som inte följer schemat: ${sv.q(a.value)}.`,
      en: (a) => `\`${a.field}\` has a value that does not follow the schema: ${en.q(a.value)}.`,
    },
    'Ett värde följer inte schemat',
    'A value does not follow the schema',
    'Se `qm schema` för fältets form.',
    'See `qm schema` for the field’s form.',
    'bilagor:\n  - bilagor/avtal.pdf\n  - {fil: bilagor/karta.png, titel: Karta}',
  ),
  schemaRule<{ first?: string | number; key?: string | number }>(
    'schema/dubbel-nyckel',
    'error',
    {
      sv: (a) =>
        a.first && a.first !== a.key
          ? `\`${a.key}\` är samma fält som \`${a.first}\`, som redan står ovanför. Behåll ett av dem.`
          : `Fältet \`${a.key}\` står två gånger. Behåll ett av dem.`,
      en: (a) =>
        a.first && a.first !== a.key
          ? `\`${a.key}\` is the same field as \`${a.first}\`, given above. Keep one of them.`
          : `The field \`${a.key}\` is given twice. Keep one of them.`,
    },
    'Samma fält står två gånger (t.ex. `malgrupp` och `målgrupp`)',
    'The same field twice (e.g. `malgrupp` and `målgrupp`)',
    'Behåll en av dem.',
    'Keep one of them.',
    'målgrupp: invånare   # en gång, inte också som malgrupp',
  ),
  schemaRule<{
    key?: string | number;
    known?: string | number;
    mdText?: string | number;
    splitFrom?: string | number;
    suggestion?: string | number;
    written?: string | number;
  }>(
    'schema/okant-falt',
    'warning',
    {
      sv: (a) =>
        a.mdText
          ? 'Fältet `text` i front matter läses inte: i en .md-fil står löptexten under front matter (efter raden ---). Flytta texten dit.'
          : a.splitFrom
            ? `Okänt fält \`${a.key}\` — troligen slutet av \`${a.splitFrom}\`, som YAML delade vid kommat inom { }. Sätt värdet inom citattecken: \`${a.splitFrom}: "${a.written}"\`.`
            : a.suggestion
              ? `Okänt fält \`${a.key}\` — menade du \`${a.suggestion}\`?`
              : a.known
                ? `Okänt fält \`${a.key}\`; det läses inte. Fälten som kan stå här: ${a.known}.`
                : `Okänt fält \`${a.key}\`; det läses inte. Se qm schema för fälten.`,
      en: (a) =>
        a.mdText
          ? 'The field `text` in the front matter is not read: in a .md file the prose stands below the front matter (after the --- line). Move the text there.'
          : a.splitFrom
            ? `Unknown field \`${a.key}\` — probably the end of \`${a.splitFrom}\`, which YAML split at the comma inside { }. Quote the value: \`${a.splitFrom}: "${a.written}"\`.`
            : a.suggestion
              ? `Unknown field \`${a.key}\` — did you mean \`${a.suggestion}\`?`
              : a.known
                ? `Unknown field \`${a.key}\`; it is not read. The fields that may stand here: ${a.known}.`
                : `Unknown field \`${a.key}\`; it is not read. See qm schema for the fields.`,
    },
    'Ett okänt fält, troligen ett stavfel',
    'An unknown field, probably a typo',
    'Rätta stavningen till det föreslagna fältet, eller ta bort fältet.',
    'Correct the spelling to the suggested field, or remove it.',
    'mötesfrekvens: varje månad',
  ),
  schemaRule<{ key?: string | number; suggestion?: string | number }>(
    'schema/ascii-nyckel',
    'info',
    {
      sv: (a) => `\`${a.key}\` läses som \`${a.suggestion}\`. Skriv gärna \`${a.suggestion}\` med å, ä, ö.`,
      en: (a) => `\`${a.key}\` is read as \`${a.suggestion}\`. Consider writing \`${a.suggestion}\` with å, ä, ö.`,
    },
    'En nyckel skriven utan å ä ö',
    'A key written without å ä ö',
    'Skriv nyckeln med å, ä, ö (läses redan rätt).',
    'Write the key with å, ä, ö (it is already read correctly).',
    'affärsidé: …',
  ),
  schemaRule<{ all?: string | number; count?: string | number; key?: string | number; written?: string | number }>(
    'schema/decimalkomma',
    'error',
    {
      sv: (a) =>
        `YAML delade ${sv.n(a, 'count') > 1 ? `${a.count} värden (${a.all})` : sv.q(a.written)} vid decimalkommat, eftersom de står i en mappning inom { }. Skriv ett värde per rad: \`${a.key}: ${a.written}\` på en egen rad.`,
      en: (a) =>
        `YAML split ${en.n(a, 'count') > 1 ? `${a.count} values (${a.all})` : en.q(a.written)} at the decimal comma, because they stand in a { } mapping. Write one value per line: \`${a.key}: ${a.written}\` on its own line.`,
    },
    'Ett decimalkomma i en flödesmappning (`{2023: 4,52}`)',
    'A decimal comma in a flow mapping (`{2023: 4,52}`)',
    'Skriv ett värde per rad: `2023: 4,52` på egen rad.',
    'Write one value per line: `2023: 4,52` on its own line.',
    'värden:\n  2023: 4,52\n  2024: 4,61',
  ),
  schemaRule<{
    decimal?: string | number;
    field?: string | number;
    thousands?: string | number;
    value?: string | number;
    year?: string | number;
  }>(
    'schema/tvetydigt-tal',
    'error',
    {
      sv: (a) =>
        `\`${a.field}\`${a.year ? ` för ${a.year}` : ''} är ${sv.q(a.value)}: punkten kan skilja tusental (${sv.nr(sv.n(a, 'thousands'))}) eller decimaler (${sv.nr(sv.n(a, 'decimal'))}). Skriv ${sv.nr(sv.n(a, 'thousands'))} med mellanslag eller ${sv.nr(sv.n(a, 'decimal'))} med komma.`,
      en: (a) =>
        `\`${a.field}\`${a.year ? ` for ${a.year}` : ''} is ${en.q(a.value)}: the dot may separate thousands (${en.nr(en.n(a, 'thousands'))}) or decimals (${en.nr(en.n(a, 'decimal'))}). Write ${en.nr(en.n(a, 'thousands'))} with a space or ${en.nr(en.n(a, 'decimal'))} with a comma.`,
    },
    'Ett tal vars punkt kan vara tusentalsavgränsare eller decimaltecken (`1.310`)',
    'A number whose dot may separate thousands or decimals (`1.310`)',
    'Skriv tusental med mellanslag (`62 500`) och decimaler med komma (`62,5`). I ett belopp i kronor läses `350.000 kr` redan som 350 000.',
    'Write thousands with a space (`62 500`) and decimals with a comma (`62,5`). In an amount in SEK `350.000 kr` is already read as 350 000.',
    'värden:\n  2024: 62 500   # tusental: mellanslag\n  2025: 62,5     # decimaler: komma',
  ),
];

export const idDubblett = defineRule<{ first?: string | number; id?: string | number }>({
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

export const organisationsnummer = defineRule<{ checkDigit?: string | number; value?: string | number }>({
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
  expired?: string | number;
  granted?: string | number;
  longAgo?: string | number;
  ref?: string | number;
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
