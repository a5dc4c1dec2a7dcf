/**
 * A chapter's facts, from its front matter, as tables after the prose: what the assessor checks
 * against the requirements (actors and shares, groups, financiers and the public/private split,
 * the vision period, goals and their horizons, strategies, the action plan, indicators with a
 * trend chart, channels). Drafts may hold values of the wrong type: anything that is not what
 * the field should be is left out rather than guessed at.
 */
import type { ChapterFile, Json, JsonObject } from '../../model/types.js';
import { formatKr, formatNumber } from '../../load/numbers.js';
import type { Goal } from '../../rules/k6-mal-och-strategi.js';
import { COLOR } from '../theme.js';
import { F, V, W } from '../words.js';
import { FITS_ON_A_PAGE, keepWithNext, keptRows, textLength, type Context, type Inline, type Node } from './context.js';
import { hyphenate, NBSP } from './typography.js';
import { indicatorCharts, timeline } from './charts.js';

type Cell = Node;

const obj = (v: Json | undefined): JsonObject | undefined => (v && typeof v === 'object' && !Array.isArray(v) ? v : undefined);
const arr = (v: Json | undefined): Json[] => (Array.isArray(v) ? v : v === undefined || v === null ? [] : [v]);
const numOf = (v: Json | undefined): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
/** Numbers as the PDF prints them: grouped by no-break spaces, the unit glued on. */
export const num = (x: number) => formatNumber(x, undefined, NBSP);
export const kr = (x: number) => formatKr(x, NBSP);
export const pct = (x: number) => `${num(x)}${NBSP}%`;
/** A value with its unit (`62,5 %`, `1 350 000 kr`, `48 200 passager per vecka`). */
export function withUnit(x: number, unit: string | undefined): string {
  if (!unit) return num(x);
  if (unit === '%') return pct(x);
  // A short unit (kr, st, km) stays on the number's line; a word (personer, passager per vecka)
  // may go to the next line whole, so that a narrow column never breaks it mid-word.
  return `${num(x)}${unit.length <= 3 ? NBSP : ' '}${unit}`;
}
/** A unit as written in `enhet`, in the form the PDF prints it. */
export function unitOf(enhet: string | undefined): string | undefined {
  const u = enhet?.trim();
  if (!u) return undefined;
  return /^(%|procent|andel\s*\(%\))$/i.test(u) ? '%' : /^(kr|kronor|sek)$/i.test(u) ? 'kr' : u;
}

/** Builds the facts of one chapter file. */
class Facts {
  constructor(
    readonly ch: ChapterFile,
    readonly ctx: Context,
  ) {}

  private get d(): JsonObject {
    return this.ch.data;
  }

  /** What the check decided. */
  get facts() {
    return this.ctx.facts;
  }

  /** Chapter 6's front matter (the goals), which the action plan and the indicators refer to. */
  get ctx6(): JsonObject | undefined {
    const ch = this.ctx.app.chapter(6);
    return ch?.status === 'ok' ? ch.data : undefined;
  }

  /** A scalar field as checked text; undefined when absent or not a scalar. */
  s(pointer: string, v: Json | undefined, face: 'normal' | 'bold' | 'italics' = 'normal'): string | undefined {
    if (typeof v === 'string') return v.trim() ? this.ctx.field(this.ch, this.ch.number, pointer, v, face) : undefined;
    if (typeof v === 'number') return num(v);
    if (typeof v === 'boolean') return v ? W.yes : W.no;
    return undefined;
  }

  list(pointer: string, v: Json | undefined): string[] {
    return arr(v).flatMap((x, i) => {
      const t = this.s(`${pointer}/${i}`, x);
      return t ? [t] : [];
    });
  }

  /** An attachment reference as "Bilaga 3.1 – Titel", linked to the attachment. */
  attachment(v: Json | undefined): Inline | undefined {
    const path = typeof v === 'string' ? v : typeof obj(v)?.fil === 'string' ? (obj(v)!.fil as string) : undefined;
    if (!path) return undefined;
    const a = this.ctx.numbering.of(this.ch.number, path);
    if (!a) return undefined;
    return a.usable
      ? { text: a.label, linkToDestination: a.id, color: COLOR.accent }
      : { text: `${a.label} (${W.missingAttachment})`, italics: true };
  }

