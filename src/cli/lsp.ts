/** `qm lsp`: the language server on standard input and output (src/lsp/), loaded only for this command. */
import { UsageError } from '../util/errors.js';
import { parseDate } from '../util/dates.js';
import { chosenLang, type Io } from './io.js';

export interface LspCliOptions {
  lang?: string;
  date?: string;
}

export async function runLsp(opts: LspCliOptions, io: Io): Promise<number> {
  const lang = chosenLang(opts.lang, io.env);
  if (opts.date !== undefined) {
    const d = parseDate(opts.date);
    if (!d || d.y < 1900 || d.y > 2200) throw new UsageError('bad-date', { value: opts.date });
  }
  const { startServer } = await import('../lsp/server.js');
  const { connection } = startServer({ lang, date: opts.date });
  // The server runs until the client sends `exit` or closes its end of the pipe.
  return new Promise<number>((resolve) => connection.onExit(() => resolve(0)));
}
