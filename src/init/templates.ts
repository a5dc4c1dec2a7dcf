/**
 * The templates `qm init` writes: ansokan.yaml and the nine chapters, as Markdown with front
 * matter or as plain YAML. Each chapter opens with the certifier's own words for it, then lists
 * every field of format.md with a short guidance comment.
 *
 * The conventions a consultant sees:
 * - `"[FYLL I: …]"` (quoted, as format.md says) marks what must be written; `qm check` reports
 *   it as `text/platshallare` until it is replaced, and no other rule fires on it.
 * - A commented-out field (`# andel: …`) is optional: remove `# ` to use it.
 * - A required attachment holds a suggested path under bilagor/ (`karta: bilagor/karta.pdf`), so
 *   `qm check` reports `bilaga/saknas` until the file is there.
 * - Ids (M1, S1, A1, I1) and the choices that carry a requirement (an `offentlig` and a `privat`
 *   actor, indicators for invånare, företag and besökare, channels to intressenter and
 *   medborgare) are real values: the template is a coherent skeleton, not a list of blanks.
 */
import { chapterSchema, ansokanSchema } from '../schema/registry.js';
import { chapterSeed } from '../rules/seed.js';
import { CHAPTER_TITLES } from '../i18n/index.js';

export type ApplicationType = 'ny' | 'förnyelse';

export interface TemplateOptions {
  typ: ApplicationType;
  organisation?: string;
  kommun?: string;
  /** Chapters as YAML files (prose under `text: |`) instead of Markdown with front matter. */
  yaml: boolean;
  /** The year the template is written; the indicator values are asked for the three years before it. */
  year: number;
}

/** The chapter files of format.md's layout, without their ending. */
export const CHAPTER_NAMES = [
  '01-bakgrund',
  '02-nulage',
  '03-organisation',
  '04-finansiering',
  '05-vision',
  '06-mal-och-strategi',
  '07-verksamhetsplan',
  '08-uppfoljning',
  '09-kommunikation',
] as const;

/** A placeholder, quoted so that YAML reads it as text. */
const P = (what: string) => `"[FYLL I: ${what}]"`;

/** A YAML scalar for a value given on the command line (quoted as needed, on one line). */
function scalar(value: string): string {
  return JSON.stringify(value.normalize('NFC').replace(/\s+/g, ' ').trim());
}

/** Wraps a text into comment lines of at most `width` characters. */
function commentLines(text: string, prefix = '# ', width = 92): string[] {
  const out: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && prefix.length + line.length + 1 + word.length > width) {
      out.push(prefix + line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) out.push(prefix + line);
  return out;
}

/** Where `qm init --yaml` puts the editor schemas, beside the files that name them. */
export const SCHEMA_DIR = '.qm-schemas';

/**
 * The line that names a YAML file's schema for the YAML extension (yaml-language-server): the
 * copy init writes into the folder, a path relative to the file, so that it resolves offline and
 * is the schema of the qm that wrote it. The schema's own `$id` is an address nobody serves.
 */
function modeline(schema: { $id?: unknown }): string {
  return `# yaml-language-server: $schema=${SCHEMA_DIR}/${String(schema.$id).split('/').pop()}`;
}

const HOW_TO = commentLines(
  'Så fyller du i: ersätt varje "[FYLL I: …]" med den riktiga uppgiften (låt gärna citattecknen stå kvar runt en text). ' +
    'Ett valfritt fält står bortkommenterat under sin förklaring, t.ex. "# initiativtagare:" med raderna "#   - …" under: ta bort "# " på just de raderna för att använda det (förklaringarna själva står kvar som kommentarer). ' +
    'Innehåller en titel i { fil: …, titel: … } ett kommatecken, sätt den inom citattecken. ' +
    '"Referensåret" är året för ansökningsdatum i ansokan.yaml (eller qm check --date). ' +
    'Bilagor (PDF, JPEG eller PNG) läggs i mappen bilagor/ under det namn som står här, eller så ändrar du sökvägen; ' +
    'titel är det namn bedömaren ser i PDF:en ("Bilaga 3.1 – Organisationsmatris"). ' +
    'Belopp får skrivas 3 900 000 kr, 3.900.000 kr eller 3,9 Mkr; decimaler med komma (4,52). ' +
    'Kontrollera med: qm check',
);

/** What each chapter says instead of repeating HOW_TO. */
const HOW_TO_POINTER = '# Så fyller du i: se kommentaren överst i ansokan.yaml. Kontrollera med: qm check';

