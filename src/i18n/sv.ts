/** Swedish messages, keyed by rule id: what was found, the requirement, and how to fix it. */
import { formatKr as kr, formatNumber as nr } from '../load/numbers.js';
import type { Args, Catalogue } from './types.js';

const q = (s: unknown) => `”${String(s)}”`;
const n = (a: Args, k: string) => Number(a[k] ?? 0);
/** A size in MB with the fewest decimals (1–3) that show it over the limit; else in bytes. */
const mb = (a: Args, k: string) => {
  const bytes = n(a, k);
  for (const d of [1, 2, 3]) {
    const v = Math.round((bytes / 1_000_000) * 10 ** d) / 10 ** d;
    if (v > n(a, 'limit')) return `${nr(v)} MB`;
  }
  return `${nr(bytes)} byte`;
};

function typeName(t: string): string {
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
function numberExample(a: Args): string {
  if (a.amount) return ', t.ex. 2 600 000 kr eller 2,6 Mkr';
  if (a.expected === 'integer') return n(a, 'min') >= 1900 ? ', t.ex. 2028' : ', t.ex. 12';
  if (a.expected === 'number') return a.max !== undefined && n(a, 'max') <= 100 ? ', t.ex. 40 eller 12,5' : ', t.ex. 12 500 eller 4,5';
  return '';
}

function cmp(c: string): string {
  return { '>=': 'minst', '<=': 'högst', '>': 'större än', '<': 'mindre än' }[c] ?? c;
}

function years(y: number, m: number): string {
  const yy = `${y} år`;
  if (m === 0) return yy;
  return `${yy} och ${m} ${m === 1 ? 'månad' : 'månader'}`;
}

const reasonSyntax: Record<string, string> = {
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

export const sv: Catalogue = {
  // Files and structure
  'ansokan/saknas': () => 'ansokan.yaml saknas i mappen. Skapa den med organisation, kommun, kontakt och typ (eller kör qm init).',
  'kapitel/saknas': (a) =>
    `Kapitel ${a.chapter} saknar fil. Skapa en fil som börjar med 0${a.chapter}- (t.ex. 0${a.chapter}-${chapterSlug(n(a, 'chapter'))}.md).`,
  'kapitel/dubblett': (a) =>
    `Kapitel ${a.chapter} har två filer: den här och ${a.first}. qm läser ${a.first}; ta bort eller byt namn på den här.`,
  'fil/syntax': (a) =>
    a.reason === 'frontmatter-unopened'
      ? `Front matter saknar sin första rad ---: fälten (från \`${a.key}\`) avslutas med --- på rad ${a.closing}, men ingen rad --- inleder dem. Lägg till en rad med bara --- allra först i filen; kapitlets fält och krav prövas när filen kan läsas.`
      : a.reason === 'inner-quote'
        ? a.quote === "'"
          ? `Filen kan inte läsas: apostrofen här avslutar värdet som började med ' tidigare på raden, så resten av raden blir fel. Sätt värdet inom dubbla citattecken (eller skriv apostrofen två gånger, ''): ${a.fixed}`
          : `Filen kan inte läsas: citattecknet här avslutar värdet som började med " tidigare på raden, så resten av raden blir fel. Skriv citat i texten med ” ”, eller sätt hela värdet inom enkla citattecken ('…'): ${a.fixed}`
        : `Filen kan inte läsas: ${reasonSyntax[String(a.reason)] ?? 'YAML-syntaxfel.'}${a.detail ? ` (${a.detail})` : ''} Rätta raden; filens fält och krav prövas när filen kan läsas.`,
  'fil/kodning': (a) =>
    a.kind === 'utf16' || a.kind === 'utf32'
      ? `Filen är sparad som ${a.kind === 'utf16' ? 'UTF-16' : 'UTF-32'}, inte UTF-8. Spara den som UTF-8.`
      : a.kind === 'binary'
        ? 'Filen är ingen textfil (den innehåller binära data, t.ex. ett Word-dokument, en PDF eller en bild med kapitlets namn). Spara kapitlet som text i UTF-8.'
        : `Filen är inte giltig UTF-8 (byte ${a.byte}${a.latin1 ? `, troligen ${q(a.latin1)} i Latin-1/Windows-1252` : ''}). Spara filen som UTF-8.`,
  'fil/for-stor': (a) =>
    `Filen är ${nr(n(a, 'bytes'))} byte, över gränsen 1 MiB (1 048 576 byte), och läses inte. Korta texten och lägg stora underlag som bilagor.`,
  'fil/olasbar': (a) =>
    a.code === 'EISDIR'
      ? 'Det här är en mapp, inte en fil. Det ska vara en vanlig .md- eller .yaml-fil.'
      : a.code === 'ESPECIAL'
        ? 'Det här är ingen vanlig fil (t.ex. en namngiven pipe eller en enhet). Det ska vara en vanlig .md- eller .yaml-fil.'
        : a.code === 'EACCES' || a.code === 'EPERM'
          ? 'Filen får inte läsas (behörighet). Ändra filens behörigheter.'
          : `Filen kan inte läsas${a.code ? ` (${a.code})` : ''}.`,
  // Schema
  'schema/saknat-falt': (a) =>
    a.typo
      ? `Fältet \`${a.field}\` saknas${a.parent ? ` i \`${a.parent}\`` : ''}: här står \`${a.typo}\`, troligen en felstavning. Skriv \`${a.field}\`.`
      : `Fältet \`${a.field}\` saknas${a.parent ? ` i \`${a.parent}\`` : ''}. Lägg till det.`,
  'schema/fel-typ': (a) =>
    `\`${a.field}\` ska vara ${a.amount ? 'ett belopp i kronor' : typeName(String(a.expected))}${a.min !== undefined && a.max !== undefined ? ` mellan ${a.min} och ${a.max}` : ''}${numberExample(a)}, men är ${q(a.value)}.${a.accepted ? ` Skriv ${a.accepted}.` : ''}`,
  'schema/okant-varde': (a) =>
    `\`${a.field}\` kan inte vara ${q(a.value)}. Tillåtna värden: ${a.allowed}.${String(a.value).includes(',') ? ` Är det flera värden, skriv dem som en lista: [${a.value}].` : ''}`,
  'schema/fel-format': (a) =>
    a.format === 'date'
      ? /^\d{4}-\d{2}-\d{2}$/.test(String(a.value))
        ? `\`${a.field}\` är ${q(a.value)}, ett datum som inte finns i kalendern. Rätta dag eller månad.`
        : `\`${a.field}\` ska vara ett datum ÅÅÅÅ-MM-DD${a.orYear ? ' eller ett årtal' : ''}, men är ${q(a.value)}.${a.accepted ? ` Skriv ${a.accepted}.` : ''}`
      : a.format === 'email'
        ? `\`${a.field}\` ska vara en e-postadress, men är ${q(a.value)}.`
        : a.format === 'year-key'
          ? `${q(a.value)} i \`${a.field}\` ska vara ett årtal (ÅÅÅÅ), ett värde per år.`
          : `\`${a.field}\` har fel form: ${q(a.value)}${a.format === '^\\S+$' ? ' (ett id får inte innehålla mellanslag)' : ''}.`,
  'schema/tomt-varde': (a) => `\`${a.field}\` är tomt. Fyll i det eller ta bort fältet om det är valfritt.`,
  'schema/utanfor-intervall': (a) => `\`${a.field}\` ska vara ${cmp(String(a.comparison))} ${a.limit}, men är ${a.value}.`,
  'schema/tom-lista': (a) => `\`${a.field}\` är en tom lista. Lägg till minst ett värde.`,
  'schema/ogiltigt-varde': (a) => `\`${a.field}\` har ett värde som inte följer schemat: ${q(a.value)}.`,
  'schema/dubbel-nyckel': (a) =>
    a.first && a.first !== a.key
      ? `\`${a.key}\` är samma fält som \`${a.first}\`, som redan står ovanför. Behåll ett av dem.`
      : `Fältet \`${a.key}\` står två gånger. Behåll ett av dem.`,
  'schema/okant-falt': (a) =>
    a.mdText
      ? 'Fältet `text` i front matter läses inte: i en .md-fil står löptexten under front matter (efter raden ---). Flytta texten dit.'
      : a.splitFrom
        ? `Okänt fält \`${a.key}\` — troligen slutet av \`${a.splitFrom}\`, som YAML delade vid kommat inom { }. Sätt värdet inom citattecken: \`${a.splitFrom}: "${a.written}"\`.`
        : a.suggestion
          ? `Okänt fält \`${a.key}\` — menade du \`${a.suggestion}\`?`
          : a.known
            ? `Okänt fält \`${a.key}\`; det läses inte. Fälten som kan stå här: ${a.known}.`
            : `Okänt fält \`${a.key}\`; det läses inte. Se qm schema för fälten.`,
  'schema/ascii-nyckel': (a) => `\`${a.key}\` läses som \`${a.suggestion}\`. Skriv gärna \`${a.suggestion}\` med å, ä, ö.`,
  'schema/decimalkomma': (a) =>
    `YAML delade ${n(a, 'count') > 1 ? `${a.count} värden (${a.all})` : q(a.written)} vid decimalkommat, eftersom de står i en mappning inom { }. Skriv ett värde per rad: \`${a.key}: ${a.written}\` på en egen rad.`,
  'schema/tvetydigt-tal': (a) =>
    `\`${a.field}\`${a.year ? ` för ${a.year}` : ''} är ${q(a.value)}: punkten kan skilja tusental (${nr(n(a, 'thousands'))}) eller decimaler (${nr(n(a, 'decimal'))}). Skriv ${nr(n(a, 'thousands'))} med mellanslag eller ${nr(n(a, 'decimal'))} med komma.`,
  'id/dubblett': (a) =>
    `Id ${q(a.id)} används redan (${a.first}). Id för mål, strategier, åtgärder och indikatorer ska vara unika i hela ansökan.`,
  // Text
  'text/saknas': () => 'Kapitlet har ingen löptext. Skriv kapitlets beskrivning under front matter (eller under `text: |` i en YAML-fil).',
  'text/kort': (a) => `Kapitlets text har ${a.words} ord; rekommenderat är minst ${a.limit}. Utveckla beskrivningen.`,
  'text/personnummer': (a) => `Ett personnummer (${a.number}) står här. Den inlämnade PDF:en delas; ta bort personuppgiften.`,
  'text/platshallare': (a) => `Mallens platshållare ${q(a.text)} är inte ersatt. Skriv in den riktiga uppgiften.`,
  'text/arbetsmarkering': (a) => `Arbetsmarkeringen ${q(a.mark)} finns kvar i texten. Skriv klart stycket och ta bort markeringen.`,
  'config/oanvant-undantag': (a) =>
    `Undantaget för ${a.rule} matchar ingen diagnos: kravet är uppfyllt. Ta bort undantaget ur qm.config.yaml.`,
  // Attachments
  'bilaga/saknas': (a) =>
    a.reason === 'nul'
      ? `Sökvägen ${q(String(a.path).replace(/\0/g, '\\0'))} innehåller ett NUL-tecken och kan inte vara en fil. Rätta sökvägen.`
      : a.reason === 'loop'
        ? `${q(a.path)} är en symbolisk länk som pekar på sig själv i en slinga. Ersätt länken med filen.`
        : a.reason === 'case'
          ? `Bilagan ${q(a.path)} finns inte, men ${q(a.actual)} gör det: namnen skiljer sig bara i stora och små bokstäver, vilket många datorer skiljer på. Menade du ${q(a.actual)}? Skriv sökvägen exakt så, eller byt namn på filen.`
          : a.reason === 'renamed'
            ? `Bilagan ${q(a.path)} finns inte. Menade du ${q(a.actual)}? Den ligger i mappen men inget kapitel hänvisar till den. Rätta sökvägen, eller byt namn på filen.`
            : `Bilagan ${q(a.path)} finns inte i ansökningsmappen. Lägg filen där eller rätta sökvägen.`,
  'bilaga/utanfor-mappen': (a) =>
    `${q(a.path)} leder ut ur ansökningsmappen (${a.reason === 'url' ? 'en webbadress eller file://' : a.reason === 'absolute' ? 'en absolut sökväg' : a.reason === 'link' ? 'en länk till en fil utanför' : '..'}), och qm öppnar den inte. Kopiera filen in i mappen (t.ex. bilagor/) och hänvisa relativt.`,
  'bilaga/filtyp': (a) =>
    a.logo
      ? `${q(a.path)} är en PDF, men logotypen visas på försättsbladet och ska vara en bild. Spara den som PNG eller JPEG.`
      : a.mismatch
        ? `${q(a.path)} är en ${kindName(String(a.kind))} men ${a.ending ? `filändelsen är .${a.ending}` : 'namnet saknar filändelse'}. Byt till rätt filändelse.`
        : a.kind === 'folder'
          ? `${q(a.path)} är en mapp, inte en fil. Hänvisa till en PDF-, JPEG- eller PNG-fil.`
          : `${q(a.path)} är ${unknownName(String(a.kind))}, inte PDF, JPEG eller PNG. Spara den som PDF (dokument) eller JPEG/PNG (bilder).`,
  'bilaga/trasig': (a) => `${q(a.path)} kan inte läsas: ${brokenName(String(a.detail))}. Exportera eller ladda ned filen på nytt.`,
  'bilaga/krypterad': (a) =>
    `${q(a.path)} är krypterad och kräver lösenord för att öppnas; qm kan inte ta med den. Spara en kopia utan lösenord.`,
  'bilaga/skyddad': (a) =>
    `${q(a.path)} har ett ägarlösenord med begränsningar (utskrift, kopiering). qm kan slå ihop den, men begränsningarna följer inte med i ansökans PDF.`,
  'bilaga/storlek': (a) =>
    a.all
      ? `Bilagorna är tillsammans ${mb(a, 'total')}, över gränsen ${String(n(a, 'limit')).replace('.', ',')} MB. Komprimera bilderna eller dela upp underlagen.`
      : `${q(a.path)} är ${mb(a, 'bytes')}, över gränsen ${String(n(a, 'limit')).replace('.', ',')} MB. Komprimera den (t.ex. lägre bildupplösning).`,
  'bilaga/oanvand': (a) =>
    `${q(a.path)} ligger under bilagor/ men inget kapitel hänvisar till den, så den kommer inte med i PDF:en. Hänvisa till den eller ta bort den.`,
  // Application
  'ansokan/organisationsnummer': (a) =>
    a.checkDigit
      ? `Organisationsnumret ${q(a.value)} har fel kontrollsiffra. Kontrollera det mot Bolagsverket.`
      : `Organisationsnumret ${q(a.value ?? '')} har fel form. Skriv det som NNNNNN-NNNN.`,
  'ansokan/fornyelse-datum': () =>
    'Ansökan är en förnyelse men `tidigare_certifiering` saknas. Ange datumet då nuvarande certifiering beviljades.',
  'ansokan/synpunkt-utan-atgard': () => 'Synpunkten från förra certifieringen saknar `åtgärd`. Beskriv vad ni har gjort sedan dess.',
  'ansokan/certifiering-utgangen': (a) =>
    `Den tidigare certifieringen beviljades ${a.granted} och gällde till ${a.expired}; den har löpt ut (referensdatum ${a.ref}).${a.longAgo ? ' Den löpte ut för mer än ett år sedan: då förväntas en ny ansökan (typ: ny).' : ' Förnyelsen kommer efter att certifieringen löpt ut: kontrollera datumet i `tidigare_certifiering`, och räkna med att bedömaren frågar om tiden utan certifiering.'}`,
  // Chapter 1
  'k1/startad': () =>
    'Det framgår inte när samverkan startade. Ange `startad` (datum eller år): kapitlet ska berätta hur samverkan startade och varför.',
  'k1/startad-efter-bildad': (a) =>
    `Samverkan anges ha startat ${a.startad}, efter att organisationen bildades ${a.bildad} (kapitel 3). Rätta \`startad\` eller \`bildad\`.`,
  // Chapter 2
  'k2/swot': () =>
    'Kapitlet har varken `swot` eller någon bilaga. Bedömaren ser gärna en SWOT eller en nulägesanalys: lägg till `swot` eller en bilaga.',
  'k2/swot-tom-del': (a) => `SWOT:ens del \`${a.part}\` är tom. Fyll i alla fyra delarna: styrkor, svagheter, möjligheter och hot.`,
  // Chapter 3
  'k3/verksam-tre-ar': (a) =>
    (a.future
      ? `Organisationen bildas ${a.bildad}, efter referensdatumet ${a.ref}. Kravet är minst tre års verksamhet; det uppfylls ${a.met}.`
      : a.year
        ? `Organisationen bildades ${a.bildad} och har varit verksam i högst ${years(n(a, 'years'), n(a, 'months'))}. Kravet är minst tre år; det uppfylls tidigast ${a.met}.`
        : `Organisationen bildades ${a.bildad} och har varit verksam i ${years(n(a, 'years'), n(a, 'months'))}. Kravet är minst tre år; det uppfylls ${a.met}.`) +
    (n(a, 'commitments') > 0 ? ` ${commitmentsSv(a)}` : ''),
  'k3/bildad-ofullstandigt-datum': (a) =>
    `\`bildad\` anger bara året ${a.year}. Om tre år har gått vid referensdatumet ${a.ref} beror på dagen (kravet uppfylls mellan ${a.from} och ${a.to}). Ange hela datumet ÅÅÅÅ-MM-DD.`,
  'k3/offentlig-och-privat': (a) =>
    a.missing === 'both'
      ? 'Inga aktörer med sektor anges. Kravet är en samverkansorganisation med både offentlig och privat verksamhet: lista aktörerna med `sektor: offentlig` och `sektor: privat`.'
      : `${n(a, 'count') === 1 ? `Den enda aktören är ${a.missing === 'privat' ? 'offentlig' : 'privat'}` : `Alla ${a.count} aktörer är ${a.missing === 'privat' ? 'offentliga' : 'privata'}`}. Kravet är att både offentlig och privat verksamhet ingår: lägg till en ${a.missing === 'privat' ? 'privat' : 'offentlig'} aktör.`,
  'k3/andelar-summa': (a) =>
    `Aktörernas andelar summerar till ${String(a.sum).replace('.', ',')} %, inte 100 %. Justera \`andel\` så att ”ägar”fördelningen blir 100 %.`,
  'k3/grupp-beskrivning': (a) =>
    `Gruppen ${a.group ? q(a.group) : `nr ${a.index}`} saknar \`${a.field}\`. Beskriv mandat, mötesfrekvens och beslutsväg för varje grupp.`,
  'k3/grupper-saknas': () => 'Inga grupper är beskrivna. Beskriv styrelse, ledningsgrupp, arbetsgrupper m.fl. under `grupper`.',
  'k3/organisationsmatris': () =>
    'Organisationsmatrisen saknas. Bifoga en matris som visar aktörer och ”ägar”fördelning och ange den i `organisationsmatris`.',
  'k3/karta': () => 'Kartan saknas. Bifoga en karta som visar det geografiskt avgränsade arbetsområdet och ange den i `karta`.',
  // Chapter 4
  'k4/offentlig-och-privat': (a) =>
    a.missing === 'both'
      ? 'Ingen finansiär med belopp över 0 anges. Kravet är att både offentliga och privata aktörer bidrar: lista finansiärerna med sektor och belopp.'
      : `Finansieringen är 100 % ${a.missing === 'privat' ? 'offentlig' : 'privat'} (${kr(n(a, 'sum'))}). Kravet är att både offentliga och privata aktörer bidrar.`,
  'k4/budget-summa': (a) =>
    `Finansiärernas belopp summerar till ${kr(n(a, 'sum'))} (offentligt ${kr(n(a, 'public'))}, ${a.publicShare} %; privat ${kr(n(a, 'private'))}, ${a.privateShare} %), men \`budget\` är ${kr(n(a, 'budget'))}. Skillnaden är mer än 1 %; stäm av beloppen.`,
  'k4/budget-beslutad': (a) =>
    a.datum
      ? `Budgeten beslutades ${a.datum}, efter referensdatumet ${a.ref}. Kravet är att budgeten är godkänd; ange ett beslut som är fattat.`
      : 'Budgetbeslutet saknas. Kravet är att budgeten är godkänd: ange `budgetbeslut` med datum och beslutande organ.',
  'k4/budget-uppfoljning': () => 'Det saknas en beskrivning av hur budgeten följs upp. Ange `uppföljning` med frekvens och beskrivning.',
  'k4/avtal': () =>
    'Kapitlet har ingen bilaga. Bifoga avtal, budgetbeslut eller projektfinansiering: en finansiärs `avtal`, budgetbeslutets `protokoll` eller `bilagor`.',
  'k4/budgetar': (a) =>
    `Budgetåret ${a.year} är varken referensåret ${a.ref} eller nästa år ${a.next}. Beskriv budgeten för innevarande eller kommande år.`,
  'k4/sektor-motsager-k3': (a) =>
    `Finansiären ${q(a.name)} anges som ${a.sector}, men aktören med samma namn i kapitel 3 är ${a.actorSector}. Rätta sektorn i ett av kapitlen.`,
  // Chapter 5
  'k5/vision': () => 'Visionen saknas. Kravet är ett dokument som tydligt anger en gemensam vision för platsen: skriv den i `vision`.',
  'k5/affarside': () => 'Affärsidén saknas. Kravet är att verksamhetsidén för organisationen anges: skriv den i `affärsidé`.',
  'k5/vision-tre-ar': (a) =>
    `Visionen gäller ${a.from}–${a.to}, ${a.years} ${n(a, 'years') === 1 ? 'kalenderår' : 'kalenderår'}. Kravet är att visionen löper över tre år: förläng \`period.till\` till minst ${n(a, 'from') + 2}.`,
  'k5/vision-aktuell': (a) =>
    `Visionen gällde till ${a.to} och har löpt ut (referensår ${a.ref}). Anta en ny gemensam vision som gäller nu.`,
  'k5/vision-borjar-senare': (a) =>
    `Visionen börjar ${a.from}, mer än ett år efter referensåret ${a.ref}. Den gemensamma visionen ska gälla nu.`,
  'k5/vision-certifieringsperiod': (a) =>
    `Visionen slutar ${a.to}, före ${a.until} då en certifiering som beviljas nu löper ut. Överväg att förlänga perioden.`,
  'k5/dokument': () =>
    'Visionsdokumentet saknas. Kravet är ett dokument med den gemensamma visionen: bifoga det och ange det i `dokument`.',
  'k5/samsyn': () =>
    'Det framgår inte vilka som står bakom visionen. Visionen ska påvisa en samsyn: ange under `beslutad` datum och vilka (`av`) som antagit den.',
  // Chapter 6
  'k6/kortsiktiga-mal': (a) =>
    `Inget mål är kortsiktigt. Kravet är mål både kortsiktigt (1–3 år) och långsiktigt: lägg till ett mål med \`år\` ${a.from}–${a.to}.`,
  'k6/langsiktiga-mal': (a) =>
    `Inget mål är långsiktigt. Kravet är mål både kortsiktigt och långsiktigt (3–5–10 år): lägg till ett mål med \`år\` ${a.from} eller senare, eller ett med \`år: ${n(a, 'from') - 1}\` och \`horisont: lång\`.`,
  'k6/horisont': (a) =>
    `Målet ${a.id} har \`horisont: ${a.horizon}\` men \`år: ${a.year}\` ligger ${a.ahead} år efter referensåret ${a.ref}; ${a.horizon === 'kort' ? 'kort betyder 1–3 år' : 'lång betyder 3–10 år'}. Rätta \`år\` eller \`horisont\`.`,
  'k6/mal-bortom-tio-ar': (a) =>
    `Målet ${a.id ? `${a.id} ` : ''}har år ${a.year}, ${a.ahead} år efter referensåret ${a.ref}. Långsiktiga mål ligger 3–10 år fram, alltså senast ${a.latest}. Målet räknas som långsiktigt, men ge det ett år senast ${a.latest} eller lägg till ett delmål inom tio år.`,
  'k6/mal-passerat': (a) =>
    `Målet ${a.id} har år ${a.year}, som inte ligger efter referensåret ${a.ref}. Ge målet ett framtida år eller ta bort det.`,
  'k6/strategi-okant-mal': (a) =>
    `Strategin ${a.strategy} anger målet ${q(a.goal)}, som inte finns${a.known ? ` (målen är ${a.known})` : ''}. Rätta id:t.`,
  'k6/mal-utan-strategi': (a) => `Målet ${a.goal} tjänas inte av någon strategi. Ange ${a.goal} i \`mål\` hos en strategi.`,
  'k6/hallbarhetsmal': () =>
    'Inget mål är markerat som hållbarhetsmål. Om möjligt vill bedömaren se hållbarhetsmål: markera det med `hållbarhet: ja`.',
  'k6/forankring': () => 'Förankringen saknas. Visa hur mål och strategier är förankrade (vem som antog dem och när) i `förankring`.',
  'k6/oversiktsplan': () => 'Översiktsplanen över centrum saknas. Bifoga den och ange den i `översiktsplan`.',
  'k6/dokument': () => 'Dokumentet med mål och strategier saknas. Bifoga det antagna dokumentet och ange det i `dokument`.',
  // Chapter 7
  'k7/atgarder-saknas': () => 'Verksamhetsplanen har inga åtgärder. Lista åtgärdsprogrammet under `åtgärder`.',
  'k7/mal-koppling': (a) =>
    a.none
      ? `${n(a, 'count') === 1 ? 'Åtgärden' : `Ingen av de ${a.count} åtgärderna`} anger ${n(a, 'count') === 1 ? 'inget' : 'något'} mål. Kravet är en plan kopplad till målen: ange \`mål\` för åtgärderna.`
      : `Åtgärden ${a.action} anger målet ${q(a.goal)}, som inte finns i kapitel 6${a.known ? ` (målen är ${a.known})` : ''}. Rätta id:t.`,
  'k7/atgard-utan-mal': (a) =>
    `Åtgärden ${a.action} anger inget mål. Ange vilket mål den tjänar, eller \`typ: administration\` för löpande kostnader.`,
  'k7/strategi-koppling': (a) =>
    a.none
      ? `${n(a, 'count') === 1 ? 'Åtgärden anger ingen' : `Ingen av de ${a.count} åtgärderna anger någon`} strategi. Kravet är en plan kopplad till strategierna: ange \`strategi\` för åtgärderna.`
      : `Åtgärden ${a.action} anger strategin ${q(a.strategy)}, som inte finns i kapitel 6${a.known ? ` (strategierna är ${a.known})` : ''}. Rätta id:t.`,
  'k7/atgard-utan-strategi': (a) => `Åtgärden ${a.action} anger ingen strategi. Ange vilken strategi den genomför.`,
  'k7/ansvarig': (a) => `Åtgärden ${a.action} saknar ansvarig. Planen ska ha ansvarsfördelning: ange \`ansvarig\`.`,
  'k7/tidplan': (a) =>
    a.order
      ? `Åtgärden ${a.action} slutar ${a.end}, före sin start ${a.start}. Rätta tidplanen.`
      : `Åtgärden ${a.action} saknar \`${a.field}\`. Planen ska ha en tidplan: ange \`start\` och \`slut\` (ÅÅÅÅ-MM-DD).`,
  'k7/budget': (a) => `Åtgärden ${a.action} saknar budget. Planen ska vara kopplad till budget: ange \`budget\` i kronor.`,
  'k7/syfte': (a) => `Åtgärden ${a.action} saknar syfte. Beskriv syftet med åtgärden i \`syfte\`.`,
  'k7/budget-overstiger': (a) =>
    `Åtgärderna kostar ${kr(n(a, 'sum'))} under budgetåret ${a.year}, mer än budgeten ${kr(n(a, 'budget'))} i kapitel 4. En åtgärds \`budget\` gäller hela dess period och räknas med dagarna under ${a.year}; största först: ${shareList(
      a,
      (k) =>
        n(a, `inYear${k}`) === n(a, `days${k}`)
          ? `${a[`action${k}`]} ${kr(n(a, `share${k}`))} (hela perioden)`
          : `${a[`action${k}`]} ${kr(n(a, `share${k}`))} (${nr(n(a, `inYear${k}`))} av ${nr(n(a, `days${k}`))} dagar av ${kr(n(a, `budget${k}`))})`,
    )}. Rätta ett belopp eller en period, eller budgeten i kapitel 4.`,
  'k7/mal-utan-atgard': (a) => `Målet ${a.goal} tjänas inte av någon åtgärd. Ange ${a.goal} i \`mål\` hos en åtgärd.`,
  'k7/samverkansprocess': () =>
    'Samverkansprocessen är inte beskriven. Beskriv i `samverkansprocess` hur samverkan går till och vem som ansvarar för vad.',
  'k7/flerarig-plan': () => 'Den fleråriga övergripande planen saknas. Bifoga den och ange den i `flerårig_plan`.',
  'k7/plan-foregaende-ar': () => 'Den detaljerade planen för föregående år saknas. Bifoga den och ange den i `plan_föregående_år`.',
  'k7/plan-innevarande-ar': () => 'Den detaljerade planen för innevarande år saknas. Bifoga den och ange den i `plan_innevarande_år`.',
  // Chapter 8
  'k8/metod': () => 'Metoden för uppföljning saknas. Det viktiga är att bedömaren ser att ni har en metod: beskriv den i `metod`.',
  'k8/tre-ars-resultat': (a) =>
    n(a, 'count') === 0
      ? `Inga indikatorer anges. Kravet är att visa de senaste tre årens utveckling: ge indikatorer med värden ${a.earliest}–${a.latest} (eller ${a.ref}).`
      : `${n(a, 'count') === 1 ? 'Indikatorn visar inte' : `Ingen av de ${a.count} indikatorerna visar`} de senaste tre årens utveckling. Minst en behöver ett värde från ${a.latest} eller ${a.ref} och ett från minst två år tidigare.`,
  'k8/indikator-ofullstandig': (a) =>
    a.years
      ? `Indikatorn ${a.id} har värden för ${a.years} och täcker inte de senaste tre åren (referensår ${a.ref}). Komplettera med ${n(a, 'latest') < n(a, 'ref') - 1 ? `värden för ${n(a, 'ref') - 1} eller ${a.ref}` : `ett värde från ${n(a, 'latest') - 2} eller tidigare`}.`
      : `Indikatorn ${a.id} har inga värden. Ange värden för de senaste tre åren.`,
  'k8/malgrupper': (a) =>
    `Det saknas indikatorer för ${a.missing}. Bedömaren ser gärna mätetal för såväl invånare och företag som besökare.`,
  'k8/mal-uppfoljning': (a) => `Målet ${a.goal} följs inte upp av någon indikator. Ange ${a.goal} i \`mål\` hos en indikator.`,
  'k8/ingen-maluppfoljning': () =>
    'Inget mål följs upp av någon indikator. Kravet är att visa måluppföljning: koppla indikatorerna till målen med `mål`.',
  'k8/orimligt-varde': (a) =>
    a.negative
      ? `Indikatorn ${a.id} har ett negativt värde (${nr(n(a, 'value'))}) för ${a.year}. Kontrollera värdet.`
      : `Indikatorn ${a.id} har ${nr(n(a, 'value'))} ${String(a.unit).trim()} för ${a.year}; en andel kan inte vara över 100 %. Kontrollera värdet.`,
  'k8/underlag': () =>
    'Kapitlet har ingen bilaga. Kravet är dokument som visar måluppföljning: bifoga undersökningar, utvärderingar eller före-/efter-foton under `bilagor`.',
  'k8/koncis': (a) =>
    `Kapitlet har ${nr(n(a, 'words'))} ord (gräns ${nr(n(a, 'limit'))}). Bedömaren önskar en så konkret och kortfattad beskrivning som möjligt.`,
  // Chapter 9
  'k9/intressenter': () =>
    'Ingen kanal riktar sig till intressenter. Kravet är kommunikation och dialog med såväl intressenter som medborgare.',
  'k9/medborgare': () =>
    'Ingen kanal riktar sig till medborgare. Kravet är kommunikation och dialog med såväl intressenter som medborgare.',
  'k9/underlag': (a) =>
    `Det saknas underlag som visar kommunikationen med ${a.missing}. Bifoga underlag under en kanals \`bilagor\` eller kapitlets \`bilagor\`.`,
  'k9/kanalbredd': (a) =>
    `Kanalerna är av ${a.kinds} ${n(a, 'kinds') === 1 ? 'slag' : 'slag'}${a.list ? ` (${a.list})` : ''}. Visa gärna bredd, t.ex. marknadsföring, möten, evenemang, medborgardialog, nyhetsbrev.`,
  // qm pdf
  'pdf/tabell-for-bred': (a) =>
    `Tabellen på rad ${a.line} i kapitel ${a.chapter} har ${a.columns} kolumner och får inte plats på sidan, inte ens med mindre text på en liggande sida. PDF:en visar den i delar med första kolumnen upprepad. Dela den i tabeller med färre kolumner eller korta de längsta orden.`,
  'pdf/tecken-saknas': (a) =>
    `Tecknet ${q(a.char)} (${a.code}) finns inte i PDF:ens typsnitt och blir en tom ruta i PDF:en${n(a, 'count') > 1 ? ` (${a.count} gånger i filen)` : ''}. Byt det mot ett tecken som typsnittet har, eller skriv det med ord.`,
};

