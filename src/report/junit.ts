/**
 * `--format junit`: the common JUnit XML that GitLab, Jenkins and Azure DevOps read.
 *
 *   <testsuites>                   every folder of the run
 *     <testsuite>                  one application
 *       <testcase classname="kunder/storvik.Kapitel 3 Organisation" name="k3/verksam-tre-ar">
 *
 * One test case per rule and chapter: each of the chapter's own rules that applies (so the
 * counts agree with passed/total), plus every other rule (text/*, schema/*, bilaga/*, …) where
 * it reports something. An error is a <failure>; an excepted error is <skipped> with its
 * justification, and so is a rule that a placeholder keeps from being checked (text/platshallare
 * fails for it, so that failures agree with the report's errors); a chapter that could not be read
 * makes its rules <error> (not checked).
 * Warnings and infos are printed in <system-out> and fail only under --strict. The classname is
 * `folder.chapter`, which Jenkins shows as package and class. Times are 0: the report must be the
 * same for the same folder.
 *
 * What the consumers read (their schema and source):
 * - Jenkins' xUnit plugin validates against `junit-10.xsd` and skips a file with any attribute
 *   outside it: no `file` or `line` on <testcase>, no `skipped` on <testsuites>.
 * - GitLab (lib/gitlab/ci/parsers/test/junit.rb) reads the file with Rails' `Hash.from_xml` and
 *   shows an outcome element's *text*: an element with a non-blank text becomes that text, its
 *   attributes dropped; one without text becomes a Ruby hash (`{"message"=>…}`) on the page. So
 *   every <failure>, <error> and <skipped> has a text body that repeats its message with
 *   `file:line:column`, and a <skipped> for an exception holds the justification. Its `type` is
 *   never one of the type names Rails parses (`integer`, `boolean`, `yaml` …): it is a rule id.
 * - Jenkins' JUnit plugin shows the `message` attribute as the error message (a skip message for
 *   <skipped>) and the body as the stack trace, so both carry `file:line:column`.
 */
import type { ChapterSummary, Diagnostic, Lang, Report } from '../model/types.js';
import { ruleById } from '../rules/index.js';
import { ui } from '../i18n/index.js';
import type { FormatContext } from './types.js';
import { appName, oneLine, pathFromCwd } from './paths.js';

