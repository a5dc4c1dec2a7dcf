/** `qm check`: check folders, print or write the reports, set the exit code. */
import { readFileSync, realpathSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { dirname, relative, resolve, sep } from 'node:path';
import { glob } from 'glob';
import { checkMany } from '../engine/pool.js';
import { UsageError } from '../util/errors.js';
import { writeFileAtomic } from '../util/atomic.js';
import { isApplicationFile, sameFile } from '../util/output-guard.js';
import { looksLikeApplication } from '../engine/app-folder.js';
import { usageMessage } from '../i18n/index.js';
import type { Lang, Report } from '../model/types.js';
import { DOCUMENT_FORMATS, FORMAT_NAMES, formatterByName, isFormatName, type FormatContext } from '../report/index.js';
import { chosenLang, useColor, writeRaw, type Io } from './io.js';

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
  markdownMax?: string;
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
    if (!isFormatName(format)) throw new UsageError('bad-format', { value: format, formats: FORMAT_NAMES.join(',') });
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
  const document = toStdout.find((t) => (DOCUMENT_FORMATS as readonly string[]).includes(t.format));
  const other = toStdout.find((t) => t !== document);
  if (document && other) throw new UsageError('format-stdout', { format: document.format, other: other.format });
  return targets;
}

/** The folders to check, and the folders a glob matched that hold no application (skipped). */
export interface Expanded {
  folders: string[];
  skipped: string[];
}

/**
 * Folders as given, with globs expanded by qm (so they work in every shell and on Windows). A glob
 * matches folders and links to folders; those that hold no application (no chapter file, no
 * ansokan.yaml) are skipped. A folder given by name that holds none is a usage error (exit 2).
 */
