/**
 * The rules on files and structure: the folder, its chapter files and their encoding and syntax.
 * src/load/ finds them while reading (folder.ts, files.ts); these definitions give each its
 * severity, message, title and the means to explain it.
 */
import { defineRule, type NoArgs, type RuleDef } from './define.js';
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