  attachments(values: (Json | undefined)[]): Inline[] {
    const out: Inline[] = [];
    for (const v of values) {
      const a = this.attachment(v);
      if (a) out.push(...(out.length ? ['\n'] : []), a);
    }
    return out;
  }

  kv(rows: [string, Inline[] | string | undefined][]): Node[] {
    const body = rows.flatMap(([k, v]) => {
      if (v === undefined || (Array.isArray(v) && v.length === 0)) return [];
      return [[{ text: k, style: 'kvKey' }, { text: v }]];
    });
    return body.length ? [{ table: { widths: [130, '*'], body }, layout: 'qmKv', style: 'table', margin: [0, 0, 0, 8] }] : [];
  }

  table(head: string[], rows: Cell[][], widths: (string | number)[], align: ('left' | 'right')[] = [], options: Node = {}): Node[] {
    if (rows.length === 0) return [];
    // Headings may break at syllables in a narrow column (never mid-syllable).
    const header = head.map((h, i) => ({ text: hyphenate(h), style: 'tableHead', alignment: align[i] ?? 'left' }));
    const body = rows.map((r) => r.map((c, i) => ({ alignment: align[i] ?? 'left', ...c })));
    // A row is not split over two pages (a few words of it alone on a page help nobody) unless it may be too long for one.
    const whole = body.every((r) => textLength(r) <= FITS_ON_A_PAGE);
    return [
      {
        table: {
          headerRows: 1,
          keepWithHeaderRows: keptRows(body),
          dontBreakRows: whole,
          widths,
          body: [header, ...body],
          qmKey: this.ctx.tableKey(),
          ...options,
        },
        layout: 'qmTable',
        style: 'table',
        margin: [0, 0, 0, 10],
      },
    ];
  }

  sub(title: string, blocks: Node[]): Node[] {
    if (blocks.length === 0) return [];
    const heading = { text: title, style: 'h3', headlineLevel: 3 };
    const kept = keepWithNext(heading, blocks[0]!);
    return kept ? [kept, ...blocks.slice(1)] : [heading, ...blocks];
  }

  /**
   * Every attachment the chapter refers to, in order, each linked to its pages: also one numbered
   * in an earlier chapter (the plan that chapter 6 and 7 both name is Bilaga 6.2 in both).
   */
  extra(): [string, Inline[]] {
    const out: Inline[] = [];
    for (const a of this.ctx.numbering.referencedBy(this.ch.number)) {
      out.push(
        ...(out.length ? ['\n'] : []),
        a.usable
          ? { text: a.label, linkToDestination: a.id, color: COLOR.accent }
          : { text: `${a.label} (${W.missingAttachment})`, italics: true },
      );
    }
    return [W.attachments, out];
  }
}

const t = (text: string | Inline[] | undefined, more: Node = {}): Cell => ({ text: text ?? '', ...more });

/** Parts as sentences: "Månadsvis. Centrumledaren stämmer av …" (not "månadsvis: Centrumledaren …"). */
function sentences(parts: (string | undefined)[]): string | undefined {
  const out = parts
    .filter((p): p is string => Boolean(p?.trim()))
    .map((p) => {
      const s = p.trim();
      const cap = s.charAt(0).toLocaleUpperCase('sv') + s.slice(1);
      return /[.!?]$/.test(cap) ? cap : `${cap}.`;
    });
  return out.length ? out.join(' ') : undefined;
}
/** A number in a table: never broken at its thousands separators. */
const n = (text: string | undefined, more: Node = {}): Cell => t(text, { noWrap: true, ...more });

function dateText(v: Json | undefined): string | undefined {
  return typeof v === 'string' ? v : typeof v === 'number' ? String(v) : undefined;
}

function ch1(f: Facts): Node[] {
  const d = f.ch.data;
  return f.kv([
    [F.startad, dateText(d.startad)],
    [F.initiativtagare, f.list('/initiativtagare', d.initiativtagare).join(', ') || undefined],
    f.extra(),
  ]);
}