export async function expandFolders(args: string[], cwd: string): Promise<Expanded> {
  const out: string[] = [];
  const skipped: string[] = [];
  const globs: string[] = [];
  for (const a of args.length ? args : ['.']) {
    const st = await stat(resolve(cwd, a)).catch(() => undefined);
    if (st || !/[*?[\]{}]/.test(a)) {
      // Missing, a file, unreadable: checkApplication says which.
      if (st?.isDirectory() && looksLikeApplication(resolve(cwd, a)) === false) throw new UsageError('not-an-application', { folder: a });
      out.push(a);
      continue;
    }
    globs.push(a);
    const matches: string[] = [];
    for (const m of await glob(a, { cwd, withFileTypes: true, windowsPathsNoEscape: true })) {
      const dir = m.isDirectory() || (m.isSymbolicLink() && Boolean((await stat(m.fullpath()).catch(() => undefined))?.isDirectory()));
      if (dir) matches.push(m.relative());
    }
    if (matches.length === 0) throw new UsageError('no-folders', { pattern: a });
    for (const m of matches.sort()) {
      if (looksLikeApplication(resolve(cwd, m)) === false) skipped.push(m);
      else out.push(m);
    }
  }
  if (out.length === 0 && skipped.length > 0)
    throw new UsageError('no-applications', { pattern: globs.join(' '), skipped: skipped.length });
  // One folder named twice (`storvik`, `storvik/`, `./storvik`, a link to it) is checked once.
  const seen = new Set<string>();
  const folders = out.filter((f) => {
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
  return { folders, skipped };
}

export async function checkAll(folders: string[], opts: CheckCliOptions, lang: Lang | undefined): Promise<Report[]> {
  return checkMany(folders, { date: opts.date, lang, config: opts.config, strict: opts.strict });
}

/** `--markdown-max`: a whole number of characters, at least 1,000 (room for the summary line). */
export function parseMarkdownMax(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value.replace(/[\s_]/g, ''));
  if (!/^\s*\d[\d\s_]*$/.test(value) || !Number.isSafeInteger(n) || n < 1000) throw new UsageError('bad-markdown-max', { value });
  return n;
}

/** The text of the application files a report points into (for SARIF's regions); not attachments. */
function sourceReader(): (file: string) => string | undefined {
  const cache = new Map<string, string | undefined>();
  return (file) => {
    if (!/\.(md|markdown|ya?ml)$/i.test(file)) return undefined;
    if (!cache.has(file)) {
      let text: string | undefined;
      try {
        text = readFileSync(file, 'utf8');
      } catch {
        text = undefined;
      }
      cache.set(file, text);
    }
    return cache.get(file);
  };
}

/** Where the whole report is, for the markdown report's line about what it left out. */
function fullReportFrom(targets: Target[], markdown: Target, env: NodeJS.ProcessEnv, lang: Lang): string[] {
  const places: string[] = [];
  for (const t of targets) {
    if (t === markdown || t.format === 'github') continue;
    if (t.file) places.push(t.file);
    else if (t.format === 'pretty') places.push(lang === 'en' ? 'the job log' : 'jobbets logg');
  }
  if (env.GITHUB_SERVER_URL && env.GITHUB_REPOSITORY && env.GITHUB_RUN_ID)
    places.push(`${env.GITHUB_SERVER_URL}/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID}`);
  else if (env.CI_JOB_URL) places.push(env.CI_JOB_URL);
  return places;
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
  const targets = parseFormats(opts.format ?? [], opts.output);
  // From here on, a report file asked for is written even when qm cannot do its job.
  const written = new Set<Target>();
  const failed = async (e: unknown, lang: Lang, folders: string[]): Promise<never> => {
    const rest = targets.filter((t) => !written.has(t));
    await writeFailureFiles(rest, e, { lang, cwd: io.cwd, folders: folders.map((d) => resolve(io.cwd, d)) });
    throw e;
  };
  let lang: Lang | undefined;
  let markdownMax: number | undefined;
  let folders: string[];
  try {
    lang = chosenLang(opts.lang, io.env);
    markdownMax = parseMarkdownMax(opts.markdownMax);
    const expanded = await expandFolders(args, io.cwd);
    folders = expanded.folders;
    for (const folder of expanded.skipped) io.stderr.write(`qm: ${usageMessage('skipped-folder', { folder }, lang ?? uiLang)}\n`);
  } catch (e) {
    return failed(e, lang ?? uiLang, args);
  }
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
    let reports: Report[];
    try {
      if (opts.fix) await fixAll(folders, opts, lang, targets, io, uiLang);
      reports = await checkAll(folders, opts, lang);
    } catch (e) {
      return opts.watch ? Promise.reject(e) : failed(e, lang ?? uiLang, folders);
    }
    const reportLang = lang ?? reports[0]?.lang ?? uiLang;
    const base: Omit<FormatContext, 'color' | 'width'> = {
      lang: reportLang,
      quiet: Boolean(opts.quiet),
      cwd: io.cwd,
      strict: Boolean(opts.strict),
      ...(markdownMax !== undefined ? { markdownMax } : {}),
      source: sourceReader(),
    };
    const columns = Number(io.env.COLUMNS) || 0;
    written.clear();
    for (const t of targets) {
      const f = formatterByName(t.format)!;
      const extra = t.format === 'markdown' ? { fullReport: fullReportFrom(targets, t, io.env, reportLang) } : {};
      if (t.file) {
        try {
          await writeFileAtomic(t.file, f.format(reports, { ...base, ...extra, color: false, width: 0 }));
        } catch (e) {
          if (opts.watch) throw e;
          written.add(t);
          return failed(e, reportLang, folders);
        }
      } else {
        // COLUMNS=0 turns wrapping off even on a terminal (an editor's task that reads the lines).
        const width = io.env.COLUMNS?.trim() === '0' ? 0 : io.stdout.isTTY ? (io.stdout.columns ?? columns) || 80 : columns;
        const text = f.format(reports, { ...base, ...extra, color: useColor(io.stdout, io.env), width });
        // The github format's lines are qm's own workflow commands: the one text the log guard lets through.
        if (t.format === 'github') writeRaw(io.stdout, text);
        else io.stdout.write(text);
      }
      written.add(t);
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

/**
 * qm could not do its job (exit 2): each report file asked for whose format has a failure form
 * (SARIF, JUnit) is still written, saying why, so that a CI step that reads it whatever happened
 * (`upload-sarif` with `if: always()`) finds a file and shows the reason. Best effort: the
 * message on standard error and the exit code stay what they are if a file cannot be written.
 */
async function writeFailureFiles(targets: Target[], e: unknown, o: { lang: Lang; cwd: string; folders: string[] }): Promise<void> {
  if (!(e instanceof UsageError)) return;
  const message = usageMessage(e.key, e.args, o.lang);
  for (const t of targets) {
    const f = formatterByName(t.format);
    if (!t.file || !f?.failure) continue;
    // Never into an application (the folders as given, before any glob was expanded).
    const file = resolve(o.cwd, t.file);
    if (isApplicationFile(file, [...o.folders, dirname(file), dirname(dirname(file))])) continue;
    await writeFileAtomic(t.file, f.failure(message, { lang: o.lang, color: false, width: 0, quiet: false, cwd: o.cwd })).catch(
      () => undefined,
    );
  }
}
