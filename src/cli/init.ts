/** `qm init [folder]`: a new application folder from the template. */
import { join } from 'node:path';
import { UsageError } from '../util/errors.js';
import { initApplication, parseTyp } from '../init/index.js';
import { usageMessage } from '../i18n/index.js';
import type { Lang } from '../model/types.js';
import type { Io } from './io.js';

export interface InitCliOptions {
  typ?: string;
  organisation?: string;
  kommun?: string;
  yaml?: boolean;
  force?: boolean;
}

export async function runInit(folder: string, opts: InitCliOptions, io: Io, lang: Lang): Promise<number> {
  const typ = parseTyp(opts.typ);
  if (!typ) throw new UsageError('bad-typ', { value: opts.typ ?? '' });
  const written = await initApplication(folder, {
    typ,
    organisation: opts.organisation,
    kommun: opts.kommun,
    yaml: opts.yaml,
    force: opts.force,
  });
  io.stdout.write(`${usageMessage('init-done', { folder }, lang)}\n`);
  for (const f of written) io.stdout.write(`  ${join(folder, f)}\n`);
  io.stdout.write(`${usageMessage('init-next', { folder }, lang)}\n`);
  return 0;
}
