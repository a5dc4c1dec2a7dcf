/**
 * The PDF's figures, drawn as SVG (the typesetter draws it with the PDF's own font, so every
 * label is text a reader can search and copy):
 * - a chart per indicator: its years along the bottom, its values with the unit up the side,
 *   each point labelled, and the target of each goal it follows up marked at the goal's year;
 * - the action plan's timeline: a bar per action over the plan's months, grouped by goal, with
 *   the reference date marked.
 */
import { COLOR, CONTENT_WIDTH } from '../theme.js';
import type { Node } from '../plan.js';
import { textWidth } from './measure.js';
import { NBSP } from './typography.js';

const FONT = 'DejaVu';

/** Text for SVG: the five characters XML reserves escaped, no-break spaces kept. */
function xml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

const r = (x: number) => String(Math.round(x * 100) / 100);

function text(
  x: number,
  y: number,
  s: string,
  o: { size?: number; anchor?: 'start' | 'middle' | 'end'; color?: string; bold?: boolean } = {},
): string {
  return `<text x="${r(x)}" y="${r(y)}" font-family="${FONT}" font-size="${o.size ?? 6.5}"${o.bold ? ' font-weight="bold"' : ''} text-anchor="${o.anchor ?? 'start'}" fill="${o.color ?? COLOR.text}">${xml(s)}</text>`;
}

function line(x1: number, y1: number, x2: number, y2: number, color: string, width = 0.5, dash?: string): string {
  return `<line x1="${r(x1)}" y1="${r(y1)}" x2="${r(x2)}" y2="${r(y2)}" stroke="${color}" stroke-width="${width}"${dash ? ` stroke-dasharray="${dash}"` : ''}/>`;
}

/** A text cut to fit `width` points at `size`, with an ellipsis when cut. */
export function fit(s: string, width: number, size: number, bold = false): string {
  if (textWidth(s, size, bold) <= width) return s;
  let lo = 0;
  let hi = s.length;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (textWidth(`${s.slice(0, mid).trimEnd()}…`, size, bold) <= width) lo = mid;
    else hi = mid - 1;
  }
  return `${s.slice(0, lo).trimEnd()}…`;
}

/** Round steps for an axis from `min` to `max`: about `count` of them. */
export function ticks(min: number, max: number, count = 4): { from: number; to: number; step: number } {
  const span = max - min || Math.abs(max) || 1;
  const raw = span / count;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((k) => k * mag).find((s) => s >= raw) ?? 10 * mag;
  const from = Math.floor(min / step) * step;
  const to = Math.ceil(max / step) * step;
  return { from, to: to === from ? from + step : to, step };
}

export interface ChartSeries {
  id: string;
  name: string;
  /** The unit as the PDF prints it (`%`, `kr`, `passager per vecka`), if any. */
  unit?: string;
  points: { year: number; value: number }[];
  /** The targets of the goals the indicator follows up. */
  targets: { goal: string; year: number; value: number }[];
  format: (value: number) => string;
}

