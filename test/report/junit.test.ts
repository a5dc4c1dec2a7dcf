import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { checkApplication } from '../../src/engine/check.js';
import { formatJunit } from '../../src/report/junit.js';
import { copyExample, REF } from '../helpers/app.js';
import { DRAFT, REASON, shared, type Shared } from './fixture.js';

interface Outcome {
  '@_message': string;
  '@_type'?: string;
  '#text'?: string;
}
interface TestCase {
  '@_classname': string;
  '@_name': string;
  '@_file'?: string;
  '@_line'?: string;
  failure?: Outcome;
  error?: Outcome;
  skipped?: Outcome;
  'system-out'?: string;
}
interface Suite {
  '@_name': string;
  '@_tests': string;
  '@_failures': string;
  '@_errors': string;
  '@_skipped': string;
  '@_time': string;
  testcase: TestCase[];
}

const parser = new XMLParser({
  ignoreAttributes: false,
  htmlEntities: true,
  attributeNamePrefix: '@_',
  isArray: (name) => ['testsuite', 'testcase', 'property'].includes(name),
});

function parse(xml: string): { testsuites: Record<string, string> & { testsuite: Suite[] } } {
  expect(XMLValidator.validate(xml)).toBe(true);
  return parser.parse(xml);
}

let s: Shared;
let doc: ReturnType<typeof parse>;
beforeAll(async () => {
  s = await shared();
  doc = parse(formatJunit(s.reports, s.ctx()));
});

const kind = (c: TestCase) => (c.failure ? 'failure' : c.error ? 'error' : c.skipped ? 'skipped' : 'pass');