function header(n: number): string[] {
  return [
    `# Kapitel ${n} ${CHAPTER_TITLES[n - 1]}`,
    '#',
    '# Svenska Stadskärnor om kapitlet (Quality Mark):',
    ...commentLines(`”${chapterSeed(n)}”`, '#   '),
    '#',
    HOW_TO_POINTER,
  ];
}

const FIELDS: Record<number, (o: TemplateOptions) => string> = {
  1: () => `
# startad: när samverkan startade – ett datum (ÅÅÅÅ-MM-DD) eller bara ett år (ÅÅÅÅ).
startad: ${P('år eller datum då samverkan startade, t.ex. 2012')}

# initiativtagare (valfritt): vilka som tog initiativet till samverkan, en per rad.
# initiativtagare:
#   - ${P('t.ex. kommunen')}
#   - ${P('t.ex. handelsföreningen')}

# bilagor (valfritt): underlag som inget annat fält efterfrågar, en sökväg per rad,
# eller { fil: …, titel: … } för att ge bilagan en titel i PDF:en.
# bilagor:
#   - bilagor/historik.pdf
`,
  2: () => `
# swot: nuläget som SWOT – styrkor, svagheter, möjligheter och hot, en punkt per rad.
# Har ni i stället en nulägesanalys som dokument: ta bort swot och ange filen under bilagor.
swot:
  styrkor:
    - ${P('en styrka')}
  svagheter:
    - ${P('en svaghet')}
  möjligheter:
    - ${P('en möjlighet')}
  hot:
    - ${P('ett hot')}

# bilagor (valfritt): t.ex. en SWOT- eller nulägesanalys som dokument.
# bilagor:
#   - { fil: bilagor/nulagesanalys.pdf, titel: Nulägesanalys }
`,
  3: () => `
# bildad: datum då den dokumenterade samverkansorganisationen bildades, ÅÅÅÅ-MM-DD.
# Kravet är att den har varit verksam i minst tre år (eller åtaganden, se längst ned).
bildad: ${P('datum då organisationen bildades, ÅÅÅÅ-MM-DD')}

# organisationsform: t.ex. ideell förening, ekonomisk förening eller aktiebolag.
organisationsform: ${P('organisationsform')}

# aktörer: parterna i samverkan. Kravet är att både offentlig och privat verksamhet deltar.
#   sektor: offentlig eller privat.
#   andel (valfritt): ägar- eller inflytandeandel i procent; alla andelar tillsammans 100 %.
#   antal (valfritt): hur många medlemmar aktören företräder, ett heltal, t.ex. 112.
aktörer:
  - namn: ${P('en offentlig aktör, t.ex. kommunen')}
    sektor: offentlig
    # andel: ${P('andel i procent, t.ex. 40 %')}
  - namn: ${P('en privat aktör, t.ex. fastighetsägarna')}
    sektor: privat
    # andel: ${P('andel i procent, t.ex. 60 %')}
    # antal: ${P('antal medlemmar som aktören företräder')}

# personal (valfritt): t.ex. 2,5 årsarbetskrafter.
# personal: ${P('personal')}

# arbetsområde (valfritt): det geografiska arbetsområdet och dess yta i hektar.
# arbetsområde:
#   beskrivning: ${P('arbetsområdets gränser')}
#   yta_ha: ${P('yta i hektar')}

# grupper: styrelse, ledningsgrupp, styrgrupp, referensgrupp, arbetsgrupper och
# företagarföreningar; ledamöterna står under medlemmar.
#   typ: styrelse, ledningsgrupp, styrgrupp, referensgrupp, arbetsgrupp, företagarförening
#   eller annan. Beskriv för varje grupp mandat, mötesfrekvens och beslutsväg.
#   namn och medlemmar är valfria. Kopiera blocket från "- typ:" för nästa grupp.
grupper:
  - typ: styrelse
    # namn: Styrelsen
    # medlemmar:
    #   - ${P('namn och roll')}
    mandat: ${P('vad gruppen beslutar om')}
    mötesfrekvens: ${P('hur ofta gruppen möts, t.ex. sex gånger per år')}
    beslutsväg: ${P('hur beslut fattas och vart de går vidare')}

# samverkan_utanför (valfritt): samverkansaktörer utanför de formella grupperna.
# samverkan_utanför:
#   - ${P('aktör')}

# organisationsmatris: en bilaga som visar aktörerna och ”ägar”fördelningen.
organisationsmatris:
  fil: bilagor/organisationsmatris.pdf
  titel: Organisationsmatris

# karta: en karta som visar det geografiskt avgränsade arbetsområdet (PDF, JPEG eller PNG:
# ändra filändelsen efter filen).
karta:
  fil: bilagor/karta.pdf
  titel: Karta över arbetsområdet

# bilagor (valfritt): fler underlag, t.ex. stadgar.
# bilagor:
#   - { fil: bilagor/stadgar.pdf, titel: Stadgar }

# åtaganden (valfritt): för en organisation som ännu inte varit verksam i tre år. Svenska
# Stadskärnor godtar i stället skriftliga åtaganden från intressenterna som täcker de tre åren
# framåt: minst ett från en offentlig och ett från en privat part, vart och ett till minst
# referensdatumet plus tre år och med det undertecknade åtagandet som bilaga.
#   part: vem som åtar sig. sektor: offentlig eller privat.
#   till: sista dagen åtagandet gäller, ÅÅÅÅ-MM-DD. bilaga: det undertecknade åtagandet.
# åtaganden:
#   - part: ${P('en offentlig part, t.ex. kommunen')}
#     sektor: offentlig
#     till: ${P('sista dag åtagandet gäller, ÅÅÅÅ-MM-DD')}
#     bilaga: { fil: bilagor/atagande-offentlig.pdf, titel: Åtagande från kommunen }
#   - part: ${P('en privat part, t.ex. fastighetsägarna')}
#     sektor: privat
#     till: ${P('sista dag åtagandet gäller, ÅÅÅÅ-MM-DD')}
#     bilaga: { fil: bilagor/atagande-privat.pdf, titel: Åtagande från fastighetsägarna }
`,
  4: () => `
# budgetår: året som budgeten gäller (ÅÅÅÅ): referensåret eller året efter.
budgetår: ${P('budgetår, ÅÅÅÅ')}

# budget: total budget i kronor; får skrivas 3 900 000 kr, 3.900.000 kr eller 3,9 Mkr.
budget: ${P('total budget i kronor')}

# finansiärer: vilka som finansierar verksamheten. Kravet är att offentlig och privat verksamhet
# tillsammans ger finansiellt stöd.
#   sektor: offentlig eller privat. belopp: kronor.
#   form (valfritt): avtal, medlemsavgift, projektmedel, sponsring, fastighetsavgift eller annan.
#   avtal (valfritt): avtalet med finansiären som bilaga.
finansiärer:
  - namn: ${P('en offentlig finansiär, t.ex. kommunen')}
    sektor: offentlig
    belopp: ${P('belopp i kronor')}
    # form: avtal
    avtal:
      fil: bilagor/avtal-offentlig-finansiar.pdf
      titel: Avtal med kommunen
  - namn: ${P('en privat finansiär, t.ex. fastighetsägarna')}
    sektor: privat
    belopp: ${P('belopp i kronor')}
    # form: medlemsavgift
    # avtal: bilagor/avtal-privat-finansiar.pdf

# budgetbeslut: att budgeten är godkänd – när och av vem; protokollet som bilaga.
budgetbeslut:
  datum: ${P('datum för beslutet, ÅÅÅÅ-MM-DD')}
  organ: ${P('vem som godkände budgeten, t.ex. styrelsen')}
  protokoll:
    fil: bilagor/protokoll-budgetbeslut.pdf
    titel: Protokoll från budgetbeslutet

# utfall_föregående_år (valfritt): föregående års utfall i kronor.
# utfall_föregående_år: ${P('utfall i kronor')}

# uppföljning: att budgeten följs upp – hur ofta och hur.
uppföljning:
  frekvens: ${P('hur ofta, t.ex. månadsvis')}
  beskrivning: ${P('hur och av vem budgeten följs upp')}

# bilagor (valfritt): fler avtal, projektfinansiering, budget.
# bilagor:
#   - { fil: bilagor/budget.pdf, titel: Budget }
`,
  5: () => `
# vision: den gemensamma visionen för platsen, en eller ett par meningar.
vision: ${P('visionen för stadskärnan')}

# affärsidé: organisationens affärsidé (verksamhetsidé).
affärsidé: ${P('organisationens affärsidé')}

# period: de år visionen gäller. Kravet är att den löper över minst tre kalenderår
# (2026–2028 är tre år) och att den fortfarande gäller referensåret.
period:
  från: ${P('första år, ÅÅÅÅ')}
  till: ${P('sista år, ÅÅÅÅ')}

# beslutad: när visionen antogs och av vilka (av) – den samsyn som efterfrågas, en per rad.
beslutad:
  datum: ${P('datum då visionen antogs, ÅÅÅÅ-MM-DD')}
  av:
    - ${P('t.ex. styrelsen')}
    - ${P('t.ex. kommunstyrelsen')}

# dokument: det antagna dokumentet med vision och affärsidé.
dokument:
  fil: bilagor/vision.pdf
  titel: Vision och affärsidé

# bilagor (valfritt): fler underlag.
# bilagor:
#   - bilagor/visionsarbete.pdf
`,
  6: () => `
# mål: målen för organisationen och dess arbete, både kortsiktiga (1–3 år) och långsiktiga
# (mer än 3 år; 3–5–10 år, högst tio år fram), räknat som år minus referensåret.
# Kopiera blocket från "- id:" för fler mål.
#   id: unikt i hela ansökan (M1, M2 …). text: målet, gärna mätbart. år: målår, ÅÅÅÅ.
#   horisont (valfritt): kort (1–3 år) eller lång (3–10 år); annars räknas den ut från år.
#   hållbarhet (valfritt): ja för ett hållbarhetsmål.
#   utgångsvärde, målvärde (valfria): tal som en indikator i kapitel 8 kan jämföras med.
mål:
  - id: M1
    text: ${P('ett kortsiktigt mål, 1–3 år')}
    år: ${P('målår, ÅÅÅÅ')}
    # horisont: kort
    # hållbarhet: nej
    # utgångsvärde: ${P('värdet i dag')}
    # målvärde: ${P('värdet som målet siktar på')}
  - id: M2
    text: ${P('ett långsiktigt mål, mer än 3 år')}
    år: ${P('målår, ÅÅÅÅ')}
    # horisont: lång
    # hållbarhet: ja

# strategier: hur målen ska nås. id: unikt (S1, S2 …). mål: de mål (id) som strategin tjänar.
strategier:
  - id: S1
    text: ${P('strategin')}
    mål: [M1, M2]

# förankring: hur mål och strategier är förankrade – vem som antog dem och när.
förankring: ${P('vem som antog målen och strategierna, och när')}

# översiktsplan: översiktsplan över centrum.
översiktsplan:
  fil: bilagor/oversiktsplan.pdf
  titel: Översiktsplan för centrum

# dokument: det antagna dokumentet med mål och strategier.
dokument:
  fil: bilagor/mal-och-strategier.pdf
  titel: Mål och strategier

# bilagor (valfritt): fler underlag.
# bilagor:
#   - bilagor/hallbarhetsplan.pdf
`,
  7: (o) => `
# åtgärder: åtgärdsprogrammet, kopplat till mål, strategier och budget, med ansvarsfördelning
# och tidplan. Kopiera blocket från "- id:" för fler åtgärder.
#   id: unikt (A1, A2 …). namn, syfte. mål och strategi: de id (kapitel 6) som åtgärden tjänar.
#   typ (valfritt): insats (standard) eller administration (löpande kostnader utan eget mål;
#   en sådan åtgärd får utelämna mål och strategi). ansvarig: vem som ansvarar.
#   start, slut: ÅÅÅÅ-MM-DD. budget: kronor för åtgärdens hela period.
åtgärder:
  - id: A1
    namn: ${P('åtgärdens namn')}
    # typ: insats
    syfte: ${P('vad åtgärden ska åstadkomma')}
    mål: [M1, M2]
    strategi: [S1]
    ansvarig: ${P('vem som ansvarar')}
    start: ${P('startdatum, ÅÅÅÅ-MM-DD')}
    slut: ${P('slutdatum, ÅÅÅÅ-MM-DD')}
    budget: ${P('kronor för hela perioden')}

# samverkansprocess: hur samverkansprocessen går till och vem som är ansvarig i de olika delarna.
samverkansprocess: ${P('hur samverkansprocessen går till och vem som ansvarar för vad')}

# flerårig_plan: den fleråriga övergripande verksamhetsplanen.
flerårig_plan:
  fil: bilagor/verksamhetsplan-flerarig.pdf
  titel: Flerårig verksamhetsplan

# plan_föregående_år: den detaljerade planen för föregående år.
plan_föregående_år:
  fil: bilagor/verksamhetsplan-foregaende-ar.pdf
  titel: Verksamhetsplan ${o.year - 1}

# plan_innevarande_år: den detaljerade planen för innevarande år.
plan_innevarande_år:
  fil: bilagor/verksamhetsplan-innevarande-ar.pdf
  titel: Verksamhetsplan ${o.year}

# bilagor (valfritt): fler underlag.
# bilagor:
#   - bilagor/arbetsomraden.pdf
`,
  8: (o) => `
# metod: metoden för att följa upp arbetet – vad som mäts, hur och hur ofta.
metod: ${P('hur ni följer upp arbetet')}

# indikatorer: mätetal för såväl invånare och företag som besökare, med värden för de senaste
# tre åren. Kopiera blocket från "- id:" för fler indikatorer.
#   id: unikt (I1, I2 …). målgrupp: invånare, företag eller besökare. enhet: t.ex. %, antal, kr.
#   mål (valfritt): de mål (id) i kapitel 6 som indikatorn följer upp.
#   värden: ett värde per år och rad (${o.year - 3}: 4,52); ett år utan mätning kan utelämnas.
indikatorer:
${(['invånare', 'företag', 'besökare'] as const)
  .map(
    (group, i) => `  - id: I${i + 1}
    namn: ${P(`vad som mäts bland ${group === 'företag' ? 'företagen' : group === 'invånare' ? 'invånarna' : 'besökarna'}`)}
    målgrupp: ${group}
    enhet: ${P('t.ex. %, antal eller kr')}
    mål: [${i === 0 ? 'M1' : i === 1 ? 'M2' : 'M1, M2'}]
    värden:
${[3, 2, 1].map((d) => `      ${o.year - d}: ${P(`värdet ${o.year - d}`)}`).join('\n')}`,
  )
  .join('\n')}

# bilagor: dokument som visar måluppföljning och resultat, t.ex. undersökningar och
# före-/efter-foton.
bilagor:
  - fil: bilagor/resultatuppfoljning.pdf
    titel: Resultatuppföljning
`,
  9: () => `
# kanaler: hur ni kommunicerar och för dialog. Kravet är underlag som visar kommunikation och
# dialog med såväl intressenter som medborgare. Kopiera blocket från "- typ:" för fler kanaler.
#   typ: marknadsföring, möte, evenemang, medborgardialog, digital_plattform, nyhetsbrev,
#   pressklipp eller annan. målgrupp: intressenter och/eller medborgare.
#   frekvens (valfritt): hur ofta. bilagor (valfritt): underlag som visar kanalen i bruk.
kanaler:
  - typ: nyhetsbrev
    namn: ${P('t.ex. nyhetsbrevet till medlemmarna')}
    målgrupp: [intressenter]
    # frekvens: ${P('t.ex. en gång i månaden')}
    bilagor:
      - fil: bilagor/nyhetsbrev.pdf
        titel: Nyhetsbrev
  - typ: medborgardialog
    namn: ${P('t.ex. medborgardialog om torget')}
    målgrupp: [medborgare]
    # frekvens: ${P('t.ex. en gång per år')}
    bilagor:
      - fil: bilagor/medborgardialog.pdf
        titel: Medborgardialog
  - typ: digital_plattform
    namn: ${P('t.ex. webbplatsen och sociala medier')}
    målgrupp: [intressenter, medborgare]
    # frekvens: löpande

# bilagor (valfritt): fler underlag; räknas för både intressenter och medborgare.
# bilagor:
#   - bilagor/pressklipp.pdf
`,
};

