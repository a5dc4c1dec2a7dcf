/**
 * Reading one chapter or metadata file: bounded in size, UTF-8 only, front matter split off,
 * YAML parsed with positions and normalised against the file's schema.
 */
import { Parser } from 'yaml';
import type { Finding, JsonObject, LoadedFile, Placeholder, Prose } from '../model/types.js';
import type { Schema } from '../schema/registry.js';
import { normalizeDocument, PositionMap, type AttachmentValue } from './normalize.js';
import { blankHtmlComments, decodeUtf8, SourceText } from './text.js';
import { parseYaml, type SrcMap, type SrcNode } from './yaml.js';
import { diskVfs, type Vfs } from './vfs.js';

/** Chapter and metadata files larger than this are not read (`fil/for-stor`). */
export const MAX_TEXT_FILE = 1024 * 1024;

export interface ReadResult {
  loaded: LoadedFile;
  findings: Finding[];
  attachments: AttachmentValue[];
  /** The source text (normalised), for rules that look at the raw prose. */
  source?: SourceText;
}

function failed(file: string, findings: Finding[], status: 'unparsed' | 'missing' = 'unparsed'): ReadResult {
  return {
    loaded: { file, status, data: {}, map: new PositionMap(undefined), placeholders: [] },
    findings,
    attachments: [],
  };
}

export interface FileSpec {
  abs: string;
  /** Relative path, used in reports. */
  file: string;
  chapter: number | null;
  schema: Schema;
  /** Markdown with front matter, or plain YAML. */
  format: 'md' | 'yaml';
  /** Where to read it from (the disk, or an editor's buffers over it). */
  fs?: Vfs;
}

export async function readSourceFile(spec: FileSpec): Promise<ReadResult> {
  const { file, chapter } = spec;
  const got = (spec.fs ?? diskVfs).read(spec.abs, MAX_TEXT_FILE);
  if ('error' in got) {
    if (got.error === 'too-large') {
      return failed(file, [
        { rule: 'fil/for-stor', file, chapter, pointer: null, position: null, args: { bytes: got.size ?? 0, limit: MAX_TEXT_FILE } },
      ]);
    }
    return failed(file, [{ rule: 'fil/olasbar', file, chapter, pointer: null, position: null, args: { code: got.code ?? '' } }]);
  }
  const decoded = decodeUtf8(got.bytes);
  if ('failure' in decoded) {
    const f = decoded.failure;
    return failed(file, [
      {
        rule: 'fil/kodning',
        file,
        chapter,
        pointer: null,
        position: f.position ?? null,
        args: {
          kind: f.kind,
          byte: f.byte !== undefined ? `0x${f.byte.toString(16).toUpperCase().padStart(2, '0')}` : '',
          latin1: f.latin1 ?? '',
        },
      },
    ]);
  }
  const src = new SourceText(decoded.text);
  return spec.format === 'md' ? readMarkdown(spec, src) : readYamlFile(spec, src);
}

function syntaxError(spec: FileSpec, src: SourceText, offset: number, reason: string, detail = ''): ReadResult {
  const r = failed(spec.file, [
    { rule: 'fil/syntax', file: spec.file, chapter: spec.chapter, pointer: null, position: src.position(offset), args: { reason, detail } },
  ]);
  r.source = src;
  return r;
}

function fromYaml(
  spec: FileSpec,
  src: SourceText,
  root: SrcNode | null,
  rootOffset: number,
  proseKey: boolean,
): ReadResult | { map: SrcMap | null; result: ReturnType<typeof normalizeDocument> } {
  if (root && root.kind !== 'map') {
    return syntaxError(spec, src, root.start || rootOffset, root.kind === 'seq' ? 'not-mapping-list' : 'not-mapping-scalar');
  }
  const result = normalizeDocument(root, spec.schema, src, spec.file, spec.chapter, proseKey);
  return { map: root, result };
}

