/** English messages, keyed by rule id (the same ids and arguments as sv.ts). */
import { formatKr, formatNumber as nr } from '../load/numbers.js';
import type { Args, Catalogue } from './types.js';

const kr = (x: number) => formatKr(x).replace(/ kr$/, ' SEK');
const q = (s: unknown) => `“${String(s)}”`;
const n = (a: Args, k: string) => Number(a[k] ?? 0);
/** A size in MB with the fewest decimals (1–3) that show it over the limit; else in bytes. */
const mb = (a: Args, k: string) => {
  const bytes = n(a, k);
  for (const d of [1, 2, 3]) {
    const v = Math.round((bytes / 1_000_000) * 10 ** d) / 10 ** d;
    if (v > n(a, 'limit')) return `${v} MB`;
  }
  return `${nr(bytes, undefined, ',')} bytes`;
};

function typeName(t: string): string {
  const names: Record<string, string> = {
    string: 'text',
    number: 'a number',
    integer: 'a whole number',
    boolean: 'yes or no (ja/nej)',
    array: 'a list',
    object: 'a mapping (keys with values)',
    null: 'empty',
  };
  const parts = t.split('|');
  if (parts.includes('string') && parts.includes('integer')) return 'a date (YYYY-MM-DD) or a year';
  if (parts.includes('string') && parts.includes('object')) return 'a path or {fil, titel}';
  return parts.map((p) => names[p] ?? p).join(' or ');
}

/** A form qm accepts for a number field (written the Swedish way, as the files are). */
function numberExample(a: Args): string {
  if (a.amount) return ', e.g. 2 600 000 kr or 2,6 Mkr';
  if (a.expected === 'integer') return n(a, 'min') >= 1900 ? ', e.g. 2028' : ', e.g. 12';
  if (a.expected === 'number') return a.max !== undefined && n(a, 'max') <= 100 ? ', e.g. 40 or 12,5' : ', e.g. 12 500 or 4,5';
  return '';
}

function cmp(c: string): string {
  return { '>=': 'at least', '<=': 'at most', '>': 'more than', '<': 'less than' }[c] ?? c;
}

function years(y: number, m: number): string {
  const yy = `${y} ${y === 1 ? 'year' : 'years'}`;
  return m === 0 ? yy : `${yy} and ${m} ${m === 1 ? 'month' : 'months'}`;
}

const reasonSyntax: Record<string, string> = {
  'frontmatter-unclosed': 'the front matter starts with --- but is never closed by a line ---.',
  'not-mapping-list': 'the front matter/YAML must be keys with values (key: value), not a list.',
  'not-mapping-scalar': 'the front matter/YAML must be keys with values (key: value), not a lone text.',
  'duplicate-key': 'the same key appears twice.',
  tab: 'tabs cannot indent YAML; use spaces.',
  unclosed: 'a quote or bracket is never closed.',
  indent: 'the indentation is off.',
  'reserved-start': 'a value starts with a character YAML reserves (%, @ or `); put the value in quotes, e.g. enhet: "%".',
  colon: 'a value holds a colon followed by a space, or a line is indented too far; put such a value in quotes.',
  aliases: 'too many YAML aliases (&/*): the file would be unreasonably large once read.',
  nesting: 'the YAML is nested unreasonably deep.',
  'too-many-nodes': 'the file holds more than 100,000 YAML values, unreasonably many for a chapter.',
  'alias-unresolved': 'a YAML alias (*name) refers to an anchor (&name) that does not exist.',
  'multiple-docs':
    'the file holds more than one YAML document (a line --- inside it); a chapter is one document. Remove the --- line or join the parts.',
  yaml: 'YAML syntax error.',
};

const kindName = (k: string) => ({ pdf: 'PDF', jpeg: 'JPEG image', png: 'PNG image' })[k] ?? k;
const unknownName = (k: string) =>
  ({
    docx: 'a Word document (.docx)',
    doc: 'a Word document (.doc)',
    xlsx: 'an Excel workbook',
    pptx: 'a PowerPoint file',
    zip: 'a zip archive',
    gif: 'a GIF image',
    webp: 'a WebP image',
    tiff: 'a TIFF image',
    heic: 'a HEIC image (iPhone)',
    rtf: 'an RTF document',
    special: 'not an ordinary file',
  })[k] ?? 'of an unknown type';
