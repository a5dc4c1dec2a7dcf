/**
 * The Visual Studio Code extension (editors/vscode/): packaged to a .vsix with @vscode/vsce (as
 * `npm run vsix` does; nothing is published), and which qm it starts.
 */
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { inflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { ROOT, tempDir } from '../helpers/app.js';
import { findQm } from '../../editors/vscode/src/find-qm.js';

/** The entries of a zip file (a .vsix is one), read from its central directory. */
function unzip(zip: Buffer): Map<string, Buffer> {
  const eocd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd < 0) throw new Error('not a zip file');
  const count = zip.readUInt16LE(eocd + 10);
  let p = zip.readUInt32LE(eocd + 16);
  const out = new Map<string, Buffer>();
  for (let i = 0; i < count; i++) {
    if (zip.readUInt32LE(p) !== 0x02014b50) throw new Error('bad central directory');
    const method = zip.readUInt16LE(p + 10);
    const size = zip.readUInt32LE(p + 20);
    const nameLen = zip.readUInt16LE(p + 28);
    const extraLen = zip.readUInt16LE(p + 30);
    const commentLen = zip.readUInt16LE(p + 32);
    const local = zip.readUInt32LE(p + 42);
    const name = zip.subarray(p + 46, p + 46 + nameLen).toString('utf8');
    const dataAt = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const raw = zip.subarray(dataAt, dataAt + size);
    out.set(name, method === 8 ? inflateRawSync(raw) : Buffer.from(raw));
    p += 46 + nameLen + extraLen + commentLen;
  }
  return out;
}

describe('the VS Code extension', () => {
  it('packages to a .vsix with the bundled client, started for workspaces with an ansokan.yaml', async () => {
    const out = join(await tempDir(), 'qm.vsix');
    await promisify(execFile)(process.execPath, [join(ROOT, 'editors', 'vscode', 'build.mjs'), '--package', '--out', out], {
      cwd: ROOT,
      timeout: 120_000,
    });
    const entries = unzip(await readFile(out));
    expect([...entries.keys()].sort()).toEqual([
      '[Content_Types].xml',
      'extension.vsixmanifest',
      'extension/LICENSE.txt',
      'extension/dist/extension.js',
      'extension/package.json',
      'extension/readme.md',
    ]);
    const manifest = entries.get('extension.vsixmanifest')!.toString('utf8');
    expect(manifest).toMatch(/<Identity Language="en-US" Id="qm-vscode" Version="\d+\.\d+\.\d+" Publisher="qm-kvalitet"/);
    const pkg = JSON.parse(entries.get('extension/package.json')!.toString('utf8'));
    expect(pkg.main).toBe('./dist/extension.js');
    expect(pkg.activationEvents).toContain('workspaceContains:**/ansokan.yaml');
    expect(pkg.engines.vscode).toBe('^1.91.0');
    expect(pkg.dependencies).toBeUndefined();
    const js = entries.get('extension/dist/extension.js')!.toString('utf8');
    // vscode-languageclient is inside; only the editor's own API is left to the editor.
    expect(js).toContain('require("vscode")');
    expect(js).not.toMatch(/require\("vscode-languageclient/);
    expect(js).toContain('"lsp"');
  });

  it('starts the qm installed in the workspace, else qm from the PATH, unless qm.path names one', () => {
    const installed = new Set(['/work/kunder/node_modules/.bin/qm', 'C:\\kunder\\node_modules\\.bin\\qm.cmd']);
    const exists = (p: string) => installed.has(p) || installed.has(p.replace(/\//g, '\\'));
    expect(findQm(['/work/annat', '/work/kunder'], undefined, 'linux', exists)).toEqual({
      command: '/work/kunder/node_modules/.bin/qm',
      source: 'workspace',
    });
    expect(findQm(['/work/annat'], '', 'linux', exists)).toEqual({ command: 'qm', source: 'path' });
    expect(findQm(['/work/kunder'], ' /opt/qm/bin/qm ', 'linux', exists)).toEqual({ command: '/opt/qm/bin/qm', source: 'setting' });
    expect(findQm([], undefined, 'win32', exists)).toEqual({ command: 'qm.cmd', source: 'path' });
  });
});