const PROSE: Record<number, string> = {
  1: 'Beskriv bakgrunden till ert samverkansarbete: hur samverkan startade, vem som tog initiativet och varför',
  2: 'Beskriv nuläget: vad samverkan har åstadkommit, vilka utmaningar och möjligheter stadskärnan har',
  3: 'Beskriv kortfattat organisationen: parterna, grupperna med mandat, mötesfrekvens och beslutsvägar, samverkan utanför grupperna och arbetsområdet',
  4: 'Beskriv hur verksamheten finansieras, hur budgeten godkändes och hur den följs upp',
  5: 'Beskriv visionen för platsen och organisationens affärsidé, hur de togs fram och vilka som står bakom dem',
  6: 'Beskriv målen, kortsiktiga och långsiktiga, strategierna för att nå dem och hur de är förankrade',
  7: 'Beskriv åtgärdsprogrammet, samverkansprocessen och vem som ansvarar för vad, med tidplan och syfte',
  8: 'Beskriv metoden för uppföljning och de senaste tre årens utveckling och resultat, så konkret och kortfattat som möjligt',
  9: 'Beskriv hur ni kommunicerar och för dialog med intressenter och med medborgare',
};

const PROSE_GUIDE = [
  'Kapitlets text skrivs i Markdown: ## för underrubriker, tomrad mellan stycken,',
  '- eller 1. för listor, **fetstil**, *kursiv*, [länktext](https://…) och tabeller.',
  'Bedömaren läser texten som organisationens egen beskrivning: skriv minst 50 ord.',
];