const brokenName = (d: string) =>
  d === 'empty'
    ? 'the file is empty (0 bytes)'
    : d === 'truncated'
      ? 'the file is truncated (its end is missing, e.g. an interrupted download)'
      : d === 'zero-size'
        ? 'the image is 0 × 0'
        : d === 'image-data'
          ? 'the image data is missing or damaged'
          : d.startsWith('unreadable') || d.startsWith('read')
            ? 'the file may not be read'
            : 'the content is broken';

/** Why the `åtaganden` do not cover the three years ahead (k3/verksam-tre-ar). */
function commitmentsEn(a: Args): string {
  const why: string[] = [];
  const absent = String(a.absent ?? '')
    .split(',')
    .filter(Boolean);
  if (absent.length === 2) why.push('no commitment gives the sector offentlig or privat');
  else if (absent.length === 1) why.push(`no commitment is from a party with sector ${absent[0]}`);
  for (let k = 1; k <= n(a, 'listed'); k++) {
    const lacks: string[] = [];
    if (a[`c${k}early`]) lacks.push(`is valid only until ${a[`c${k}till`]}`);
    if (a[`c${k}noTill`]) lacks.push('lacks `till`');
    if (a[`c${k}noDoc`]) lacks.push(`${lacks.length > 0 ? 'also lacks' : 'lacks'} its \`bilaga\``);
    why.push(`${a[`c${k}`]} (${a[`c${k}sector`]}) ${lacks.join(' and ')}`);
  }
  if (a.noSector) why.push(`${a.noSector} lacks \`sektor\``);
  return `Nor do the commitments cover the three years ahead: that takes at least one public and one private commitment valid until at least ${a.needed}, each with its signed \`bilaga\`, but ${why.join('; ')}.`;
}

/** The actions of k7/budget-overstiger (`action1`, `share1`, …), each as `item(k)`. */
function shareList(a: Args, item: (k: number) => string): string {
  return Array.from({ length: n(a, 'count') }, (_, i) => item(i + 1)).join(', ');
}

