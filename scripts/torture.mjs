// Builds the "torture" application: the worst cases of the submission PDF in one folder, to be
// compiled and looked at page by page after every change to the PDF's layout.
//
//   node scripts/torture.mjs DIR            # writes the application into DIR (which must not exist)
//   node bin/qm.js pdf DIR -o torture.pdf --date 2026-11-15
//   pdftoppm -r 60 -png torture.pdf page
//
// Starting from examples/storvik it adds: a 15-column month-by-month plan and a 40-column table
// that cannot fit even on a landscape page; long Swedish compounds in prose and in narrow table
// cells; numbers with units at line ends; a table that leaves one row on the next page; 12 goals
// with units, 12 indicators over five years, 30 actions over three years; a group named like its
// type; attachments without titles; a logo on the cover. `test/pdf/torture.test.ts` builds it too.
import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import YAML from 'yaml';
import { Canvas, encodePng } from './lib/images.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Splits a chapter file into its front matter (parsed) and its prose. */
function readChapter(file) {
  const text = readFileSync(file, 'utf8');
  const m = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text);
  if (!m) throw new Error(`${file}: no front matter`);
  return { data: YAML.parse(m[1]), prose: m[2] };
}

function writeChapter(file, data, prose) {
  writeFileSync(file, `---\n${YAML.stringify(data, { lineWidth: 0 })}---\n${prose}`);
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'Maj', 'Jun', 'Jul', 'Aug', 'Sep', 'Okt', 'Nov', 'Dec'];
const LONG = [
  'samhällsbyggnadsförvaltningen',
  'näringslivsutvecklingsavdelningen',
  'fastighetsägarföreningens',
  'centrumutvecklingsprogrammet',
  'trygghetsvandringsgruppen',
  'kollektivtrafikförvaltningen',
  'arbetsmarknadsförvaltningen',
  'stadsbyggnadskontorets',
];

/** A 15-column plan: action, twelve months, owner, budget. */
function monthPlan() {
  const head = `| Åtgärd | ${MONTHS.join(' | ')} | Ansvarig | Budget |`;
  const rule = `|---|${MONTHS.map(() => ':-:').join('|')}|---|--:|`;
  const rows = [
    ['Trygghetsvandringar i centrum', [3, 4, 5, 9, 10], 'Samhällsbyggnadsförvaltningen', '120 000 kr'],
    ['Julbelysning på Storgatan och Stortorget', [10, 11, 12], 'Fastighetsägarföreningen', '450 000 kr'],
    ['Sommarmarknad och midsommarfirande', [5, 6], 'Evenemangsgruppen', '2 600 000 kr'],
    ['Lokalförmedling', [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12], 'Centrumledaren', '380 000 kr'],
    ['Cykelparkering vid resecentrum', [4, 5, 6, 7, 8], 'Kollektivtrafikförvaltningen', '1 150 000 kr'],
  ].map(
    ([name, months, who, budget]) =>
      `| ${name} | ${MONTHS.map((_, i) => (months.includes(i + 1) ? '●' : '')).join(' | ')} | ${who} | ${budget} |`,
  );
  return [head, rule, ...rows].join('\n');
}

/** A table that cannot be fitted to any page: 40 columns of long words. */
function hopelessTable() {
  const n = 40;
  const head = `| ${Array.from({ length: n }, (_, i) => `Kolumn${i + 1}`).join(' | ')} |`;
  const rule = `|${Array.from({ length: n }, () => '---').join('|')}|`;
  const row = `| ${Array.from({ length: n }, (_, i) => LONG[i % LONG.length]).join(' | ')} |`;
  return [head, rule, row, row].join('\n');
}

/** A table with this many rows of one line each. */
function rowsTable(n) {
  const rows = Array.from({ length: n }, (_, i) => `| Rad ${i + 1} | ${LONG[i % LONG.length]} | ${(i + 1) * 1250} kr |`);
  return ['| Post | Beskrivning | Belopp |', '|---|---|--:|', ...rows].join('\n');
}

/** `1 350 000`: digits grouped by three, as a Swedish writer does. */
const grouped = (n) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ' ');

const PARAGRAPH =
  'Centrumsamverkan arbetar tillsammans med samhällsbyggnadsförvaltningen, näringslivsutvecklingsavdelningen och ' +
  'fastighetsägarföreningens styrelse för att utveckla centrum. Under året passerade 56 400 personer Storgatan varje ' +
  'vecka, vakansgraden sjönk till 25 % och budgeten omfattade 2 600 000 kr, varav 1 150 000 kr från kommunen.';