function ch2(f: Facts): Node[] {
  const swot = obj(f.ch.data.swot);
  const blocks: Node[] = [];
  if (swot) {
    const part = (k: 'styrkor' | 'svagheter' | 'möjligheter' | 'hot') => {
      const items = f.list(`/swot/${k}`, swot[k]);
      return { stack: [{ text: F[k], style: 'tableHead' }, items.length ? { ul: items, style: 'tableList' } : { text: '–' }] };
    };
    const body = [
      [part('styrkor'), part('svagheter')],
      [part('möjligheter'), part('hot')],
    ];
    // Kept whole with its heading (two rows, each kept whole) when it surely fits on a page;
    // pdfmake would drop a row kept whole that is taller than a page, so a long SWOT may split.
    const whole = textLength(body) <= FITS_ON_A_PAGE;
    blocks.push(
      ...f.sub(F.swot, [
        {
          table: {
            widths: ['*', '*'],
            keepWithHeaderRows: whole ? 2 : 0,
            dontBreakRows: whole,
            body,
          },
          layout: 'qmGrid',
          style: 'table',
          margin: [0, 0, 0, 10],
        },
      ]),
    );
  }
  return [...blocks, ...f.kv([f.extra()])];
}

function ch3(f: Facts): Node[] {
  const d = f.ch.data;
  const area = obj(d.arbetsområde);
  const areaText = area
    ? [
        f.s('/arbetsområde/beskrivning', area.beskrivning),
        numOf(area.yta_ha) !== undefined ? `${num(numOf(area.yta_ha)!)}${NBSP}ha` : undefined,
      ]
        .filter(Boolean)
        .join(' – ')
    : undefined;
  const out: Node[] = [
    ...f.kv([
      [F.bildad, dateText(d.bildad)],
      [F.organisationsform, f.s('/organisationsform', d.organisationsform)],
      [F.personal, f.s('/personal', d.personal)],
      [F.arbetsområde, areaText || undefined],
      [F.samverkanUtanför, f.list('/samverkan_utanför', d.samverkan_utanför).join(', ') || undefined],
      f.extra(),
    ]),
  ];
  const actors = arr(d.aktörer).flatMap((a, i) => {
    const o = obj(a);
    if (!o) return [];
    const andel = numOf(o.andel);
    const antal = numOf(o.antal);
    return [
      {
        cells: [
          t(f.s(`/aktörer/${i}/namn`, o.namn)),
          t(V[String(o.sektor)] ?? f.s(`/aktörer/${i}/sektor`, o.sektor)),
          n(andel === undefined ? '' : pct(andel)),
          n(antal === undefined ? '' : num(antal)),
        ],
        andel,
      },
    ];
  });
  const rows = actors.map((a) => a.cells);
  if (actors.length > 1 && actors.every((a) => a.andel !== undefined)) {
    rows.push([t(W.total, { bold: true }), t(''), n(pct(actors.reduce((s, a) => s + a.andel!, 0)), { bold: true }), t('')]);
  }
  out.push(
    ...f.sub(
      F.aktörer,
      f.table([F.namn, F.sektor, F.andel, F.antal], rows, ['*', 'auto', 'auto', 'auto'], ['left', 'left', 'right', 'right']),
    ),
  );
  const groups = arr(d.grupper).flatMap((g, i) => {
    const o = obj(g);
    if (!o) return [];
    const kind = V[String(o.typ)] ?? f.s(`/grupper/${i}/typ`, o.typ);
    const name = f.s(`/grupper/${i}/namn`, o.namn, 'bold');
    const members = f.list(`/grupper/${i}/medlemmar`, o.medlemmar);
    // The name, with the kind of group under it unless the name says it ("Styrelsen", not "Styrelse: Styrelsen").
    const raw = typeof o.namn === 'string' ? o.namn.trim().toLocaleLowerCase('sv') : '';
    const saysKind = kind !== undefined && raw.includes(String(V[String(o.typ)] ?? o.typ).toLocaleLowerCase('sv'));
    return [
      [
        {
          stack: [
            { text: name ?? kind ?? '', bold: true },
            ...(name && kind && !saysKind ? [{ text: kind, style: 'note' }] : []),
            ...(members.length ? [{ ul: members, style: 'tableList' }] : []),
          ],
        },
        t(f.s(`/grupper/${i}/mandat`, o.mandat)),
        t(f.s(`/grupper/${i}/mötesfrekvens`, o.mötesfrekvens)),
        t(f.s(`/grupper/${i}/beslutsväg`, o.beslutsväg)),
      ],
    ];
  });
  out.push(...f.sub(F.grupper, f.table([F.grupp, F.mandat, F.mötesfrekvens, F.beslutsväg], groups, ['28%', '26%', '18%', '28%'])));
  const commitments = arr(d.åtaganden).flatMap((x, i) => {
    const o = obj(x);
    if (!o) return [];
    const bilaga = f.attachment(o.bilaga);
    return [
      [
        t(f.s(`/åtaganden/${i}/part`, o.part)),
        t(V[String(o.sektor)] ?? f.s(`/åtaganden/${i}/sektor`, o.sektor)),
        n(dateText(o.till)),
        t(bilaga ? [bilaga] : ''),
      ],
    ];
  });
  out.push(...f.sub(F.åtaganden, f.table([F.part, F.sektor, F.till, F.dokument], commitments, ['*', 'auto', 'auto', '34%'])));
  return out;
}