// Characters XML 1.0 does not allow at all, and lone surrogates.
const INVALID = /[\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

function text(s: string): string {
  return s.replace(INVALID, '\uFFFD').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function attr(s: string | number): string {
  return text(String(s)).replace(/"/g, '&quot;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;').replace(/\t/g, '&#9;');
}

interface Case {
  classname: string;
  name: string;
  outcome?: { tag: 'failure' | 'error' | 'skipped'; message: string; type?: string; body: string };
  out?: string;
}

function where(r: Report, d: Diagnostic, cwd: string): string {
  const p = d.file === null ? pathFromCwd(r, null, cwd) : pathFromCwd(r, d.file, cwd);
  return d.line === null ? p : `${p}:${d.line}:${d.column ?? 1}`;
}

function describe(r: Report, ds: Diagnostic[], cwd: string, lang: Lang): string {
  const t = ui[lang];
  return ds.map((d) => `${where(r, d, cwd)}  ${d.excepted ? t.exception : t.severity[d.severity]}  ${d.message}  ${d.rule}`).join('\n');
}

function testCase(
  r: Report,
  classname: string,
  rule: string,
  ds: Diagnostic[],
  chapter: ChapterSummary | undefined,
  strict: boolean,
  ctx: FormatContext,
): Case {
  const t = ui[ctx.lang];
  const c: Case = { classname, name: rule };
  const errors = ds.filter((d) => d.severity === 'error' && !d.excepted);
  const warnings = ds.filter((d) => d.severity === 'warning' && !d.excepted);
  const excepted = ds.filter((d) => d.excepted);
  const failing = errors.length ? errors : strict ? warnings : [];
  if (failing.length) {
    const head = failing[0]!;
    const more = failing.length > 1 ? ` (+${failing.length - 1})` : '';
    c.outcome = {
      tag: 'failure',
      type: rule,
      message: `${where(r, head, ctx.cwd)}: ${head.message}${more}`,
      body: describe(r, failing, ctx.cwd, ctx.lang),
    };
  } else if (excepted.length) {
    // Jenkins shows the message, GitLab the body: both hold the justification.
    const reason = oneLine(excepted[0]!.excepted!.reason);
    c.outcome = {
      tag: 'skipped',
      type: rule,
      message: reason,
      body: `${t.exception} – ${t.ci.justification}: ${excepted[0]!.excepted!.reason.trim()}\n${describe(r, excepted, ctx.cwd, ctx.lang)}`,
    };
  } else if (ds.length === 0 && chapter && chapter.rules.some((x) => x.id === rule && !x.met)) {
    // Not met without a diagnostic of its own: the chapter could not be read, or a placeholder
    // stands where the rule would have looked.
    const file = chapter.file === null ? pathFromCwd(r, null, ctx.cwd) : pathFromCwd(r, chapter.file, ctx.cwd);
    const unreadable = r.diagnostics.find((d) => d.chapter === chapter.number && /^(kapitel|fil)\//.test(d.rule));
    if (unreadable) {
      const message = `${where(r, unreadable, ctx.cwd)}: ${t.ci.notChecked(unreadable.rule)}`;
      c.outcome = { tag: 'error', type: unreadable.rule, message, body: `${message}\n${describe(r, [unreadable], ctx.cwd, ctx.lang)}` };
    }
    // Skipped, not failed: text/platshallare fails for it, and failures match the report's errors.
    else if (ruleById.get(rule)?.severity === 'error')
      c.outcome = { tag: 'skipped', type: rule, message: t.ci.notMet, body: `${file}: ${t.ci.notMet}` };
  }
  const rest = ds.filter((d) => !failing.includes(d) && !d.excepted);
  if (rest.length) c.out = describe(r, rest, ctx.cwd, ctx.lang);
  return c;
}

function suite(
  r: Report,
  strict: boolean,
  ctx: FormatContext,
): { xml: string; tests: number; failures: number; errors: number; skipped: number } {
  const t = ui[ctx.lang];
  // Jenkins splits the classname at its last dot into package and class.
  const prefix = appName(r, ctx.cwd).replace(/\./g, '_');
  const cases: Case[] = [];
  const byRule = (ds: Diagnostic[]) => {
    const m = new Map<string, Diagnostic[]>();
    // push, not a copy per diagnostic: 27,000 of one rule took seconds.
    for (const d of ds) {
      const list = m.get(d.rule);
      if (list) list.push(d);
      else m.set(d.rule, [d]);
    }
    return m;
  };
  const general = byRule(r.diagnostics.filter((d) => d.chapter === null));
  for (const [rule, ds] of general) cases.push(testCase(r, `${prefix}.${t.ci.application}`, rule, ds, undefined, strict, ctx));
  for (const ch of r.chapters) {
    const classname = `${prefix}.${t.ci.chapter} ${ch.number} ${ch.title}`;
    const mine = byRule(r.diagnostics.filter((d) => d.chapter === ch.number));
    const ids = [...ch.rules.map((x) => x.id), ...[...mine.keys()].filter((id) => !ch.rules.some((x) => x.id === id))];
    for (const id of ids) cases.push(testCase(r, classname, id, mine.get(id) ?? [], ch, strict, ctx));
  }
  const count = (tag: string) => cases.filter((c) => c.outcome?.tag === tag).length;
  const tests = cases.length;
  const failures = count('failure');
  const errors = count('error');
  const skipped = count('skipped');
  const where = pathFromCwd(r, null, ctx.cwd);
  const name = r.organisation ? `${r.organisation} (${where})` : where;
  const lines = [
    `  <testsuite name="${attr(name)}" tests="${tests}" failures="${failures}" errors="${errors}" skipped="${skipped}" time="0">`,
  ];
  lines.push('    <properties>');
  const props: [string, string | number][] = [
    ['path', where],
    ['organisation', r.organisation ?? ''],
    ['referenceDate', r.referenceDate],
    ['referenceDateSource', r.referenceDateSource],
    ['completeness', r.summary.completeness],
  ];
  for (const [k, v] of props) lines.push(`      <property name="${k}" value="${attr(v)}"/>`);
  lines.push('    </properties>');
  for (const c of cases) {
    const attrs = `classname="${attr(c.classname)}" name="${attr(c.name)}" time="0"`;
    const inner: string[] = [];
    if (c.outcome) {
      const o = c.outcome;
      inner.push(`      <${o.tag} message="${attr(o.message)}"${o.type ? ` type="${attr(o.type)}"` : ''}>${text(o.body)}</${o.tag}>`);
    }
    if (c.out) inner.push(`      <system-out>${text(c.out)}</system-out>`);
    lines.push(inner.length ? `    <testcase ${attrs}>\n${inner.join('\n')}\n    </testcase>` : `    <testcase ${attrs}/>`);
  }
  lines.push('  </testsuite>');
  return { xml: lines.join('\n'), tests, failures, errors, skipped };
}

export function formatJunit(reports: Report[], ctx: FormatContext): string {
  // --strict, or a folder whose qm.config.yaml says `strikt: true` (it failed on warnings alone).
  const suites = reports.map((r) => suite(r, Boolean(ctx.strict) || (!r.ok && r.summary.errors === 0), ctx));
  const sum = (k: 'tests' | 'failures' | 'errors' | 'skipped') => suites.reduce((s, x) => s + x[k], 0);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    // junit-10.xsd: `skipped` is an attribute of <testsuite> only.
    `<testsuites name="qm check" tests="${sum('tests')}" failures="${sum('failures')}" errors="${sum('errors')}" time="0">`,
    ...suites.map((s) => s.xml),
    '</testsuites>',
    '',
  ].join('\n');
}

/** The report of a run that could not do its job (exit 2): one test case in error, saying why. */
export function junitFailure(message: string, ctx: FormatContext): string {
  const name = ctx.lang === 'en' ? 'qm could not check' : 'qm kunde inte kontrollera';
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<testsuites name="qm check" tests="1" failures="0" errors="1" time="0">',
    `  <testsuite name="qm check" tests="1" failures="0" errors="1" skipped="0" time="0">`,
    `    <testcase classname="qm.check" name="${attr(name)}" time="0">`,
    `      <error message="${attr(message)}" type="qm/exit-2">${text(message)}</error>`,
    '    </testcase>',
    '  </testsuite>',
    '</testsuites>',
    '',
  ].join('\n');
}
