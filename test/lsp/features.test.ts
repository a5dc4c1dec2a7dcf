/**
 * What an editor shows through `qm lsp` besides the diagnostics: hover, completion, code
 * actions (and what their edits do to the check), go to definition and document symbols. The
 * first test is a consultant filling in chapter 3 of a fresh `qm init`, step by step.
 */
import { copyFile, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import type {
  CodeAction,
  CompletionItem,
  CompletionList,
  Diagnostic,
  DocumentSymbol,
  Hover,
  Location,
  MarkupContent,
  SymbolInformation,
  TextEdit,
} from 'vscode-languageserver-protocol';
import { copyExample, FIXTURES, qm, read, REF, replace, tempDir } from '../helpers/app.js';
import { applyEdits } from '../../src/fix/index.js';
import { Client, DEFAULT_CAPABILITIES } from './client.js';

const clients: Client[] = [];
afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.shutdown()));
});

async function start(capabilities: Record<string, unknown> = DEFAULT_CAPABILITIES): Promise<Client> {
  const c = new Client(['--date', REF]);
  clients.push(c);
  await c.initialize(capabilities);
  return c;
}

/** The position of a text in a document (the first match after `after`), plus `shift` characters. */
function posOf(text: string, needle: string, shift = 0, after = 0): { line: number; character: number } {
  const at = text.indexOf(needle, after);
  if (at < 0) throw new Error(`${needle} not in the text`);
  const before = text.slice(0, at + shift);
  const lines = before.split('\n');
  return { line: lines.length - 1, character: lines[lines.length - 1]!.length };
}

const hoverText = (h: Hover | null) => (h ? (h.contents as MarkupContent).value : '');

async function complete(c: Client, uri: string, position: { line: number; character: number }): Promise<CompletionItem[]> {
  const r = await c.request<CompletionList | null>('textDocument/completion', { textDocument: { uri }, position });
  return r?.items ?? [];
}

/** Applies a completion item (its text edit, snippet marks removed) as the editor would. Returns the new version. */
function accept(c: Client, uri: string, item: CompletionItem): number {
  const e = item.textEdit as TextEdit;
  const text = e.newText
    .replace(/\$\{\d+\|([^,|]*)[^}]*\}/g, '$1')
    .replace(/\$\{\d+:?([^}]*)\}/g, '$1')
    .replace(/\$\d/g, '');
  return c.edit(uri, e.range, text);
}

/** The quick fixes for a diagnostic. */
async function actionsAt(c: Client, uri: string, d: Diagnostic): Promise<CodeAction[]> {
  const all = await c.request<CodeAction[]>('textDocument/codeAction', {
    textDocument: { uri },
    range: d.range,
    context: { diagnostics: [d] },
  });
  return all.filter((a) => a.kind === 'quickfix');
}

/** Applies a code action's edit to the document, as the editor does. */
function applyAction(c: Client, uri: string, action: CodeAction): number {
  const edits = action.edit!.changes![uri]!;
  return c.change(
    uri,
    applyEdits(
      c.text(uri),
      edits.map((e) => ({ start: e.range.start, end: e.range.end, newText: e.newText })),
    ),
  );
}

