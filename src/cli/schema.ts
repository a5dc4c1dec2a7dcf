/**
 * `qm schema [--out DIR]`: the JSON Schemas, for editors. `--out` writes every file, the
 * shared definitions (common.schema.json) included, under the names the `$ref`s use, so that
 * the references resolve from that folder.
 */
import { mkdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { editorSchemaFiles as allSchemaFiles } from '../schema/all.js';
import { writeFileAtomic } from '../util/atomic.js';
import { UsageError } from '../util/errors.js';
import type { Lang } from '../model/types.js';
import type { Io } from './io.js';

export async function runSchema(opts: { out?: string }, io: Io, _lang: Lang): Promise<number> {
  if (!opts.out) {
    const all = Object.fromEntries(allSchemaFiles.map((f) => [f.file, f.schema]));
    io.stdout.write(`${JSON.stringify(all, null, 2)}\n`);
    return 0;
  }
  const out = opts.out;
  const there = await stat(out).catch(() => undefined);
  if (there && !there.isDirectory()) throw new UsageError('not-a-folder', { folder: out });
  try {
    await mkdir(out, { recursive: true });
  } catch (e) {
    throw new UsageError('output-unwritable', { file: out, code: (e as NodeJS.ErrnoException).code ?? '' });
  }
  for (const f of allSchemaFiles) await writeFileAtomic(join(out, f.file), `${JSON.stringify(f.schema, null, 2)}\n`);
  io.stdout.write(`${allSchemaFiles.map((f) => join(out, f.file)).join('\n')}\n`);
  return 0;
}