function ch4(f: Facts): Node[] {
  const d = f.ch.data;
  const decision = obj(d.budgetbeslut);
  const follow = obj(d.uppföljning);
  const out = f.kv([
    [F.budgetår, dateText(d.budgetår)],
    [F.budget, numOf(d.budget) !== undefined ? kr(numOf(d.budget)!) : undefined],
    [
      F.budgetbeslut,
      decision ? [dateText(decision.datum), f.s('/budgetbeslut/organ', decision.organ)].filter(Boolean).join(', ') : undefined,
    ],
    [F.utfall, numOf(d.utfall_föregående_år) !== undefined ? kr(numOf(d.utfall_föregående_år)!) : undefined],
    [
      F.uppföljning,
      follow ? sentences([f.s('/uppföljning/frekvens', follow.frekvens), f.s('/uppföljning/beskrivning', follow.beskrivning)]) : undefined,
    ],
    f.extra(),
  ]);
  // The public/private split as the check counted it (k4/offentlig-och-privat, k4/budget-summa).
  const { pub, priv, sum } = f.facts.financing;
  const rows = arr(d.finansiärer).flatMap((x, i) => {
    const o = obj(x);
    if (!o) return [];
    const amount = numOf(o.belopp);
    const avtal = f.attachment(o.avtal);
    return [
      [
        t(f.s(`/finansiärer/${i}/namn`, o.namn)),
        t(V[String(o.sektor)] ?? f.s(`/finansiärer/${i}/sektor`, o.sektor)),
        t(V[String(o.form)] ?? f.s(`/finansiärer/${i}/form`, o.form)),
        n(amount === undefined ? '' : kr(amount)),
        t(avtal ? [avtal] : ''),
      ],
    ];
  });
  if (rows.length) rows.push([t(W.total, { bold: true }), t(''), t(''), n(kr(sum), { bold: true }), t('')]);
  out.push(
    ...f.sub(
      F.finansiärer,
      f.table(
        [F.finansiär, F.sektor, F.form, F.belopp, F.dokument],
        rows,
        ['*', 'auto', 'auto', 'auto', '30%'],
        ['left', 'left', 'left', 'right', 'left'],
      ),
    ),
  );
  if (sum > 0) {
    const share = (x: number) => `${kr(x)} (${pct(Math.round((x / sum) * 100))})`;
    out.push(...f.kv([[F.fördelning, `${F.offentligt} ${share(pub)} · ${F.privat} ${share(priv)}`]]));
  }
  return out;
}

function ch5(f: Facts): Node[] {
  const d = f.ch.data;
  const period = obj(d.period);
  const from = numOf(period?.från);
  const to = numOf(period?.till);
  const decided = obj(d.beslutad);
  return f.kv([
    [F.vision, f.s('/vision', d.vision, 'italics')],
    [F.affärsidé, f.s('/affärsidé', d.affärsidé)],
    [F.period, from !== undefined && to !== undefined ? `${from}–${to} (${to - from + 1} år)` : undefined],
    [F.beslutad, dateText(decided?.datum)],
    [F.beslutadAv, decided ? f.list('/beslutad/av', decided.av).join(', ') || undefined : undefined],
    f.extra(),
  ]);
}

