/**
 * `qm lsp` over standard input/output, driven by a protocol client: the diagnostics are exactly
 * those of `qm check` (rule ids, severities, positions, messages), for every file of the folder,
 * on the editor's unsaved text, updated across files, and the server survives what editors send.
 */
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { check, copyExample, read, REF, replace, tempDir, write } from '../helpers/app.js';
import type { Diagnostic, Report } from '../../src/model/types.js';
import { Client } from './client.js';

const clients: Client[] = [];
afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.shutdown()));
});

function start(args: string[] = ['--date', REF], env: NodeJS.ProcessEnv = {}): Client {
  const c = new Client(args, env);
  clients.push(c);
  return c;
}

const uriOf = (dir: string, file: string) => pathToFileURL(join(dir, file)).href;
const SEVERITY = { error: 1, warning: 2, info: 3 } as const;

/** Every diagnostic of the report is published, on its file (folder-level ones on ansokan.yaml), and nothing else. */
function expectSameAsCheck(c: Client, dir: string, report: Report): void {
  const expected = new Map<string, Diagnostic[]>();
  for (const d of report.diagnostics) {
    const own = d.file !== null && !d.file.includes('/');
    const uri = uriOf(dir, own ? d.file! : 'ansokan.yaml');
    expected.set(uri, [...(expected.get(uri) ?? []), d]);
  }
  const uris = new Set([...expected.keys(), ...[...c.diagnostics.keys()].filter((u) => u.startsWith(pathToFileURL(dir).href))]);
  for (const uri of uris) {
    const want = (expected.get(uri) ?? []).map((d) => {
      const own = d.file !== null && !d.file.includes('/');
      return {
        code: d.rule,
        severity: d.excepted ? 3 : SEVERITY[d.severity],
        line: own && d.line !== null ? d.line - 1 : 0,
        character: own && d.column !== null ? d.column - 1 : 0,
        message: d.message,
      };
    });
    const got = c.latest(uri).map((d) => ({
      code: d.code,
      severity: d.severity,
      line: d.range.start.line,
      character: d.range.start.character,
      message: String(d.message).split('\n')[0],
    }));
    const key = (x: { code?: unknown; line: number; character: number }) => `${String(x.code)}:${x.line}:${x.character}`;
    expect(
      got.sort((a, b) => key(a).localeCompare(key(b))),
      uri,
    ).toEqual(want.sort((a, b) => key(a).localeCompare(key(b))));
  }
}

/** A copy of storvik with findings in several chapters and on the folder. */
async function brokenStorvik(): Promise<string> {
  const dir = await copyExample('storvik');
  await replace(dir, '03-organisation.md', 'bildad: 2016-03-01', 'bildad: 2024-05-01');
  await replace(dir, '08-uppfoljning.md', /^ {4}målgrupp: företag$/m, '    malgrupp: företag');
  await replace(dir, '04-finansiering.md', /^budgetbeslut:/m, 'budgetbeslutt:');
  await write(dir, 'bilagor/oanvand.pdf', await readFile(join(dir, 'bilagor', 'organisationsmatris.pdf')));
  return dir;
}

