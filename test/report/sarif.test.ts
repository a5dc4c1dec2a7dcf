import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020Module from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { beforeAll, describe, expect, it } from 'vitest';
import { formatSarif } from '../../src/report/sarif.js';
import { allRules } from '../../src/rules/index.js';
import { VERSION } from '../../src/version.js';
import { ROOT } from '../helpers/app.js';
import { DRAFT, REASON, shared, type Shared } from './fixture.js';

/** The official schema, with the two adjustments fixtures/README.md explains (and no others). */
function officialSchema() {
  const schema = JSON.parse(readFileSync(join(ROOT, 'test/report/fixtures/sarif-schema-2.1.0.json'), 'utf8'));
  const region = schema.definitions.region;
  expect(region.properties.anyOf).toHaveLength(3);
  region.anyOf = region.properties.anyOf;
  delete region.properties.anyOf;
  for (const def of [schema.definitions.run, schema.definitions.toolComponent]) {
    expect(def.properties.language.pattern).toBe('^(?i)[a-zA]{2}(-[a-z]{2})?$');
    def.properties.language.pattern = '^[a-zA-Z]{2}(-[a-zA-Z]{2})?$';
  }
  return schema;
}

// CommonJS modules seen from ESM under NodeNext: the classes are on `default`.
const Ajv2020 = Ajv2020Module.default;
const addFormats = addFormatsModule.default;
const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats(ajv);
const validate = ajv.compile(officialSchema());

interface SarifResult {
  ruleId: string;
  ruleIndex?: number;
  level: string;
  message: { text: string };
  locations: {
    physicalLocation: { artifactLocation: { uri: string; uriBaseId: string }; region?: { startLine: number; startColumn?: number } };
  }[];
  suppressions?: { kind: string; justification: string }[];
}

let s: Shared;
let log: {
  runs: {
    tool: { driver: { name: string; version: string; informationUri: string; rules: Record<string, unknown>[] } };
    results: SarifResult[];
    originalUriBaseIds: Record<string, { uri: string }>;
  }[];
};
beforeAll(async () => {
  s = await shared();
  log = JSON.parse(formatSarif(s.reports, s.ctx()));
});

describe('--format sarif', () => {
  it('validates against the SARIF 2.1.0 schema', () => {
    const ok = validate(log);
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
    expect(log).toMatchObject({ version: '2.1.0' });
  });

  it('the schema is not a rubber stamp: a result without a message fails it', () => {
    const broken = structuredClone(log);
    delete (broken.runs[0]!.results[0] as Partial<SarifResult>).message;
    expect(validate(broken)).toBe(false);
    const badLevel = structuredClone(log);
    badLevel.runs[0]!.results[0]!.level = 'fel';
    expect(validate(badLevel)).toBe(false);
  });

  it('describes qm and every rule in tool.driver', () => {
    const driver = log.runs[0]!.tool.driver;
    expect(driver.name).toBe('qm');
    expect(driver.version).toBe(VERSION);
    expect(driver.informationUri).toMatch(/^https:\/\//);
    expect(driver.rules.map((r) => r.id)).toEqual(allRules.map((r) => r.id));
    const k3 = driver.rules.find((r) => r.id === 'k3/verksam-tre-ar')!;
    expect(k3).toMatchObject({
      shortDescription: { text: expect.any(String) },
      fullDescription: { text: expect.stringContaining('Kapitel 3 Organisation') },
      defaultConfiguration: { level: 'error' },
    });
    expect((k3.help as { text: string }).text).toContain('verksam i minst tre år');
    expect(driver.rules.find((r) => r.id === 'k6/hallbarhetsmal')).toMatchObject({ defaultConfiguration: { level: 'note' } });
    expect(driver.rules.find((r) => r.id === 'k3/andelar-summa')).toMatchObject({ defaultConfiguration: { level: 'warning' } });
  });

  it('has one result per diagnostic, with rule index, level and a location relative to the working directory', () => {
    const results = log.runs[0]!.results;
    const diagnostics = s.reports.flatMap((r) => r.diagnostics);
    expect(results).toHaveLength(diagnostics.length);
    const rules = log.runs[0]!.tool.driver.rules;
    for (const r of results) expect(rules[r.ruleIndex!]!.id).toBe(r.ruleId);
    const encoded = DRAFT.split('/').map(encodeURIComponent).join('/');
    const karta = results.find((r) => r.ruleId === 'k3/karta')!;
    expect(karta.level).toBe('error');
    expect(karta.locations[0]!.physicalLocation).toEqual({
      artifactLocation: { uri: `${encoded}/03-organisation.md`, uriBaseId: '%SRCROOT%' },
      region: { startLine: 2, startColumn: 1 },
    });
    expect(results.find((r) => r.ruleId === 'k3/andelar-summa')!.level).toBe('warning');
    expect(results.find((r) => r.ruleId === 'k6/hallbarhetsmal')!.level).toBe('note');
    // A file without a position: the file, no region.
    expect(results.find((r) => r.ruleId === 'bilaga/oanvand')!.locations[0]!.physicalLocation).toEqual({
      artifactLocation: { uri: `${encoded}/bilagor/logotyp-gammal.png`, uriBaseId: '%SRCROOT%' },
    });
    expect(log.runs[0]!.originalUriBaseIds['%SRCROOT%']!.uri).toMatch(/^file:\/\/.*\/$/);
  });

  it('marks the exception as an external suppression carrying the justification', () => {
    const r = log.runs[0]!.results.find((x) => x.ruleId === 'k3/verksam-tre-ar')!;
    expect(r.level).toBe('error');
    expect(r.suppressions).toEqual([expect.objectContaining({ kind: 'external', justification: REASON })]);
    expect(log.runs[0]!.results.filter((x) => x.suppressions)).toHaveLength(1);
  });

  it('covers both folders in one run, told apart by their paths', () => {
    expect(log.runs).toHaveLength(1);
    const storvik = s.reports[1]!;
    expect(storvik.diagnostics).toEqual([]);
    const uris = new Set(
      log.runs[0]!.results.map((r) => r.locations[0]!.physicalLocation.artifactLocation.uri.split('/').slice(0, 2).join('/')),
    );
    expect([...uris]).toEqual([`kunder/${encodeURIComponent('Älvbacka, 2026: utkast')}`]);
  });

  it('speaks English with --lang en', () => {
    const en = JSON.parse(formatSarif(s.reports, s.ctx({ lang: 'en' })));
    expect(en.runs[0].language).toBe('en-GB');
    expect(en.runs[0].tool.driver.rules[0].shortDescription.text).toBe('No ansokan.yaml in the folder');
  });
});

describe('--format sarif for a folder with a missing chapter', () => {
  it('points a diagnostic about no file at the folder, and still validates', async () => {
    const { copyExample } = await import('../helpers/app.js');
    const { rm } = await import('node:fs/promises');
    const { checkApplication } = await import('../../src/engine/check.js');
    const dir = await copyExample('storvik');
    await rm(join(dir, '05-vision.md'));
    const report = await checkApplication(dir, { date: '2026-11-15' });
    const out = JSON.parse(formatSarif([report], { lang: 'sv', color: false, width: 0, quiet: false, cwd: join(dir, '..') }));
    expect(validate(out)).toBe(true);
    const missing = out.runs[0].results.find((r: SarifResult) => r.ruleId === 'kapitel/saknas') as SarifResult;
    expect(missing.locations[0]!.physicalLocation).toEqual({ artifactLocation: { uri: 'storvik/', uriBaseId: '%SRCROOT%' } });
  });
});
