/**
 * The submission PDF as content: cover, (in drafts) the open errors, table of contents,
 * exceptions, the nine chapters (prose, then facts), and the list of attachments. The attachment
 * pages themselves are added by the job, which must open the files to know their pages.
 */
import type { Application, Diagnostic, JsonObject, Report } from '../../model/types.js';
import { CHAPTER_TITLES, message } from '../../i18n/index.js';
import { ruleById } from '../../rules/index.js';
import { seedQuote } from '../../rules/seed.js';
import { VERSION } from '../../version.js';
import type { Exception } from '../../load/config.js';
import type { Numbering } from '../../engine/index.js';
import type { Plan, PlanAttachment } from '../plan.js';
import { COLOR } from '../theme.js';
import { W } from '../words.js';
import type { Context, Inline, Node } from './context.js';
import { factBlocks } from './facts.js';
import { orient } from './fit.js';
import { Prosewriter } from './prose.js';

const ACCENT = COLOR.accent;

export const STYLES: Record<string, Node> = {
  h1: { fontSize: 16, bold: true, color: ACCENT, margin: [0, 0, 0, 14] },
  h2: { fontSize: 12.5, bold: true, color: ACCENT, margin: [0, 10, 0, 5] },
  h3: { fontSize: 10.5, bold: true, margin: [0, 8, 0, 4] },
  h4: { fontSize: 10, bold: true, italics: true, margin: [0, 8, 0, 3] },
  p: { margin: [0, 0, 0, 6] },
  list: { margin: [0, 0, 0, 6] },
  li: { margin: [0, 0, 0, 2] },
  quote: { italics: true, color: COLOR.quote },
  code: { font: 'DejaVuMono', fontSize: 8.5, lineHeight: 1.15 },
  table: { fontSize: 8.5, lineHeight: 1.15 },
  tableHead: { bold: true, color: ACCENT },
  tableList: { margin: [0, 2, 0, 0] },
  kvKey: { bold: true, color: COLOR.key },
  note: { fontSize: 7.5, color: COLOR.muted },
  tag: { fontSize: 7, bold: true, color: COLOR.sustainable, margin: [0, 1, 0, 0] },
  chartTitle: { fontSize: 8.5, bold: true },
  caption: { fontSize: 9, italics: true, alignment: 'center' },
  small: { fontSize: 8.5 },
  missing: { italics: true, color: COLOR.missing },
  tocTitle: { fontSize: 16, bold: true, color: ACCENT, margin: [0, 0, 0, 14] },
  tocChapter: { bold: true },
  tocAttachment: { fontSize: 9 },
  coverKicker: { fontSize: 10, color: COLOR.muted, characterSpacing: 0.5 },
  coverTitle: { fontSize: 28, bold: true, color: ACCENT, margin: [0, 8, 0, 24] },
  coverOrg: { fontSize: 20, bold: true, margin: [0, 0, 0, 6] },
  coverPlace: { fontSize: 13, color: COLOR.subtitle, margin: [0, 0, 0, 28] },
  coverGlanceTitle: { fontSize: 10, bold: true, color: COLOR.muted, characterSpacing: 0.3, margin: [0, 36, 0, 8] },
  coverFigure: { fontSize: 22, bold: true, color: ACCENT },
  coverFigureLabel: { fontSize: 9.5, color: COLOR.text, margin: [0, 0, 0, 1] },
  draftMark: { fontSize: 30, bold: true, color: COLOR.draft, margin: [0, 0, 0, 4] },
  location: { font: 'DejaVuMono', fontSize: 8, color: COLOR.key },
};

export const DEFAULT_STYLE: Node = { font: 'DejaVu', fontSize: 10, lineHeight: 1.2, color: COLOR.text };

export interface BuildInput {
  app: Application;
  report: Report;
  exceptions: Exception[];
  configFile: string | null;
  numbering: Numbering;
  ctx: Context;
  draft: boolean;
  fontDir: string;
}

const str = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : undefined);

/**
 * A part that starts on a new page. A pdfmake section reuses a page left empty, where a
 * `pageBreak: 'before'` after a block whose bottom margin spilled over would leave a blank one.
 */
function page(content: Node[]): Node {
  return { section: content };
}