export function buildTorture(dir) {
  if (existsSync(dir)) throw new Error(`${dir} exists`);
  cpSync(join(root, 'examples', 'storvik'), dir, { recursive: true });
  const at = (f) => join(dir, f);

  // The logo on the cover (the organisation's, an image attachment).
  const logo = new Canvas(360, 120, '#ffffff');
  logo.circle(60, 60, 44, '#1f4e79');
  logo.text(124, 36, 'STORVIKS', 3, '#1f4e79');
  logo.text(124, 72, 'CENTRUM', 3, '#333333');
  writeFileSync(at('bilagor/logotyp.png'), encodePng(logo));
  // Appended as text: a round trip through YAML would turn the phone number 0611345200 into a number.
  writeFileSync(at('ansokan.yaml'), `${readFileSync(at('ansokan.yaml'), 'utf8').trimEnd()}\nlogotyp: bilagor/logotyp.png\n`);

  // Chapter 2: long words, numbers at line ends, the month plan, a table that cannot fit.
  {
    const { data, prose } = readChapter(at('02-nulage.md'));
    const extra = [
      '',
      '## Långa ord och tal',
      '',
      Array.from({ length: 3 }, () => PARAGRAPH).join(' '),
      '',
      '## Månadsplan 2027',
      '',
      monthPlan(),
      '',
      '## En tabell som inte får plats',
      '',
      hopelessTable(),
      '',
    ].join('\n');
    writeChapter(at('02-nulage.md'), data, prose + extra);
  }

  // Chapter 3: a group whose name repeats its type, narrow columns with long words.
  {
    const { data, prose } = readChapter(at('03-organisation.md'));
    data.grupper.push({
      typ: 'styrgrupp',
      namn: 'Styrgruppen',
      medlemmar: ['Samhällsbyggnadsförvaltningen', 'Näringslivsutvecklingsavdelningen'],
      mandat: 'Samordnar kollektivtrafikförvaltningens och samhällsbyggnadsförvaltningens insatser',
      mötesfrekvens: 'kvartalsvis',
      beslutsväg: 'Fastighetsägarföreningens representanter rapporterar till styrelsen',
    });
    delete data.organisationsmatris.titel;
    writeChapter(at('03-organisation.md'), data, prose);
  }

  // Chapter 4: a table of many one-line rows (it runs over a page).
  {
    const { data, prose } = readChapter(at('04-finansiering.md'));
    delete data.finansiärer[0].avtal.titel;
    writeChapter(at('04-finansiering.md'), data, `${prose}\n## Budgetposter\n\n${rowsTable(58)}\n`);
  }

  // Chapter 6: twelve goals, with units, short and long term.
  {
    const { data, prose } = readChapter(at('06-mal-och-strategi.md'));
    data.mål = Array.from({ length: 12 }, (_, i) => ({
      id: `M${i + 1}`,
      text: `${['Andelen', 'Antalet', 'Omsättningen för'][i % 3]} ${LONG[i % LONG.length]} ska ${i % 2 ? 'öka' : 'minska'} till målvärdet.`,
      år: 2027 + (i % 8),
      ...(i === 3 ? { horisont: 'lång' } : {}),
      ...(i % 4 === 1 ? { hållbarhet: true } : {}),
      utgångsvärde: i % 3 === 0 ? `${40 + i},5 %` : i % 3 === 1 ? 1000 * (i + 1) : `${grouped((i + 1) * 100000)} kr`,
      målvärde: i % 3 === 0 ? `${60 + i} %` : i % 3 === 1 ? 1500 * (i + 1) : `${grouped((i + 1) * 150000)} kr`,
    }));
    data.strategier = Array.from({ length: 4 }, (_, i) => ({
      id: `S${i + 1}`,
      text: `Strategi ${i + 1} för ${LONG[i]}`,
      mål: data.mål.filter((_, k) => k % 4 === i).map((m) => m.id),
    }));
    writeChapter(at('06-mal-och-strategi.md'), data, prose);
  }

  // Chapter 7: thirty actions over three years.
  {
    const { data, prose } = readChapter(at('07-verksamhetsplan.md'));
    data.åtgärder = Array.from({ length: 30 }, (_, i) => {
      const start = new Date(Date.UTC(2026, (i * 7) % 30, 1));
      const end = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 2 + (i % 9), 0));
      return {
        id: `A${i + 1}`,
        namn: `${['Utveckla', 'Genomföra', 'Samordna'][i % 3]} ${LONG[i % LONG.length]}${i % 5 === 0 ? ' och trygghetsvandringar längs Storån' : ''}`,
        syfte: `Syftet är att ${LONG[(i + 3) % LONG.length]} ska kunna bidra.`,
        ...(i === 29 ? { typ: 'administration' } : { mål: [`M${(i % 12) + 1}`], strategi: [`S${(i % 4) + 1}`] }),
        ansvarig: i % 4 === 0 ? 'Samhällsbyggnadsförvaltningen' : 'Centrumledaren',
        start: start.toISOString().slice(0, 10),
        slut: end.toISOString().slice(0, 10),
        budget: 50000 + ((i * 37000) % 400000),
      };
    });
    delete data.flerårig_plan?.titel;
    writeChapter(at('07-verksamhetsplan.md'), data, prose);
  }

  // Chapter 8: twelve indicators over five years.
  {
    const { data, prose } = readChapter(at('08-uppfoljning.md'));
    const units = ['%', 'antal', 'kr', 'passager per vecka'];
    data.indikatorer = Array.from({ length: 12 }, (_, i) => ({
      id: `I${i + 1}`,
      namn: `${['Andel', 'Antal', 'Omsättning'][i % 3]} ${LONG[i % LONG.length]}`,
      målgrupp: ['invånare', 'företag', 'besökare'][i % 3],
      enhet: units[i % 4],
      mål: [`M${i + 1}`],
      värden: Object.fromEntries(
        [2022, 2023, 2024, 2025, 2026]
          .filter((y) => !(i === 5 && y === 2024))
          .map((y, k) => [y, Math.round((i % 4 === 0 ? 40 : 1000) * (1 + k * 0.07 + i / 50))]),
      ),
    }));
    writeChapter(at('08-uppfoljning.md'), data, prose);
  }
  return dir;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const dir = process.argv[2];
  if (!dir) {
    console.error('usage: node scripts/torture.mjs DIR');
    process.exit(2);
  }
  buildTorture(dir);
  console.log(`wrote ${dir}`);
}
