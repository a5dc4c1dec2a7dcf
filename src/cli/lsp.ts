/** `qm lsp`: the language server on standard input and output (src/lsp/), loaded only for this command. */
import { UsageError } from '../util/errors.js';
import { langFrom } from '../i18n/index.js';
import { parseDate } from '../util/dates.js';
import type { Io } from './main.js';

export interface LspCliOptions {
  lang?: string;
  date?: string;
}

export async function runLsp(opts: LspCliOptions, io: Io): Promise<number> {
  const lang = opts.lang !== undefined ? langFrom(opts.lang) : undefined;
  if (opts.lang !== undefined && !lang) throw new UsageError('bad-lang', { value: opts.lang });
  if (opts.date !== undefined) {
    const d = parseDate(opts.date);
    if (!d || d.y < 1900 || d.y > 2200) throw new UsageError('bad-date', { value: opts.date });
  }
  const { startServer } = await import('../lsp/server.js');
  const { connection } = startServer({ lang: lang ?? langFrom(io.env.QM_LANG), date: opts.date });
  // The server runs until the client sends `exit` or closes its end of the pipe.
  return new Promise<number>((resolve) => connection.onExit(() => resolve(0)));
}