describe('qm lsp: a consultant fills in chapter 3 of qm init', () => {
  it('sees the placeholders, the requirement on hover, completion of keys and values, and fixes', async () => {
    const dir = join(await tempDir(), 'ansokan');
    expect((await qm(['init', dir, '--organisation', 'Centrumsamverkan Storvik', '--kommun', 'Storviks kommun'])).code).toBe(0);
    await writeFile(
      join(dir, 'ansokan.yaml'),
      (await read(dir, 'ansokan.yaml')).replace(/^ansökningsdatum:.*$/m, `ansökningsdatum: ${REF}`),
    );
    const c = await start();
    const uri = c.open(join(dir, '03-organisation.md'));
    await c.settled(uri);

    // 1. What the template still asks for: the placeholders and the missing attachments.
    const first = c.latest(uri);
    expect([...new Set(first.map((d) => d.code))].sort()).toEqual(['bilaga/saknas', 'text/platshallare']);
    const bildad = first.find((d) => d.data?.pointer === '/bildad')!;
    expect(c.text(uri).split('\n')[bildad.range.start.line]!.slice(bildad.range.start.character, bildad.range.end.character)).toBe(
      '"[FYLL I: datum då organisationen bildades, ÅÅÅÅ-MM-DD]"',
    );

    // 2. Hover on `bildad`: the field, its type, the rule, the certifier's words.
    let text = c.text(uri);
    const h = hoverText(await c.request<Hover>('textDocument/hover', { textDocument: { uri }, position: posOf(text, '\nbildad:', 3) }));
    expect(h).toContain('**bildad** — datum ÅÅÅÅ-MM-DD eller årtal');
    expect(h).toContain('k3/verksam-tre-ar');
    expect(h).toContain(
      'Svenska Stadskärnor: ”Krav är en dokumenterad samverkansorganisation offentlig och privat verksamhet som varit verksam i minst tre år.”',
    );
    // On the placeholder: the value is the placeholder diagnostic, so `qm explain text/platshallare` too.
    const onValue = hoverText(
      await c.request<Hover>('textDocument/hover', { textDocument: { uri }, position: posOf(text, '"[FYLL I: datum', 3) }),
    );
    expect(onValue).toContain('**text/platshallare (fel, filer, bilagor och ansökan)**');

    // 3. A date less than three years ago: k3/verksam-tre-ar says when the requirement is met.
    let v = c.change(uri, text.replace('"[FYLL I: datum då organisationen bildades, ÅÅÅÅ-MM-DD]"', '2024-05-01'));
    await c.settled(uri, v);
    const k3 = c.latest(uri).find((d) => d.code === 'k3/verksam-tre-ar')!;
    expect(k3.severity).toBe(1);
    expect(k3.message).toMatch(/2024-05-01.*2027-05-01/);
    v = c.change(uri, c.text(uri).replace('bildad: 2024-05-01', 'bildad: 2016-03-01'));
    await c.settled(uri, v);
    expect(c.latest(uri).map((d) => d.code)).not.toContain('k3/verksam-tre-ar');

    // 4. Completion under an actor: the keys not yet there, with å ä ö, then the allowed values.
    text = c.text(uri);
    const afterSektor = posOf(text, '    sektor: offentlig\n', '    sektor: offentlig\n'.length);
    v = c.edit(uri, { start: afterSektor, end: afterSektor }, '    \n');
    const at = { line: afterSektor.line, character: 4 };
    const keys = (await complete(c, uri, at)).map((i) => i.label);
    expect(keys).toEqual(expect.arrayContaining(['andel', 'antal']));
    expect(keys).not.toContain('namn');
    expect(keys).not.toContain('sektor');
    const andel = (await complete(c, uri, at)).find((i) => i.label === 'andel')!;
    accept(c, uri, andel);
    const line = c.text(uri).split('\n')[at.line]!;
    expect(line).toBe('    andel: ');
    v = c.edit(uri, { start: { line: at.line, character: line.length }, end: { line: at.line, character: line.length } }, '40 %');
    // The values of `sektor` where a value stands.
    text = c.text(uri);
    const sektorValue = posOf(text, '    sektor: offentlig', '    sektor: '.length);
    const values = await complete(c, uri, sektorValue);
    expect(values.map((i) => i.label)).toEqual(['offentlig', 'privat']);
    // Top-level keys: the optional ones are offered, those present are not.
    const top = posOf(text, '\n# personal', 1);
    v = c.edit(uri, { start: top, end: top }, '\n');
    const topKeys = (await complete(c, uri, top)).map((i) => i.label);
    expect(topKeys).toEqual(expect.arrayContaining(['personal', 'arbetsområde', 'samverkan_utanför', 'bilagor']));
    expect(topKeys).not.toEqual(expect.arrayContaining(['bildad']));
    expect(topKeys).not.toContain('text');
    // A key typed without å ä ö finds its Swedish spelling.
    const samv = (await complete(c, uri, top)).find((i) => i.label === 'samverkan_utanför')!;
    expect(samv.filterText).toContain('samverkan_utanfor');

    // 5. A key without å ä ö: an info, and the quick fix writes the Swedish key.
    text = c.text(uri);
    v = c.change(uri, text.replace(/ {4}mötesfrekvens: .*/, '    motesfrekvens: sex gånger per år'));
    await c.settled(uri, v);
    const ascii = c.latest(uri).find((d) => d.code === 'schema/ascii-nyckel')!;
    expect(ascii.severity).toBe(3);
    const [fix] = await actionsAt(c, uri, ascii);
    expect(fix!.title).toBe('Skriv `mötesfrekvens` i stället för `motesfrekvens`');
    v = applyAction(c, uri, fix!);
    await c.settled(uri, v);
    expect(c.text(uri)).toContain('    mötesfrekvens: sex gånger per år\n');
    expect(c.latest(uri).map((d) => d.code)).not.toContain('schema/ascii-nyckel');

    // 6. A group without `beslutsväg`: k3/grupp-beskrivning, and the quick fix adds it to the group.
    text = c.text(uri);
    v = c.change(uri, text.replace(/\n {4}beslutsväg: .*/, ''));
    await c.settled(uri, v);
    const group = c.latest(uri).find((d) => d.code === 'k3/grupp-beskrivning')!;
    const add = (await actionsAt(c, uri, group)).find((a) => a.title === 'Lägg till `beslutsväg`')!;
    v = applyAction(c, uri, add);
    await c.settled(uri, v);
    expect(c.text(uri)).toMatch(/ {4}mötesfrekvens: .*\n {4}beslutsväg: "\[FYLL I: text\]"\n/);
    expect(c.latest(uri).map((d) => d.code)).not.toContain('k3/grupp-beskrivning');

    // 7. The attachments: the files under bilagor/ where an attachment is asked for.
    await mkdir(join(dir, 'bilagor'), { recursive: true });
    await copyFile(join(FIXTURES, 'storvik', 'bilagor', 'karta-arbetsomrade.png'), join(dir, 'bilagor', 'karta-arbetsomrade.png'));
    text = c.text(uri);
    const karta = posOf(text, '\n  fil: bilagor/karta.pdf', '\n  fil: '.length, text.indexOf('\nkarta:'));
    v = c.edit(uri, { start: karta, end: { line: karta.line, character: karta.character + 'bilagor/karta.pdf'.length } }, '');
    const files = await complete(c, uri, karta);
    expect(files.map((i) => i.label)).toEqual(['bilagor/karta-arbetsomrade.png']);
    v = accept(c, uri, files[0]!);
    await c.settled(uri, v);
    expect(
      c
        .latest(uri)
        .filter((d) => d.code === 'bilaga/saknas')
        .map((d) => d.data?.pointer),
    ).toEqual(['/organisationsmatris']);
  });
});