function ch6(f: Facts, decided: Goal[]): Node[] {
  const d = f.ch.data;
  const goals = arr(d.mål).flatMap((x, i) => {
    const o = obj(x);
    if (!o) return [];
    const year = numOf(o.år);
    // The horizon the check counted (a declared `horisont` that `år` allows wins), never re-derived.
    const fact = decided.find((g) => g.i === i);
    const ahead = fact?.ahead;
    const horizon = fact?.horizon;
    const start = numOf(o.utgångsvärde);
    const target = numOf(o.målvärde);
    const unit = goalUnit(f, i, typeof o.id === 'string' ? o.id : undefined);
    const text = f.s(`/mål/${i}/text`, o.text);
    return [
      [
        t(f.s(`/mål/${i}/id`, o.id), { bold: true }),
        { stack: [{ text: text ?? '' }, ...(fact?.sustainable ? [{ text: F.hållbarhet, style: 'tag' }] : [])] },
        n(year === undefined ? '' : String(year)),
        n(horizon && ahead !== undefined ? `${horizon} (${ahead}${NBSP}år)` : ''),
        t(start === undefined ? '' : withUnit(start, unit)),
        t(target === undefined ? '' : withUnit(target, unit)),
      ],
    ];
  });
  const strategies = arr(d.strategier).flatMap((x, i) => {
    const o = obj(x);
    return o
      ? [
          [
            t(f.s(`/strategier/${i}/id`, o.id), { bold: true }),
            t(f.s(`/strategier/${i}/text`, o.text)),
            t(f.list(`/strategier/${i}/mål`, o.mål).join(', ')),
          ],
        ]
      : [];
  });
  return [
    ...f.kv([[F.förankring, f.s('/förankring', d.förankring)], f.extra()]),
    ...f.sub(
      F.mål,
      f.table(
        [F.id, F.mål, F.år, F.horisont, F.utgångsvärde, F.målvärde],
        goals,
        ['auto', '*', 'auto', 'auto', 'auto', 'auto'],
        ['left', 'left', 'right', 'left', 'right', 'right'],
      ),
    ),
    ...f.sub(F.strategier, f.table([F.id, F.strategi, F.mål], strategies, ['auto', '*', 'auto'])),
  ];
}

/**
 * The unit of a goal's values: the one written with them (`62,5 %`, `1 350 000 kr`), else the
 * unit of the indicators that follow the goal up, when they agree on one.
 */
function goalUnit(f: Facts, i: number, id: string | undefined): string | undefined {
  // The values as written: the text of a value that stayed text, else the source of a number
  // (`62,5 %` is read as 62.5), searched only inside the value.
  const goal = (f.ch.data.mål as unknown[] | undefined)?.[i] as Record<string, unknown> | undefined;
  for (const field of ['utgångsvärde', 'målvärde']) {
    const v = goal?.[field];
    const pointer = `/mål/${i}/${field}`;
    const has = (re: RegExp, needles: string[]) =>
      typeof v === 'string' ? re.test(v) : needles.some((n) => f.ch.map.inside(pointer, n) !== undefined);
    if (has(/%|procent/i, ['%', 'procent'])) return '%';
    if (has(/\d\s*(kr|kronor|sek|mkr|tkr)\b/i, ['kr', 'kronor', 'SEK', 'Mkr', 'mkr'])) return 'kr';
  }
  if (!id) return undefined;
  const units = new Set(f.facts.indicators.filter((ind) => ind.goals.includes(id)).map((ind) => unitOf(ind.unit)));
  return units.size === 1 ? [...units][0] : undefined;
}

