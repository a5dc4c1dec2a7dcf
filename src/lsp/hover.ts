/**
 * Hover: on a key, what the field is, its type, whether it is required and by which rule, and the
 * certifier's own words for that requirement; on a goal, strategy, action or indicator id, what
 * it stands for; on a diagnostic, what `qm explain` says of its rule.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Hover, Position } from 'vscode-languageserver';
import type { Lang } from '../model/types.js';
import { ruleById } from '../rules/index.js';
import { seedQuote } from '../rules/seed.js';
import { explainText } from '../cli/rules.js';
import {
  canonicalPath,
  chapterTitle,
  docInfo,
  idDefs,
  isYamlLine,
  keyAt,
  kindWord,
  offsetAt,
  wordAt,
  type DocInfo,
  type IdDef,
} from './analysis.js';
import { description, nodeAt, requirement, typeText } from './schema.js';
import type { ClientFeatures } from './client.js';
import type { KeyToken } from './outline.js';
import type { Workspace } from './workspace.js';
import { words } from './words.js';

export function hover(ws: Workspace, client: ClientFeatures, doc: TextDocument, pos: Position): Hover | null {
  const info = docInfo(ws, doc);
  if (!info) return null;
  const offset = offsetAt(info, pos);
  const parts: string[] = [];
  let range: Hover['range'];
  const key = isYamlLine(info, pos.line) ? keyAt(info, offset) : undefined;
  if (key) {
    const text = keyHover(info, key);
    if (text) {
      parts.push(text);
      range = { start: doc.positionAt(key.keyStart), end: doc.positionAt(key.keyEnd) };
    }
  } else {
    const w = wordAt(info.text, offset);
    const def = w ? idDefs(info.app, info.lang).find((d) => d.id === w.word) : undefined;
    if (w && def) {
      parts.push(idHover(def, info.lang));
      range = { start: doc.positionAt(w.start), end: doc.positionAt(w.end) };
    }
  }
  // The rules of the diagnostics at this place, as `qm explain` tells them.
  const seen = new Set<string>();
  for (const d of info.app?.published.get(doc.uri) ?? []) {
    if (!d.code || seen.has(d.code) || !inside(d.range, pos)) continue;
    seen.add(d.code);
    try {
      parts.push(explainMarkdown(explainText(d.code, info.lang)));
    } catch {
      // not a rule qm explains
    }
  }
  if (parts.length === 0) return null;
  const value = parts.join('\n\n---\n\n');
  return {
    contents: client.markdown ? { kind: 'markdown', value } : { kind: 'plaintext', value: plain(value) },
    ...(range ? { range } : {}),
  };
}

function inside(r: { start: Position; end: Position }, p: Position): boolean {
  const after = p.line > r.start.line || (p.line === r.start.line && p.character >= r.start.character);
  const before = p.line < r.end.line || (p.line === r.end.line && p.character <= r.end.character);
  return after && before;
}

function keyHover(info: DocInfo, key: KeyToken): string | undefined {
  const path = canonicalPath(info.kind, [...key.parent, key.key]);
  const node = nodeAt(info.kind, path);
  if (!node || typeof node.seg !== 'string') return undefined;
  const lang = info.lang;
  const w = words[lang];
  const lines = [`**${node.seg}** — ${typeText(node, lang)}`];
  const desc = description(node);
  if (desc) lines.push('', desc);
  const req = requirement(node);
  const named = req.rules.filter((r) => ruleById.has(r));
  lines.push(
    '',
    `${req.required ? w.required : w.optional}${named.length ? ` · ${w.rules}: ${named.map((r) => `\`${r}\``).join(', ')}` : ''}`,
  );
  const quotes = [...new Set(named.map((r) => ruleById.get(r)?.seed).filter((s): s is string => Boolean(s)))]
    .map((s) => seedQuote(s))
    .filter((q): q is string => Boolean(q));
  for (const q of [...new Set(quotes)]) lines.push('', `> ${w.seed}: ”${q}”`);
  return lines.join('\n');
}

function idHover(def: IdDef, lang: Lang): string {
  const lines = [`**${def.id}** — ${kindWord(def.kind, lang)} · ${chapterTitle(def.chapter, lang)}`];
  if (def.title) lines.push('', def.title);
  if (def.detail) lines.push('', `*${def.detail}*`);
  return lines.join('\n');
}

/** `qm explain`'s text as Markdown: the first line bold, the example as code. */
function explainMarkdown(text: string): string {
  const lines = text.trimEnd().split('\n');
  const out = [`**${lines[0]}**`];
  let code = false;
  for (const line of lines.slice(1)) {
    const indented = line.startsWith('    ');
    if (indented && line.trim().startsWith('”')) {
      out.push(`> ${line.trim()}`);
      continue;
    }
    if (indented && !code) {
      out.push('```yaml');
      code = true;
    } else if (!indented && code) {
      out.push('```');
      code = false;
    }
    // Each sentence line its own paragraph (Markdown would run them together).
    if (!indented && line !== '' && out[out.length - 1] !== '' && !code) out.push('');
    out.push(indented ? line.slice(4) : line);
  }
  if (code) out.push('```');
  return out.join('\n');
}

function plain(markdown: string): string {
  return markdown
    .replace(/\*\*([^*]+)\*\*/g, '$1')
    .replace(/(^|\s)\*([^*]+)\*/g, '$1$2')
    .replace(/`([^`]+)`/g, '$1')
    .replace(/^> /gm, '')
    .replace(/^---$/gm, '');
}