describe('--format junit', () => {
  it('is well-formed XML with one testsuite per application and consistent counts', () => {
    const suites = doc.testsuites.testsuite;
    expect(suites.map((x) => x['@_name'])).toEqual([`Handelsföreningen Älvbacka (${DRAFT})`, 'Centrumsamverkan Storvik (kunder/storvik)']);
    let total = 0;
    let failures = 0;
    for (const suite of suites) {
      const cases = suite.testcase;
      expect(Number(suite['@_tests'])).toBe(cases.length);
      expect(Number(suite['@_failures'])).toBe(cases.filter((c) => c.failure).length);
      expect(Number(suite['@_errors'])).toBe(cases.filter((c) => c.error).length);
      expect(Number(suite['@_skipped'])).toBe(cases.filter((c) => c.skipped).length);
      expect(suite['@_time']).toBe('0');
      total += cases.length;
      failures += cases.filter((c) => c.failure).length;
    }
    expect(Number(doc.testsuites['@_tests'])).toBe(total);
    expect(Number(doc.testsuites['@_failures'])).toBe(failures);
  });

  it('has a test case for each applicable rule of each chapter, grouped by chapter, so passed/total agree', () => {
    for (const [i, report] of s.reports.entries()) {
      const cases = doc.testsuites.testsuite[i]!.testcase;
      for (const ch of report.chapters) {
        const mine = cases.filter((c) => c['@_classname'].endsWith(`.Kapitel ${ch.number} ${ch.title}`));
        const own = mine.filter((c) => c['@_name'].startsWith(`k${ch.number}/`));
        expect(own.map((c) => c['@_name']).sort(), `kapitel ${ch.number}`).toEqual(
          ch.rules
            .map((r) => r.id)
            .filter((id) => id.startsWith(`k${ch.number}/`))
            .sort(),
        );
        // The folder's own rules that report in the chapter count in its total, as test cases too.
        expect(mine.map((c) => c['@_name']).sort(), `kapitel ${ch.number}`).toEqual(expect.arrayContaining(ch.rules.map((r) => r.id)));
        expect(own.filter((c) => kind(c) === 'pass' || (!c.failure && !c.error && !c.skipped)).length).toBeGreaterThanOrEqual(
          ch.rules.filter((r) => r.met).length,
        );
      }
    }
    const storvik = doc.testsuites.testsuite[1]!;
    expect(storvik['@_failures']).toBe('0');
    expect(storvik.testcase.every((c) => kind(c) === 'pass')).toBe(true);
    expect(storvik.testcase).toHaveLength(s.reports[1]!.chapters.reduce((n, c) => n + c.total, 0));
  });

  it('fails each error with its message, file and line; the classname is folder.chapter', () => {
    const cases = doc.testsuites.testsuite[0]!.testcase;
    const karta = cases.find((c) => c['@_name'] === 'k3/karta')!;
    expect(karta['@_classname']).toBe(`${DRAFT.replace(/\./g, '_')}.Kapitel 3 Organisation`);
    expect(karta['@_file']).toBe(`${DRAFT}/03-organisation.md`);
    expect(karta['@_line']).toBe('2');
    expect(karta.failure!['@_type']).toBe('error');
    expect(karta.failure!['@_message']).toContain('Kartan saknas');
    expect(karta.failure!['#text']).toContain(`${DRAFT}/03-organisation.md:2:1`);
    // Every error diagnostic is inside some failure.
    const failed = new Set(cases.filter((c) => c.failure).map((c) => `${c['@_classname']}|${c['@_name']}`));
    for (const d of s.reports[0]!.diagnostics.filter((x) => x.severity === 'error' && !x.excepted)) {
      expect(
        [...failed].some((k) => k.endsWith(`|${d.rule}`)),
        d.rule,
      ).toBe(true);
    }
    // A requirement behind a placeholder is not checked (skipped, not met); text/platshallare fails
    // for it, so the failures are exactly the report's error rules.
    const affarside = cases.find((c) => c['@_name'] === 'k5/affarside')!;
    expect(affarside.failure).toBeUndefined();
    expect(affarside.skipped!['@_message']).toContain('platshållare');
    const errorRules = new Set(
      s.reports[0]!.diagnostics.filter((x) => x.severity === 'error' && !x.excepted).map((x) => `${x.chapter}|${x.rule}`),
    );
    expect(cases.filter((c) => c.failure).length).toBe(errorRules.size);
  });

  it('skips the excepted requirement with the justification, and prints warnings without failing', () => {
    const cases = doc.testsuites.testsuite[0]!.testcase;
    const excepted = cases.find((c) => c['@_name'] === 'k3/verksam-tre-ar')!;
    expect(excepted.failure).toBeUndefined();
    expect(excepted.skipped!['@_message']).toBe(REASON);
    const warning = cases.find((c) => c['@_name'] === 'k3/andelar-summa')!;
    expect(kind(warning)).toBe('pass');
    expect(warning['system-out']).toContain('90 %');
  });

  it('fails warnings too under --strict', () => {
    const strict = parse(formatJunit(s.reports, s.ctx({ strict: true })));
    const warning = strict.testsuites.testsuite[0]!.testcase.find((c) => c['@_name'] === 'k3/andelar-summa')!;
    expect(warning.failure!['@_type']).toBe('warning');
  });

  it('reports the rules of an unreadable chapter as errors (not checked), not as passes', async () => {
    const dir = await copyExample('storvik');
    await writeFile(join(dir, '05-vision.md'), '---\nvision: [Ett levande centrum\n---\nText.\n');
    await rm(join(dir, 'bilagor', 'vision-och-affarside-2026-2029.pdf'));
    const report = await checkApplication(dir, { date: REF });
    const out = parse(formatJunit([report], { lang: 'en', color: false, width: 0, quiet: false, cwd: join(dir, '..') }));
    const suite = out.testsuites.testsuite[0]!;
    const k5 = suite.testcase.filter((c) => c['@_name'].startsWith('k5/'));
    // The chapter's total: its own rules, and fil/syntax, which reports in it.
    expect(k5.length).toBe(report.chapters[4]!.total - 1);
    expect(report.chapters[4]!.rules.map((r) => r.id)).toContain('fil/syntax');
    expect(k5.every((c) => c.error?.['@_message'].includes('fil/syntax'))).toBe(true);
    expect(Number(suite['@_errors'])).toBe(k5.length);
    expect(suite.testcase.find((c) => c['@_name'] === 'fil/syntax')!.failure).toBeDefined();
  });
});
