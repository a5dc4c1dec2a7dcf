/**
 * The editor schema of qm.config.yaml (what `qm schema` and `qm init --yaml` write) marks exactly
 * what qm refuses: each file below is checked by qm (exit 2 when refused) and validated against
 * the editor schema with an independent Ajv (draft 2020-12), on the YAML as an editor reads it.
 * And `qm init --yaml` writes schema lines that resolve offline, to copies in the folder.
 */
import { cp, readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import Ajv2020Module from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { schemas } from '../../src/index.js';
import { FIXTURES, REF, qm, tempDir } from '../helpers/app.js';

const Ajv2020 = Ajv2020Module.default;
const addFormats = addFormatsModule.default;

const CASES: [string, string][] = [
  ['strikt: ja', 'accepted'],
  ['strikt: Nej', 'accepted'],
  ['strikt: true', 'accepted'],
  ['strikt: kanske', 'refused'],
  ['gränser:\n  text_min_ord: "60"', 'accepted'],
  ['gränser:\n  text_min_ord: sextio', 'refused'],
  ['regler:\n  k6/hallbarhetsmal: av', 'accepted'],
  ['regler:\n  k6/hallbarhetsmal: Varning', 'accepted'],
  ['regler:\n  k3/andelar-summa: fel', 'accepted'],
  ['regler:\n  k3/verksam-tre-ar: fel', 'accepted'],
  ['regler:\n  k3/verksam-tre-ar: av', 'refused'],
  ['regler:\n  k3/verksam-tre-ar: varning', 'refused'],
  ['regler:\n  k9/finns-inte: av', 'refused'],
  ['regler:\n  k6/hallbarhetsmal: kanske', 'refused'],
  ['undantag:\n  - regel: k3/verksam-tre-ar\n    motivering: Ägarna finansierar samverkan.', 'accepted'],
  ['undantag:\n  - regel: k9/finns-inte\n    motivering: Skäl.', 'refused'],
  ['okänt: 1', 'refused'],
];

describe('qm.config.yaml in the editor', () => {
  it('the editor schema marks exactly what qm refuses', async () => {
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    addFormats(ajv);
    const schema = schemas.find((f) => f.file === 'qm.config.schema.json')!.schema;
    const validate = ajv.compile(schema);
    const dir = await tempDir('qm-config-');
    await cp(join(FIXTURES, 'storvik'), join(dir, 'app'), { recursive: true });
    for (const [text, expected] of CASES) {
      await writeFile(join(dir, 'app', 'qm.config.yaml'), `${text}\n`);
      const run = await qm(['check', 'app', '--date', REF, '--format', 'json'], { cwd: dir });
      expect([text, run.code === 2 ? 'refused' : 'accepted'], run.stderr).toEqual([text, expected]);
      expect([text, validate(parse(text)) ? 'accepted' : 'refused'], JSON.stringify(validate.errors)).toEqual([text, expected]);
    }
  }, 120_000);

  it('qm init --yaml: every schema line names a copy in the folder, the copy qm schema --out writes', async () => {
    const dir = join(await tempDir('qm-init-yaml-'), 'ansokan');
    const init = await qm(['init', dir, '--yaml']);
    expect(init.code).toBe(0);
    const files = (await readdir(dir)).filter((f) => /\.ya?ml$/.test(f));
    expect(files).toHaveLength(10);
    const out = await tempDir('qm-schema-out-');
    await qm(['schema', '--out', out]);
    for (const f of files) {
      const first = (await readFile(join(dir, f), 'utf8')).split('\n')[0]!;
      const m = /^# yaml-language-server: \$schema=(\.qm-schemas\/[\w.-]+\.schema\.json)$/.exec(first);
      expect(m, `${f}: ${first}`).not.toBeNull();
      const name = m![1]!.split('/')[1]!;
      expect(await readFile(join(dir, m![1]!), 'utf8')).toBe(await readFile(join(out, name), 'utf8'));
    }
    // The folder checks as before: the copies are not attachments, not chapters.
    const check = await qm(['check', dir, '--format', 'json', '--date', REF]);
    const rules = new Set(JSON.parse(check.stdout).applications[0].diagnostics.map((d: { rule: string }) => d.rule));
    expect([...rules].sort()).toEqual(['bilaga/saknas', 'text/platshallare']);
    // A Markdown folder names no schema: the workspace's yaml.schemas is what applies.
    const md = join(await tempDir('qm-init-md-'), 'ansokan');
    expect((await qm(['init', md])).code).toBe(0);
    expect(await readFile(join(md, 'ansokan.yaml'), 'utf8')).not.toContain('yaml-language-server');
  }, 120_000);
});