/** Why the `åtaganden` do not cover the three years ahead (k3/verksam-tre-ar). */
function commitmentsSv(a: Args): string {
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
function shareList(a: Args, item: (k: number) => string): string {
  return Array.from({ length: n(a, 'count') }, (_, i) => item(i + 1)).join(', ');
}

function chapterSlug(n: number): string {
  return (
    ['bakgrund', 'nulage', 'organisation', 'finansiering', 'vision', 'mal-och-strategi', 'verksamhetsplan', 'uppfoljning', 'kommunikation'][
      n - 1
    ] ?? 'kapitel'
  );
}

function kindName(k: string): string {
  return { pdf: 'PDF', jpeg: 'JPEG-bild', png: 'PNG-bild' }[k] ?? k;
}

function unknownName(k: string): string {
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

function brokenName(d: string): string {
  if (d === 'empty') return 'filen är tom (0 byte)';
  if (d === 'truncated') return 'filen är avkortad (slutet saknas, t.ex. en avbruten nedladdning)';
  if (d === 'zero-size') return 'bilden har storleken 0 × 0';
  if (d === 'image-data') return 'bildens innehåll är trasigt (bilddata saknas eller är skadad)';
  if (d.startsWith('unreadable') || d.startsWith('read')) return 'filen får inte läsas';
  return 'innehållet är trasigt';
}