describe('qm lsp: ids, completion of ids, definitions, symbols', () => {
  it('hover and go to definition on a goal id, goal ids completed where asked, a new action with the next id', async () => {
    const dir = await copyExample('storvik');
    const c = await start();
    const u7 = c.open(join(dir, '07-verksamhetsplan.md'));
    await c.settled(u7);
    const text = c.text(u7);
    const m1 = posOf(text, 'mål: [M1', 6);
    const h = hoverText(await c.request<Hover>('textDocument/hover', { textDocument: { uri: u7 }, position: m1 }));
    expect(h).toMatch(/^\*\*M1\*\* — Mål · Kapitel 6 Mål och strategi\n\nVakansgraden/);
    expect(h).toContain('*år 2028, kortsiktigt*');
    const def = await c.request<Location>('textDocument/definition', { textDocument: { uri: u7 }, position: m1 });
    expect(def.uri).toBe(pathToFileURL(join(dir, '06-mal-och-strategi.md')).href);
    const ch6 = (await read(dir, '06-mal-och-strategi.md')).split('\n');
    expect(ch6[def.range.start.line]!.slice(def.range.start.character, def.range.end.character)).toBe('M1');
    expect(ch6[def.range.start.line]).toMatch(/^ {2}- id: M1$/);
    // A strategy id from chapter 7 to chapter 6.
    const s1 = await c.request<Location>('textDocument/definition', {
      textDocument: { uri: u7 },
      position: posOf(text, 'strategi: [S1', 11),
    });
    expect(ch6[s1.range.start.line]).toMatch(/id: S1/);

    // Inside `mål: [M1, ` the goal ids; inside `strategi: [` the strategy ids.
    const inList = posOf(text, 'mål: [M1, M5]', 'mål: [M1, '.length);
    const goals = await complete(c, u7, inList);
    expect(goals.map((i) => i.label)).toEqual(['M1', 'M2', 'M3', 'M4', 'M5']);
    expect(goals[0]!.detail).toMatch(/^Mål: Vakansgraden/);
    const strategies = await complete(c, u7, posOf(text, 'strategi: [S1]', 'strategi: ['.length));
    expect(strategies.map((i) => i.label)).toEqual(['S1', 'S2', 'S3', 'S4']);

    // A new action at the list's dash column: the next free id and every field of an action.
    const end = posOf(text, '\nsamverkansprocess:', 1);
    c.edit(u7, { start: end, end }, '  \n');
    const items = await complete(c, u7, { line: end.line, character: 2 });
    const action = items.find((i) => i.label.startsWith('Ny åtgärd'))!;
    expect(action.label).toBe('Ny åtgärd (A7)');
    const v = accept(c, u7, action);
    const after = c.text(u7);
    expect(after).toContain(
      '  - id: A7\n    namn: \n    syfte: \n    mål: [M1]\n    strategi: [S1]\n    ansvarig: \n    start: 2026-01-01\n',
    );
    await c.settled(u7, v);
    expect(c.latest(u7).map((d) => d.code)).toEqual(expect.arrayContaining(['k7/ansvarig', 'k7/budget', 'k7/syfte']));
  });

  it('document symbols: the chapter, its keys, its goals and strategies by id and text, the headings of the prose', async () => {
    const dir = await copyExample('storvik');
    const c = await start();
    const u6 = c.open(join(dir, '06-mal-och-strategi.md'));
    await c.settled(u6);
    const [root] = await c.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: u6 } });
    expect(root!.name).toBe('Kapitel 6 Mål och strategi');
    const names = root!.children!.map((s) => s.name);
    expect(names).toEqual(expect.arrayContaining(['mål', 'strategier', 'förankring', 'översiktsplan', 'dokument']));
    const goals = root!.children!.find((s) => s.name === 'mål')!.children!.map((s) => s.name);
    expect(goals[0]).toMatch(/^M1 Vakansgraden/);
    expect(goals).toHaveLength(5);
    expect(root!.children!.some((s) => s.kind === 15)).toBe(true);
    // A client without hierarchical symbols gets a flat list with containers.
    const flat = await start({ ...DEFAULT_CAPABILITIES, textDocument: { documentSymbol: {} } });
    const u = flat.open(join(dir, '06-mal-och-strategi.md'));
    const list = await flat.request<SymbolInformation[]>('textDocument/documentSymbol', { textDocument: { uri: u } });
    expect(list.find((s) => s.name.startsWith('M1 '))?.containerName).toBe('mål');
  });
});