function ch7(f: Facts): Node[] {
  const d = f.ch.data;
  let total = 0;
  const rows = arr(d.åtgärder).flatMap((x, i) => {
    const o = obj(x);
    if (!o) return [];
    const budget = numOf(o.budget);
    if (budget !== undefined) total += budget;
    const links = [f.list(`/åtgärder/${i}/mål`, o.mål).join(', '), f.list(`/åtgärder/${i}/strategi`, o.strategi).join(', ')]
      .filter(Boolean)
      .join(' / ');
    const when = [dateText(o.start), dateText(o.slut)].filter(Boolean).join(`${NBSP}– `);
    const name = f.s(`/åtgärder/${i}/namn`, o.namn, 'bold');
    const purpose = f.s(`/åtgärder/${i}/syfte`, o.syfte);
    return [
      [
        t(f.s(`/åtgärder/${i}/id`, o.id), { bold: true }),
        { stack: [...(name ? [{ text: name, bold: true }] : []), ...(purpose ? [{ text: purpose, style: 'note' }] : [])] },
        t(links),
        t(f.s(`/åtgärder/${i}/ansvarig`, o.ansvarig)),
        t(when),
        n(budget === undefined ? '' : kr(budget)),
      ],
    ];
  });
  if (rows.length) rows.push([t(''), t(W.total, { bold: true }), t(''), t(''), t(''), n(kr(total), { bold: true })]);
  const plan = actionTimeline(f);
  return [
    ...f.kv([[F.samverkansprocess, f.s('/samverkansprocess', d.samverkansprocess)], f.extra()]),
    ...f.sub(
      F.åtgärder,
      f.table(
        [
          F.id,
          `${F.åtgärd} och ${F.syfte.toLocaleLowerCase('sv')}`,
          `${F.mål} / ${F.strategi.toLocaleLowerCase('sv')}`,
          F.ansvarig,
          F.tid,
          F.budget,
        ],
        rows,
        ['auto', '*', 50, '23%', 58, 'auto'],
        ['left', 'left', 'left', 'left', 'left', 'right'],
      ),
    ),
    ...(plan.length ? f.sub(F.tidslinje, plan) : []),
  ];
}

/** A date field as a day (UTC); undefined unless it is one. */
function dayOf(v: Json | undefined): Date | undefined {
  if (typeof v !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(v)) return undefined;
  const d = new Date(`${v}T00:00:00Z`);
  return Number.isNaN(d.getTime()) ? undefined : d;
}

/** The action plan as a timeline, grouped by each action's first goal (administration last). */
function actionTimeline(f: Facts): Node[] {
  const goalsData = arr(f.ctx6?.mål);
  const groups = goalsData.flatMap((g) => {
    const o = obj(g);
    const id = typeof o?.id === 'string' ? o.id : undefined;
    return id ? [{ key: id, title: `${id} ${typeof o?.text === 'string' ? o.text.trim() : ''}` }] : [];
  });
  groups.push({ key: '', title: F.administration });
  const known = new Set(groups.map((g) => g.key));
  const actions = arr(f.ch.data.åtgärder).flatMap((x, i) => {
    const o = obj(x);
    const start = dayOf(o?.start);
    const end = dayOf(o?.slut);
    if (!o || !start || !end || end < start) return [];
    const goals = arr(o.mål).filter((g): g is string => typeof g === 'string');
    const group = goals.find((g) => known.has(g)) ?? '';
    const name = f.s(`/åtgärder/${i}/namn`, o.namn) ?? '';
    const more = goals.filter((g) => g !== group);
    return [
      {
        id: typeof o.id === 'string' ? o.id : '',
        name: more.length ? `${name} (även ${more.join(', ')})` : name,
        group,
        start,
        end,
      },
    ];
  });
  // Fields of the goals as the check read them (each group titled by its goal).
  for (const g of groups) g.title = g.title.replace(/\s+/g, ' ');
  return timeline(groups, actions, new Date(`${f.ctx.referenceDate || `${f.facts.referenceYear}-01-01`}T00:00:00Z`));
}

