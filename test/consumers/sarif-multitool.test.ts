/**
 * `--format sarif` through the SARIF multitool (Microsoft's validator, the npm package
 * @microsoft/sarif-multitool), with its SARIF rules and its GitHub code-scanning rules: no error
 * and no warning, for a draft full of findings, a folder with a missing chapter (a whole-file
 * result), the report of a run that could not do its job, and hostile text. Its notes (rule ids
 * with `/`, no code snippets, URIs it cannot reach offline) are advice, not faults.
 */
import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { formatterByName } from '../../src/report/index.js';
import type { FormatContext } from '../../src/report/types.js';
import type { Report } from '../../src/model/types.js';
import { checkApplication } from '../../src/engine/index.js';
import { copyExample, REF, ROOT } from '../helpers/app.js';
import { shared, type Shared } from '../report/fixture.js';

const MULTITOOL = join(ROOT, 'node_modules', '@microsoft', 'sarif-multitool-linux', 'Sarif.Multitool');
// Every rule except SARIF2006 (URIs reachable over HTTP: this machine is offline; a note at most).
const CONFIG = join(ROOT, 'test', 'consumers', 'multitool.config.xml');

interface Finding {
  ruleId: string;
  level: string;
  text: string;
}

/** `Sarif.Multitool validate`, its own SARIF log read back: every finding with its level. */
async function multitool(sarif: string): Promise<Finding[]> {
  const dir = await mkdtemp(join(tmpdir(), 'qm-multitool-'));
  await writeFile(join(dir, 'qm.sarif'), sarif);
  await promisify(execFile)(
    MULTITOOL,
    [
      'validate',
      join(dir, 'qm.sarif'),
      '-o',
      join(dir, 'out.sarif'),
      '--log',
      'ForceOverwrite',
      '--level',
      'Error;Warning;Note',
      '--rule-kind',
      'Sarif;Ghas',
      '-c',
      CONFIG,
    ],
    { env: { ...process.env, DOTNET_CLI_TELEMETRY_OPTOUT: '1' } },
  );
  const log = JSON.parse(await readFile(join(dir, 'out.sarif'), 'utf8'));
  await rm(dir, { recursive: true, force: true });
  return (log.runs[0].results ?? []).map(
    (r: { ruleId: string; level?: string; message: { text?: string; id?: string; arguments?: string[] } }) => ({
      ruleId: r.ruleId,
      level: r.level ?? 'warning',
      text: r.message.text ?? `${r.message.id} ${(r.message.arguments ?? []).join(' | ')}`,
    }),
  );
}

const faults = (f: Finding[]) => f.filter((x) => x.level === 'error' || x.level === 'warning');
const available = existsSync(MULTITOOL) && process.platform === 'linux';

let s: Shared;
let missing: { report: Report; ctx: FormatContext };
beforeAll(async () => {
  s = await shared();
  const dir = await copyExample('storvik');
  await rm(join(dir, '05-vision.md'));
  await writeFile(join(dir, 'bilagor', 'oanvand.pdf'), '%PDF-1.4\n%%EOF\n');
  const source = (f: string) => (existsSync(f) ? readFileSync(f, 'utf8') : undefined);
  missing = {
    report: await checkApplication(dir, { date: REF }),
    ctx: { lang: 'en', color: false, width: 0, quiet: false, cwd: join(dir, '..'), source },
  };
});

describe.skipIf(!available)('sarif, as the SARIF multitool validates it', () => {
  it('the multitool is not a rubber stamp: SARIF as qm wrote it before (no region) draws SARIF2017', async () => {
    const log = JSON.parse(formatterByName('sarif')!.format([missing.report], missing.ctx));
    for (const r of log.runs[0].results) delete r.locations[0].physicalLocation.region;
    const found = await multitool(JSON.stringify(log));
    expect(faults(found).map((f) => f.ruleId)).toContain('SARIF2017');
  }, 60_000);

  it('no error and no warning for the draft (every kind of finding, an exception) and the complete example', async () => {
    const found = await multitool(formatterByName('sarif')!.format(s.reports, s.ctx()));
    expect(faults(found)).toEqual([]);
    // Rule metadata is complete: no SARIF2012 (friendly name, help URI).
    expect(found.filter((f) => f.ruleId === 'SARIF2012')).toEqual([]);
  }, 60_000);

  it('no error and no warning for whole-file results (a missing chapter, an unused attachment), read with the files', async () => {
    const sarif = formatterByName('sarif')!.format([missing.report], missing.ctx);
    const results = JSON.parse(sarif).runs[0].results as {
      ruleId: string;
      locations: { physicalLocation: { artifactLocation: { uri: string }; region: object } }[];
    }[];
    const chapter = results.find((r) => r.ruleId === 'kapitel/saknas')!;
    expect(chapter.locations[0]!.physicalLocation.artifactLocation.uri).toBe('storvik/ansokan.yaml');
    const lines = (await readFile(join(missing.ctx.cwd, 'storvik', 'ansokan.yaml'), 'utf8')).trimEnd().split('\n');
    expect(chapter.locations[0]!.physicalLocation.region).toEqual({
      startLine: 1,
      startColumn: 1,
      endLine: lines.length,
      endColumn: lines[lines.length - 1]!.length + 1,
    });
    expect(faults(await multitool(sarif))).toEqual([]);
  }, 60_000);

  it('no error and no warning for the log of a run that could not do its job, and for hostile text', async () => {
    const failure = formatterByName('sarif')!.failure!('Mappen ”kunder/x” finns inte.', s.ctx());
    const log = JSON.parse(failure);
    expect(log.runs[0].invocations[0]).toMatchObject({
      executionSuccessful: false,
      toolExecutionNotifications: [{ level: 'error', message: { text: 'Mappen ”kunder/x” finns inte.' } }],
    });
    expect(faults(await multitool(failure))).toEqual([]);
    const r: Report = structuredClone(s.reports[0]!);
    r.organisation = '::error::x ##[add-mask]y';
    r.diagnostics = r.diagnostics.map((d) => ({ ...d, message: `${d.message} ##vso[task.complete]x \u0000\u001b ]` }));
    expect(faults(await multitool(formatterByName('sarif')!.format([r], s.ctx())))).toEqual([]);
  }, 60_000);
});
