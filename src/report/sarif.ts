/**
 * `--format sarif`: SARIF 2.1.0 for GitHub code scanning and other SARIF viewers. One run covers
 * every folder (GitHub refuses several runs of one tool in one upload); each result's URI is the
 * file relative to the working directory (`%SRCROOT%`), so the folders stay apart. An exception
 * (`undantag`) is a result with an external suppression carrying the justification.
 *
 * What the consumers ask for (and the SARIF multitool checks):
 * - every result has a region with a start and an end (SARIF2017; GitHub's subset): a finding
 *   about a whole file spans the file (line 1 to its last line), a finding about the application
 *   as a whole (a missing chapter) stands on its `ansokan.yaml`, never on a folder;
 * - every rule has a PascalCase `name` and a `helpUri` to its row in docs/regler.md or
 *   docs/rules.md (SARIF2012), and the run an `automationDetails.id` (the code-scanning category);
 * - a run that could not do its job still writes a log: `executionSuccessful: false`, with the
 *   reason as a notification (`sarifFailure`).
 */
import { createHash } from 'node:crypto';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type * as Sarif from 'sarif';
import type { Diagnostic, Lang, Report, Severity } from '../model/types.js';
import { allRules } from '../rules/index.js';
import type { RuleDef } from '../rules/define.js';
import { ruleAnchor } from '../rules/doc.js';
import { seedQuote } from '../rules/seed.js';
import { CHAPTER_TITLES } from '../i18n/index.js';
import { HOMEPAGE, VERSION } from '../version.js';
import { anchorFile, findingKey } from './gitlab.js';
import { pathFromCwd } from './paths.js';
import type { FormatContext } from './types.js';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
const BASE = '%SRCROOT%';
/** The code-scanning category when the upload names none (`category:` of upload-sarif overrides it). */
export const AUTOMATION_ID = 'quality-mark/';

const LEVEL: Record<Severity, Sarif.Result.level> = { error: 'error', warning: 'warning', info: 'note' };
const PROBLEM: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'recommendation' };

const ruleIndex = new Map(allRules.map((r, i) => [r.id, i]));

