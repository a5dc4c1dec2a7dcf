/** `qm check`: check folders, print or write the reports, set the exit code. */
import { realpathSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { relative, resolve, sep } from 'node:path';
import { glob } from 'glob';
import { checkMany } from '../engine/pool.js';
import { UsageError } from '../util/errors.js';
import { writeFileAtomic } from '../util/atomic.js';
import { isApplicationFile, sameFile } from '../util/output-guard.js';
import { langFrom } from '../i18n/index.js';
import type { Lang, Report } from '../model/types.js';
import { DOCUMENT_FORMATS, FORMAT_NAMES, formatters, type FormatContext } from '../report/index.js';
import { useColor, type Io } from './main.js';

export interface CheckCliOptions {
  format: string[];
  output?: string;
  date?: string;
  strict?: boolean;
  quiet?: boolean;
  config?: string;
  watch?: boolean;
  fix?: boolean;
  lang?: string;
}

interface Target {
  format: string;
  file?: string;
}

export function parseFormats(values: string[], output: string | undefined): Target[] {
  const targets: Target[] = [];
  for (const v of values.length ? values : ['pretty']) {
    const eq = v.indexOf('=');
    const format = (eq < 0 ? v : v.slice(0, eq)).trim().toLowerCase();
    if (!FORMAT_NAMES.includes(format) || !formatters[format]) throw new UsageError('bad-format', { value: format });
    if (eq >= 0 && v.slice(eq + 1).trim() === '') throw new UsageError('format-no-file', { format });
    const t: Target = eq < 0 ? { format } : { format, file: v.slice(eq + 1) };
    if (!targets.some((x) => x.format === t.format && x.file === t.file)) targets.push(t);
  }
  const toStdout = targets.filter((t) => !t.file);
  if (output) {
    if (toStdout.length === 0) throw new UsageError('output-without-format', { file: output });
    toStdout.pop()!.file = output;
  }
  // pretty and github mix well on a terminal (the runner picks out the :: lines); a document
  // (JSON, XML, SARIF, Markdown) must be alone on standard output to stay readable.
  const document = toStdout.find((t) => DOCUMENT_FORMATS.includes(t.format));
  const other = toStdout.find((t) => t !== document);
  if (document && other) throw new UsageError('format-stdout', { format: document.format, other: other.format });
  return targets;
}

/** Folders as given, with globs expanded by qm (so they work in every shell and on Windows). */
export async function expandFolders(args: string[], cwd: string): Promise<string[]> {
  const out: string[] = [];
  for (const a of args.length ? args : ['.']) {
    const literal = await stat(resolve(cwd, a)).then(
      () => true,
      () => false,
    );
    if (literal || !/[*?[\]{}]/.test(a)) {
      out.push(a);
      continue;
    }
    const matches = (await glob(a, { cwd, withFileTypes: true, windowsPathsNoEscape: true }))
      .filter((m) => m.isDirectory())
      .map((m) => m.relative())
      .sort();
    if (matches.length === 0) throw new UsageError('no-folders', { pattern: a });
    out.push(...matches);
  }
  // One folder named twice (`storvik`, `storvik/`, `./storvik`, a link to it) is checked once.
  const seen = new Set<string>();
  return out.filter((f) => {
    const abs = resolve(cwd, f);
    let key = abs;
    try {
      key = realpathSync.native(abs);
    } catch {
      // not there: checkApplication says so
    }
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export async function checkAll(folders: string[], opts: CheckCliOptions, lang: Lang | undefined): Promise<Report[]> {
  return checkMany(folders, { date: opts.date, lang, config: opts.config, strict: opts.strict });
}

/**
 * `--fix`: the spelling fixes, applied before the check, and the list of what changed (on standard
 * output above a pretty report, else on standard error, so that a JSON or XML report stays whole).
 */
async function fixAll(folders: string[], opts: CheckCliOptions, lang: Lang | undefined, targets: Target[], io: Io, uiLang: Lang) {
  const { fixFolder, describeFixes } = await import('../fix/index.js');
  const done = [];
  for (const folder of folders) {
    done.push({ folder, files: await fixFolder(resolve(io.cwd, folder), { date: opts.date, lang, config: opts.config }) });
  }
  const onStdout = targets.filter((t) => !t.file);
  const out = onStdout.length > 0 && onStdout.every((t) => t.format === 'pretty') ? io.stdout : io.stderr;
  const path = (folder: string, file: string) =>
    relative(io.cwd, resolve(io.cwd, folder, file))
      .split(sep)
      .join('/');
  out.write(describeFixes(done, lang ?? uiLang, path));
}

export async function runCheck(args: string[], opts: CheckCliOptions, io: Io, uiLang: Lang): Promise<number> {
  const lang = opts.lang !== undefined ? langFrom(opts.lang) : langFrom(io.env.QM_LANG);
  if (opts.lang !== undefined && !lang) throw new UsageError('bad-lang', { value: opts.lang });
  const targets = parseFormats(opts.format ?? [], opts.output);
  const folders = await expandFolders(args, io.cwd);
  const files = targets.flatMap((t) => (t.file ? [resolve(io.cwd, t.file)] : []));
  files.forEach((f, i) => {
    if (files.slice(0, i).some((g) => sameFile(f, g)))
      throw new UsageError('output-twice', { file: targets.filter((t) => t.file)[i]!.file! });
    if (
      isApplicationFile(
        f,
        folders.map((d) => resolve(io.cwd, d)),
      )
    )
      throw new UsageError('output-is-input', { file: targets.filter((t) => t.file)[i]!.file! });
  });
  const once = async (): Promise<number> => {
    if (opts.fix) await fixAll(folders, opts, lang, targets, io, uiLang);
    const reports = await checkAll(folders, opts, lang);
    const reportLang = lang ?? reports[0]?.lang ?? uiLang;
    const base: Omit<FormatContext, 'color' | 'width'> = {
      lang: reportLang,
      quiet: Boolean(opts.quiet),
      cwd: io.cwd,
      strict: Boolean(opts.strict),
    };
    const columns = Number(io.env.COLUMNS) || 0;
    for (const t of targets) {
      if (t.file) {
        await writeFileAtomic(t.file, formatters[t.format]!(reports, { ...base, color: false, width: 0 }));
      } else {
        const width = io.stdout.isTTY ? (io.stdout.columns ?? columns) || 80 : columns;
        io.stdout.write(formatters[t.format]!(reports, { ...base, color: useColor(io.stdout, io.env), width }));
      }
    }
    if (targets.every((t) => t.file)) {
      // Every report went to a file: standard output stays empty (cli.md, "instead of standard
      // output"), and the terminal still sees the outcome, on standard error.
      const { oneLineSummary } = await import('../report/summary.js');
      io.stderr.write(oneLineSummary(reports, reportLang, { color: useColor(io.stderr, io.env) }));
    }
    return reports.every((r) => r.ok) ? 0 : 1;
  };
  if (opts.watch) {
    const { watchLoop } = await import('./watch.js');
    const outputs = targets.flatMap((t) => (t.file ? [resolve(io.cwd, t.file)] : []));
    const dirs = folders.map((f) => resolve(io.cwd, f));
    return watchLoop({ dirs, files: opts.config ? [resolve(io.cwd, opts.config)] : [], ignore: outputs, lang: lang ?? uiLang }, once, io);
  }
  return once();
}
