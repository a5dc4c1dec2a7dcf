/**
 * A newcomer's first application, end to end through the built `qm`: `qm init`, filled in as a
 * consultant writes (dots and spaces in amounts, a typo in a key, an attachment renamed on disk,
 * a quote inside a quoted value, a forgotten field), checked, each message acted on exactly as it
 * says, checked clean, and compiled to a PDF whose amounts read as the consultant meant them.
 */
import { readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { qm, tempDir } from '../helpers/app.js';
import { fillFromStorvik } from '../helpers/fill.js';
import { flat, text } from '../pdf/tools.js';

/** One diagnostic line of the pretty report (COLUMNS=0: one line each). */
interface Line {
  file: string;
  line: number;
  column: number;
  severity: string;
  message: string;
  rule: string;
}

function diagnostics(stdout: string): Line[] {
  return [...stdout.matchAll(/^ {6}(\S+):(\d+):(\d+) {2}(fel|varning|info) {2}(.*) {2}(\S+)$/gm)].map((m) => ({
    file: m[1]!,
    line: Number(m[2]),
    column: Number(m[3]),
    severity: m[4]!,
    message: m[5]!,
    rule: m[6]!,
  }));
}

describe('a newcomer fills in qm init and follows the messages to a clean check and a PDF', () => {
  it('reads 3.900.000 kr and 420.000 kr as meant, says what to do about each mistake, and passes once that is done', async () => {
    const cwd = await tempDir('qm-nykomling-');
    const dir = join(cwd, 'storvik');
    const init = await qm(['init', 'storvik', '--organisation', 'Centrumsamverkan Storvik', '--kommun', 'Storvik'], { cwd });
    expect(init.code).toBe(0);
    await fillFromStorvik(dir);

    const edit = async (file: string, from: RegExp, to: string) => {
      const before = await readFile(join(dir, file), 'utf8');
      expect(before, `${file}: ${String(from)}`).toMatch(from);
      await writeFile(join(dir, file), before.replace(from, to));
    };
    // As consultants write: thousands with dots, some with spaces (the rest of storvik's amounts).
    await edit('04-finansiering.md', /^budget: 3 900 000 kr$/m, 'budget: 3.900.000 kr');
    await edit('07-verksamhetsplan.md', /^( {4})budget: 420 000$/m, '$1budget: 420.000 kr');
    // A typo in a key, an attachment whose name on disk differs in case, a quote inside quotes,
    // and the responsible person of an action forgotten.
    await edit('03-organisation.md', /^organisationsform:/m, 'organisatonsform:');
    await rename(join(dir, 'bilagor', 'organisationsmatris.pdf'), join(dir, 'bilagor', 'Organisationsmatris.PDF'));
    await edit(
      '05-vision.md',
      // The whole value, with the lines it is folded over.
      /^vision: .*\n(?: {2,}\S.*\n)*/m,
      'vision: "Storviks centrum är "hjärtat" i Norrmark – ett tryggt och grönt centrum där handel, kultur och boende möts."\n',
    );
    await edit('07-verksamhetsplan.md', /^ {4}ansvarig: Centrumledaren tillsammans med Fastighetsägarna i Storviks centrum\n/m, '');

    const run = () => qm(['check', 'storvik', '--date', '2026-11-15'], { cwd, env: { COLUMNS: '0' } });
    const first = await run();
    expect(first.code).toBe(1);
    expect(first.stderr).toBe('');
    const found = diagnostics(first.stdout);
    // One message per mistake, and none about the amounts written with dots.
    expect(found.map((d) => d.rule).sort()).toEqual(['bilaga/saknas', 'fil/syntax', 'k7/ansvarig', 'schema/saknat-falt']);
    expect(first.stdout).toContain('4 fel, 0 varningar, 0 info');

    // The typo: at the typo, naming the field it stands for.
    const key = found.find((d) => d.rule === 'schema/saknat-falt')!;
    expect(key.file).toBe('03-organisation.md');
    const ch3 = (await readFile(join(dir, '03-organisation.md'), 'utf8')).split('\n');
    expect(ch3[key.line - 1]!.slice(key.column - 1)).toMatch(/^organisatonsform:/);
    expect(key.message).toContain('här står `organisatonsform`, troligen en felstavning. Skriv `organisationsform`.');
    await edit('03-organisation.md', /^organisatonsform:/m, 'organisationsform:');

    // The attachment: one message that names the file on disk.
    const attachment = found.find((d) => d.rule === 'bilaga/saknas')!;
    expect(attachment.message).toContain('Menade du ”bilagor/Organisationsmatris.PDF”? Skriv sökvägen exakt så');
    await edit('03-organisation.md', /bilagor\/organisationsmatris\.pdf/, 'bilagor/Organisationsmatris.PDF');

    // The quote: in Swedish, with the line rewritten; the consultant takes that line.
    const quote = found.find((d) => d.rule === 'fil/syntax')!;
    expect(quote.file).toBe('05-vision.md');
    expect(quote.message).toContain('Skriv citat i texten med ” ”, eller sätt hela värdet inom enkla citattecken');
    expect(quote.message).not.toMatch(/Unexpected|scalar/);
    const rewritten = /: (vision: .*)$/.exec(quote.message)![1]!;
    expect(rewritten).toBe(
      'vision: "Storviks centrum är ”hjärtat” i Norrmark – ett tryggt och grönt centrum där handel, kultur och boende möts."',
    );
    await edit('05-vision.md', /^vision: .*$/m, rewritten);

    // The forgotten field: which action, and which field to give.
    const owner = found.find((d) => d.rule === 'k7/ansvarig')!;
    expect(owner.message).toContain('Åtgärden A1 saknar ansvarig');
    expect(owner.message).toContain('ange `ansvarig`');
    const ch7 = (await readFile(join(dir, '07-verksamhetsplan.md'), 'utf8')).split('\n');
    expect(ch7[owner.line - 1]!.slice(owner.column - 1)).toMatch(/^id: A1/);
    ch7.splice(owner.line, 0, `${' '.repeat(owner.column - 1)}ansvarig: Centrumledaren`);
    await writeFile(join(dir, '07-verksamhetsplan.md'), ch7.join('\n'));

    const clean = await run();
    expect(clean.stdout).toContain('0 fel, 0 varningar, 0 info · fullständighet 100 % av kraven');
    expect(clean.code).toBe(0);

    const pdf = await qm(['pdf', 'storvik', '--date', '2026-11-15', '-o', 'storvik.pdf'], { cwd });
    expect(pdf.stderr).toBe('');
    expect(pdf.code).toBe(0);
    const words = flat(await text(join(cwd, 'storvik.pdf')));
    expect(words).toContain('3 900 000 kr');
    expect(words).toContain('420 000 kr');
    // Read as 3 900 and 420, they would show as such.
    expect(words).not.toMatch(/(^|\D)(3 900|420) kr/);
  }, 120_000);
});
