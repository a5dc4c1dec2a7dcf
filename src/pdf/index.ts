/**
 * `compilePdf`: check the application, and unless it has errors (or a draft is asked for)
 * typeset the submission PDF and write it atomically. The application folder is only read.
 *
 *   check ─▶ read the folder ─▶ number the attachments ─▶ build the content (main thread:
 *   Markdown, facts, font coverage) ─▶ job in a worker (open attachments, typeset, merge and
 *   write, one attachment at a time, into a temporary file) ─▶ rename it over the target.
 *   The worker starts with the check and opens the attachments while the content is built.
 */
import { access, realpath, stat } from 'node:fs/promises';
import { constants } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { check } from '../engine/index.js';
import { CHAPTER_TITLES } from '../i18n/index.js';
import { isApplicationFile } from '../util/output-guard.js';
import { UsageError } from '../util/errors.js';
import { writeFileAtomic } from '../util/atomic.js';
import type { Application, Diagnostic, Finding, Lang, Report } from '../model/types.js';
import { Context } from './content/context.js';
import { buildPlan, planAttachments } from './content/document.js';
import { Coverage, fontDir } from './fonts.js';
import { JobRunner } from './job/run.js';
import type { Progress } from './plan.js';

export interface CompilePdfOptions {
  /** The PDF file (default: `<folder name>.pdf` in the working directory). */
  output?: string;
  /** Compile despite errors: every page marked UTKAST, the open errors after the cover. */
  draft?: boolean;
  /** Reference date YYYY-MM-DD. */
  date?: string;
  /** A qm.config.yaml to use instead of the folder's own. */
  config?: string;
  /** Language of the report and messages (the PDF itself is always Swedish). */
  lang?: Lang;
  onProgress?: (p: PdfProgress) => void;
  /** Time limit for opening or merging one attachment (ms); by default 60 s plus 2 s per megabyte. */
  attachmentTimeoutMs?: number;
}

export type PdfProgress = Progress | { step: 'check' } | { step: 'write'; file: string };

export interface CompilePdfResult {
  /** False when refused: the check found errors and no draft was asked for. */
  written: boolean;
  /** Absolute path of the PDF. */
  file: string;
  pages: number;
  attachments: number;
  report: Report;
  /** What only typesetting finds (`pdf/tecken-saknas`, `pdf/tabell-for-bred`), as diagnostics. */
  diagnostics: Diagnostic[];
}

const isError = (d: Diagnostic) => d.severity === 'error' && !d.excepted;

/** Refuses (before any work) an output qm cannot write or that is one of the application's files. */
async function checkOutput(output: string, app: Application): Promise<void> {
  const dir = dirname(output);
  const st = await stat(dir).catch(() => undefined);
  if (!st?.isDirectory()) throw new UsageError('output-unwritable', { file: output, code: 'ENOENT' });
  await access(dir, constants.W_OK).catch(() => {
    throw new UsageError('output-unwritable', { file: output, code: 'EACCES' });
  });
  if ((await stat(output).catch(() => undefined))?.isDirectory())
    throw new UsageError('output-unwritable', { file: output, code: 'EISDIR' });
  const real = join(await realpath(dir), basename(output));
  const own = [
    ...app.attachments.flatMap((a) => (a.resolved ? [a.resolved.absolute] : [])),
    ...app.chapters.map((c) => join(app.root, c.file)),
    join(app.root, app.meta.file),
    join(app.root, 'qm.config.yaml'),
    join(app.root, 'qm.config.yml'),
  ];
  if (own.some((p) => p.normalize('NFC') === real.normalize('NFC')) || isApplicationFile(output, [app.root]))
    throw new UsageError('pdf-output-is-input', { file: output });
}

/** What typesetting found (characters the font cannot show, tables that fit no page), as findings for the engine to turn into diagnostics. */
function pdfFindings(ctx: Context): Finding[] {
  const wide = ctx.wideTables.map((t) => ({
    rule: 'pdf/tabell-for-bred' as const,
    file: t.file,
    chapter: t.chapter,
    pointer: null,
    position: t.position ?? null,
    args: {
      columns: t.columns,
      line: t.position?.line ?? 0,
      chapter: t.chapter ? `${t.chapter} ${CHAPTER_TITLES[t.chapter - 1]}` : t.file,
    },
  }));
  return [
    ...wide,
    ...[...ctx.missing.values()].map((m) => ({
      rule: 'pdf/tecken-saknas' as const,
      file: m.file,
      chapter: m.chapter,
      pointer: null,
      position: m.position ?? null,
      args: { char: m.char, code: `U+${m.char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`, count: m.count },
    })),
  ];
}

export async function compilePdf(folder: string, options: CompilePdfOptions = {}): Promise<CompilePdfResult> {
  const progress = (p: PdfProgress) => options.onProgress?.(p);
  progress({ step: 'check' });
  // The job's thread starts now: it loads the typesetter while the application is checked.
  const job = new JobRunner({ onProgress: progress, attachmentTimeoutMs: options.attachmentTimeoutMs });
  try {
    return await compile(folder, options, job);
  } finally {
    await job.stop();
  }
}

async function compile(folder: string, options: CompilePdfOptions, job: JobRunner): Promise<CompilePdfResult> {
  const progress = (p: PdfProgress) => options.onProgress?.(p);
  // The check's own reading of the folder and its decisions: nothing is read or decided again.
  const checked = await check(folder, { date: options.date, lang: options.lang, config: options.config });
  const { report, app, facts, config: cfg } = checked;
  const output = resolve(options.output ?? `${basename(resolve(folder))}.pdf`);
  const refused = (diagnostics: Diagnostic[]): CompilePdfResult => ({
    written: false,
    file: output,
    pages: 0,
    attachments: 0,
    report,
    diagnostics,
  });
  if (report.diagnostics.some(isError) && !options.draft) return refused([]);

  await checkOutput(output, app);

  const numbering = facts.attachments;
  const broken = numbering.list.find((a) => a.broken);
  if (broken) throw new UsageError('pdf-attachment-broken', { file: broken.relative ?? broken.path });
  // The attachments are opened while the content is built.
  job.inspect(planAttachments(numbering));

  const dir = fontDir();
  const ctx = new Context(app, new Coverage(), facts);
  const plan = buildPlan({
    app,
    report,
    exceptions: cfg.exceptions,
    configFile: cfg.file,
    numbering,
    ctx,
    draft: Boolean(options.draft),
    fontDir: dir,
  });
  const diagnostics = checked.diagnose(pdfFindings(ctx));
  if (diagnostics.some(isError) && !options.draft) return refused(diagnostics);

  // The job writes the PDF into the temporary file as it assembles it; renamed only when whole.
  let pages = 0;
  await writeFileAtomic(output, async (fh) => {
    try {
      ({ pages } = await job.run(plan, fh.fd));
    } catch (e) {
      // The job does not know the file's name.
      if (e instanceof UsageError && e.key === 'output-unwritable') throw new UsageError(e.key, { ...e.args, file: output });
      throw e;
    }
    progress({ step: 'write', file: output });
  });
  return { written: true, file: output, pages, attachments: plan.attachments.length, report, diagnostics };
}