function yamlError(
  spec: FileSpec,
  src: SourceText,
  error: { message: string; offset: number; code?: string },
  yaml: string,
  base: number,
): ReadResult {
  if (error.code === 'LIMIT' || error.code === 'NESTING')
    return syntaxError(spec, src, error.offset, LIMIT_REASONS[error.message] ?? 'aliases');
  const first = error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
  // YAML notices an unclosed quote or bracket only where the file (or the next key) ends; the
  // consultant needs the line where it was opened.
  const opened = error.code === 'MISSING_CHAR' || error.code === 'BAD_INDENT' ? unclosedOpener(yaml, error.offset - base) : undefined;
  const reason = codeReason(error.code, first);
  // The parser's own (English) words only where qm has none of its own.
  return syntaxError(spec, src, opened === undefined ? error.offset : base + opened, reason, reason === 'yaml' ? first : '');
}

const LIMIT_REASONS: Record<string, string> = {
  nesting: 'nesting',
  'too-many-nodes': 'too-many-nodes',
  'too-many-aliases': 'aliases',
  'unresolved-alias': 'alias-unresolved',
  'duplicate-key': 'duplicate-key',
};

/** Offset of the first quoted scalar or flow collection that is never closed, if any. */
function unclosedOpener(yaml: string, before: number): number | undefined {
  let found: number | undefined;
  const visit = (node: unknown): void => {
    if (found !== undefined || node === null || typeof node !== 'object') return;
    if (Array.isArray(node)) {
      for (const x of node) visit(x);
      return;
    }
    const t = node as { type?: string; offset?: number; source?: string; end?: { type: string }[] };
    if (typeof t.offset === 'number' && t.offset <= before) {
      const q = t.type === 'double-quoted-scalar' ? '"' : t.type === 'single-quoted-scalar' ? "'" : undefined;
      if (
        q &&
        t.source !== undefined &&
        (t.source.length < 2 || !t.source.endsWith(q) || (q === '"' && /(^|[^\\])(\\\\)*\\"$/.test(t.source)))
      ) {
        found = t.offset;
        return;
      }
      if (t.type === 'flow-collection' && !(t.end ?? []).some((e) => e.type === 'flow-seq-end' || e.type === 'flow-map-end')) {
        found = t.offset;
        return;
      }
    }
    for (const v of Object.values(node)) if (v && typeof v === 'object') visit(v);
  };
  try {
    for (const token of new Parser().parse(yaml)) visit(token);
  } catch {
    return undefined;
  }
  return found;
}

function codeReason(code: string | undefined, message: string): string {
  // The parser gives one code to several problems; only these are an unclosed quote or bracket.
  if (/closing .?quote|end with a [\]}]/.test(message)) return 'unclosed';
  switch (code) {
    case 'DUPLICATE_KEY':
      return 'duplicate-key';
    case 'TAB_AS_INDENT':
      return 'tab';
    case 'BAD_SCALAR_START':
      return 'reserved-start';
    case 'BLOCK_AS_IMPLICIT_KEY':
      return 'colon';
    case 'BAD_INDENT':
    case 'MULTILINE_IMPLICIT_KEY':
      return 'indent';
    case 'MULTIPLE_DOCS':
      return 'multiple-docs';
    default:
      return 'yaml';
  }
}

