/**
 * `qm lsp` driven by a real editor's client: Neovim (Debian's `neovim` package, 0.7 on Debian 12),
 * headless, configured with exactly the Lua of docs/editors.md, with `qm` on the PATH. Neovim
 * opens chapters of a folder, edits a buffer without saving, asks for hover, completion, code
 * actions and a definition, and applies a code action's edit itself; what it saw is written
 * to a JSON file that this test reads. Skipped, with a note, where `nvim` is not installed.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, check, copyExample, replace, ROOT, tempDir } from '../helpers/app.js';

function nvimVersion(): string | undefined {
  try {
    return /NVIM v(\S+)/.exec(execFileSync('nvim', ['--version'], { encoding: 'utf8' }))?.[1];
  } catch {
    return undefined;
  }
}

const version = nvimVersion();
if (!version) console.warn('test/lsp/neovim.test.ts: nvim is not installed (apt-get install neovim): the Neovim test is skipped');

/** The Lua configuration docs/editors.md gives for Neovim. */
async function documentedConfig(): Promise<string> {
  const doc = await readFile(join(ROOT, 'docs', 'editors.md'), 'utf8');
  const m = /```lua\n(-- qm lsp[\s\S]*?)```/.exec(doc);
  if (!m) throw new Error('docs/editors.md has no Lua configuration for qm lsp');
  return m[1]!;
}

const DRIVER = String.raw`
local out = {}
local dir = os.getenv('QM_DIR')
local function lsp_diagnostics(buf)
  local list = {}
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    local line = vim.api.nvim_buf_get_lines(buf, d.lnum, d.lnum + 1, false)[1] or ''
    local lsp = (d.user_data or {}).lsp or {}
    table.insert(list, { lnum = d.lnum, col = d.col, end_col = d.end_col, line = line, code = d.code,
      severity = d.severity, message = d.message, source = d.source,
      href = lsp.codeDescription and lsp.codeDescription.href or vim.NIL })
  end
  return list
end
local function has(buf, code)
  for _, d in ipairs(vim.diagnostic.get(buf)) do if d.code == code then return true end end
  return false
end
local function request(buf, method, params)
  local res = vim.lsp.buf_request_sync(buf, method, params, 10000) or {}
  for _, r in pairs(res) do if r.result then return r.result end end
  return vim.NIL
end
local function find(buf, pattern)
  for i, l in ipairs(vim.api.nvim_buf_get_lines(buf, 0, -1, false)) do
    if l:find(pattern) then return i - 1, l end
  end
end

vim.cmd('filetype on')
vim.cmd('edit ' .. vim.fn.fnameescape(dir .. '/03-organisation.md'))
local b3 = vim.api.nvim_get_current_buf()
out.attached = vim.wait(20000, function() return #vim.lsp.buf_get_clients(b3) > 0 end, 20)
out.first = vim.wait(20000, function() return has(b3, 'schema/ascii-nyckel') end, 20)
out.diagnostics = lsp_diagnostics(b3)

-- Edit the buffer (not saved): bildad less than three years ago.
local l, _ = find(b3, '^bildad:')
vim.api.nvim_buf_set_lines(b3, l, l + 1, false, { 'bildad: 2024-05-01' })
out.edited = vim.wait(20000, function() return has(b3, 'k3/verksam-tre-ar') end, 20)
out.after_edit = lsp_diagnostics(b3)

local uri = vim.uri_from_bufnr(b3)
out.hover = request(b3, 'textDocument/hover', { textDocument = { uri = uri }, position = { line = l, character = 2 } })
local s = find(b3, '^    sektor: offentlig')
out.completion = request(b3, 'textDocument/completion', { textDocument = { uri = uri }, position = { line = s, character = 12 } })

-- The quick fix for the key without å ä ö, applied by Neovim itself.
local a = find(b3, 'motesfrekvens')
local actions = request(b3, 'textDocument/codeAction', { textDocument = { uri = uri },
  range = { start = { line = a, character = 4 }, ['end'] = { line = a, character = 4 } }, context = { diagnostics = {} } })
out.actions = {}
for _, action in ipairs(actions ~= vim.NIL and actions or {}) do
  table.insert(out.actions, action.title)
  if action.title:find('mötesfrekvens') then vim.lsp.util.apply_workspace_edit(action.edit, 'utf-16') end
end
out.fixed_line = select(2, find(b3, 'tesfrekvens:'))
out.fixed = vim.wait(20000, function() return not has(b3, 'schema/ascii-nyckel') end, 20)

-- Another chapter of the same folder: one server, go to definition across files.
vim.cmd('edit ' .. vim.fn.fnameescape(dir .. '/07-verksamhetsplan.md'))
local b7 = vim.api.nvim_get_current_buf()
vim.wait(20000, function() return #vim.lsp.buf_get_clients(b7) > 0 end, 20)
local m = find(b7, 'mål: %[M1')
local col = select(2, find(b7, 'mål: %[M1')):find('M1') - 1
out.definition = request(b7, 'textDocument/definition', { textDocument = { uri = vim.uri_from_bufnr(b7) }, position = { line = m, character = col } })
out.clients = #vim.lsp.get_active_clients()
out.modified = vim.api.nvim_buf_get_option(b3, 'modified')

local f = io.open(os.getenv('QM_OUT'), 'w')
f:write(vim.fn.json_encode(out))
f:close()
vim.cmd('qa!')
`;