export const en: Catalogue = {
  'ansokan/saknas': () => 'No ansokan.yaml in the folder. Create it with organisation, kommun, kontakt and typ (or run qm init).',
  'kapitel/saknas': (a) =>
    `Chapter ${a.chapter} has no file. Create a file whose name starts with 0${a.chapter}- (e.g. 0${a.chapter}-….md).`,
  'kapitel/dubblett': (a) => `Chapter ${a.chapter} has two files: this one and ${a.first}. qm reads ${a.first}; remove or rename this one.`,
  'fil/syntax': (a) =>
    a.reason === 'frontmatter-unopened'
      ? `The front matter lacks its first line ---: the fields (from \`${a.key}\`) are closed by --- on line ${a.closing}, but no line --- opens them. Add a line with only --- as the very first line of the file; the chapter’s fields and requirements are checked once it parses.`
      : a.reason === 'inner-quote'
        ? a.quote === "'"
          ? `The file cannot be parsed: the apostrophe here ends the value that began with ' earlier on the line, so the rest of the line is wrong. Put the value in double quotes (or write the apostrophe twice, ''): ${a.fixed}`
          : `The file cannot be parsed: the quote here ends the value that began with " earlier on the line, so the rest of the line is wrong. Write quotes inside the text as ” ”, or put the whole value in single quotes ('…'): ${a.fixed}`
        : `The file cannot be parsed: ${reasonSyntax[String(a.reason)] ?? 'YAML syntax error.'}${a.detail ? ` (${a.detail})` : ''} Fix the line; the file’s fields and requirements are checked once it parses.`,
  'fil/kodning': (a) =>
    a.kind === 'utf16' || a.kind === 'utf32'
      ? `The file is saved as ${a.kind === 'utf16' ? 'UTF-16' : 'UTF-32'}, not UTF-8. Save it as UTF-8.`
      : a.kind === 'binary'
        ? 'The file is not a text file (it holds binary data, e.g. a Word document, a PDF or an image under the chapter’s name). Save the chapter as UTF-8 text.'
        : `The file is not valid UTF-8 (byte ${a.byte}${a.latin1 ? `, probably ${q(a.latin1)} in Latin-1/Windows-1252` : ''}). Save the file as UTF-8.`,
  'fil/for-stor': (a) =>
    `The file is ${nr(n(a, 'bytes'), undefined, ',')} bytes, over the limit of 1 MiB (1,048,576 bytes), and is not read. Shorten it and put large material in attachments.`,
  'fil/olasbar': (a) =>
    a.code === 'EISDIR'
      ? 'This is a folder, not a file. It should be an ordinary .md or .yaml file.'
      : a.code === 'ESPECIAL'
        ? 'This is not an ordinary file (e.g. a named pipe or a device). It should be an ordinary .md or .yaml file.'
        : a.code === 'EACCES' || a.code === 'EPERM'
          ? 'The file may not be read (permissions). Change the file’s permissions.'
          : `The file cannot be read${a.code ? ` (${a.code})` : ''}.`,
  'schema/saknat-falt': (a) =>
    a.typo
      ? `The field \`${a.field}\` is missing${a.parent ? ` in \`${a.parent}\`` : ''}: \`${a.typo}\` stands here, probably misspelt. Write \`${a.field}\`.`
      : `The field \`${a.field}\` is missing${a.parent ? ` in \`${a.parent}\`` : ''}. Add it.`,
  'schema/fel-typ': (a) =>
    `\`${a.field}\` must be ${a.amount ? 'an amount in SEK' : typeName(String(a.expected))}${a.min !== undefined && a.max !== undefined ? ` between ${a.min} and ${a.max}` : ''}${numberExample(a)}, but is ${q(a.value)}.${a.accepted ? ` Write ${a.accepted}.` : ''}`,
  'schema/okant-varde': (a) =>
    `\`${a.field}\` cannot be ${q(a.value)}. Allowed values: ${a.allowed}.${String(a.value).includes(',') ? ` For several values, write a list: [${a.value}].` : ''}`,
  'schema/fel-format': (a) =>
    a.format === 'date'
      ? /^\d{4}-\d{2}-\d{2}$/.test(String(a.value))
        ? `\`${a.field}\` is ${q(a.value)}, a date that is not in the calendar. Correct the day or the month.`
        : `\`${a.field}\` must be a date YYYY-MM-DD${a.orYear ? ' or a year' : ''}, but is ${q(a.value)}.${a.accepted ? ` Write ${a.accepted}.` : ''}`
      : a.format === 'email'
        ? `\`${a.field}\` must be an e-mail address, but is ${q(a.value)}.`
        : a.format === 'year-key'
          ? `${q(a.value)} in \`${a.field}\` must be a year (YYYY), one value per year.`
          : `\`${a.field}\` has the wrong form: ${q(a.value)}${a.format === '^\\S+$' ? ' (an id may not contain spaces)' : ''}.`,
  'schema/tomt-varde': (a) => `\`${a.field}\` is empty. Fill it in, or remove the field if it is optional.`,
  'schema/utanfor-intervall': (a) => `\`${a.field}\` must be ${cmp(String(a.comparison))} ${a.limit}, but is ${a.value}.`,
  'schema/tom-lista': (a) => `\`${a.field}\` is an empty list. Add at least one value.`,
  'schema/ogiltigt-varde': (a) => `\`${a.field}\` has a value that does not follow the schema: ${q(a.value)}.`,
  'schema/dubbel-nyckel': (a) =>
    a.first && a.first !== a.key
      ? `\`${a.key}\` is the same field as \`${a.first}\`, given above. Keep one of them.`
      : `The field \`${a.key}\` is given twice. Keep one of them.`,
  'schema/okant-falt': (a) =>
    a.mdText
      ? 'The field `text` in the front matter is not read: in a .md file the prose stands below the front matter (after the --- line). Move the text there.'
      : a.splitFrom
        ? `Unknown field \`${a.key}\` — probably the end of \`${a.splitFrom}\`, which YAML split at the comma inside { }. Quote the value: \`${a.splitFrom}: "${a.written}"\`.`
        : a.suggestion
          ? `Unknown field \`${a.key}\` — did you mean \`${a.suggestion}\`?`
          : a.known
            ? `Unknown field \`${a.key}\`; it is not read. The fields that may stand here: ${a.known}.`
            : `Unknown field \`${a.key}\`; it is not read. See qm schema for the fields.`,
  'schema/ascii-nyckel': (a) => `\`${a.key}\` is read as \`${a.suggestion}\`. Consider writing \`${a.suggestion}\` with å, ä, ö.`,
  'schema/decimalkomma': (a) =>
    `YAML split ${n(a, 'count') > 1 ? `${a.count} values (${a.all})` : q(a.written)} at the decimal comma, because they stand in a { } mapping. Write one value per line: \`${a.key}: ${a.written}\` on its own line.`,
  'schema/tvetydigt-tal': (a) =>
    `\`${a.field}\`${a.year ? ` for ${a.year}` : ''} is ${q(a.value)}: the dot may separate thousands (${nr(n(a, 'thousands'))}) or decimals (${nr(n(a, 'decimal'))}). Write ${nr(n(a, 'thousands'))} with a space or ${nr(n(a, 'decimal'))} with a comma.`,
  'id/dubblett': (a) =>
    `The id ${q(a.id)} is already used (${a.first}). Goal, strategy, action and indicator ids must be unique across the application.`,
  'text/saknas': () =>
    'The chapter has no prose. Write the chapter’s description below the front matter (or under `text: |` in a YAML file).',
  'text/kort': (a) => `The chapter’s text has ${a.words} words; at least ${a.limit} are recommended. Develop the description.`,
  'text/personnummer': (a) =>
    `A personal identity number (${a.number}) stands here. The submitted PDF is shared; remove the personal data.`,
  'text/platshallare': (a) => `The template placeholder ${q(a.text)} has not been replaced. Write the real information.`,
  'text/arbetsmarkering': (a) => `The working mark ${q(a.mark)} is still in the text. Finish the passage and remove the mark.`,
  'config/oanvant-undantag': (a) =>
    `The exception for ${a.rule} matches no diagnostic: the requirement is met. Remove the exception from qm.config.yaml.`,
  'bilaga/saknas': (a) =>
    a.reason === 'nul'
      ? `The path ${q(String(a.path).replace(/\0/g, '\\0'))} holds a NUL character and cannot be a file. Correct the path.`
      : a.reason === 'loop'
        ? `${q(a.path)} is a symbolic link that loops. Replace the link with the file.`
        : a.reason === 'case'
          ? `The attachment ${q(a.path)} does not exist, but ${q(a.actual)} does: the names differ only in upper and lower case, which many computers tell apart. Did you mean ${q(a.actual)}? Write the path exactly so, or rename the file.`
          : a.reason === 'renamed'
            ? `The attachment ${q(a.path)} does not exist. Did you mean ${q(a.actual)}? It is in the folder but no chapter refers to it. Correct the path, or rename the file.`
            : `The attachment ${q(a.path)} is not in the application folder. Put the file there or correct the path.`,
  'bilaga/utanfor-mappen': (a) =>
    `${q(a.path)} leads out of the application folder (${a.reason === 'url' ? 'a web address or file://' : a.reason === 'absolute' ? 'an absolute path' : a.reason === 'link' ? 'a link to a file outside' : '..'}), and qm does not open it. Copy the file into the folder (e.g. bilagor/) and refer to it relatively.`,
  'bilaga/filtyp': (a) =>
    a.logo
      ? `${q(a.path)} is a PDF, but the logo is shown on the cover and must be an image. Save it as PNG or JPEG.`
      : a.mismatch
        ? `${q(a.path)} is a ${kindName(String(a.kind))} but ${a.ending ? `its ending is .${a.ending}` : 'its name has no ending'}. Use the right ending.`
        : a.kind === 'folder'
          ? `${q(a.path)} is a folder, not a file. Refer to a PDF, JPEG or PNG file.`
          : `${q(a.path)} is ${unknownName(String(a.kind))}, not a PDF, JPEG or PNG. Save it as PDF (documents) or JPEG/PNG (images).`,
  'bilaga/trasig': (a) => `${q(a.path)} cannot be read: ${brokenName(String(a.detail))}. Export or download the file again.`,
  'bilaga/krypterad': (a) =>
    `${q(a.path)} is encrypted and needs a password to open; qm cannot include it. Save a copy without a password.`,
  'bilaga/skyddad': (a) =>
    `${q(a.path)} carries owner-password restrictions (printing, copying). qm can merge it, but the restrictions will not survive in the submission PDF.`,
  'bilaga/storlek': (a) =>
    a.all
      ? `The attachments total ${mb(a, 'total')}, over the limit of ${a.limit} MB. Compress the images or split the material.`
      : `${q(a.path)} is ${mb(a, 'bytes')}, over the limit of ${a.limit} MB. Compress it (e.g. a lower image resolution).`,
  'bilaga/oanvand': (a) =>
    `${q(a.path)} is under bilagor/ but no chapter refers to it, so it will not be in the PDF. Refer to it or remove it.`,
  'ansokan/organisationsnummer': (a) =>
    a.checkDigit
      ? `The organisation number ${q(a.value)} has a wrong check digit. Check it against the register.`
      : `The organisation number ${q(a.value ?? '')} is malformed. Write it as NNNNNN-NNNN.`,
  'ansokan/fornyelse-datum': () =>
    'The application is a renewal but `tidigare_certifiering` is missing. Give the date the current certification was granted.',
  'ansokan/synpunkt-utan-atgard': () => 'The remark from the previous certification has no `åtgärd`. Describe what you have done since.',
  'ansokan/certifiering-utgangen': (a) =>
    `The previous certification was granted ${a.granted} and was valid until ${a.expired}; it has expired (reference date ${a.ref}).${a.longAgo ? ' It lapsed more than a year ago: a full new application (typ: ny) is expected.' : ' The renewal comes after the certification lapsed: check the date in `tidigare_certifiering`, and expect the assessor to ask about the time without certification.'}`,
  'k1/startad': () =>
    'When the collaboration started is not given. Give `startad` (a date or a year): the chapter should tell how the collaboration started and why.',
  'k1/startad-efter-bildad': (a) =>
    `The collaboration is said to have started ${a.startad}, after the organisation was formed ${a.bildad} (chapter 3). Correct \`startad\` or \`bildad\`.`,
  'k2/swot': () =>
    'The chapter has neither `swot` nor an attachment. The assessor would like a SWOT or a situation analysis: add `swot` or an attachment.',
  'k2/swot-tom-del': (a) => `The SWOT part \`${a.part}\` is empty. Fill in all four parts: styrkor, svagheter, möjligheter and hot.`,
  'k3/verksam-tre-ar': (a) =>
    (a.future
      ? `The organisation is formed ${a.bildad}, after the reference date ${a.ref}. The requirement is at least three years of operation; it is met on ${a.met}.`
      : `The organisation was formed ${a.bildad} and has been active for ${a.year ? 'at most ' : ''}${years(n(a, 'years'), n(a, 'months'))}. The requirement is at least three years; it is met ${a.year ? 'at the earliest ' : ''}on ${a.met}.`) +
    (n(a, 'commitments') > 0 ? ` ${commitmentsEn(a)}` : ''),
  'k3/bildad-ofullstandigt-datum': (a) =>
    `\`bildad\` gives only the year ${a.year}. Whether three years have passed by the reference date ${a.ref} depends on the day (the requirement is met between ${a.from} and ${a.to}). Give the full date YYYY-MM-DD.`,
  'k3/offentlig-och-privat': (a) =>
    a.missing === 'both'
      ? 'No actors with a sector are given. The requirement is a collaboration of public and private parties: list the actors with `sektor: offentlig` and `sektor: privat`.'
      : `${n(a, 'count') === 1 ? 'The only actor is' : `All ${a.count} actors are`} ${a.missing === 'privat' ? 'public' : 'private'}. The requirement is that both public and private parties take part: add a ${a.missing === 'privat' ? 'private' : 'public'} actor.`,
  'k3/andelar-summa': (a) => `The actors’ shares add up to ${a.sum} %, not 100 %. Adjust \`andel\` so that the ownership adds up to 100 %.`,
  'k3/grupp-beskrivning': (a) =>
    `The group ${a.group ? q(a.group) : `no. ${a.index}`} lacks \`${a.field}\`. Describe the mandate, meeting frequency and decision path of every group.`,
  'k3/grupper-saknas': () => 'No groups are described. Describe the board, management group, working groups etc. under `grupper`.',
  'k3/organisationsmatris': () =>
    'The organisation matrix is missing. Attach a matrix of the actors and their “ownership” and give it in `organisationsmatris`.',
  'k3/karta': () => 'The map is missing. Attach a map of the geographically delimited area and give it in `karta`.',
  'k4/offentlig-och-privat': (a) =>
    a.missing === 'both'
      ? 'No financier with an amount above 0 is given. The requirement is that both public and private parties contribute: list the financiers with sector and amount.'
      : `The financing is 100 % ${a.missing === 'privat' ? 'public' : 'private'} (${kr(n(a, 'sum'))}). The requirement is that both public and private parties contribute.`,
  'k4/budget-summa': (a) =>
    `The financiers’ amounts add up to ${kr(n(a, 'sum'))} (public ${kr(n(a, 'public'))}, ${a.publicShare} %; private ${kr(n(a, 'private'))}, ${a.privateShare} %), but \`budget\` is ${kr(n(a, 'budget'))}. The difference is over 1 %; reconcile the amounts.`,
  'k4/budget-beslutad': (a) =>
    a.datum
      ? `The budget was decided on ${a.datum}, after the reference date ${a.ref}. The requirement is an approved budget; give a decision that has been taken.`
      : 'The budget decision is missing. The requirement is an approved budget: give `budgetbeslut` with the date and the approving body.',
  'k4/budget-uppfoljning': () => 'How the budget is followed up is not described. Give `uppföljning` with frequency and description.',
  'k4/avtal': () =>
    'The chapter has no attachment. Attach agreements, budget decisions or project financing: a financier’s `avtal`, the decision’s `protokoll` or `bilagor`.',
  'k4/budgetar': (a) =>
    `The budget year ${a.year} is neither the reference year ${a.ref} nor the next year ${a.next}. Describe the current or the coming year’s budget.`,
  'k4/sektor-motsager-k3': (a) =>
    `The financier ${q(a.name)} is given as ${a.sector}, but the actor of the same name in chapter 3 is ${a.actorSector}. Correct the sector in one of the chapters.`,
  'k5/vision': () =>
    'The vision is missing. The requirement is a document that clearly states a common vision for the place: write it in `vision`.',
  'k5/affarside': () =>
    'The business idea is missing. The requirement is that the organisation’s business idea is stated: write it in `affärsidé`.',
  'k5/vision-tre-ar': (a) =>
    `The vision covers ${a.from}–${a.to}, ${a.years} calendar ${n(a, 'years') === 1 ? 'year' : 'years'}. The requirement is a vision over three years: extend \`period.till\` to at least ${n(a, 'from') + 2}.`,
  'k5/vision-aktuell': (a) =>
    `The vision ran until ${a.to} and has expired (reference year ${a.ref}). Adopt a new common vision that applies now.`,
  'k5/vision-borjar-senare': (a) =>
    `The vision starts ${a.from}, more than a year after the reference year ${a.ref}. The common vision should apply now.`,
  'k5/vision-certifieringsperiod': (a) =>
    `The vision ends ${a.to}, before ${a.until} when a certification granted now expires. Consider extending the period.`,
  'k5/dokument': () =>
    'The vision document is missing. The requirement is a document with the common vision: attach it and give it in `dokument`.',
  'k5/samsyn': () =>
    'Who stands behind the vision is not given. The vision must show a common view: give under `beslutad` the date and who (`av`) adopted it.',
  'k6/kortsiktiga-mal': (a) =>
    `No goal is short-term. The requirement is goals both short-term (1–3 years) and long-term: add a goal with \`år\` ${a.from}–${a.to}.`,
  'k6/langsiktiga-mal': (a) =>
    `No goal is long-term. The requirement is goals both short-term and long-term (3–5–10 years): add a goal with \`år\` ${a.from} or later, or one with \`år: ${n(a, 'from') - 1}\` and \`horisont: lång\`.`,
  'k6/horisont': (a) =>
    `The goal ${a.id} has \`horisont: ${a.horizon}\` but \`år: ${a.year}\` is ${a.ahead} years after the reference year ${a.ref}; ${a.horizon === 'kort' ? 'kort means 1–3 years' : 'lång means 3–10 years'}. Correct \`år\` or \`horisont\`.`,
  'k6/mal-bortom-tio-ar': (a) =>
    `Goal ${a.id ? `${a.id} ` : ''}has the year ${a.year}, ${a.ahead} years after the reference year ${a.ref}. Long-term goals lie 3–10 years ahead, so ${a.latest} at the latest. The goal counts as long-term, but give it a year no later than ${a.latest} or add an intermediate goal within ten years.`,
  'k6/mal-passerat': (a) =>
    `The goal ${a.id} has the year ${a.year}, which is not after the reference year ${a.ref}. Give the goal a future year or remove it.`,
  'k6/strategi-okant-mal': (a) =>
    `The strategy ${a.strategy} names the goal ${q(a.goal)}, which does not exist${a.known ? ` (the goals are ${a.known})` : ''}. Correct the id.`,
  'k6/mal-utan-strategi': (a) => `The goal ${a.goal} is served by no strategy. Name ${a.goal} in \`mål\` of a strategy.`,
  'k6/hallbarhetsmal': () =>
    'No goal is marked as a sustainability goal. Where possible the assessor would like one: mark it with `hållbarhet: ja`.',
  'k6/forankring': () =>
    'The anchoring is missing. Show how the goals and strategies are anchored (who adopted them and when) in `förankring`.',
  'k6/oversiktsplan': () => 'The overview plan of the centre is missing. Attach it and give it in `översiktsplan`.',
  'k6/dokument': () => 'The goals-and-strategy document is missing. Attach the adopted document and give it in `dokument`.',
  'k7/atgarder-saknas': () => 'The plan has no actions. List the action programme under `åtgärder`.',
  'k7/mal-koppling': (a) =>
    a.none
      ? `${n(a, 'count') === 1 ? 'The action' : `None of the ${a.count} actions`} names ${n(a, 'count') === 1 ? 'no' : 'a'} goal. The requirement is a plan linked to the goals: give \`mål\` for the actions.`
      : `The action ${a.action} names the goal ${q(a.goal)}, which is not in chapter 6${a.known ? ` (the goals are ${a.known})` : ''}. Correct the id.`,
  'k7/atgard-utan-mal': (a) =>
    `The action ${a.action} names no goal. Name the goal it serves, or \`typ: administration\` for running costs.`,
  'k7/strategi-koppling': (a) =>
    a.none
      ? `${n(a, 'count') === 1 ? 'The action names no' : `None of the ${a.count} actions names a`} strategy. The requirement is a plan linked to the strategies: give \`strategi\` for the actions.`
      : `The action ${a.action} names the strategy ${q(a.strategy)}, which is not in chapter 6${a.known ? ` (the strategies are ${a.known})` : ''}. Correct the id.`,
  'k7/atgard-utan-strategi': (a) => `The action ${a.action} names no strategy. Name the strategy it carries out.`,
  'k7/ansvarig': (a) => `The action ${a.action} has no one responsible. The plan needs a division of responsibility: give \`ansvarig\`.`,
  'k7/tidplan': (a) =>
    a.order
      ? `The action ${a.action} ends ${a.end}, before its start ${a.start}. Correct the schedule.`
      : `The action ${a.action} lacks \`${a.field}\`. The plan needs a schedule: give \`start\` and \`slut\` (YYYY-MM-DD).`,
  'k7/budget': (a) => `The action ${a.action} has no budget. The plan must be linked to the budget: give \`budget\` in SEK.`,
  'k7/syfte': (a) => `The action ${a.action} has no purpose. Describe it in \`syfte\`.`,
  'k7/budget-overstiger': (a) =>
    `The actions cost ${kr(n(a, 'sum'))} in the budget year ${a.year}, more than the budget of ${kr(n(a, 'budget'))} in chapter 4. An action’s \`budget\` covers its whole period and counts by its days in ${a.year}; largest first: ${shareList(
      a,
      (k) =>
        n(a, `inYear${k}`) === n(a, `days${k}`)
          ? `${a[`action${k}`]} ${kr(n(a, `share${k}`))} (the whole period)`
          : `${a[`action${k}`]} ${kr(n(a, `share${k}`))} (${nr(n(a, `inYear${k}`))} of ${nr(n(a, `days${k}`), undefined, ' ')} days of ${kr(n(a, `budget${k}`))})`,
    )}. Correct an amount or a period, or the budget in chapter 4.`,
  'k7/mal-utan-atgard': (a) => `The goal ${a.goal} is served by no action. Name ${a.goal} in \`mål\` of an action.`,
  'k7/samverkansprocess': () =>
    'The collaboration process is not described. Describe in `samverkansprocess` how the collaboration works and who is responsible for what.',
  'k7/flerarig-plan': () => 'The multi-year overall plan is missing. Attach it and give it in `flerårig_plan`.',
  'k7/plan-foregaende-ar': () => 'The detailed plan for the previous year is missing. Attach it and give it in `plan_föregående_år`.',
  'k7/plan-innevarande-ar': () => 'The detailed plan for the current year is missing. Attach it and give it in `plan_innevarande_år`.',
  'k8/metod': () =>
    'The follow-up method is missing. What matters is that the assessor sees that you have a method: describe it in `metod`.',
  'k8/tre-ars-resultat': (a) =>
    n(a, 'count') === 0
      ? `No indicators are given. The requirement is to show the development of the last three years: give indicators with values ${a.earliest}–${a.latest} (or ${a.ref}).`
      : `${n(a, 'count') === 1 ? 'The indicator does not show' : `None of the ${a.count} indicators shows`} the development of the last three years. At least one needs a value from ${a.latest} or ${a.ref} and one from at least two years earlier.`,
  'k8/indikator-ofullstandig': (a) =>
    a.years
      ? `The indicator ${a.id} has values for ${a.years} and does not span the last three years (reference year ${a.ref}). Add ${n(a, 'latest') < n(a, 'ref') - 1 ? `values for ${n(a, 'ref') - 1} or ${a.ref}` : `a value from ${n(a, 'latest') - 2} or earlier`}.`
      : `The indicator ${a.id} has no values. Give values for the last three years.`,
  'k8/malgrupper': (a) =>
    `There are no indicators for ${a.missing}. The assessor would like measures for residents, businesses and visitors alike.`,
  'k8/mal-uppfoljning': (a) => `The goal ${a.goal} is followed up by no indicator. Name ${a.goal} in \`mål\` of an indicator.`,
  'k8/ingen-maluppfoljning': () =>
    'No goal is followed up by any indicator. The requirement is to show goal follow-up: link the indicators to the goals with `mål`.',
  'k8/orimligt-varde': (a) =>
    a.negative
      ? `The indicator ${a.id} has a negative value (${a.value}) for ${a.year}. Check the value.`
      : `The indicator ${a.id} has ${a.value} ${String(a.unit).trim()} for ${a.year}; a percentage cannot exceed 100. Check the value.`,
  'k8/underlag': () =>
    'The chapter has no attachment. The requirement is documents that show goal follow-up: attach surveys, evaluations or before/after photos under `bilagor`.',
  'k8/koncis': (a) =>
    `The chapter has ${nr(n(a, 'words'), undefined, ',')} words (limit ${nr(n(a, 'limit'), undefined, ',')}). The assessor asks for a description as concrete and brief as possible.`,
  'k9/intressenter': () =>
    'No channel is aimed at stakeholders. The requirement is communication and dialogue with both stakeholders and citizens.',
  'k9/medborgare': () =>
    'No channel is aimed at citizens. The requirement is communication and dialogue with both stakeholders and citizens.',
  'k9/underlag': (a) =>
    `There is no evidence of the communication with ${a.missingEn}. Attach evidence under a channel’s \`bilagor\` or the chapter’s \`bilagor\`.`,
  'k9/kanalbredd': (a) =>
    `The channels are of ${a.kinds} ${n(a, 'kinds') === 1 ? 'kind' : 'kinds'}${a.list ? ` (${a.list})` : ''}. Show breadth, e.g. marketing, meetings, events, citizen dialogue, newsletters.`,
  // qm pdf
  'pdf/tabell-for-bred': (a) =>
    `The table on line ${a.line} of chapter ${a.chapter} has ${a.columns} columns and does not fit the page, not even with smaller text on a landscape page. The PDF shows it in parts with the first column repeated. Split it into tables with fewer columns or shorten the longest words.`,
  'pdf/tecken-saknas': (a) =>
    `The character ${q(a.char)} (${a.code}) is missing from the PDF font and prints as an empty box${n(a, 'count') > 1 ? ` (${a.count} times in the file)` : ''}. Replace it with a character the font has, or write it out in words.`,
};