/** Where a diagnostic points, as `file:line:column`. */
function location(d: Diagnostic): string {
  if (d.file === null) return '';
  return d.line === null ? d.file : `${d.file}:${d.line}:${d.column ?? 1}`;
}

function cover(input: BuildInput): Node[] {
  const { app, report, ctx } = input;
  const meta: JsonObject = app.meta.status === 'ok' ? app.meta.data : {};
  const f = (pointer: string, v: unknown, face: 'normal' | 'bold' = 'normal') =>
    str(v) ? ctx.field(app.meta, null, pointer, str(v)!, face) : undefined;
  const org = f('/organisation', meta.organisation, 'bold') ?? report.organisation ?? '';
  const kommun = f('/kommun', meta.kommun);
  const centre = f('/stadskärna', meta.stadskärna);
  const contact = meta.kontakt && typeof meta.kontakt === 'object' && !Array.isArray(meta.kontakt) ? (meta.kontakt as JsonObject) : {};
  const email = str(contact.epost);
  const prevDate = ctx.facts.certification?.granted;
  const kind = report.typ === 'förnyelse' ? W.renewal : report.typ === 'ny' ? W.newApplication : undefined;
  const rows: [string, Inline[] | string | undefined][] = [
    [W.municipality, kommun],
    [W.centre, centre],
    [W.orgNumber, f('/organisationsnummer', meta.organisationsnummer)],
    [report.referenceDateSource === 'ansökningsdatum' ? W.applicationDate : W.referenceDate, report.referenceDate],
    [
      W.contact,
      [
        f('/kontakt/namn', contact.namn),
        email ? { text: ctx.field(app.meta, null, '/kontakt/epost', email), link: `mailto:${email}`, color: ACCENT } : undefined,
        f('/kontakt/telefon', contact.telefon),
      ]
        .filter(Boolean)
        .flatMap((x, i) => (i === 0 ? [x!] : ['\n', x!])),
    ],
  ];
  if (report.typ === 'förnyelse' && prevDate) rows.splice(4, 0, [W.previousCertification, prevDate]);
  const granted = ctx.facts.certification;
  if (report.typ === 'förnyelse' && granted?.validUntil) rows.splice(5, 0, [W.validUntil, ymd(granted.validUntil)]);
  else if (report.typ === 'ny') rows.splice(4, 0, [W.certificationPeriod, W.certificationYears(ctx.refYear)]);
  const body = rows.filter(([, v]) => v !== undefined && v.length > 0).map(([k, v]) => [{ text: k, style: 'kvKey' }, { text: v }]);
  const bookmark = { id: 'forsattsblad', outline: true, outlineText: W.cover };
  const logo = logoImage(input);
  const top: Node[] = [
    ...(input.draft
      ? [
          { text: W.draft, style: 'draftMark', ...bookmark },
          { text: W.draftNote, color: COLOR.draft, margin: [0, 0, 0, 24] },
        ]
      : []),
    ...(logo ? [{ ...logo, ...(input.draft ? {} : bookmark) }] : []),
  ];
  return [
    ...top,
    {
      text: `${W.certifier.toLocaleUpperCase('sv')} · QUALITY MARK`,
      style: 'coverKicker',
      ...(top.length > 0 ? {} : { ...bookmark, margin: [0, 60, 0, 0] }),
    },
    { text: W.title, style: 'coverTitle' },
    { text: org, style: 'coverOrg' },
    { text: [kommun, kind].filter(Boolean).join(' · '), style: 'coverPlace' },
    { table: { widths: [150, '*'], body }, layout: 'qmKv', fontSize: 10.5 },
    ...atAGlance(input),
  ];
}

const ymd = (d: { y: number; m: number; d: number }) => `${d.y}-${String(d.m).padStart(2, '0')}-${String(d.d).padStart(2, '0')}`;

/** The organisation's logo (`logotyp` in ansokan.yaml, checked like every attachment) at the top of the cover. */
function logoImage(input: BuildInput): Node | undefined {
  const res = input.app.attachments.find((r) => r.logo)?.resolved;
  if (!res?.ok || (res.kind !== 'jpeg' && res.kind !== 'png')) return undefined;
  input.ctx.images.set(res.absolute, res.relative);
  return { image: res.absolute, fit: [220, 90], margin: [0, 0, 0, 28] };
}