function ch8(f: Facts): Node[] {
  const d = f.ch.data;
  const inds = arr(d.indikatorer).flatMap((x, i) => {
    const o = obj(x);
    if (!o) return [];
    const values = new Map<number, number>();
    for (const [y, v] of Object.entries(obj(o.värden) ?? {})) if (/^\d{4}$/.test(y) && typeof v === 'number') values.set(Number(y), v);
    return [{ i, o, values }];
  });
  const allYears = [...new Set(inds.flatMap((x) => [...x.values.keys()]))].sort((a, b) => a - b).slice(-5);
  const goalData = new Map(
    arr(f.ctx6?.mål).flatMap((g) => {
      const o = obj(g);
      return o && typeof o.id === 'string' ? [[o.id, o] as const] : [];
    }),
  );
  const rows = inds.map(({ i, o, values }) => {
    const group = V[String(o.målgrupp)] ?? f.s(`/indikatorer/${i}/målgrupp`, o.målgrupp);
    const unit = f.s(`/indikatorer/${i}/enhet`, o.enhet);
    const name = f.s(`/indikatorer/${i}/namn`, o.namn);
    return [
      t(f.s(`/indikatorer/${i}/id`, o.id), { bold: true }),
      { stack: [...(name ? [{ text: name }] : []), { text: [group, unit].filter(Boolean).join(', '), style: 'note' }] },
      t(f.list(`/indikatorer/${i}/mål`, o.mål).join(', ')),
      ...allYears.map((y) => n(values.has(y) ? num(values.get(y)!) : '–')),
    ];
  });
  // A chart per indicator, with the targets of the goals it follows up.
  const charts = indicatorCharts(
    inds.map(({ i, o, values }) => {
      const unit = unitOf(typeof o.enhet === 'string' ? o.enhet : undefined);
      const targets = arr(o.mål).flatMap((g) => {
        const goal = typeof g === 'string' ? goalData.get(g) : undefined;
        const value = numOf(goal?.målvärde);
        const year = numOf(goal?.år);
        return goal && value !== undefined && year !== undefined ? [{ goal: g as string, year, value }] : [];
      });
      const id = typeof o.id === 'string' ? o.id : '';
      const name = f.s(`/indikatorer/${i}/namn`, o.namn) ?? '';
      const unitText = f.s(`/indikatorer/${i}/enhet`, o.enhet);
      return {
        id,
        name,
        unit: unit === undefined ? undefined : unit === '%' || unit === 'kr' ? unit : unitText,
        points: [...values.entries()].map(([year, value]) => ({ year, value })),
        targets,
        format: num,
        title: [
          { text: [{ text: `${id} `, bold: true }, name], style: 'chartTitle' },
          ...(targets.length === 0 ? [{ text: W.noTarget, style: 'note' }] : []),
        ],
      };
    }),
  );
  return [
    ...f.kv([[F.metod, f.s('/metod', d.metod)], f.extra()]),
    ...f.sub(
      F.indikatorer,
      f.table(
        [F.id, F.indikator, F.mål, ...allYears.map(String)],
        rows,
        ['auto', '*', 'auto', ...allYears.map(() => 'auto' as const)],
        ['left', 'left', 'left', ...allYears.map(() => 'right' as const)],
      ),
    ),
    ...(charts.length ? f.sub(F.utveckling, charts) : []),
  ];
}

function ch9(f: Facts): Node[] {
  const d = f.ch.data;
  const rows = arr(d.kanaler).flatMap((x, i) => {
    const o = obj(x);
    if (!o) return [];
    const groups = arr(o.målgrupp)
      .map((g, k) => V[String(g)] ?? f.s(`/kanaler/${i}/målgrupp/${k}`, g) ?? '')
      .filter(Boolean);
    return [
      [
        t(V[String(o.typ)] ?? f.s(`/kanaler/${i}/typ`, o.typ)),
        t(f.s(`/kanaler/${i}/namn`, o.namn)),
        t(groups.join(', ')),
        t(f.s(`/kanaler/${i}/frekvens`, o.frekvens)),
        t(f.attachments(arr(o.bilagor))),
      ],
    ];
  });
  return [
    ...f.kv([f.extra()]),
    ...f.sub(F.kanaler, f.table([F.typ, F.namn, F.målgrupp, F.frekvens, W.attachments], rows, ['auto', '*', 'auto', 'auto', '28%'])),
  ];
}

export function factBlocks(ch: ChapterFile, ctx: Context): Node[] {
  if (ch.status !== 'ok') return [];
  const f = new Facts(ch, ctx);
  const byChapter: Record<number, () => Node[]> = {
    1: () => ch1(f),
    2: () => ch2(f),
    3: () => ch3(f),
    4: () => ch4(f),
    5: () => ch5(f),
    6: () => ch6(f, ctx.facts.goals),
    7: () => ch7(f),
    8: () => ch8(f),
    9: () => ch9(f),
  };
  const blocks = byChapter[ch.number]?.() ?? [];
  if (blocks.length === 0) return [];
  const heading = { text: W.facts, style: 'h2', headlineLevel: 2 };
  const kept = keepWithNext(heading, blocks[0]!);
  return kept ? [kept, ...blocks.slice(1)] : [heading, ...blocks];
}