/** One indicator's chart, `width` points wide. */
export function indicatorChart(s: ChartSeries, width: number): Node {
  const height = 132;
  const unitShort = s.unit && s.unit.length <= 3 ? s.unit : undefined;
  const label = (v: number) => (unitShort ? `${s.format(v)}${NBSP}${unitShort}` : s.format(v));
  const values = [...s.points.map((p) => p.value), ...s.targets.map((t) => t.value)];
  const years = [...s.points.map((p) => p.year), ...s.targets.map((t) => t.year)];
  const y0 = Math.min(...values);
  const y1 = Math.max(...values);
  const axis = ticks(y0 >= 0 && y0 < 0.35 * y1 ? 0 : y0, y1);
  const tickLabels: number[] = [];
  for (let v = axis.from; v <= axis.to + axis.step / 1000; v += axis.step) tickLabels.push(Math.round(v * 1e6) / 1e6);
  const left = Math.max(...tickLabels.map((v) => textWidth(label(v), 6, false))) + 8;
  const right = 10;
  const top = 16;
  const bottom = 16;
  const minYear = Math.min(...years);
  const maxYear = Math.max(...years);
  const spanYears = Math.max(1, maxYear - minYear);
  const pad = 10;
  const X = (year: number) => left + pad + ((year - minYear) / spanYears) * (width - left - right - 2 * pad);
  const Y = (v: number) => top + (1 - (v - axis.from) / (axis.to - axis.from)) * (height - top - bottom);
  const parts: string[] = [];
  // Grid and axes.
  for (const v of tickLabels) {
    parts.push(line(left, Y(v), width - right, Y(v), COLOR.fill, 0.5));
    parts.push(text(left - 4, Y(v) + 2, label(v), { size: 6, anchor: 'end', color: COLOR.key }));
  }
  parts.push(line(left, top - 4, left, height - bottom, COLOR.rule, 0.6));
  parts.push(line(left, height - bottom, width - right, height - bottom, COLOR.rule, 0.6));
  if (s.unit && !unitShort) parts.push(text(left, 7, s.unit, { size: 6, color: COLOR.key }));
  // Years: each one when there is room, else every other.
  const every = (width - left - right) / (spanYears + 1) < 20 ? 2 : 1;
  for (let y = minYear; y <= maxYear; y++) {
    if ((y - minYear) % every && y !== maxYear) continue;
    parts.push(line(X(y), height - bottom, X(y), height - bottom + 2.5, COLOR.rule, 0.6));
    parts.push(text(X(y), height - bottom + 9, String(y), { size: 6, anchor: 'middle', color: COLOR.key }));
  }
  // Targets: a dashed line at the target value, a ring at the goal's year, and its label.
  for (const t of s.targets) {
    parts.push(line(left, Y(t.value), width - right, Y(t.value), COLOR.target, 0.7, '3,2'));
    parts.push(`<circle cx="${r(X(t.year))}" cy="${r(Y(t.value))}" r="3" fill="#ffffff" stroke="${COLOR.target}" stroke-width="1.2"/>`);
    const caption = `${t.goal} ${t.year}: ${label(t.value)}`;
    const anchorRight = X(t.year) > width / 2;
    parts.push(
      text(anchorRight ? X(t.year) - 5 : X(t.year) + 5, Y(t.value) - 4, caption, {
        size: 6,
        anchor: anchorRight ? 'end' : 'start',
        color: COLOR.target,
        bold: true,
      }),
    );
  }
  // The series: a line through the points, each point labelled with its value.
  const pts = [...s.points].sort((a, b) => a.year - b.year);
  if (pts.length > 1)
    parts.push(
      `<polyline points="${pts.map((p) => `${r(X(p.year))},${r(Y(p.value))}`).join(' ')}" fill="none" stroke="${COLOR.accent}" stroke-width="1.4"/>`,
    );
  for (const p of pts) {
    parts.push(`<circle cx="${r(X(p.year))}" cy="${r(Y(p.value))}" r="2.2" fill="${COLOR.accent}"/>`);
    parts.push(text(X(p.year), Y(p.value) - 4.5, label(p.value), { size: 6, anchor: 'middle', color: COLOR.accent, bold: true }));
  }
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${r(width)}" height="${height}" viewBox="0 0 ${r(width)} ${height}">${parts.join('')}</svg>`;
  return { svg, width };
}

/** Every indicator's chart, two to a row, each titled. */
export function indicatorCharts(series: (ChartSeries & { title: Node[] })[]): Node[] {
  const gap = 14;
  const width = (CONTENT_WIDTH - gap) / 2;
  const cells = series
    .filter((s) => s.points.length > 0)
    .map((s) => ({ stack: [...s.title, indicatorChart(s, width)], unbreakable: true }));
  const rows: Node[] = [];
  for (let i = 0; i < cells.length; i += 2) {
    rows.push({
      columns: [{ ...cells[i]!, width }, cells[i + 1] ? { ...cells[i + 1]!, width } : { text: '', width }],
      columnGap: gap,
      margin: [0, 0, 0, 10],
      unbreakable: true,
    });
  }
  return rows;
}

export interface TimelineAction {
  id: string;
  name: string;
  /** The goal it is drawn under (its first), or undefined for administration. */
  group: string;
  start: Date;
  end: Date;
}