describe('qm lsp: diagnostics', () => {
  it('publishes exactly what qm check reports, for every file of the folder, with ranges to the end of the token', async () => {
    const dir = await brokenStorvik();
    const report = await check(dir);
    expect(report.diagnostics.map((d) => d.rule)).toEqual(
      expect.arrayContaining(['k3/verksam-tre-ar', 'schema/ascii-nyckel', 'schema/okant-falt', 'bilaga/oanvand']),
    );
    const c = start();
    await c.initialize();
    const u3 = c.open(join(dir, '03-organisation.md'));
    await c.settled(u3);
    expectSameAsCheck(c, dir, report);

    // Ranges: the value `2024-05-01`, the key `malgrupp`, the unknown key; links to the rule's documentation.
    const k3 = c.latest(u3).find((d) => d.code === 'k3/verksam-tre-ar')!;
    const line = c.text(u3).split('\n')[k3.range.start.line]!;
    expect(line.slice(k3.range.start.character, k3.range.end.character)).toBe('2024-05-01');
    expect(k3.source).toBe('qm');
    expect(k3.codeDescription?.href).toMatch(/docs\/regler\.md#kapitel-3-organisation$/);
    expect(k3.message).toMatch(/2024-05-01/);
    const u8 = uriOf(dir, '08-uppfoljning.md');
    const ascii = c.latest(u8).find((d) => d.code === 'schema/ascii-nyckel')!;
    expect(ascii.severity).toBe(3);
    expect(ascii.range.end.character - ascii.range.start.character).toBe('malgrupp'.length);
    const unknown = c.latest(uriOf(dir, '04-finansiering.md')).find((d) => d.code === 'schema/okant-falt')!;
    expect(unknown.range.end.character - unknown.range.start.character).toBe('budgetbeslutt'.length);
    // Folder-level: the unreferenced attachment is said on ansokan.yaml.
    const meta = c.latest(uriOf(dir, 'ansokan.yaml'));
    expect(meta.find((d) => d.code === 'bilaga/oanvand')?.message).toMatch(/oanvand\.pdf/);
  });

  it('checks the unsaved text, and a goal removed in chapter 6 shows in chapter 7 at once', async () => {
    const dir = await copyExample('storvik');
    const c = start();
    await c.initialize();
    const u6 = c.open(join(dir, '06-mal-och-strategi.md'));
    const u7 = c.open(join(dir, '07-verksamhetsplan.md'));
    await c.settled(u7);
    expect(c.latest(u7)).toEqual([]);
    // Remove goal M5 in the editor, without saving.
    const text = c.text(u6);
    const start5 = text.indexOf('  - id: M5');
    const end5 = text.indexOf('  - id: ', start5 + 5) > 0 ? text.indexOf('  - id: ', start5 + 5) : text.indexOf('strategier:');
    expect(start5).toBeGreaterThan(0);
    const v = c.change(u6, text.slice(0, start5) + text.slice(end5));
    await c.settled(u6, v);
    const k7 = c.latest(u7).filter((d) => d.code === 'k7/mal-koppling');
    expect(k7.length).toBeGreaterThan(0);
    expect(k7[0]!.message).toMatch(/M5/);
    const line = c.text(u7).split('\n')[k7[0]!.range.start.line]!;
    expect(line).toMatch(/mål: \[.*M5/);
    // The disk was not touched: the library's check of the folder finds nothing.
    expect((await check(dir)).diagnostics).toEqual([]);
    // Undo: the diagnostics go away.
    const v2 = c.change(u6, text);
    await c.settled(u6, v2);
    expect(c.latest(u7)).toEqual([]);
  });

  it('folder-level diagnostics (a missing chapter) are on ansokan.yaml; a bad qm.config.yaml is a diagnostic on it, not a crash', async () => {
    const dir = await copyExample('storvik');
    await rm(join(dir, '09-kommunikation.md'));
    await write(dir, 'qm.config.yaml', 'regler:\n  k6/hallbarhetsmal: av\nstrikt: ja\nokand: 1\n');
    const c = start();
    await c.initialize();
    const u3 = c.open(join(dir, '03-organisation.md'));
    await c.settled(u3);
    const meta = c.latest(uriOf(dir, 'ansokan.yaml'));
    const missing = meta.find((d) => d.code === 'kapitel/saknas')!;
    expect(missing.severity).toBe(1);
    expect(missing.range.start).toEqual({ line: 0, character: 0 });
    const cfg = c.latest(uriOf(dir, 'qm.config.yaml'));
    expect(cfg).toHaveLength(1);
    expect(cfg[0]!.severity).toBe(1);
    expect(cfg[0]!.range.start.line).toBe(3);
    expect(cfg[0]!.message).toMatch(/okand/);
    // The folder is checked without the config meanwhile: the same as qm check without it.
    await rm(join(dir, 'qm.config.yaml'));
    const report = await check(dir);
    await write(dir, 'qm.config.yaml', 'regler:\n  k6/hallbarhetsmal: av\nstrikt: ja\nokand: 1\n');
    const withoutConfig = report.diagnostics.filter((d) => d.file !== 'qm.config.yaml');
    expect(c.latest(uriOf(dir, 'ansokan.yaml')).map((d) => d.code)).toEqual(
      withoutConfig.filter((d) => d.file === null || d.file === 'ansokan.yaml' || d.file.includes('/')).map((d) => d.rule),
    );
    // Fixed in the editor: the diagnostic goes, and the config counts (k6/hallbarhetsmal off).
    const uc = c.open(join(dir, 'qm.config.yaml'));
    const v = c.change(uc, 'regler:\n  k6/hallbarhetsmal: av\nstrikt: ja\n');
    await c.settled(uc, v);
    expect(c.latest(uc)).toEqual([]);
  });

  it('speaks English with --lang en, and with QM_LANG=en', async () => {
    const dir = await brokenStorvik();
    for (const [args, env] of [
      [['--lang', 'en', '--date', REF], {}],
      [['--date', REF], { QM_LANG: 'en' }],
    ] as const) {
      const c = start([...args], env);
      await c.initialize();
      const u3 = c.open(join(dir, '03-organisation.md'));
      await c.settled(u3);
      const en = await check(dir, { lang: 'en' });
      expectSameAsCheck(c, dir, en);
      expect(c.latest(u3).find((d) => d.code === 'k3/verksam-tre-ar')?.codeDescription?.href).toMatch(
        /docs\/rules\.md#chapter-3-organisation$/,
      );
    }
  });
});

describe('qm lsp: robustness', () => {
  it('survives half-typed YAML at every keystroke, and ends with the check of the final text', async () => {
    const dir = await copyExample('storvik');
    const c = start();
    await c.initialize();
    const u6 = c.open(join(dir, '06-mal-och-strategi.md'));
    const u7 = c.open(join(dir, '07-verksamhetsplan.md'));
    await c.settled(u6);
    const lines = c.text(u6).split('\n');
    const at = lines.findIndex((l) => l === 'strategier:');
    // Type a new goal, one character at a time, just above `strategier:`.
    const typed = '  - id: M9\n    text: "Fler besökare, även på kvällen\n    år: 2030\n    horisont: lång\n';
    let line = at;
    let character = 0;
    let v = 1;
    for (const ch of typed) {
      v = c.edit(u6, { start: { line, character }, end: { line, character } }, ch);
      if (ch === '\n') {
        line++;
        character = 0;
      } else character++;
    }
    await c.settled(u6, v);
    // The unclosed quote is a syntax error of chapter 6 only; chapter 7 (which needs chapter 6) is
    // skipped rather than wrong.
    expect(c.latest(u6).map((d) => d.code)).toEqual(['fil/syntax']);
    expect(c.latest(u7)).toEqual([]);
    // Close the quote: the goal counts (k6/mal-utan-strategi and k7/mal-utan-atgard for M9).
    const quoteLine = at + 1;
    const end = c.text(u6).split('\n')[quoteLine]!.length;
    v = c.edit(u6, { start: { line: quoteLine, character: end }, end: { line: quoteLine, character: end } }, '"');
    await c.settled(u6, v);
    await writeFile(join(dir, '06-mal-och-strategi.md'), c.text(u6));
    expectSameAsCheck(c, dir, await check(dir));
    expect(c.latest(u6).map((d) => d.code)).toContain('k6/mal-utan-strategi');
    expect(c.child.exitCode).toBeNull();
  });

  it('under a flood of changes publishes no stale diagnostics: versions only go up, the last one wins', async () => {
    const dir = await copyExample('storvik');
    const c = start();
    await c.initialize();
    const u3 = c.open(join(dir, '03-organisation.md'));
    await c.settled(u3);
    const from = c.history.length;
    const base = c.text(u3);
    let v = 1;
    for (let i = 0; i < 200; i++) v = c.change(u3, base.replace('bildad: 2016-03-01', `bildad: ${i % 2 ? '2016' : '2025'}-03-01`));
    // The last text has 2016 (i = 199): no finding; a stale check (2025) would show k3/verksam-tre-ar.
    await c.settled(u3, v);
    expect(c.latest(u3)).toEqual([]);
    const seen = c.history.slice(from).flatMap((p) => (p.uri === u3 ? [p.version ?? -1] : []));
    expect(seen.length).toBeLessThan(200);
    expect([...seen].sort((a, b) => a - b)).toEqual(seen);
    expect(seen[seen.length - 1]).toBe(v);
  });

  it('a file deleted or renamed while open, and a folder that is not an application', async () => {
    const dir = await copyExample('storvik');
    const c = start();
    await c.initialize();
    const u3 = c.open(join(dir, '03-organisation.md'));
    const u8 = c.open(join(dir, '08-uppfoljning.md'));
    await c.settled(u3);
    // Deleted on disk while open: the editor still holds it, so the folder is checked with it.
    await rm(join(dir, '08-uppfoljning.md'));
    let v = c.change(u3, c.text(u3) + '\n');
    await c.settled(u3, v);
    expect(c.latest(uriOf(dir, 'ansokan.yaml')).map((d) => d.code)).not.toContain('kapitel/saknas');
    // Closed: now it is missing.
    c.close(u8);
    v = c.change(u3, c.text(u3) + '\n');
    await c.settled(u3, v);
    expect(c.latest(uriOf(dir, 'ansokan.yaml')).map((d) => d.code)).toContain('kapitel/saknas');
    // Renamed while open (editor: close the old name, open the new): the old name's diagnostics are cleared.
    await replace(dir, '03-organisation.md', 'bildad: 2016-03-01', 'bildad: 2025-03-01');
    await rename(join(dir, '03-organisation.md'), join(dir, '03-var-organisation.md'));
    c.close(u3);
    const u3b = c.open(join(dir, '03-var-organisation.md'));
    await c.settled(u3b);
    expect(c.latest(u3)).toEqual([]);
    expect(c.latest(u3b).map((d) => d.code)).toContain('k3/verksam-tre-ar');

    // Not an application: a Markdown file named like a chapter in a folder of notes.
    const notes = await tempDir();
    await writeFile(join(notes, '01-anteckningar.md'), '# Anteckningar\n');
    const un = c.open(join(notes, '01-anteckningar.md'));
    const hover = await c.request('textDocument/hover', { textDocument: { uri: un }, position: { line: 0, character: 2 } });
    expect(hover).toBeNull();
    expect(c.diagnostics.has(un)).toBe(false);
    // A folder deleted with its files open: its diagnostics are cleared, the server goes on.
    await rm(dir, { recursive: true, force: true });
    v = c.change(u3b, 'bildad: 2016');
    await c.until(() => c.latest(u3b).length === 0, 10_000, 'diagnostics cleared');
    expect(c.child.exitCode).toBeNull();
  });

  it('never writes into the folder', async () => {
    const dir = await brokenStorvik();
    const snapshot = async () => {
      const out: string[] = [];
      for (const f of (await readdir(dir, { recursive: true })).sort()) {
        const st = await stat(join(dir, f));
        if (st.isFile())
          out.push(
            `${relative(dir, join(dir, f))} ${st.size} ${st.mtimeMs} ${(await readFile(join(dir, f))).toString('base64').slice(0, 64)}`,
          );
      }
      return out;
    };
    const before = await snapshot();
    const c = start();
    await c.initialize();
    const u8 = c.open(join(dir, '08-uppfoljning.md'));
    await c.settled(u8);
    const v = c.change(u8, c.text(u8).replace('malgrupp', 'målgrupp'));
    await c.settled(u8, v);
    await c.request('textDocument/codeAction', {
      textDocument: { uri: u8 },
      range: { start: { line: 0, character: 0 }, end: { line: 999, character: 0 } },
      context: { diagnostics: [] },
    });
    await c.shutdown();
    expect(await snapshot()).toEqual(before);
    expect(await read(dir, '08-uppfoljning.md')).toContain('malgrupp');
    await mkdir(join(dir, 'x')).catch(() => undefined);
  });

  it('exits 0 after shutdown and exit', async () => {
    const c = start();
    await c.initialize();
    expect(await c.shutdown()).toBe(0);
  });
});