function prose(n: number): string {
  return `# ${CHAPTER_TITLES[n - 1]}\n\n${commentLines(`[FYLL I: ${PROSE[n]}.]`, '').join('\n')}\n`;
}

export function chapterFileName(n: number, yaml: boolean): string {
  return `${CHAPTER_NAMES[n - 1]}.${yaml ? 'yaml' : 'md'}`;
}

/** A chapter template, as Markdown with front matter or as YAML. */
export function chapterTemplate(n: number, o: TemplateOptions): string {
  const fields = FIELDS[n]!(o);
  if (o.yaml) {
    const text = prose(n)
      .split('\n')
      .map((l) => (l ? `  ${l}` : ''))
      .join('\n');
    return [
      modeline(chapterSchema(n)),
      ...header(n),
      fields,
      '# text: kapitlets text, indragen två mellanslag under "text: |".',
      ...PROSE_GUIDE.map((l) => `#   ${l}`),
      `text: |\n${text}`,
    ].join('\n');
  }
  return [
    '---',
    ...header(n),
    fields.replace(/\n$/, ''),
    '---',
    '<!--',
    ...PROSE_GUIDE,
    'Den här kommentaren syns inte i PDF:en och räknas inte som text.',
    '-->',
    prose(n),
  ].join('\n');
}