interface Seen {
  attached: boolean;
  first: boolean;
  edited: boolean;
  fixed: boolean;
  diagnostics: {
    lnum: number;
    col: number;
    end_col: number;
    line: string;
    code: string;
    severity: number;
    message: string;
    href: string;
  }[];
  after_edit: Seen['diagnostics'];
  hover: { contents: { kind: string; value: string } };
  completion: { items: { label: string }[] };
  actions: string[];
  fixed_line: string;
  definition: { uri: string; range: { start: { line: number; character: number } } };
  clients: number;
  modified: boolean;
}

/** A byte column of a line as UTF-16 code units (what the report counts). */
const utf16 = (line: string, byteCol: number) => Buffer.from(line, 'utf8').subarray(0, byteCol).toString('utf8').length;

describe.skipIf(!version)(`qm lsp in Neovim ${version ?? '(not installed)'}`, () => {
  it('shows the diagnostics of qm check, updates them on an unsaved edit, answers hover, completion, code actions and definitions', async () => {
    const dir = await copyExample('storvik');
    await replace(dir, '03-organisation.md', /^( {4})mötesfrekvens:/m, '$1motesfrekvens:');
    const before = await readFile(join(dir, '03-organisation.md'));
    // `qm` on the PATH, as the documented configuration expects.
    const bin = join(await tempDir(), 'bin');
    await mkdir(bin);
    await writeFile(join(bin, 'qm'), `#!/bin/sh\nexec "${process.execPath}" "${BIN}" "$@"\n`);
    await chmod(join(bin, 'qm'), 0o755);
    const work = await tempDir();
    const script = join(work, 'drive.lua');
    await writeFile(script, `${await documentedConfig()}\n${DRIVER}`);
    const outFile = join(work, 'seen.json');
    const res = spawnSync('nvim', ['--headless', '--clean', '-c', `luafile ${script}`], {
      env: { ...process.env, PATH: `${bin}:${process.env.PATH}`, QM_DIR: dir, QM_OUT: outFile, QM_LANG: '' },
      encoding: 'utf8',
      timeout: 120_000,
    });
    expect(res.status, `${res.stdout}\n${res.stderr}`).toBe(0);
    const seen = JSON.parse(await readFile(outFile, 'utf8')) as Seen;
    expect(seen.attached).toBe(true);
    expect(seen.first).toBe(true);

    // Exactly what qm check reports for the file: rule, line, column (UTF-16), message, severity.
    const report = await check(dir);
    const want = report.diagnostics
      .filter((d) => d.file === '03-organisation.md')
      .map((d) => ({
        code: d.rule,
        lnum: d.line! - 1,
        col: d.column! - 1,
        message: d.message,
        severity: { error: 1, warning: 2, info: 3 }[d.severity],
      }));
    const got = seen.diagnostics.map((d) => ({
      code: d.code,
      lnum: d.lnum,
      col: utf16(d.line, d.col),
      message: d.message,
      severity: d.severity,
    }));
    expect(got).toEqual(want);
    const ascii = seen.diagnostics.find((d) => d.code === 'schema/ascii-nyckel')!;
    expect(Buffer.from(ascii.line).subarray(ascii.col, ascii.end_col).toString()).toBe('motesfrekvens');
    expect(ascii.href).toMatch(/docs\/regler\.md#filer-och-struktur$/);

    // The unsaved edit: k3/verksam-tre-ar on the new value.
    expect(seen.edited).toBe(true);
    const k3 = seen.after_edit.find((d) => d.code === 'k3/verksam-tre-ar')!;
    expect(Buffer.from(k3.line).subarray(k3.col, k3.end_col).toString()).toBe('2024-05-01');
    expect(k3.message).toMatch(/2027-05-01/);

    expect(seen.hover.contents.value).toContain('**bildad**');
    expect(seen.hover.contents.value).toContain('verksam i minst tre år');
    expect(seen.completion.items.map((i) => i.label)).toEqual(['offentlig', 'privat']);
    expect(seen.actions).toContain('Skriv `mötesfrekvens` i stället för `motesfrekvens`');
    expect(seen.fixed_line).toBe('    mötesfrekvens: sex gånger per år');
    expect(seen.fixed).toBe(true);
    expect(seen.definition.uri).toMatch(/06-mal-och-strategi\.md$/);
    expect(seen.clients).toBe(1);
    expect(seen.modified).toBe(true);
    // Neovim did not save, and the server wrote nothing.
    expect(await readFile(join(dir, '03-organisation.md'))).toEqual(before);
  });
});
