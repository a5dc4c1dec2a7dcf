/**
 * `--format junit` against its consumers:
 * - Jenkins' xUnit plugin validates against junit-10.xsd (test/consumers/junit-10.xsd, from the
 *   jenkinsci/xunit-plugin repository) and skips a file that fails it: xmllint checks every
 *   report here against that schema, hostile text and the exit-2 report included.
 * - GitLab (lib/gitlab/ci/parsers/test/junit.rb) reads the file with Rails' `Hash.from_xml` and
 *   shows, for a failed, errored or skipped case, `data['failure']` (or error, skipped): with
 *   Rails' rules, an element with non-blank text is that text (its attributes dropped), one
 *   without is a hash (`{"message"=>…}` on the page), and a `type` attribute naming one of Rails'
 *   parsed types (integer, boolean, yaml …) changes or refuses the value. The port below applies
 *   those rules: every shown text carries the message with file:line:column, and an exception
 *   its justification.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { XMLParser } from 'fast-xml-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { formatters, formatterByName } from '../../src/report/index.js';
import type { Report } from '../../src/model/types.js';
import { REASON, shared, type Shared } from '../report/fixture.js';
import { ROOT } from '../helpers/app.js';

const XSD = join(ROOT, 'test', 'consumers', 'junit-10.xsd');

async function xmllint(xml: string): Promise<{ ok: boolean; out: string }> {
  const dir = await mkdtemp(join(tmpdir(), 'qm-xsd-'));
  const file = join(dir, 'r.xml');
  await writeFile(file, xml);
  return promisify(execFile)('xmllint', ['--noout', '--schema', XSD, file]).then(
    (r) => ({ ok: true, out: r.stderr }),
    (e: { stderr: string }) => ({ ok: false, out: e.stderr }),
  );
}

/** Rails' XmlMini::PARSING keys and DISALLOWED_TYPES: a `type` with one of these is not text. */
const RAILS_TYPES = [
  'symbol',
  'date',
  'datetime',
  'dateTime',
  'integer',
  'float',
  'decimal',
  'boolean',
  'string',
  'base64Binary',
  'binary',
  'file',
  'yaml',
];

type El = Record<string, string> & { '#text'?: string };
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  textNodeName: '#text',
  alwaysCreateTextNode: true,
  trimValues: false,
  isArray: (name) => ['testsuite', 'testcase'].includes(name),
});

/** What GitLab shows for a test case: the status and `system_output`, by its parser's rules. */
function gitlabCases(xml: string): { name: string; status: string; shown: unknown }[] {
  const doc = parser.parse(xml) as { testsuites: { testsuite: { testcase?: (Record<string, unknown> & { name: string })[] }[] } };
  const out: { name: string; status: string; shown: unknown }[] = [];
  for (const suite of doc.testsuites.testsuite)
    for (const tc of suite.testcase ?? []) {
      const tag = (['failure', 'error', 'skipped'] as const).find((k) => k in tc);
      if (!tag) {
        out.push({ name: tc.name, status: 'success', shown: null });
        continue;
      }
      const el = tc[tag] as El;
      if (el.type !== undefined && RAILS_TYPES.includes(el.type)) throw new Error(`type="${el.type}" is parsed by Rails`);
      const text = el['#text'] ?? '';
      // become_content?: non-blank text → the text; otherwise the attributes, as a hash.
      const { '#text': _, ...attrs } = el;
      out.push({ name: tc.name, status: tag, shown: text.trim() !== '' ? text : attrs });
    }
  return out;
}

let s: Shared;
beforeAll(async () => {
  s = await shared();
});

describe('junit, as Jenkins and GitLab read it', () => {
  it('is valid against junit-10.xsd: the shared reports, --strict, English, and the schema is not a rubber stamp', async () => {
    for (const ctx of [s.ctx(), s.ctx({ strict: true }), s.ctx({ lang: 'en' })]) {
      const res = await xmllint(formatters.junit(s.reports, ctx));
      expect(res.out).toContain('validates');
      expect(res.ok).toBe(true);
    }
    // What qm wrote before: file and line on <testcase>, skipped on <testsuites>. The schema refuses it.
    const old = formatters.junit(s.reports, s.ctx()).replace('<testcase ', '<testcase file="a.md" line="2" ');
    expect((await xmllint(old)).ok).toBe(false);
    const skipped = formatters.junit(s.reports, s.ctx()).replace('<testsuites ', '<testsuites skipped="0" ');
    expect((await xmllint(skipped)).ok).toBe(false);
  });

  it('is valid with hostile text (control characters, ]]>, quotes, a forged command) and for the exit-2 report', async () => {
    const r: Report = structuredClone(s.reports[0]!);
    r.organisation = '::error file=x::"<Förening> & ]]>\u0007';
    r.diagnostics = r.diagnostics.map((d) => ({ ...d, message: `${d.message} ]]> <&> "'\u0001 ::stop-commands::x` }));
    expect((await xmllint(formatters.junit([r], s.ctx()))).ok).toBe(true);
    const failure = formatterByName('junit')!.failure!('Mappen ”::error::x <&>” finns inte.', s.ctx());
    expect((await xmllint(failure)).ok).toBe(true);
    expect(gitlabCases(failure)).toEqual([
      { name: 'qm kunde inte kontrollera', status: 'error', shown: 'Mappen ”::error::x <&>” finns inte.' },
    ]);
  });

  it('GitLab shows, for every failure, error and skip, text (never a hash) with the message and where it is', () => {
    for (const ctx of [s.ctx(), s.ctx({ strict: true })]) {
      const cases = gitlabCases(formatters.junit(s.reports, ctx));
      const shown = cases.filter((c) => c.status !== 'success');
      expect(shown.length).toBeGreaterThan(20);
      for (const c of shown) expect(typeof c.shown, `${c.name}: ${JSON.stringify(c.shown)}`).toBe('string');
      for (const d of s.reports[0]!.diagnostics.filter((x) => x.severity === 'error' && !x.excepted)) {
        const c = shown.find((x) => x.name === d.rule && (x.shown as string).includes(d.message));
        expect(c, d.rule).toBeDefined();
        if (d.line !== null) expect(c!.shown as string).toContain(`${d.file}:${d.line}:${d.column}`);
      }
    }
  });

  it('GitLab shows the exception’s justification (the body of <skipped>), Jenkins its message', () => {
    const xml = formatters.junit(s.reports, s.ctx());
    const excepted = gitlabCases(xml).find((c) => c.name === 'k3/verksam-tre-ar')!;
    expect(excepted.status).toBe('skipped');
    expect(excepted.shown).toContain(REASON);
    const doc = parser.parse(xml) as { testsuites: { testsuite: { testcase: (Record<string, El> & { name: string })[] }[] } };
    const tc = doc.testsuites.testsuite[0]!.testcase.find((c) => c.name === 'k3/verksam-tre-ar')!;
    expect(tc.skipped!.message).toBe(REASON.replace(/\n/g, ' '));
  });
});
