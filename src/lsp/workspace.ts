/**
 * The application folders the editor has files open in: each is checked by the engine with the
 * editor's unsaved buffers laid over the disk (`overlayVfs`), again whenever one of its files
 * changes (in the editor or on the disk), and its diagnostics are published for every file of
 * the folder at once, so that a goal removed in chapter 6 shows in chapter 7.
 *
 * A check that was overtaken by an edit while it ran is thrown away, never published: what the
 * editor shows is always the check of the text it holds (no stale diagnostics). Bursts of edits
 * are coalesced (one check per burst), and a check never runs twice at once for one folder.
 */
import { watch, type FSWatcher, readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { check, type CheckResult } from '../engine/check.js';
import { CHAPTER_FILE, META_FILE } from '../load/folder.js';
import { diskVfs, overlayVfs } from '../load/vfs.js';
import { decodeUtf8 } from '../load/text.js';
import { usageMessage } from '../i18n/index.js';
import type { Diagnostic as QmDiagnostic, Lang } from '../model/types.js';
import type { RuleId } from '../rules/ids.js';
import { UsageError } from '../util/errors.js';
import { outline, splitLines, type Line } from './outline.js';
import { diagnosticRange, type Range0 } from './ranges.js';
import { ruleDocUrl } from './docs.js';
import { words } from './words.js';
import type { FileKind } from './schema.js';

/** What the editor is sent for one diagnostic (LSP `Diagnostic`), with qm's own data for code actions and hover. */
export interface LspDiagnostic {
  range: Range0;
  severity: 1 | 2 | 3 | 4;
  code?: string;
  codeDescription?: { href: string };
  source: 'qm';
  message: string;
  data?: DiagnosticData;
}

export interface DiagnosticData {
  rule: RuleId;
  pointer: string | null;
  args: Record<string, string | number>;
  line: number | null;
  column: number | null;
}

export interface ConfigError {
  message: string;
  line: number | null;
  column: number | null;
}

export interface AppState {
  /** The folder as the editor's paths name it. */
  folder: string;
  result?: CheckResult;
  configError?: ConfigError;
  /** What was last published, by URI. */
  published: Map<string, LspDiagnostic[]>;
  running: boolean;
  dirty: boolean;
  timer?: NodeJS.Timeout;
  watchers: FSWatcher[];
  /** Checks run, and the last one's duration (for the log). */
  runs: number;
}

export interface Host {
  documents(): TextDocument[];
  publish(uri: string, diagnostics: LspDiagnostic[], version?: number): void;
  log(message: string): void;
  /** Called after each published check (tests and the benchmark wait on the log, not on this). */
  checked?(app: AppState): void;
}

export interface WorkspaceOptions {
  lang?: Lang;
  date?: string;
  /** Milliseconds to wait after an edit before checking (edits within it are one check). */
  debounceMs?: number;
  /** Watch the folders on disk (attachments added, files changed outside the editor). */
  watchDisk?: boolean;
}

export function pathOf(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

/** What a file of an application folder is, by its name; undefined for any other file. */
export function kindOf(path: string): FileKind | undefined {
  const name = basename(path).normalize('NFC');
  if (name.startsWith('.')) return undefined;
  const m = CHAPTER_FILE.exec(name);
  if (m) return { kind: 'chapter', chapter: Number(m[1]), markdown: /\.md$/i.test(name) };
  if (META_FILE.test(name)) return { kind: 'meta' };
  if (/^qm\.config\.ya?ml$/.test(name)) return { kind: 'config' };
  return undefined;
}

const SEVERITY = { error: 1, warning: 2, info: 3 } as const;

export class Workspace {
  readonly apps = new Map<string, AppState>();
  private closed = false;

  constructor(
    private readonly host: Host,
    readonly options: WorkspaceOptions,
  ) {}

  get lang(): Lang | undefined {
    return this.options.lang;
  }

  /** The folder whose file this is (for a file of a kind qm reads), or undefined. */
  folderOf(uri: string): string | undefined {
    const p = pathOf(uri);
    return p && kindOf(p) ? dirname(p) : undefined;
  }

  /** A file of this kind was opened, changed or closed in the editor. */
  touched(uri: string): void {
    const folder = this.folderOf(uri);
    if (folder) this.schedule(folder);
  }

  /** Something changed on disk at this path (a watched-files event). */
  changedOnDisk(path: string): void {
    for (const app of this.apps.values()) {
      if (path === app.folder || path.startsWith(app.folder + '/') || path.startsWith(app.folder + '\\')) this.schedule(app.folder, 50);
    }
    const folder = kindOf(path) ? dirname(path) : undefined;
    if (folder && !this.apps.has(folder) && this.hasOpen(folder)) this.schedule(folder);
  }

  private hasOpen(folder: string): boolean {
    return this.host.documents().some((d) => this.folderOf(d.uri) === folder);
  }

  /**
   * An application folder: it holds an ansokan.yaml, or chapter files of at least two chapters
   * (on disk or open in the editor). A lone Markdown file named `01-…` elsewhere is not one.
   */
  isApplication(folder: string): boolean {
    const names = new Set<string>();
    try {
      for (const n of readdirSync(folder)) names.add(n.normalize('NFC'));
    } catch {
      // a folder that is gone: only what the editor holds
    }
    for (const d of this.host.documents()) {
      const p = pathOf(d.uri);
      if (p && dirname(p) === folder) names.add(basename(p).normalize('NFC'));
    }
    const chapters = new Set<number>();
    for (const n of names) {
      if (n.startsWith('.')) continue;
      if (META_FILE.test(n)) return true;
      const m = CHAPTER_FILE.exec(n);
      if (m) chapters.add(Number(m[1]));
    }
    return chapters.size >= 2;
  }

  schedule(folder: string, delay = this.options.debounceMs ?? 5): void {
    if (this.closed) return;
    let app = this.apps.get(folder);
    if (!app) {
      if (!this.isApplication(folder)) return;
      app = { folder, published: new Map(), running: false, dirty: false, watchers: [], runs: 0 };
      this.apps.set(folder, app);
      if (this.options.watchDisk !== false) this.watchFolder(app);
    }
    app.dirty = true;
    if (app.running || app.timer) return;
    const a = app;
    a.timer = setTimeout(() => {
      a.timer = undefined;
      void this.run(a);
    }, delay);
  }

  private watchFolder(app: AppState): void {
    const on = () => this.schedule(app.folder, 50);
    for (const [dir, recursive] of [
      [app.folder, false],
      [join(app.folder, 'bilagor'), true],
    ] as const) {
      try {
        const w = watch(dir, { recursive, persistent: false }, on);
        w.on('error', () => undefined);
        app.watchers.push(w);
      } catch {
        // no such folder (yet), or the platform cannot watch it: the editor's own events still count
      }
    }
  }

  private async run(app: AppState): Promise<void> {
    if (this.closed) return;
    app.running = true;
    app.dirty = false;
    const started = performance.now();
    let outcome: Awaited<ReturnType<Workspace['compute']>>;
    try {
      outcome = await this.compute(app);
    } catch (e) {
      outcome = { kind: 'failed', error: e };
    }
    app.running = false;
    app.runs++;
    if (this.closed) return;
    if (app.dirty) {
      // An edit came in while this check ran: its result is already stale.
      void this.run(app);
      return;
    }
    if (outcome.kind === 'gone') {
      this.drop(app);
      return;
    }
    if (outcome.kind === 'failed') {
      this.host.log(`qm lsp: the check of ${app.folder} failed: ${(outcome.error as Error)?.stack ?? String(outcome.error)}`);
      return;
    }
    app.result = outcome.result;
    app.configError = outcome.configError;
    this.publish(app, outcome.versions);
    this.host.log(`qm lsp: checked ${app.folder} in ${(performance.now() - started).toFixed(1)} ms`);
    this.host.checked?.(app);
  }

  private async compute(
    app: AppState,
  ): Promise<
    | { kind: 'ok'; result: CheckResult; configError?: ConfigError; versions: Map<string, number> }
    | { kind: 'gone' }
    | { kind: 'failed'; error: unknown }
  > {
    if (!this.isApplication(app.folder)) return { kind: 'gone' };
    const overlay = new Map<string, string | null>();
    const versions = new Map<string, number>();
    for (const doc of this.host.documents()) {
      const p = pathOf(doc.uri);
      if (!p || dirname(p) !== app.folder) continue;
      overlay.set(p, doc.getText());
      versions.set(doc.uri, doc.version);
    }
    const options = { date: this.options.date, lang: this.options.lang };
    try {
      const result = await check(app.folder, { ...options, fs: overlayVfs(diskVfs, overlay) });
      return { kind: 'ok', result, versions };
    } catch (e) {
      if (!(e instanceof UsageError)) return { kind: 'failed', error: e };
      if (!e.key.startsWith('config-')) return { kind: 'gone' };
      // A qm.config.yaml that cannot be used (exit 2 in the CLI) is said on that file, and the
      // rest of the folder is checked without it meanwhile.
      const configError = configErrorOf(e, this.options.lang ?? 'sv');
      for (const name of ['qm.config.yaml', 'qm.config.yml']) overlay.set(join(app.folder, name), null);
      try {
        const result = await check(app.folder, { ...options, fs: overlayVfs(diskVfs, overlay) });
        return { kind: 'ok', result, configError, versions };
      } catch (again) {
        return again instanceof UsageError ? { kind: 'gone' } : { kind: 'failed', error: again };
      }
    }
  }

  /** Clears what was published for a folder that is no longer an application (or is gone). */
  private drop(app: AppState): void {
    for (const uri of app.published.keys()) this.host.publish(uri, []);
    for (const w of app.watchers) w.close();
    if (app.timer) clearTimeout(app.timer);
    this.apps.delete(app.folder);
  }

  /** The URI of a file of the folder: the open document's own, else one made from the path on disk. */
  uriFor(folder: string, rel: string, names?: string[]): string {
    const want = join(folder, rel).normalize('NFC');
    for (const d of this.host.documents()) {
      const p = pathOf(d.uri);
      if (p && p.normalize('NFC') === want) return d.uri;
    }
    const onDisk = names?.find((n) => n.normalize('NFC') === rel.normalize('NFC'));
    return pathToFileURL(join(folder, onDisk ?? rel)).href;
  }

  /** The text of a file: the editor's, else the disk's (without its byte-order mark), else nothing. */
  textOf(uri: string): string | undefined {
    const doc = this.host.documents().find((d) => d.uri === uri);
    if (doc) return doc.getText();
    const p = pathOf(uri);
    if (!p) return undefined;
    try {
      const decoded = decodeUtf8(readFileSync(p));
      return 'text' in decoded ? decoded.text : undefined;
    } catch {
      return undefined;
    }
  }

  private publish(app: AppState, versions: Map<string, number>): void {
    const result = app.result!;
    const lang: Lang = result.report.lang;
    let names: string[] = [];
    try {
      names = readdirSync(app.folder);
    } catch {
      // gone meanwhile: the next check says so
    }
    const next = new Map<string, LspDiagnostic[]>();
    const metaUri = this.uriFor(app.folder, result.app.meta.file, names);
    next.set(metaUri, []);
    for (const c of result.app.chapters) next.set(this.uriFor(app.folder, c.file, names), []);
    const configName = names.find((n) => /^qm\.config\.ya?ml$/.test(n));
    if (configName) next.set(this.uriFor(app.folder, configName, names), []);
    const texts = new Map<string, { lines: Line[]; isYaml: (l: number) => boolean }>();
    const textFor = (uri: string) => {
      let t = texts.get(uri);
      if (!t) {
        const text = this.textOf(uri) ?? '';
        const p = pathOf(uri);
        const kind = p ? kindOf(p) : undefined;
        const o = outline(text, kind?.kind === 'chapter' && kind.markdown);
        const blocks = o.keys.filter((k) => k.block);
        t = {
          lines: splitLines(text),
          isYaml: (l) => l >= o.first && l < o.last && !blocks.some((k) => l > k.line && l <= k.endLine),
        };
        texts.set(uri, t);
      }
      return t;
    };

    for (const d of result.report.diagnostics) {
      const own = d.file !== null && !d.file.includes('/') && kindOf(d.file) !== undefined;
      const uri = own ? this.uriFor(app.folder, d.file!, names) : metaUri;
      const t = textFor(uri);
      const diagnostic = toLsp(
        d,
        own ? diagnosticRange(t.lines, d.line, d.column, t.isYaml) : diagnosticRange(t.lines, null, null, t.isYaml),
        lang,
      );
      const list = next.get(uri) ?? [];
      list.push(diagnostic);
      next.set(uri, list);
    }
    if (app.configError) {
      const uri = configName ? this.uriFor(app.folder, configName, names) : pathToFileURL(join(app.folder, 'qm.config.yaml')).href;
      const t = textFor(uri);
      const e = app.configError;
      const list = next.get(uri) ?? [];
      list.push({
        range: diagnosticRange(t.lines, e.line, e.column, t.isYaml),
        severity: 1,
        source: 'qm',
        message: `${e.message}\n${words[lang].configError}`,
      });
      next.set(uri, list);
    }
    for (const uri of app.published.keys()) if (!next.has(uri)) this.host.publish(uri, []);
    for (const [uri, list] of next) this.host.publish(uri, list, versions.get(uri));
    app.published = next;
  }

  dispose(): void {
    this.closed = true;
    for (const app of this.apps.values()) {
      for (const w of app.watchers) w.close();
      if (app.timer) clearTimeout(app.timer);
    }
  }
}

function configErrorOf(e: UsageError, lang: Lang): ConfigError {
  const where = typeof e.args.where === 'string' ? e.args.where : '';
  const m = /:(\d+):(\d+)$/.exec(where);
  let message = usageMessage(e.key, e.args, lang);
  if (where && message.startsWith(`${where}: `)) message = message.slice(where.length + 2);
  return { message, line: m ? Number(m[1]) : null, column: m ? Number(m[2]) : null };
}

/** A qm diagnostic as the editor gets it: the rule id as code, linked to its documentation. */
export function toLsp(d: QmDiagnostic, range: Range0, lang: Lang): LspDiagnostic {
  // An error under an exception (`undantag`) does not fail the check: shown as information
  // that quotes the justification, as the github report shows it.
  const severity = d.excepted ? 3 : SEVERITY[d.severity];
  const message = d.excepted ? `${d.message}\n${words[lang].exception}: ${d.excepted.reason}` : d.message;
  return {
    range,
    severity,
    code: d.rule,
    codeDescription: { href: ruleDocUrl(d.rule, lang) },
    source: 'qm',
    message,
    data: { rule: d.rule, pointer: d.pointer, args: d.args, line: d.line, column: d.column },
  };
}
