/**
 * One shared set of reports for the format tests: the draft `utkast` (every kind of finding)
 * with an exception, in a folder whose name needs escaping everywhere (space, comma, colon, å),
 * and the complete `storvik`; both under kunder/ of a temporary working directory.
 */
import { cp, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { checkApplication } from '../../src/engine/check.js';
import type { Report } from '../../src/model/types.js';
import type { FormatContext } from '../../src/report/index.js';
import { FIXTURES, REF, tempDir } from '../helpers/app.js';

export const DRAFT = 'kunder/Älvbacka, 2026: utkast';
export const REASON =
  'Föreningen bildades 2024-05-01, men ägarna har skriftligen åtagit sig att finansiera 100 % av samverkan till och med 2029.\nSe bilagor/åtaganden.pdf: beslut i kommunfullmäktige.';

export const CONFIG = `undantag:
  - regel: k3/verksam-tre-ar
    motivering: |
${REASON.split('\n')
  .map((l) => `      ${l}`)
  .join('\n')}
`;

export interface Shared {
  cwd: string;
  reports: Report[];
  ctx: (over?: Partial<FormatContext>) => FormatContext;
}

let cached: Promise<Shared> | undefined;

export function shared(): Promise<Shared> {
  cached ??= (async () => {
    const cwd = await tempDir('qm-report-');
    await mkdir(join(cwd, 'kunder'));
    await cp(join(FIXTURES, 'utkast'), join(cwd, DRAFT), { recursive: true });
    await cp(join(FIXTURES, 'storvik'), join(cwd, 'kunder/storvik'), { recursive: true });
    await writeFile(join(cwd, DRAFT, 'qm.config.yaml'), CONFIG);
    const reports = [
      await checkApplication(join(cwd, DRAFT), { date: REF }),
      await checkApplication(join(cwd, 'kunder/storvik'), { date: REF }),
    ];
    return { cwd, reports, ctx: (over = {}) => ({ lang: 'sv', color: false, width: 0, quiet: false, cwd, ...over }) };
  })();
  return cached;
}