describe('qm lsp: code actions', () => {
  it('the --fix fixes one by one and all at once, the closest key for an unknown one, a missing required field', async () => {
    const dir = await copyExample('storvik');
    await replace(dir, '08-uppfoljning.md', /^ {4}målgrupp: företag$/m, '    malgrupp: företag');
    await replace(
      dir,
      '08-uppfoljning.md',
      '    värden:\n      2023: 11,4\n      2024: 10,1\n      2025: 8,7\n      2026: 7,9\n',
      '    värden: {2023: 11,4, 2024: 10,1, 2025: 8,7, 2026: 7,9}\n',
    );
    await replace(dir, '08-uppfoljning.md', /^metod:/m, 'metdo:');
    const c = await start();
    const u8 = c.open(join(dir, '08-uppfoljning.md'));
    await c.settled(u8);
    const by = (code: string) => c.latest(u8).find((d) => d.code === code)!;

    const decimal = await actionsAt(c, u8, by('schema/decimalkomma'));
    expect(decimal.map((a) => a.title)).toEqual(['Skriv ett värde per rad (decimalkommat)']);
    // `metdo` for the missing `metod`: one diagnostic at the typo, and its fix renames the key.
    const unknown = await actionsAt(c, u8, by('k8/metod'));
    expect(unknown.map((a) => a.title)).toEqual(['Byt `metdo` mot `metod`']);

    // source.fixAll: the spelling fixes only (not the unknown key, which may be something else).
    const all = await c.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: u8 },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll'] },
    });
    expect(all).toHaveLength(1);
    let v = applyAction(c, u8, all[0]!);
    expect(c.text(u8)).toContain('    målgrupp: företag\n');
    expect(c.text(u8)).toContain('    värden:\n      2023: 11,4\n      2024: 10,1\n      2025: 8,7\n');
    v = applyAction(c, u8, unknown[0]!);
    await c.settled(u8, v);
    expect(c.latest(u8)).toEqual([]);

    // A required field missing from an indicator: added inside that indicator.
    v = c.change(u8, c.text(u8).replace(/\n {4}enhet: "%"/, ''));
    await c.settled(u8, v);
    const missing = by('schema/saknat-falt');
    const add = (await actionsAt(c, u8, missing)).find((a) => a.title === 'Lägg till `enhet`')!;
    v = applyAction(c, u8, add);
    expect(c.text(u8)).toMatch(/ {4}målgrupp: företag\n(.*\n)*? {4}enhet: "\[FYLL I: text\]"\n {2}- id: I2/);
    await c.settled(u8, v);
    expect(c.latest(u8).map((d) => d.code)).toEqual(['text/platshallare']);
  });

  it('offers nothing for text that has changed since the check (no edit at a stale place)', async () => {
    const dir = await copyExample('storvik');
    await replace(dir, '08-uppfoljning.md', /^ {4}målgrupp: företag$/m, '    malgrupp: företag');
    const c = await start();
    const u8 = c.open(join(dir, '08-uppfoljning.md'));
    await c.settled(u8);
    const d = c.latest(u8).find((x) => x.code === 'schema/ascii-nyckel')!;
    // Renamed by hand meanwhile; the check has not caught up in the request below.
    c.change(u8, c.text(u8).replace('malgrupp', 'målgrupp'));
    const actions = await actionsAt(c, u8, d);
    expect(actions.filter((a) => a.title.startsWith('Skriv'))).toEqual([]);
  });
});
