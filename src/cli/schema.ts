/** `qm schema [--out DIR]`: the JSON Schemas, for editors. */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { schemaFiles } from '../schema/registry.js';
import { writeFileAtomic } from '../fsutil.js';
import { UsageError } from '../errors.js';
import type { Lang } from '../model/types.js';
import type { Io } from './main.js';
import configSchema from '../../schemas/qm.config.schema.json' with { type: 'json' };

export const allSchemaFiles = [...schemaFiles, { file: 'qm.config.schema.json', schema: configSchema }];

export async function runSchema(opts: { out?: string }, io: Io, _lang: Lang): Promise<number> {
  if (!opts.out) {
    const all = Object.fromEntries(allSchemaFiles.map((f) => [f.file, f.schema]));
    io.stdout.write(`${JSON.stringify(all, null, 2)}\n`);
    return 0;
  }
  try {
    await mkdir(opts.out, { recursive: true });
  } catch (e) {
    throw new UsageError('output-unwritable', { file: opts.out, code: (e as NodeJS.ErrnoException).code ?? '' });
  }
  for (const f of allSchemaFiles) await writeFileAtomic(join(opts.out, f.file), `${JSON.stringify(f.schema, null, 2)}\n`);
  io.stdout.write(`${allSchemaFiles.map((f) => join(opts.out!, f.file)).join('\n')}\n`);
  return 0;
}