function plain(s: string): string {
  return s.replace(/`/g, '');
}

/** `k3/verksam-tre-ar` → `K3VerksamTreAr`: the friendly name SARIF wants, one PascalCase word. */
export function ruleName(id: string): string {
  return id
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1).toLowerCase())
    .join('');
}

/** The rule's row in the rule catalogue of the version that wrote the report. */
export function ruleHelpUri(id: string, lang: Lang): string {
  return `${HOMEPAGE}/blob/v${VERSION}/docs/${lang === 'sv' ? 'regler' : 'rules'}.md#${ruleAnchor(id)}`;
}

function ruleDescriptor(rule: RuleDef, lang: Lang): Sarif.ReportingDescriptor {
  const sv = lang === 'sv';
  const title = plain(rule.title[lang]);
  const fix = plain(rule.fix[lang]);
  const quote = rule.seed ? seedQuote(rule.seed) : undefined;
  const where = rule.chapter === null ? '' : `${sv ? 'Kapitel' : 'Chapter'} ${rule.chapter} ${CHAPTER_TITLES[rule.chapter - 1]}. `;
  const config =
    rule.severity === 'error'
      ? sv
        ? 'Ett Quality Mark-krav: kan inte stängas av; ett `undantag` med `motivering` i qm.config.yaml kan anges.'
        : 'A Quality Mark requirement: it cannot be turned off; an `undantag` with a `motivering` may be recorded in qm.config.yaml.'
      : sv
        ? 'Kan graderas om eller stängas av under `regler` i qm.config.yaml.'
        : 'Can be re-graded or turned off under `regler` in qm.config.yaml.';
  const seedLine = quote ? `${sv ? 'Svenska Stadskärnor' : 'Svenska Stadskärnor (Swedish)'}: ”${quote}”` : '';
  return {
    id: rule.id,
    name: ruleName(rule.id),
    shortDescription: { text: title },
    fullDescription: { text: `${where}${title}. ${fix}` },
    helpUri: ruleHelpUri(rule.id, lang),
    help: {
      text: [fix, seedLine, plain(config), `qm explain ${rule.id}`].filter(Boolean).join('\n\n'),
      markdown: [rule.fix[lang], quote ? `> ${quote}` : '', config, `\`qm explain ${rule.id}\``].filter(Boolean).join('\n\n'),
    },
    defaultConfiguration: { level: LEVEL[rule.severity] },
    properties: {
      tags: ['quality-mark', rule.chapter === null ? rule.id.split('/')[0]! : `kapitel-${rule.chapter}`],
      precision: 'very-high',
      'problem.severity': PROBLEM[rule.severity],
    },
  };
}

/** Percent-encodes each segment, so that å, spaces and # give a valid URI reference. */
function uriOf(path: string): string {
  return path
    .split('/')
    .map((seg) => (seg === '..' || seg === '.' ? seg : encodeURIComponent(seg)))
    .join('/');
}

/** The lines of a text file, as the runners and editors count them; undefined for a binary file. */
function linesOf(text: string | undefined): string[] | undefined {
  if (text === undefined || text.includes('\u0000')) return undefined;
  return text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
}

const VALUE_MAX = 500;

/**
 * Where the value that starts at `column` of `line` ends (exclusive, UTF-16 columns): a quoted
 * scalar at its closing quote, anything else at the end of the line before a YAML comment.
 */
function valueEnd(line: string, column: number): number {
  const from = column - 1;
  if (from >= line.length) return column;
  const q = line[from];
  for (let i = from + 1; (q === '"' || q === "'") && i < line.length; i++) {
    if (q === '"' && line[i] === '\\') i++;
    else if (q === "'" && line[i] === "'" && line[i + 1] === "'") i++;
    else if (line[i] === q) return i + 2;
  }
  // At most VALUE_MAX characters: a line of prose can be long, and it holds many findings.
  const limit = Math.min(line.length, from + VALUE_MAX);
  const comment = line.slice(from, limit).search(/\s#/);
  let end = comment < 0 ? limit : from + comment;
  while (end > from && /\s/.test(line[end - 1]!)) end--;
  return Math.max(column + 1, end + 1);
}

function region(d: Diagnostic, lines: string[] | undefined): Sarif.Region {
  if (d.line === null || d.file === null) {
    // A finding about the whole file (or, on ansokan.yaml, the whole application): all of it.
    if (!lines) return { startLine: 1 };
    const last = lines.length > 1 && lines[lines.length - 1] === '' ? lines.length - 1 : lines.length;
    return { startLine: 1, startColumn: 1, endLine: Math.max(1, last), endColumn: (lines[Math.max(0, last - 1)] ?? '').length + 1 };
  }
  const startColumn = d.column ?? 1;
  const text = lines?.[d.line - 1];
  if (text === undefined) return { startLine: d.line, startColumn, endLine: d.line };
  return { startLine: d.line, startColumn, endLine: d.line, endColumn: valueEnd(text, startColumn) };
}

/** Each file's lines, split once per report (a file with 100,000 findings is not split 100,000 times). */
type LineCache = Map<string, string[] | undefined>;

function result(r: Report, d: Diagnostic, ctx: FormatContext, cache: LineCache): Sarif.Result {
  const file = anchorFile(d);
  const where = pathFromCwd(r, file, ctx.cwd);
  const path = resolve(ctx.cwd, r.path, file);
  if (!cache.has(path)) cache.set(path, linesOf(ctx.source?.(path)));
  const lines = cache.get(path);
  const index = ruleIndex.get(d.rule);
  // Stable across edits that only move lines: the application, the rule, the file and the pointer.
  const fingerprint = createHash('sha256')
    .update(findingKey(r, d, ctx.cwd))
    .digest('hex')
    .slice(0, 32);
  // Without a file of its own the result stands on ansokan.yaml: the message names the folder.
  const text = d.file === null ? `${pathFromCwd(r, null, ctx.cwd)}: ${d.message}` : d.message;
  return {
    ruleId: d.rule,
    ...(index !== undefined ? { ruleIndex: index } : {}),
    level: LEVEL[d.severity],
    message: { text },
    locations: [{ physicalLocation: { artifactLocation: { uri: uriOf(where), uriBaseId: BASE }, region: region(d, lines) } }],
    partialFingerprints: { 'qmDiagnostic/v1': fingerprint },
    ...(d.excepted ? { suppressions: [{ kind: 'external', status: 'accepted', justification: d.excepted.reason }] } : {}),
    properties: {
      application: r.path,
      chapter: d.chapter,
      ...(d.pointer !== null ? { pointer: d.pointer } : {}),
    },
  };
}

function run(ctx: FormatContext, results: Sarif.Result[], invocation: Sarif.Invocation, reports: Report[]): Sarif.Run {
  const cwdUri = pathToFileURL(ctx.cwd).href.replace(/\/?$/, '/');
  return {
    tool: {
      driver: {
        name: 'qm',
        fullName: 'qm – Quality Mark (Svenska Stadskärnor)',
        version: VERSION,
        semanticVersion: VERSION,
        informationUri: HOMEPAGE,
        rules: allRules.map((rule) => ruleDescriptor(rule, ctx.lang)),
      },
    },
    automationDetails: { id: AUTOMATION_ID },
    originalUriBaseIds: { [BASE]: { uri: cwdUri } },
    language: ctx.lang === 'en' ? 'en-GB' : 'sv-SE',
    columnKind: 'utf16CodeUnits',
    invocations: [invocation],
    results,
    properties: {
      applications: reports.map((r) => ({
        path: r.path,
        organisation: r.organisation,
        referenceDate: r.referenceDate,
        ok: r.ok,
        summary: r.summary,
      })),
    },
  };
}

export function toSarif(reports: Report[], ctx: FormatContext): Sarif.Log {
  const cache: LineCache = new Map();
  const results = reports.flatMap((r) => r.diagnostics.map((d) => result(r, d, ctx, cache)));
  return { $schema: SARIF_SCHEMA, version: '2.1.0', runs: [run(ctx, results, { executionSuccessful: true }, reports)] };
}

export function formatSarif(reports: Report[], ctx: FormatContext): string {
  return `${JSON.stringify(toSarif(reports, ctx), null, 2)}\n`;
}

/** The log of a run that could not do its job (exit 2): no results, and why. */
export function sarifFailure(message: string, ctx: FormatContext): string {
  const invocation: Sarif.Invocation = {
    executionSuccessful: false,
    exitCode: 2,
    toolExecutionNotifications: [{ level: 'error', message: { text: message } }],
  };
  const log: Sarif.Log = { $schema: SARIF_SCHEMA, version: '2.1.0', runs: [run(ctx, [], invocation, [])] };
  return `${JSON.stringify(log, null, 2)}\n`;
}
