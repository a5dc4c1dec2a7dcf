/**
 * `--format sarif`: SARIF 2.1.0 for GitHub code scanning and other SARIF viewers. One run covers
 * every folder (GitHub refuses several runs of one tool in one upload); each result's URI is the
 * file relative to the working directory (`%SRCROOT%`), so the folders stay apart. An exception
 * (`undantag`) is a result with an external suppression carrying the justification.
 */
import { createHash } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import type { Diagnostic, Lang, Report, Severity } from '../model/types.js';
import { allRules } from '../rules/index.js';
import type { RuleDef } from '../rules/define.js';
import { seedQuote } from '../rules/seed.js';
import { CHAPTER_TITLES } from '../i18n/index.js';
import { HOMEPAGE, VERSION } from '../version.js';
import type { FormatContext } from './index.js';
import { pathFromCwd } from './paths.js';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
const BASE = '%SRCROOT%';

type Level = 'error' | 'warning' | 'note';
const LEVEL: Record<Severity, Level> = { error: 'error', warning: 'warning', info: 'note' };
const PROBLEM: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'recommendation' };

const ruleIndex = new Map(allRules.map((r, i) => [r.id, i]));

function plain(s: string): string {
  return s.replace(/`/g, '');
}

function ruleDescriptor(rule: RuleDef, lang: Lang) {
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
    shortDescription: { text: title },
    fullDescription: { text: `${where}${title}. ${fix}` },
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

function result(r: Report, d: Diagnostic, ctx: FormatContext) {
  const where = pathFromCwd(r, d.file, ctx.cwd);
  // A diagnostic about no particular file (a missing chapter) points at the folder: GitHub
  // requires every result to have a location.
  const uri = d.file === null ? `${uriOf(where)}/` : uriOf(where);
  const region = d.line !== null ? { region: { startLine: d.line, ...(d.column !== null ? { startColumn: d.column } : {}) } } : {};
  const index = ruleIndex.get(d.rule);
  // Stable across edits that only move lines: the application, the rule, the file and the pointer.
  const fingerprint = createHash('sha256')
    .update([pathFromCwd(r, null, ctx.cwd), d.rule, d.file ?? '', d.pointer ?? '', d.pointer === null ? d.message : ''].join('\0'))
    .digest('hex')
    .slice(0, 32);
  return {
    ruleId: d.rule,
    ...(index !== undefined ? { ruleIndex: index } : {}),
    level: LEVEL[d.severity],
    message: { text: d.message },
    locations: [{ physicalLocation: { artifactLocation: { uri, uriBaseId: BASE }, ...region } }],
    partialFingerprints: { 'qmDiagnostic/v1': fingerprint },
    ...(d.excepted ? { suppressions: [{ kind: 'external', status: 'accepted', justification: d.excepted.reason }] } : {}),
    properties: {
      application: r.path,
      chapter: d.chapter,
      ...(d.pointer !== null ? { pointer: d.pointer } : {}),
    },
  };
}

export function toSarif(reports: Report[], ctx: FormatContext): object {
  const cwdUri = pathToFileURL(ctx.cwd).href.replace(/\/?$/, '/');
  return {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
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
        originalUriBaseIds: { [BASE]: { uri: cwdUri } },
        language: ctx.lang === 'en' ? 'en-GB' : 'sv-SE',
        columnKind: 'utf16CodeUnits',
        invocations: [{ executionSuccessful: true }],
        results: reports.flatMap((r) => r.diagnostics.map((d) => result(r, d, ctx))),
        properties: {
          applications: reports.map((r) => ({
            path: r.path,
            organisation: r.organisation,
            referenceDate: r.referenceDate,
            ok: r.ok,
            summary: r.summary,
          })),
        },
      },
    ],
  };
}

export function formatSarif(reports: Report[], ctx: FormatContext): string {
  return `${JSON.stringify(toSarif(reports, ctx), null, 2)}\n`;
}