function readMarkdown(spec: FileSpec, src: SourceText): ReadResult {
  const text = src.text;
  const open = /^(?:[ \t]*\n)*---[ \t]*(\n|$)/.exec(text);
  let bodyStart = 0;
  let root: SrcNode | null = null;
  let fmStart = 0;
  if (open) {
    fmStart = open[0].length;
    const close = /^(---|\.\.\.)[ \t]*$/m;
    const rest = text.slice(fmStart);
    const m = close.exec(rest);
    if (!m) return syntaxError(spec, src, 0, 'frontmatter-unclosed');
    const fm = rest.slice(0, m.index);
    bodyStart = fmStart + m.index + m[0].length;
    if (text[bodyStart] === '\n') bodyStart++;
    if (fm.trim() !== '') {
      const parsed = parseYaml(fm, fmStart);
      if (parsed.error) return yamlError(spec, src, parsed.error, fm, fmStart);
      root = parsed.root;
    }
  }
  const out = fromYaml(spec, src, root, fmStart, false);
  if ('loaded' in out) return out;
  const body = blankHtmlComments(text.slice(bodyStart));
  const prose: Prose = { text: body, position: (offset) => src.position(bodyStart + offset) };
  return finish(spec, src, out.result, prose, 'md');
}

function readYamlFile(spec: FileSpec, src: SourceText): ReadResult {
  const parsed = parseYaml(src.text, 0);
  if (parsed.error) return yamlError(spec, src, parsed.error, src.text, 0);
  const out = fromYaml(spec, src, parsed.root, 0, spec.chapter !== null);
  if ('loaded' in out) return out;
  let prose: Prose | undefined;
  if (spec.chapter !== null) {
    const entry = out.map?.entries.find((e) => e.key.trim() === 'text');
    const value = out.result.data.text;
    if (entry?.value && typeof value === 'string') prose = yamlProse(value, entry.value.start, src);
    else prose = { text: '', position: () => src.position(0) };
  }
  return finish(spec, src, out.result, prose, 'yaml');
}

/** Maps offsets in a YAML string value (e.g. a `text: |` block) back to the file. */
function yamlProse(value: string, nodeStart: number, src: SourceText): Prose {
  const blanked = blankHtmlComments(value);
  const lines = value.split('\n');
  const lineStarts: number[] = [];
  const srcStarts: number[] = [];
  let offset = 0;
  let cursor = nodeStart;
  for (const line of lines) {
    lineStarts.push(offset);
    const content = line.trimStart();
    const lead = line.length - content.length;
    const at = content ? src.text.indexOf(content, cursor) : -1;
    if (at >= 0) {
      srcStarts.push(at - lead);
      cursor = at + content.length;
    } else srcStarts.push(cursor);
    offset += line.length + 1;
  }
  return {
    text: blanked,
    position(o: number) {
      let i = lineStarts.length - 1;
      while (i > 0 && lineStarts[i]! > o) i--;
      return src.position(srcStarts[i]! + (o - lineStarts[i]!));
    },
  };
}

function finish(
  spec: FileSpec,
  src: SourceText,
  result: ReturnType<typeof normalizeDocument>,
  prose: Prose | undefined,
  format: 'md' | 'yaml',
): ReadResult {
  const data: JsonObject = result.data;
  const findings = result.findings;
  if (spec.chapter !== null && 'text' in data) {
    const where = result.map.key('/text') ?? result.map.value('/text') ?? null;
    if (format === 'md') {
      // The prose of a Markdown chapter is its body; a `text` key in the front matter is not read.
      findings.push({
        rule: 'schema/okant-falt',
        file: spec.file,
        chapter: spec.chapter,
        pointer: '/text',
        position: where,
        args: { key: 'text', mdText: 1 },
      });
    } else if (typeof data.text !== 'string') {
      // A list or a mapping under `text` is not prose: said once, as the type it should have, and
      // not also as a chapter without prose.
      findings.push({
        rule: 'schema/fel-typ',
        file: spec.file,
        chapter: spec.chapter,
        pointer: '/text',
        args: { field: 'text', value: Array.isArray(data.text) ? 'en lista' : 'en mappning', expected: 'string' },
      });
      prose = undefined;
    }
    delete data.text;
  }
  const placeholders: Placeholder[] = result.placeholders;
  return {
    loaded: { file: spec.file, status: 'ok', data, map: result.map, prose, placeholders, format },
    findings,
    attachments: result.attachments,
    source: src,
  };
}