/** ansokan.yaml: who applies, and whether it is a first application or a renewal. */
export function ansokanTemplate(o: TemplateOptions): string {
  const renewal =
    o.typ === 'förnyelse'
      ? `
# tidigare_certifiering: datum då den nuvarande certifieringen beviljades (den gäller i tre år),
# och (valfritt) bedömarens synpunkter förra gången med vad ni har gjort sedan dess.
tidigare_certifiering:
  datum: ${P('datum då certifieringen beviljades, ÅÅÅÅ-MM-DD')}
  synpunkter:
    - synpunkt: ${P('bedömarens synpunkt')}
      åtgärd: ${P('vad ni har gjort sedan dess')}
`
      : `
# tidigare_certifiering (bara vid förnyelse, typ: förnyelse): datum då den nuvarande
# certifieringen beviljades, eller { datum, synpunkter } med bedömarens synpunkter och era
# åtgärder.
# tidigare_certifiering: ${P('ÅÅÅÅ-MM-DD')}
`;
  // Only with --yaml does init write the schemas: a Markdown folder's ansokan.yaml names none, so
  // that the workspace's own yaml.schemas (docs/editors.md) is what the editor uses for it.
  return `${o.yaml ? `${modeline(ansokanSchema)}\n` : ''}# Ansökan om Quality Mark – Svenska Stadskärnor
#
${HOW_TO.join('\n')}

# organisation: namnet på den sökande samverkansorganisationen.
organisation: ${o.organisation ? scalar(o.organisation) : P('organisationens namn')}

# organisationsnummer (valfritt): NNNNNN-NNNN; kontrollsiffran prövas.
# organisationsnummer: ${P('NNNNNN-NNNN')}

# kommun: kommunen.
kommun: ${o.kommun ? scalar(o.kommun) : P('kommunen')}

# stadskärna (valfritt): platsen, t.ex. Storviks centrum.
# stadskärna: ${P('stadskärnans namn')}

# kontakt: kontaktperson för ansökan; telefon är valfritt.
kontakt:
  namn: ${P('kontaktpersonens namn')}
  epost: ${P('e-postadress')}
  # telefon: ${P('telefonnummer')}

# logotyp (valfritt): organisationens logotyp på PDF:ens försättsblad, en bild (PNG eller JPEG).
# logotyp: bilagor/logotyp.png

# ansökningsdatum: ansökans datum, ÅÅÅÅ-MM-DD. Alla ”tre år” räknas till detta datum,
# referensdatumet (qm check --date går före det; utan båda gäller dagens datum).
ansökningsdatum: ${P('ÅÅÅÅ-MM-DD')}

# typ: ny (första ansökan) eller förnyelse.
typ: ${o.typ}
${renewal}`;
}
