/** A rule's message by its id, and the words of the reports and the command line, in Swedish and English. */
import type { Lang } from '../model/types.js';
import { ruleById } from '../rules/index.js';
import type { Args } from './types.js';

const ERRNO_SV: Record<string, string> = {
  ENOENT: 'mappen finns inte',
  EACCES: 'behörighet saknas',
  EPERM: 'behörighet saknas',
  EISDIR: 'det är en mapp',
  ENOTDIR: 'en del av sökvägen är ingen mapp',
  EROFS: 'skrivskyddat filsystem',
  ENOSPC: 'disken är full',
  EFBIG: 'filen blir för stor',
  EDQUOT: 'diskkvoten är slut',
};
const ERRNO_EN: Record<string, string> = {
  ENOENT: 'the folder does not exist',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EISDIR: 'it is a folder',
  ENOTDIR: 'part of the path is not a folder',
  EROFS: 'read-only file system',
  ENOSPC: 'the disk is full',
  EFBIG: 'the file would be too large',
  EDQUOT: 'the disk quota is used up',
};

/** `a,b,c` → `a, b eller c`: a list of choices in a sentence. */
function choices(list: unknown, or: string): string {
  const xs = String(list ?? '')
    .split(',')
    .filter(Boolean);
  return xs.length > 1 ? `${xs.slice(0, -1).join(', ')} ${or} ${xs[xs.length - 1]}` : (xs[0] ?? '');
}

/** The text of a finding of `rule`; an id that no rule declares is a programming error and throws. */
export function message(rule: string, args: Args, lang: Lang): string {
  const def = ruleById.get(rule);
  if (!def) throw new Error(`no rule ${rule} is defined (src/rules/ids.ts)`);
  const text = def.message[lang](args);
  // A field reported missing where a misspelling of it stands (engine/one-problem.ts): said at the typo.
  if (args.typo && rule !== 'schema/saknat-falt') return `${text} ${TYPO[lang](args)}`;
  return text;
}

const TYPO: Record<Lang, (a: Args) => string> = {
  sv: (a) => `Här står \`${a.typo}\`, troligen en felstavning: skriv \`${fieldOf(a)}\`.`,
  en: (a) => `\`${a.typo}\` stands here, probably misspelt: write \`${fieldOf(a)}\`.`,
};

function fieldOf(a: Args): string {
  return String(a.typoFor ?? a.field ?? '');
}

export function langFrom(value: string | undefined): Lang | undefined {
  if (!value) return undefined;
  const v = value.toLowerCase();
  if (v.startsWith('en')) return 'en';
  if (v.startsWith('sv')) return 'sv';
  return undefined;
}

export const CHAPTER_TITLES = [
  'Bakgrund',
  'Nuläge',
  'Organisation',
  'Finansiering',
  'Vision och affärsidé',
  'Mål och strategi',
  'Verksamhetsplan',
  'Utveckling, indikatorer och resultatuppföljning',
  'Kommunikation och dialog',
];

type Ui = {
  severity: Record<'error' | 'warning' | 'info', string>;
  severityPlural: Record<'error' | 'warning' | 'info', (n: number) => string>;
  excepted: (n: number) => string;
  refSource: Record<'option' | 'ansökningsdatum' | 'today', string>;
  referenceDate: string;
  newApplication: string;
  renewal: (until: string | null) => string;
  completeness: string;
  /**
   * The summary line's completeness: the share of the requirements (error rules) met, said as such,
   * since a chapter's passed/total counts its recommendations (warnings, info) too.
   */
  completenessLine: (percent: string) => string;
  exception: string;
  folder: string;
  organisation: string;
  summaryTitle: string;
  noFindings: string;
  /** Words of the CI formats (junit, markdown, github) and of --watch. */
  ci: {
    application: string;
    chapter: string;
    status: string;
    passed: string;
    openPoints: string;
    done: string;
    justification: string;
    notChecked: (rule: string) => string;
    notMet: string;
    watching: (n: number) => string;
  };
  usage: Record<string, (a: Args) => string>;
  /** `qm pdf`: its steps and what it says when done. */
  pdf: Record<string, (a: Args) => string>;
};