const MONTH_LETTERS = ['J', 'F', 'M', 'A', 'M', 'J', 'J', 'A', 'S', 'O', 'N', 'D'];
const DAY = 86_400_000;

/**
 * The action plan as a timeline: per group (a goal, in the order given) a heading row and a bar
 * per action from its start to its end. Split into several figures of at most `rowsPer` rows.
 */
export function timeline(groups: { key: string; title: string }[], actions: TimelineAction[], reference: Date, rowsPer = 46): Node[] {
  if (actions.length === 0) return [];
  const first = new Date(Date.UTC(Math.min(...actions.map((a) => a.start.getUTCFullYear())), 0, 1));
  const lastYear = Math.max(...actions.map((a) => a.end.getUTCFullYear()));
  const last = new Date(Date.UTC(lastYear + 1, 0, 1));
  const width = CONTENT_WIDTH;
  const labelWidth = 170;
  const left = labelWidth + 6;
  const right = 4;
  const X = (d: Date) => left + ((d.getTime() - first.getTime()) / (last.getTime() - first.getTime())) * (width - left - right);
  const rows: ({ kind: 'group'; title: string } | { kind: 'action'; a: TimelineAction })[] = [];
  for (const g of groups) {
    const mine = actions.filter((a) => a.group === g.key);
    if (mine.length === 0) continue;
    rows.push({ kind: 'group', title: g.title });
    for (const a of mine) rows.push({ kind: 'action', a });
  }
  const out: Node[] = [];
  const rowH = 11;
  const head = 22;
  for (let from = 0; from < rows.length; from += rowsPer) {
    const chunk = rows.slice(from, from + rowsPer);
    const height = head + chunk.length * rowH + 4;
    const parts: string[] = [];
    // Years and months along the top; a light band every other year.
    for (let y = first.getUTCFullYear(); y < lastYear + 1; y++) {
      const a = X(new Date(Date.UTC(y, 0, 1)));
      const b = X(new Date(Date.UTC(y + 1, 0, 1)));
      if ((y - first.getUTCFullYear()) % 2 === 1)
        parts.push(`<rect x="${r(a)}" y="0" width="${r(b - a)}" height="${height}" fill="#f4f7fa"/>`);
      parts.push(text((a + b) / 2, 8, String(y), { size: 7, anchor: 'middle', bold: true, color: COLOR.key }));
      parts.push(line(a, 0, a, height, COLOR.rule, 0.5));
      const monthWidth = (b - a) / 12;
      for (let m = 0; m < 12; m++) {
        const mx = a + m * monthWidth;
        if (monthWidth >= 7)
          parts.push(text(mx + monthWidth / 2, 18, MONTH_LETTERS[m]!, { size: 5, anchor: 'middle', color: COLOR.muted }));
      }
    }
    parts.push(line(X(last), 0, X(last), height, COLOR.rule, 0.5));
    parts.push(line(0, head - 1, width, head - 1, COLOR.rule, 0.6));
    chunk.forEach((row, k) => {
      const y = head + k * rowH;
      if (row.kind === 'group') {
        parts.push(`<rect x="0" y="${r(y)}" width="${r(width)}" height="${rowH}" fill="#ffffff"/>`);
        parts.push(text(0, y + 8, fit(row.title, width - 4, 7, true), { size: 7, bold: true, color: COLOR.accent }));
        return;
      }
      const { a } = row;
      parts.push(text(6, y + 7.8, fit(`${a.id} ${a.name}`, labelWidth - 6, 6.5), { size: 6.5 }));
      const x1 = X(a.start);
      const x2 = Math.max(x1 + 1.5, X(new Date(a.end.getTime() + DAY)));
      parts.push(`<rect x="${r(x1)}" y="${r(y + 2)}" width="${r(x2 - x1)}" height="7" rx="1.5" fill="${COLOR.accent}"/>`);
    });
    const ref = X(reference);
    if (ref >= left && ref <= width - right) {
      parts.push(line(ref, head - 4, ref, height, COLOR.target, 0.8, '2,2'));
    }
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${r(width)}" height="${height}" viewBox="0 0 ${r(width)} ${height}">${parts.join('')}</svg>`;
    out.push({ svg, width, margin: [0, 0, 0, 6] });
  }
  return out;
}
