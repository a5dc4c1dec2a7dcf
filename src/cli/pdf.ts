/**
 * `qm pdf`: compile the submission PDF. Exit 0 when written, 1 when refused because the
 * application has errors (the list goes to standard output), 2 when qm could not do it (one
 * line on standard error). Progress goes to standard error: a spinner naming the step and the
 * attachment on a terminal, one line per step otherwise (CI logs).
 */
import { relative, resolve } from 'node:path';
import { UsageError } from '../util/errors.js';
import { looksLikeApplication } from '../engine/app-folder.js';
import { ui } from '../i18n/index.js';
import type { Diagnostic, Lang } from '../model/types.js';
import type { PdfProgress } from '../pdf/index.js';
import { formatPretty, location } from '../report/pretty.js';
import { chosenLang, useColor, type Io } from './io.js';

export interface PdfCliOptions {
  output?: string;
  draft?: boolean;
  date?: string;
  config?: string;
  lang?: string;
}

interface Reporter {
  step(text: string): void;
  done(): void;
  failed(text: string): void;
}

async function reporter(io: Io): Promise<Reporter> {
  // A terminal that reports no width (a pseudo-terminal without a size) gets lines: the spinner
  // would count its text as endless lines to clear.
  if (io.stderr.isTTY && ((io.stderr as NodeJS.WriteStream).columns ?? 0) > 0) {
    const { default: ora } = await import('ora');
    const spinner = ora({ stream: io.stderr as NodeJS.WriteStream, discardStdin: false });
    return {
      step: (text) => {
        spinner.text = text;
        if (!spinner.isSpinning) spinner.start();
      },
      done: () => spinner.stop(),
      failed: (text) => spinner.fail(text),
    };
  }
  // cli.md: progress only on a terminal. A log or a pipe gets the result and the errors alone.
  if (io.stderr.isTTY) return { step: (text) => io.stderr.write(`qm pdf: ${text}\n`), done: () => undefined, failed: () => undefined };
  return { step: () => undefined, done: () => undefined, failed: () => undefined };
}

function stepText(p: PdfProgress, lang: Lang): string {
  const t = ui[lang].pdf;
  const f = t[p.step];
  return f ? f(p as unknown as Record<string, string | number>) : p.step;
}

function diagnosticLine(d: Diagnostic, lang: Lang): string {
  const where = location(d);
  return `${where ? `${where}  ` : ''}${ui[lang].severity[d.severity]}  ${d.message}  ${d.rule}\n`;
}

export async function runPdf(folder: string, opts: PdfCliOptions, io: Io, uiLang: Lang): Promise<number> {
  const lang = chosenLang(opts.lang, io.env);
  // A folder without a chapter file or ansokan.yaml: one line, not a refusal listing ten gaps.
  if (looksLikeApplication(resolve(io.cwd, folder)) === false) throw new UsageError('not-an-application', { folder });
  let shown: Lang = lang ?? uiLang;
  const progress = await reporter(io);
  const seconds = Number(io.env.QM_PDF_ATTACHMENT_TIMEOUT);
  const { compilePdf } = await import('../pdf/index.js');
  let result;
  try {
    result = await compilePdf(folder, {
      output: opts.output,
      draft: Boolean(opts.draft),
      date: opts.date,
      config: opts.config,
      lang,
      attachmentTimeoutMs: seconds > 0 ? seconds * 1000 : undefined,
      onProgress: (p) => progress.step(stepText(p, shown)),
    });
  } catch (e) {
    progress.failed(ui[shown].pdf.failed!({}));
    throw e;
  }
  progress.done();
  shown = lang ?? result.report.lang ?? uiLang;
  const t = ui[shown].pdf;
  const errors = result.report.diagnostics.filter((d) => d.severity === 'error' && !d.excepted).length;
  if (!result.written) {
    const width = io.stdout.isTTY ? (io.stdout.columns ?? 80) : 0;
    io.stdout.write(formatPretty(result.report, { color: useColor(io.stdout, io.env), width, quiet: true, lang: shown }));
    for (const d of result.diagnostics) io.stdout.write(diagnosticLine(d, shown));
    io.stderr.write(`qm: ${t.refused!({ errors: errors + result.diagnostics.filter((d) => d.severity === 'error').length })}\n`);
    return 1;
  }
  // Warnings do not stop the PDF, but the writer should see them.
  for (const d of [...result.report.diagnostics.filter((x) => x.severity !== 'error' && !x.excepted), ...result.diagnostics])
    io.stdout.write(diagnosticLine(d, shown));
  const args = { file: opts.output ?? relative(io.cwd, result.file), pages: result.pages, attachments: result.attachments, errors };
  io.stdout.write(`${opts.draft && errors > 0 ? t.draftWritten!(args) : t.written!(args)}\n`);
  return 0;
}