export const ui: Record<Lang, Ui> = {
  sv: {
    severity: { error: 'fel', warning: 'varning', info: 'info' },
    severityPlural: { error: (n) => `${n} fel`, warning: (n) => `${n} ${n === 1 ? 'varning' : 'varningar'}`, info: (n) => `${n} info` },
    excepted: (n) => `${n} ${n === 1 ? 'undantag' : 'undantag'}`,
    refSource: { option: 'från --date', ansökningsdatum: 'ansökningsdatum', today: 'dagens datum' },
    referenceDate: 'Referensdatum',
    newApplication: 'Ny ansökan',
    renewal: (until) => (until ? `Förnyelse – nuvarande certifiering gäller till ${until}` : 'Förnyelse'),
    completeness: 'fullständighet',
    completenessLine: (p) => `fullständighet ${p} av kraven`,
    exception: 'undantag',
    folder: 'Mapp',
    organisation: 'Organisation',
    summaryTitle: 'Sammanfattning',
    noFindings: 'Inga anmärkningar.',
    ci: {
      application: 'Ansökan',
      chapter: 'Kapitel',
      status: 'Status',
      passed: 'Uppfyllt',
      openPoints: 'Öppna punkter',
      done: 'klart',
      justification: 'motivering',
      notChecked: (rule) => `Kapitlet kunde inte läsas (${rule}), så kravet kunde inte prövas.`,
      notMet: 'Inte prövat: en platshållare [FYLL I …] står kvar där uppgiften ska stå (text/platshallare). Kravet räknas som ej uppfyllt.',
      watching: (n) => `Bevakar ${n === 1 ? 'mappen' : `${n} mappar`} – kontrollerar igen vid varje ändring. Ctrl-C avslutar.`,
    },
    usage: {
      'folder-missing': (a) => `Mappen ${a.folder} finns inte.`,
      'folder-unreadable': (a) => `Mappen ${a.folder} kan inte läsas${a.code ? ` (${a.code})` : ''}.`,
      'not-a-folder': (a) => `${a.folder} är inte en mapp.`,
      'no-folders': (a) => `Inga mappar matchar ${a.pattern}.`,
      'not-an-application': (a) =>
        `${a.folder} är ingen ansökningsmapp: där finns varken ansokan.yaml eller någon kapitelfil (01-… till 09-…). Ange mappen som håller ansökan, eller skapa en med qm init ${a.folder}.`,
      'no-applications': (a) =>
        `Ingen ansökningsmapp matchar ${a.pattern}: ${Number(a.skipped) === 1 ? 'mappen som matchar har' : `de ${a.skipped} mappar som matchar har`} varken ansokan.yaml eller någon kapitelfil.`,
      'skipped-folder': (a) => `hoppar över ${a.folder}: ingen ansökningsmapp (varken ansokan.yaml eller någon kapitelfil).`,
      'bad-date': (a) => `--date ska vara ett datum ÅÅÅÅ-MM-DD mellan 1900 och 2200 som finns i kalendern, inte ”${a.value}”.`,
      'output-without-format': (a) =>
        `--output ${a.file} gäller rapporten som annars skrivs till terminalen, men varje format går redan till en fil. Skriv FORMAT=${a.file} i stället.`,
      'bad-format': (a) => `Okänt format ”${a.value}”. Välj ${choices(a.formats, 'eller')}.`,
      'bad-markdown-max': (a) => `--markdown-max ska vara ett antal tecken, minst 1000, inte ”${a.value}”.`,
      'bad-lang': (a) => `Okänt språk ”${a.value}”. Välj sv eller en.`,
      'config-missing': (a) => `Konfigurationsfilen ${a.file} finns inte.`,
      'config-unknown-key': (a) =>
        `${a.where}: okänt fält \`${a.key}\`${a.suggestion ? ` — menade du \`${a.suggestion}\`?` : a.known ? `; fälten som kan stå här: ${a.known}.` : '.'}`,
      'config-invalid': (a) => `${a.where}: ogiltig inställning: ${a.detail}.`,
      'config-unknown-rule': (a) => `${a.where}: okänd regel ${a.rule}${a.suggestion ? ` — menade du ${a.suggestion}?` : '.'} Se qm rules.`,
      'config-error-rule': (a) =>
        `${a.where}: ${a.rule} är ett Quality Mark-krav (fel) och kan inte stängas av eller nedgraderas. Har organisationen skäl att inte uppfylla det, skriv ett undantag med motivering under \`undantag\`.`,
      'output-unwritable': (a) =>
        `Kan inte skriva ${a.file}${a.code ? ` (${ERRNO_SV[String(a.code)] ? `${ERRNO_SV[String(a.code)]}, ` : ''}${a.code})` : ''}.`,
      'unknown-rule': (a) => `Okänd regel ${a.rule}${a.suggestion ? ` — menade du ${a.suggestion}?` : '.'} Se qm rules.`,
      'format-stdout': (a) =>
        `${a.format} och ${a.other} kan inte båda skrivas till terminalen. Skicka en av dem till en fil: --format ${a.format}=FIL.`,
      'format-no-file': (a) => `Ange ett filnamn efter likhetstecknet: --format ${a.format}=FIL.`,
      'config-missing-field': (a) => `${a.where}: \`${a.field}\` saknas.`,
      'config-empty-reason': (a) =>
        `${a.where}: \`motivering\` är tom. Ett undantag kräver en skriftlig motivering: skriv varför kravet inte uppfylls som det står.`,
      'config-bad-value': (a) => `${a.where}: ogiltigt värde; tillåtna värden är ${a.values}.`,
      'config-bad-type': (a) =>
        `${a.where}: ska vara ${a.type === 'object' ? 'en mappning (nyckel: värde)' : a.type === 'array' ? 'en lista' : a.type === 'boolean' ? 'ja eller nej' : a.type === 'integer' ? 'ett heltal' : a.type === 'number' ? 'ett tal' : 'text'}.`,
      'config-bad-number': (a) => `${a.where}: talet ska vara ${a.op === 'exclusiveMinimum' ? 'större än' : 'minst'} ${a.limit}.`,
      'config-syntax': (a) => `${a.where}: filen kan inte läsas som YAML${a.detail ? ` (${a.detail})` : ''}.`,
      'config-file': (a) => `${a.where}: ${message(String(a.rule), a, 'sv')}`,
      'bad-typ': (a) => `--typ ska vara ny eller förnyelse, inte ”${a.value}”.`,
      'init-exists': (a) =>
        `${a.file} finns redan${Number(a.others) > 0 ? ` (och ${a.others} fler av mallens filer)` : ''}; inget har skrivits. Välj en annan mapp, eller skriv över med --force.`,
      'init-chapter-exists': (a) =>
        `${a.file} finns redan${Number(a.chapter) > 0 ? ` som kapitel ${a.chapter}` : ''}; inget har skrivits. qm skapar inte en andra fil för samma kapitel: välj en annan mapp, eller flytta filen.`,
      'init-done': (a) => `Ansökningsmappen ${a.folder} är skapad:`,
      'init-next': (a) => `Nästa steg: ersätt varje [FYLL I: …], lägg bilagorna i ${a.folder}/bilagor och kör qm check ${a.folder}`,
      internal: (a) => `Internt fel: ${a.message}. Kör med --debug för detaljer.`,
      'pdf-attachment-broken': (a) =>
        `Bilagan ${a.file} kan inte tas med i PDF:en: filen är trasig eller lösenordsskyddad (se qm check). Ingen PDF skrevs.`,
      'pdf-attachment-unreadable': (a) =>
        `Bilagan ${a.file} kunde inte läsas (${a.detail}). Ingen PDF skrevs; exportera eller spara filen på nytt.`,
      'pdf-attachment-changed': (a) =>
        `Bilagan ${a.file} ändrades medan PDF:en skapades. Ingen PDF skrevs; kör qm pdf igen när filen är färdig.`,
      'pdf-attachment-encrypted': (a) =>
        `Bilagan ${a.file} kräver lösenord för att öppnas. Ingen PDF skrevs; spara en kopia utan lösenord.`,
      'pdf-attachment-timeout': (a) =>
        `Bilagan ${a.file} kunde inte läsas på ${String(a.seconds).replace('.', ',')} sekunder och avbröts (filen kan vara trasig). Ingen PDF skrevs.`,
      'pdf-timeout': (a) =>
        `Sättningen av PDF:en tog mer än ${String(a.seconds).replace('.', ',')} sekunder och avbröts. Ingen PDF skrevs.`,
      'pdf-out-of-memory': (a) =>
        `Minnet tog slut${a.file ? ` när bilagan ${a.file} lästes` : ''}. Ingen PDF skrevs; dela upp eller komprimera stora bilagor.`,
      'pdf-internal': (a) => `PDF:en kunde inte skapas${a.file ? ` (vid ${a.file})` : ''}: ${a.detail}. Ingen PDF skrevs.`,
      'pdf-output-is-input': (a) =>
        `${a.file} är, eller skulle bli, en av ansökans egna filer (ett kapitel, ansokan.yaml, qm.config.yaml, en bilaga eller något under bilagor/); qm skriver inte där. Välj en annan fil med -o.`,
      'output-is-input': (a) =>
        `${a.file} är, eller skulle bli, en av ansökans egna filer (ett kapitel, ansokan.yaml, qm.config.yaml eller något under bilagor/); qm skriver inte där. Välj en annan fil.`,
      'output-twice': (a) => `Två rapporter ska skrivas till ${a.file}; den ena skulle skriva över den andra. Ge varje format en egen fil.`,
    },
    pdf: {
      check: () => 'Kontrollerar ansökan',
      inspect: (a) => `Öppnar ${a.label} (${a.index}/${a.total})`,
      typeset: () => 'Sätter text, tabeller och bilder',
      merge: (a) => `Lägger in ${a.label} (${a.index}/${a.total})`,
      save: () => 'Sparar PDF:en',
      write: (a) => `Skriver ${a.file}`,
      written: (a) => `Skrev ${a.file}: ${a.pages} sidor, ${a.attachments} ${a.attachments === 1 ? 'bilaga' : 'bilagor'}.`,
      draftWritten: (a) =>
        `Skrev utkastet ${a.file} (märkt UTKAST, ${a.errors} ${a.errors === 1 ? 'öppet fel' : 'öppna fel'}): ${a.pages} sidor, ${a.attachments} ${a.attachments === 1 ? 'bilaga' : 'bilagor'}.`,
      refused: (a) => `Ingen PDF skrevs: ansökan har ${a.errors} fel. Rätta dem, eller kör qm pdf --draft för ett utkast.`,
      failed: () => 'Ingen PDF skrevs.',
    },
  },
  en: {
    severity: { error: 'error', warning: 'warning', info: 'info' },
    severityPlural: {
      error: (n) => `${n} ${n === 1 ? 'error' : 'errors'}`,
      warning: (n) => `${n} ${n === 1 ? 'warning' : 'warnings'}`,
      info: (n) => `${n} info`,
    },
    excepted: (n) => `${n} ${n === 1 ? 'exception' : 'exceptions'}`,
    refSource: { option: 'from --date', ansökningsdatum: 'ansökningsdatum', today: 'today' },
    referenceDate: 'Reference date',
    newApplication: 'New application',
    renewal: (until) => (until ? `Renewal – current certification valid until ${until}` : 'Renewal'),
    completeness: 'complete',
    completenessLine: (p) => `${p} of requirements met`,
    exception: 'exception',
    folder: 'Folder',
    organisation: 'Organisation',
    summaryTitle: 'Summary',
    noFindings: 'No findings.',
    ci: {
      application: 'Application',
      chapter: 'Chapter',
      status: 'Status',
      passed: 'Met',
      openPoints: 'Open points',
      done: 'done',
      justification: 'justification',
      notChecked: (rule) => `The chapter could not be read (${rule}), so the requirement could not be checked.`,
      notMet:
        'Not checked: a placeholder [FYLL I …] is still where the information belongs (text/platshallare). The requirement counts as not met.',
      watching: (n) => `Watching ${n === 1 ? 'the folder' : `${n} folders`} – checking again on every change. Ctrl-C ends.`,
    },
    usage: {
      'folder-missing': (a) => `The folder ${a.folder} does not exist.`,
      'folder-unreadable': (a) => `The folder ${a.folder} cannot be read${a.code ? ` (${a.code})` : ''}.`,
      'not-a-folder': (a) => `${a.folder} is not a folder.`,
      'no-folders': (a) => `No folders match ${a.pattern}.`,
      'not-an-application': (a) =>
        `${a.folder} is not an application folder: it holds neither ansokan.yaml nor a chapter file (01-… to 09-…). Give the folder that holds the application, or create one with qm init ${a.folder}.`,
      'no-applications': (a) =>
        `No application folder matches ${a.pattern}: ${Number(a.skipped) === 1 ? 'the folder that matches holds' : `the ${a.skipped} folders that match hold`} neither ansokan.yaml nor a chapter file.`,
      'skipped-folder': (a) => `skipping ${a.folder}: not an application folder (neither ansokan.yaml nor a chapter file).`,
      'bad-date': (a) => `--date must be a date YYYY-MM-DD between 1900 and 2200 that is in the calendar, not “${a.value}”.`,
      'output-without-format': (a) =>
        `--output ${a.file} is for the report on standard output, but every format already goes to a file. Write FORMAT=${a.file} instead.`,
      'bad-format': (a) => `Unknown format “${a.value}”. Choose ${choices(a.formats, 'or')}.`,
      'bad-markdown-max': (a) => `--markdown-max must be a number of characters, at least 1000, not “${a.value}”.`,
      'bad-lang': (a) => `Unknown language “${a.value}”. Choose sv or en.`,
      'config-missing': (a) => `The config file ${a.file} does not exist.`,
      'config-unknown-key': (a) =>
        `${a.where}: unknown field \`${a.key}\`${a.suggestion ? ` — did you mean \`${a.suggestion}\`?` : a.known ? `; the fields that may stand here: ${a.known}.` : '.'}`,
      'config-invalid': (a) => `${a.where}: invalid setting: ${a.detail}.`,
      'config-unknown-rule': (a) =>
        `${a.where}: unknown rule ${a.rule}${a.suggestion ? ` — did you mean ${a.suggestion}?` : '.'} See qm rules.`,
      'config-error-rule': (a) =>
        `${a.where}: ${a.rule} is a Quality Mark requirement (error) and cannot be turned off or down-graded. If the organisation has a reason not to meet it, record an exception with a justification under \`undantag\`.`,
      'output-unwritable': (a) =>
        `Cannot write ${a.file}${a.code ? ` (${ERRNO_EN[String(a.code)] ? `${ERRNO_EN[String(a.code)]}, ` : ''}${a.code})` : ''}.`,
      'unknown-rule': (a) => `Unknown rule ${a.rule}${a.suggestion ? ` — did you mean ${a.suggestion}?` : '.'} See qm rules.`,
      'format-stdout': (a) =>
        `${a.format} and ${a.other} cannot both go to standard output. Send one of them to a file: --format ${a.format}=FILE.`,
      'format-no-file': (a) => `Give a file name after the equals sign: --format ${a.format}=FILE.`,
      'config-missing-field': (a) => `${a.where}: \`${a.field}\` is missing.`,
      'config-empty-reason': (a) =>
        `${a.where}: \`motivering\` is empty. An exception needs a written justification: say why the requirement is not met as written.`,
      'config-bad-value': (a) => `${a.where}: invalid value; allowed values are ${a.values}.`,
      'config-bad-type': (a) =>
        `${a.where}: must be ${a.type === 'object' ? 'a mapping (key: value)' : a.type === 'array' ? 'a list' : a.type === 'boolean' ? 'yes or no (ja/nej)' : a.type === 'integer' ? 'a whole number' : a.type === 'number' ? 'a number' : 'text'}.`,
      'config-bad-number': (a) => `${a.where}: the number must be ${a.op === 'exclusiveMinimum' ? 'greater than' : 'at least'} ${a.limit}.`,
      'config-syntax': (a) => `${a.where}: the file cannot be read as YAML${a.detail ? ` (${a.detail})` : ''}.`,
      'config-file': (a) => `${a.where}: ${message(String(a.rule), a, 'en')}`,
      'bad-typ': (a) => `--typ must be ny or förnyelse, not “${a.value}”.`,
      'init-exists': (a) =>
        `${a.file} already exists${Number(a.others) > 0 ? ` (and ${a.others} more of the template's files)` : ''}; nothing was written. Choose another folder, or overwrite with --force.`,
      'init-chapter-exists': (a) =>
        `${a.file} already exists${Number(a.chapter) > 0 ? ` as chapter ${a.chapter}` : ''}; nothing was written. qm does not create a second file for the same chapter: choose another folder, or move the file.`,
      'init-done': (a) => `The application folder ${a.folder} is created:`,
      'init-next': (a) => `Next: replace every [FYLL I: …], put the attachments in ${a.folder}/bilagor and run qm check ${a.folder}`,
      internal: (a) => `Internal error: ${a.message}. Run with --debug for details.`,
      'pdf-attachment-broken': (a) =>
        `The attachment ${a.file} cannot go into the PDF: the file is broken or password-protected (see qm check). No PDF was written.`,
      'pdf-attachment-unreadable': (a) =>
        `The attachment ${a.file} could not be read (${a.detail}). No PDF was written; export or save the file again.`,
      'pdf-attachment-changed': (a) =>
        `The attachment ${a.file} changed while the PDF was being made. No PDF was written; run qm pdf again once the file is finished.`,
      'pdf-attachment-encrypted': (a) =>
        `The attachment ${a.file} needs a password to open. No PDF was written; save a copy without a password.`,
      'pdf-attachment-timeout': (a) =>
        `Reading the attachment ${a.file} took more than ${a.seconds} seconds and was stopped (the file may be broken). No PDF was written.`,
      'pdf-timeout': (a) => `Typesetting the PDF took more than ${a.seconds} seconds and was stopped. No PDF was written.`,
      'pdf-out-of-memory': (a) =>
        `Out of memory${a.file ? ` while reading the attachment ${a.file}` : ''}. No PDF was written; split or compress large attachments.`,
      'pdf-internal': (a) => `The PDF could not be made${a.file ? ` (at ${a.file})` : ''}: ${a.detail}. No PDF was written.`,
      'pdf-output-is-input': (a) =>
        `${a.file} is, or would become, one of the application's own files (a chapter, ansokan.yaml, qm.config.yaml, an attachment or something under bilagor/); qm does not write there. Choose another file with -o.`,
      'output-is-input': (a) =>
        `${a.file} is, or would become, one of the application's own files (a chapter, ansokan.yaml, qm.config.yaml or something under bilagor/); qm does not write there. Choose another file.`,
      'output-twice': (a) => `Two reports would be written to ${a.file}, one over the other. Give each format a file of its own.`,
    },
    pdf: {
      check: () => 'Checking the application',
      inspect: (a) => `Opening ${a.label} (${a.index}/${a.total})`,
      typeset: () => 'Typesetting text, tables and images',
      merge: (a) => `Merging ${a.label} (${a.index}/${a.total})`,
      save: () => 'Saving the PDF',
      write: (a) => `Writing ${a.file}`,
      written: (a) => `Wrote ${a.file}: ${a.pages} pages, ${a.attachments} ${a.attachments === 1 ? 'attachment' : 'attachments'}.`,
      draftWritten: (a) =>
        `Wrote the draft ${a.file} (marked UTKAST, ${a.errors} open ${a.errors === 1 ? 'error' : 'errors'}): ${a.pages} pages, ${a.attachments} ${a.attachments === 1 ? 'attachment' : 'attachments'}.`,
      refused: (a) =>
        `No PDF was written: the application has ${a.errors} ${a.errors === 1 ? 'error' : 'errors'}. Fix them, or run qm pdf --draft for a draft.`,
      failed: () => 'No PDF was written.',
    },
  },
};

export function usageMessage(key: string, args: Args, lang: Lang): string {
  const f = ui[lang].usage[key] ?? ui.sv.usage[key];
  return f ? f(args) : key;
}