/**
 * The application at a glance, as the check counted it: chapters, goals by the horizon that
 * counts, actions, indicators and attachments.
 */
function atAGlance(input: BuildInput): Node[] {
  const { app, ctx, numbering } = input;
  const goals = ctx.facts.goals;
  const short = goals.filter((g) => g.horizon === 'kort').length;
  const long = goals.filter((g) => g.horizon === 'lång').length;
  const plan = app.chapter(7);
  const actions = plan?.status === 'ok' && Array.isArray(plan.data.åtgärder) ? plan.data.åtgärder.length : 0;
  const chapters = app.chapters.filter((c) => c.status === 'ok').length;
  const attachments = numbering.list.filter((a) => a.usable).length;
  const cells: [number, string, string?][] = [
    [chapters, W.glance.chapters(chapters)],
    [goals.length, W.glance.goals(goals.length), goals.length > 0 ? W.glance.goalSplit(short, long) : undefined],
    [actions, W.glance.actions(actions)],
    [ctx.facts.indicators.length, W.glance.indicators(ctx.facts.indicators.length)],
    [attachments, W.glance.attachments(attachments)],
  ];
  return [
    { text: W.atAGlance, style: 'coverGlanceTitle' },
    {
      table: {
        widths: cells.map(() => '*'),
        body: [
          cells.map(([n, label, note]) => ({
            stack: [
              { text: String(n), style: 'coverFigure' },
              { text: label, style: 'coverFigureLabel' },
              ...(note ? [{ text: note, style: 'note' }] : []),
            ],
          })),
        ],
      },
      layout: 'qmGlance',
    },
  ];
}

function openErrors(input: BuildInput): Node[] {
  const errors = input.report.diagnostics.filter((d) => d.severity === 'error' && !d.excepted);
  if (!input.draft || errors.length === 0) return [];
  const rows = errors.map((d) => {
    const where = location(d);
    const text = input.ctx.other(message(d.rule, d.args, 'sv'), d.file ?? 'ansokan.yaml');
    return [
      { text: d.chapter === null ? '–' : String(d.chapter), alignment: 'right' },
      { stack: [...(where ? [{ text: where, style: 'location' }] : []), { text }, { text: d.rule, style: 'location' }] },
    ];
  });
  return [
    page([
      { text: W.openErrors, style: 'h1', id: 'oppna-fel', outline: true, outlineText: W.openErrors },
      { text: W.openErrorsIntro(errors.length), style: 'p' },
      {
        table: {
          headerRows: 1,
          widths: [24, '*'],
          body: [
            [
              { text: 'Kap.', style: 'tableHead' },
              { text: 'Fel', style: 'tableHead' },
            ],
            ...rows,
          ],
        },
        layout: 'qmTable',
        style: 'table',
      },
    ]),
  ];
}

function tocRow(title: Inline, id: string, style: string, indent = 0): Node[] {
  return [
    {
      text: [typeof title === 'string' ? { text: title, linkToDestination: id } : { ...title, linkToDestination: id }],
      style,
      margin: [indent, 0, 0, 0],
    },
    { text: [{ pageReference: id }], alignment: 'right', style },
  ];
}

function remarkList(input: BuildInput): unknown[] {
  const { app } = input;
  if (input.report.typ !== 'förnyelse' || app.meta.status !== 'ok') return [];
  const prev = app.meta.data.tidigare_certifiering;
  if (!prev || typeof prev !== 'object' || Array.isArray(prev)) return [];
  return Array.isArray(prev.synpunkter) ? prev.synpunkter : [];
}

function hasRemarks(input: BuildInput): boolean {
  return remarkList(input).some((item) => item && typeof item === 'object' && !Array.isArray(item) && str((item as JsonObject).synpunkt));
}

