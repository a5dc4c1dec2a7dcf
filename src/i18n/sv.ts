/** The Swedish words that rule messages share (quotes, numbers, sizes, type names); each rule's sentences are in its definition under src/rules/. */
import { formatKr as kr, formatNumber as nr } from '../load/numbers.js';
import type { Args } from './types.js';

export { kr, nr };

export const q = (s: unknown) => `”${String(s)}”`;
export const n = (a: Args, k: string) => Number(a[k] ?? 0);
/** A size in MB with the fewest decimals (1–3) that show it over the limit; else in bytes. */
export const mb = (a: Args, k: string) => {
  const bytes = n(a, k);
  for (const d of [1, 2, 3]) {
    const v = Math.round((bytes / 1_000_000) * 10 ** d) / 10 ** d;
    if (v > n(a, 'limit')) return `${nr(v)} MB`;
  }
  return `${nr(bytes)} byte`;
};

export function typeName(t: string): string {
  const names: Record<string, string> = {
    string: 'text',
    number: 'ett tal',
    integer: 'ett heltal',
    boolean: 'ja eller nej',
    array: 'en lista',
    object: 'en mappning (nycklar med värden)',
    null: 'tomt',
  };
  const parts = t.split('|');
  if (parts.includes('string') && parts.includes('integer')) return 'ett datum (ÅÅÅÅ-MM-DD) eller ett årtal';
  if (parts.includes('string') && parts.includes('object')) return 'en sökväg eller {fil, titel}';
  return parts.map((p) => names[p] ?? p).join(' eller ');
}

/** A form qm accepts for a number field, for the message that it is not one. */
export function numberExample(a: Args): string {
  if (a.amount) return ', t.ex. 2 600 000 kr eller 2,6 Mkr';
  if (a.expected === 'integer') return n(a, 'min') >= 1900 ? ', t.ex. 2028' : ', t.ex. 12';
  if (a.expected === 'number') return a.max !== undefined && n(a, 'max') <= 100 ? ', t.ex. 40 eller 12,5' : ', t.ex. 12 500 eller 4,5';
  return '';
}

export function cmp(c: string): string {
  return { '>=': 'minst', '<=': 'högst', '>': 'större än', '<': 'mindre än' }[c] ?? c;
}

export function years(y: number, m: number): string {
  const yy = `${y} år`;
  if (m === 0) return yy;
  return `${yy} och ${m} ${m === 1 ? 'månad' : 'månader'}`;
}

export const reasonSyntax: Record<string, string> = {
  'frontmatter-unclosed': 'Front matter börjar med --- men avslutas aldrig med en rad ---.',
  'not-mapping-list': 'Front matter/YAML ska vara nycklar med värden (nyckel: värde), inte en lista.',
  'not-mapping-scalar': 'Front matter/YAML ska vara nycklar med värden (nyckel: värde), inte en ensam text.',
  'duplicate-key': 'Samma nyckel står två gånger.',
  tab: 'Tabbtecken kan inte användas för indrag i YAML; använd mellanslag.',
  unclosed: 'Ett citattecken eller en hakparentes stängs aldrig.',
  indent: 'Indraget stämmer inte.',
  'reserved-start': 'Ett värde börjar med ett tecken som YAML reserverar (%, @ eller `); sätt värdet inom citattecken, t.ex. enhet: "%".',
  colon: 'Ett värde innehåller kolon följt av mellanslag, eller så är en rad indragen för långt; sätt ett sådant värde inom citattecken.',
  aliases: 'För många YAML-alias (&/*): filen skulle bli orimligt stor när den läses.',
  nesting: 'YAML-strukturen är orimligt djupt nästlad.',
  'too-many-nodes': 'Filen har fler än 100 000 YAML-värden, orimligt många för ett kapitel.',
  'alias-unresolved': 'Ett YAML-alias (*namn) hänvisar till ett ankare (&namn) som inte finns.',
  'multiple-docs':
    'Filen innehåller mer än ett YAML-dokument (en rad --- mitt i filen); ett kapitel är ett dokument. Ta bort raden --- eller slå ihop delarna.',
  yaml: 'YAML-syntaxfel.',
};

/** Why the `åtaganden` do not cover the three years ahead (k3/verksam-tre-ar). */
export function commitmentsSv(a: Args): string {
  const why: string[] = [];
  const absent = String(a.absent ?? '')
    .split(',')
    .filter(Boolean);
  if (absent.length === 2) why.push('inget åtagande anger sektor offentlig eller privat');
  else if (absent.length === 1) why.push(`inget åtagande är från en ${absent[0]} part`);
  for (let k = 1; k <= n(a, 'listed'); k++) {
    const lacks: string[] = [];
    if (a[`c${k}early`]) lacks.push(`gäller bara till ${a[`c${k}till`]}`);
    if (a[`c${k}noTill`]) lacks.push('saknar `till`');
    if (a[`c${k}noDoc`]) lacks.push(`${lacks.length > 0 ? 'saknar också' : 'saknar'} sin \`bilaga\``);
    why.push(`${a[`c${k}`]} (${a[`c${k}sector`]}) ${lacks.join(' och ')}`);
  }
  if (a.noSector) why.push(`${a.noSector} saknar \`sektor\``);
  return `Åtagandena täcker inte heller de tre åren framåt: det krävs minst ett offentligt och ett privat åtagande som gäller till minst ${a.needed}, vart och ett med sin undertecknade \`bilaga\`, men ${why.join('; ')}.`;
}

/** The actions of k7/budget-overstiger (`action1`, `share1`, …), each as `item(k)`. */
export function shareList(a: Args, item: (k: number) => string): string {
  return Array.from({ length: n(a, 'count') }, (_, i) => item(i + 1)).join(', ');
}

export function chapterSlug(n: number): string {
  return (
    ['bakgrund', 'nulage', 'organisation', 'finansiering', 'vision', 'mal-och-strategi', 'verksamhetsplan', 'uppfoljning', 'kommunikation'][
      n - 1
    ] ?? 'kapitel'
  );
}

export function kindName(k: string): string {
  return { pdf: 'PDF', jpeg: 'JPEG-bild', png: 'PNG-bild' }[k] ?? k;
}

export function unknownName(k: string): string {
  return (
    {
      docx: 'ett Word-dokument (.docx)',
      doc: 'ett Word-dokument (.doc)',
      xlsx: 'ett Excel-dokument',
      pptx: 'en PowerPoint-presentation',
      zip: 'ett zip-arkiv',
      gif: 'en GIF-bild',
      webp: 'en WebP-bild',
      tiff: 'en TIFF-bild',
      heic: 'en HEIC-bild (iPhone)',
      rtf: 'ett RTF-dokument',
      special: 'ingen vanlig fil',
    }[k] ?? 'en okänd filtyp'
  );
}

export function brokenName(d: string): string {
  if (d === 'empty') return 'filen är tom (0 byte)';
  if (d === 'truncated') return 'filen är avkortad (slutet saknas, t.ex. en avbruten nedladdning)';
  if (d === 'zero-size') return 'bilden har storleken 0 × 0';
  if (d === 'image-data') return 'bildens innehåll är trasigt (bilddata saknas eller är skadad)';
  if (d.startsWith('unreadable') || d.startsWith('read')) return 'filen får inte läsas';
  return 'innehållet är trasigt';
}
