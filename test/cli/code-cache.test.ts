/**
 * bin/qm.js runs two builds of one command line: on Node 20 the CommonJS bundle through its V8
 * code cache (dist/cli.cjs, dist/cli.cjs.cache), on Node 22+ (or with QM_NO_CODE_CACHE) the ESM
 * build. Both must say the same.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import vm from 'node:vm';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FIXTURES, ROOT, qm } from '../helpers/app.js';

describe('the code-cached command line and the ESM build', () => {
  it('ships the bundle and a cache this Node accepts', () => {
    const file = join(ROOT, 'dist', 'cli.cjs');
    expect(existsSync(file)).toBe(true);
    const source = `(function (exports, require, module, __filename, __dirname) {${readFileSync(file, 'utf8')}\n})`;
    const script = new vm.Script(source, { filename: file, cachedData: readFileSync(`${file}.cache`) });
    expect(script.cachedDataRejected).toBe(false);
  });

  for (const args of [
    ['check', join(FIXTURES, 'utkast')],
    ['check', join(FIXTURES, 'utkast'), '--format', 'json', '--lang', 'en'],
    ['explain', 'k3/verksam-tre-ar'],
    ['check', '--date', '2026-13-01', join(FIXTURES, 'storvik')],
  ]) {
    it(`qm ${args.slice(0, 1).join(' ')} … gives the same exit code and output both ways (${args.slice(2).join(' ') || 'pretty'})`, async () => {
      const cached = await qm(args);
      const esm = await qm(args, { env: { QM_NO_CODE_CACHE: '1' } });
      expect(esm).toEqual(cached);
      expect(cached.stdout + cached.stderr).not.toBe('');
    });
  }
});