/** A renewal's remarks from the previous certification, each with what was done since. */
function remarkRows(input: BuildInput): { date?: string; rows: Node[][] } {
  const { app, ctx } = input;
  if (input.report.typ !== 'förnyelse' || app.meta.status !== 'ok') return { rows: [] };
  const prev = app.meta.data.tidigare_certifiering;
  if (!prev || typeof prev !== 'object' || Array.isArray(prev)) return { rows: [] };
  const list = Array.isArray(prev.synpunkter) ? prev.synpunkter : [];
  const rows: Node[][] = [];
  list.forEach((item, i) => {
    if (!item || typeof item !== 'object' || Array.isArray(item)) return;
    const remark = str(item.synpunkt);
    const action = str(item.åtgärd);
    if (!remark) return;
    rows.push([
      { text: String(rows.length + 1), alignment: 'right' },
      { text: ctx.field(app.meta, null, `/tidigare_certifiering/synpunkter/${i}/synpunkt`, remark) },
      action
        ? { text: ctx.field(app.meta, null, `/tidigare_certifiering/synpunkter/${i}/åtgärd`, action) }
        : { text: W.noAction, italics: true },
    ]);
  });
  return { date: str(prev.datum), rows };
}

function remarksPage(input: BuildInput): Node[] {
  const { date, rows } = remarkRows(input);
  if (rows.length === 0) return [];
  const head = ['', W.remark, W.remarkAction].map((h) => ({ text: h, style: 'tableHead' }));
  return [
    page([
      { text: W.remarks, style: 'h1', id: 'synpunkter', outline: true, outlineText: W.remarks },
      { text: W.remarksIntro(date), style: 'p' },
      { table: { headerRows: 1, widths: [18, '*', '*'], body: [head, ...rows] }, layout: 'qmTable', style: 'table' },
    ]),
  ];
}

function contents(input: BuildInput, hasExceptions: boolean): Node[] {
  const rows: Node[][] = [];
  if (input.draft && input.report.diagnostics.some((d) => d.severity === 'error' && !d.excepted))
    rows.push(tocRow(W.openErrors, 'oppna-fel', 'p'));
  if (hasExceptions) rows.push(tocRow(W.exceptions, 'undantag', 'p'));
  if (hasRemarks(input)) rows.push(tocRow(W.remarks, 'synpunkter', 'p'));
  for (let n = 1; n <= 9; n++) rows.push(tocRow(`${n} ${CHAPTER_TITLES[n - 1]}`, `kapitel-${n}`, 'tocChapter'));
  if (input.numbering.list.length > 0) {
    rows.push(tocRow(W.attachments, 'bilagor', 'tocChapter'));
    for (const a of input.numbering.list) {
      if (a.usable) rows.push(tocRow(input.ctx.other(a.label, a.relative ?? a.path), a.id, 'tocAttachment', 12));
    }
  }
  return [
    page([
      { text: W.contents, style: 'tocTitle', id: 'innehall', outline: true, outlineText: W.contents },
      { table: { widths: ['*', 'auto'], body: rows }, layout: 'qmKv' },
    ]),
  ];
}

function exceptionsPage(input: BuildInput, excepted: Diagnostic[]): Node[] {
  if (excepted.length === 0) return [];
  const byRule = new Map<string, Diagnostic[]>();
  for (const d of excepted) byRule.set(d.rule, [...(byRule.get(d.rule) ?? []), d]);
  const blocks: Node[] = [
    { text: W.exceptions, style: 'h1', id: 'undantag', outline: true, outlineText: W.exceptions },
    { text: W.exceptionsIntro, style: 'p' },
  ];
  for (const [rule, ds] of byRule) {
    const def = ruleById.get(rule);
    const seed = def?.seed ? seedQuote(def.seed) : undefined;
    const reason = ds[0]!.excepted!.reason;
    const exception = input.exceptions.find((e) => e.rule === rule);
    const chapter = ds[0]!.chapter;
    const rows: [string, Inline[] | string][] = [
      [W.requirement, def ? def.title.sv : rule],
      ...(seed ? ([[W.seedWords, [{ text: `”${seed}”`, italics: true }]]] as [string, Inline[]][]) : []),
      [W.justification, input.ctx.other(reason, input.configFile ?? 'qm.config.yaml', exception?.position)],
      [W.where, ds.map((d) => [location(d), message(d.rule, d.args, 'sv')].filter(Boolean).join(' – ')).join('\n')],
    ];
    blocks.push({ text: `${chapter ? `${chapter} ${CHAPTER_TITLES[chapter - 1]}: ` : ''}${rule}`, style: 'h3', headlineLevel: 3 });
    blocks.push({
      table: { widths: [130, '*'], body: rows.map(([k, v]) => [{ text: k, style: 'kvKey' }, { text: v }]) },
      layout: 'qmKv',
      margin: [0, 0, 0, 10],
    });
  }
  return [page(blocks)];
}

