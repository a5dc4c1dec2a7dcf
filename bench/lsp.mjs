#!/usr/bin/env node
// qm lsp's latency as an editor sees it: `qm lsp` started as a child process, JSON-RPC over its
// standard input and output (vscode-languageserver-protocol's own connection), every file of a
// copy of examples/storvik open, then edits of chapter 6 one after another, as a consultant
// types. For each edit: the time from sending `didChange` to the diagnostics of that version of
// chapter 6, and to the last file of the application published again (a goal changed in
// chapter 6 shows in chapter 7). `node bench/lsp.mjs [edits]`; `npm run bench` runs it too.
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { performance } from 'node:perf_hooks';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createProtocolConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver-protocol/node';
import { ROOT } from './workloads.mjs';

const pct = (xs, p) => xs[Math.min(xs.length - 1, Math.ceil((p / 100) * xs.length) - 1)];

export async function lspLatency(edits = 300) {
  const work = mkdtempSync(join(tmpdir(), 'qm-bench-lsp-'));
  const dir = join(work, 'storvik');
  cpSync(join(ROOT, 'examples', 'storvik'), dir, { recursive: true });
  const child = spawn(process.execPath, [join(ROOT, 'bin', 'qm.js'), 'lsp'], { cwd: work, stdio: ['pipe', 'pipe', 'inherit'] });
  const conn = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const published = [];
  let wake = () => {};
  conn.onNotification('textDocument/publishDiagnostics', (p) => {
    published.push({ ...p, at: performance.now() });
    wake();
  });
  conn.onRequest('client/registerCapability', () => null);
  conn.onRequest('workspace/configuration', () => []);
  conn.listen();
  const until = (done) =>
    new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('qm lsp published nothing for 10 s')), 10_000);
      const test = () => {
        if (done()) {
          clearTimeout(timer);
          wake = () => {};
          resolve();
        } else wake = test;
      };
      test();
    });
  try {
    await conn.sendRequest('initialize', { processId: process.pid, rootUri: pathToFileURL(dir).href, capabilities: {} });
    await conn.sendNotification('initialized', {});
    const files = readdirSync(dir).filter((f) => /\.(md|ya?ml)$/.test(f));
    const uris = files.map((f) => pathToFileURL(join(dir, f)).href);
    files.forEach((f, i) =>
      conn.sendNotification('textDocument/didOpen', {
        textDocument: {
          uri: uris[i],
          languageId: f.endsWith('.md') ? 'markdown' : 'yaml',
          version: 1,
          text: readFileSync(join(dir, f), 'utf8'),
        },
      }),
    );
    await until(() => uris.every((u) => published.some((p) => p.uri === u)));
    const ch6 = uris[files.findIndex((f) => f.startsWith('06-'))];
    const original = readFileSync(
      join(
        dir,
        files.find((f) => f.startsWith('06-')),
      ),
      'utf8',
    );
    const own = [];
    const all = [];
    for (let v = 2; v < edits + 2; v++) {
      // Typing into a goal's text; every tenth edit takes goal M2 away and the next brings it back.
      const text =
        v % 10 === 0
          ? original.replace(/\n {2}- id: M2\n/, '\n  - id: M9\n')
          : original.replace('Vakansgraden', `Vakansgraden${'x'.repeat(v % 7)}`);
      const from = published.length;
      const t0 = performance.now();
      await conn.sendNotification('textDocument/didChange', { textDocument: { uri: ch6, version: v }, contentChanges: [{ text }] });
      await until(() => published.slice(from).some((p) => p.uri === ch6 && p.version === v));
      own.push(published.slice(from).find((p) => p.uri === ch6 && p.version === v).at - t0);
      // The other files of the round: published once each after this edit.
      await until(() => uris.every((u) => published.slice(from).some((p) => p.uri === u)));
      all.push(Math.max(...published.slice(from).map((p) => p.at)) - t0);
    }
    own.sort((a, b) => a - b);
    all.sort((a, b) => a - b);
    return { edits, files: files.length, own, all };
  } finally {
    conn.dispose();
    child.kill();
    rmSync(work, { recursive: true, force: true });
  }
}

export function lspRows(r) {
  const f = (xs) => `p50 ${pct(xs, 50).toFixed(1)} ms · p95 ${pct(xs, 95).toFixed(1)} ms · max ${xs[xs.length - 1].toFixed(1)} ms`;
  return [
    `  edit → its own diagnostics (chapter 6):        ${f(r.own)}`,
    `  edit → all ${r.files} open files published again:   ${f(r.all)}`,
  ];
}

export const p95 = (xs) => pct(xs, 95);

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const n = Number(process.argv[2] ?? 300);
  console.log(`qm lsp over stdio, examples/storvik, ${n} edits of chapter 6`);
  const r = await lspLatency(n);
  for (const line of lspRows(r)) console.log(line);
}