function chapters(input: BuildInput): Node[] {
  const out: Node[] = [];
  for (let n = 1; n <= 9; n++) {
    const title = CHAPTER_TITLES[n - 1]!;
    const heading = { text: `${n} ${title}`, style: 'h1', id: `kapitel-${n}`, outline: true, outlineText: `${n} ${title}` };
    const ch = input.app.chapter(n);
    if (!ch) out.push(page([heading, { text: 'Kapitlet saknas.', style: 'missing' }]));
    else if (ch.status !== 'ok') out.push(page([heading, { text: `Kapitlet kunde inte läsas (${ch.file}).`, style: 'missing' }]));
    else out.push(page(orient([heading, ...Prosewriter.blocks(ch, title, input.ctx), ...factBlocks(ch, input.ctx)])));
  }
  return out;
}

function attachmentList(input: BuildInput): Node[] {
  const list = input.numbering.list;
  if (list.length === 0) return [];
  const rows = list.map((a) => {
    const label = input.ctx.other(a.title, a.relative ?? a.path);
    return a.usable
      ? [
          { text: a.number, bold: true },
          {
            stack: [
              { text: label, linkToDestination: a.id, color: ACCENT },
              { text: W.kind(a.kind), style: 'note' },
            ],
          },
          { text: '', qmPages: a.id },
          { text: [{ pageReference: a.id }], alignment: 'right' },
        ]
      : [
          { text: a.number, bold: true },
          { stack: [{ text: label }, { text: W.missingAttachment, style: 'missing' }] },
          { text: '' },
          { text: '' },
        ];
  });
  return [
    page([
      { text: W.attachments, style: 'h1', id: 'bilagor', outline: true, outlineText: W.attachments, outlineExpanded: true },
      { text: W.attachmentsIntro, style: 'p' },
      {
        table: {
          headerRows: 1,
          widths: ['auto', '*', 'auto', 'auto'],
          body: [
            [
              { text: 'Nr', style: 'tableHead' },
              { text: 'Bilaga', style: 'tableHead' },
              { text: 'Omfång', style: 'tableHead' },
              { text: W.pageShort, style: 'tableHead', alignment: 'right' },
            ],
            ...rows,
          ],
        },
        layout: 'qmTable',
        style: 'table',
      },
    ]),
  ];
}

/** The attachments that go into the PDF, as the job gets them. */
export function planAttachments(numbering: Numbering): PlanAttachment[] {
  return numbering.list
    .filter((a) => a.usable)
    .map((a) => ({
      id: a.id,
      number: a.number,
      chapter: a.chapter,
      chapterTitle: `${a.chapter} ${CHAPTER_TITLES[a.chapter - 1]}`,
      label: a.label,
      file: a.relative ?? a.path,
      absolute: a.absolute!,
      kind: a.kind!,
      size: a.size,
      width: a.width,
      height: a.height,
      orientation: a.orientation,
    }));
}

export function buildPlan(input: BuildInput): Plan {
  const { app, report, numbering } = input;
  input.ctx.referenceDate = report.referenceDate;
  const excepted = report.diagnostics.filter((d) => d.excepted);
  const org = report.organisation ?? app.folder;
  const content: Node[] = [
    ...cover(input),
    ...openErrors(input),
    ...contents(input, excepted.length > 0),
    ...exceptionsPage(input, excepted),
    ...remarksPage(input),
    ...chapters(input),
    ...attachmentList(input),
  ];
  const attachments = planAttachments(numbering);
  const place = [report.kommun, org].filter(Boolean);
  return {
    content,
    styles: STYLES,
    defaultStyle: DEFAULT_STYLE,
    info: {
      title: `${W.title} – ${org}`,
      author: org,
      subject: `${W.title} (${W.certifier})${report.kommun ? ` – ${report.kommun}` : ''}`,
      keywords: ['Quality Mark', W.certifier, ...place].join(', '),
      creator: `qm ${VERSION}`,
      producer: `qm ${VERSION} (pdfmake, pdf-lib)`,
    },
    date: report.referenceDate,
    draft: input.draft,
    footer: `${org} · ${W.title}`,
    attachments,
    images: [...input.ctx.images].map(([absolute, file]) => ({ absolute, file })),
    fontDir: input.fontDir,
  };
}
