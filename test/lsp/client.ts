/**
 * A Language Server Protocol client for the tests: starts the built `qm lsp` as an editor does
 * (a child process, JSON-RPC over its standard input and output, vscode-languageserver-protocol's
 * own connection), opens and edits documents, and waits for what the server publishes.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type Diagnostic,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';
import { BIN, ROOT } from '../helpers/app.js';

export interface Published {
  uri: string;
  version?: number;
  diagnostics: Diagnostic[];
  /** When it arrived (performance.now()), and its place among the notifications received. */
  at: number;
  seq: number;
}

export class Client {
  readonly child: ChildProcess;
  readonly conn: ProtocolConnection;
  /** The latest diagnostics per URI. */
  readonly diagnostics = new Map<string, Published>();
  /** Every publication, in order. */
  readonly history: Published[] = [];
  readonly log: { message: string; seq: number }[] = [];
  private seq = 0;
  stderr = '';
  private versions = new Map<string, number>();
  private texts = new Map<string, string>();
  private waiters: (() => void)[] = [];
  exited: Promise<number | null>;

  constructor(args: string[] = [], env: NodeJS.ProcessEnv = {}) {
    this.child = spawn(process.execPath, [BIN, 'lsp', ...args], {
      cwd: ROOT,
      env: { ...process.env, NO_COLOR: '1', QM_LANG: '', ...env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    this.child.stderr!.on('data', (b: Buffer) => (this.stderr += b.toString()));
    this.exited = new Promise((resolve) => this.child.on('exit', (code) => resolve(code)));
    this.conn = createProtocolConnection(new StreamMessageReader(this.child.stdout!), new StreamMessageWriter(this.child.stdin!));
    this.conn.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
      const entry = { ...p, at: performance.now(), seq: ++this.seq };
      this.diagnostics.set(p.uri, entry);
      this.history.push(entry);
      this.notify();
    });
    this.conn.onNotification('window/logMessage', (p: { message: string }) => {
      this.log.push({ message: p.message, seq: ++this.seq });
      this.notify();
    });
    this.conn.onRequest('client/registerCapability', () => null);
    this.conn.onRequest('workspace/configuration', () => []);
    this.conn.listen();
  }

  private notify(): void {
    for (const w of this.waiters.splice(0)) w();
  }

  async initialize(capabilities: Record<string, unknown> = DEFAULT_CAPABILITIES, initializationOptions?: unknown): Promise<unknown> {
    const r = await this.conn.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities, initializationOptions });
    await this.conn.sendNotification('initialized', {});
    return r;
  }

  /** Resolves when `done()` holds after a notification, or rejects after `ms`. */
  until(done: () => boolean, ms = 10_000, what = 'condition'): Promise<void> {
    return new Promise((resolve, reject) => {
      if (done()) return resolve();
      const timer = setTimeout(() => reject(new Error(`${what} not met within ${ms} ms\n${this.stderr}`)), ms);
      const check = () => {
        if (done()) {
          clearTimeout(timer);
          resolve();
        } else this.waiters.push(check);
      };
      this.waiters.push(check);
    });
  }

  /** Waits for the diagnostics of a URI at (at least) this document version, or newer than a time. */
  async diagnosticsFor(uri: string, opts: { version?: number; after?: number } = {}, ms = 10_000): Promise<Diagnostic[]> {
    await this.until(
      () => {
        const p = this.diagnostics.get(uri);
        if (!p) return false;
        if (opts.version !== undefined && (p.version ?? -1) < opts.version) return false;
        if (opts.after !== undefined && p.at <= opts.after) return false;
        return true;
      },
      ms,
      `diagnostics for ${uri}`,
    );
    return this.diagnostics.get(uri)!.diagnostics;
  }

  /**
   * Waits until the folder's check of this version of a document is published in full: its
   * diagnostics, then the server's log line that follows every published check.
   */
  async settled(uri: string, version = 1, ms = 10_000): Promise<void> {
    await this.diagnosticsFor(uri, { version }, ms);
    const seq = this.diagnostics.get(uri)!.seq;
    await this.until(() => this.log.some((l) => l.seq > seq && l.message.startsWith('qm lsp: checked')), ms, 'the check to be published');
  }

  /** The latest diagnostics of a URI (empty if none were published). */
  latest(uri: string): Diagnostic[] {
    return this.diagnostics.get(uri)?.diagnostics ?? [];
  }

  open(path: string, text = readFileSync(path, 'utf8'), languageId = path.endsWith('.md') ? 'markdown' : 'yaml'): string {
    const uri = pathToFileURL(path).href;
    this.versions.set(uri, 1);
    this.texts.set(uri, text);
    void this.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
    return uri;
  }

  text(uri: string): string {
    return this.texts.get(uri)!;
  }

  /** Replaces the whole text (a full-document change). Returns the new version. */
  change(uri: string, text: string): number {
    const version = (this.versions.get(uri) ?? 0) + 1;
    this.versions.set(uri, version);
    this.texts.set(uri, text);
    void this.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
    return version;
  }

  /** An incremental change, as an editor sends one per keystroke. */
  edit(uri: string, range: { start: { line: number; character: number }; end: { line: number; character: number } }, text: string): number {
    const version = (this.versions.get(uri) ?? 0) + 1;
    this.versions.set(uri, version);
    const old = this.texts.get(uri)!;
    const lines = old.split(/(?<=\r\n|\n|\r(?!\n))/);
    const offset = (p: { line: number; character: number }) => lines.slice(0, p.line).join('').length + p.character;
    this.texts.set(uri, old.slice(0, offset(range.start)) + text + old.slice(offset(range.end)));
    void this.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range, text }] });
    return version;
  }

  close(uri: string): void {
    this.texts.delete(uri);
    void this.conn.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  request<R>(method: string, params: unknown): Promise<R> {
    return this.conn.sendRequest(method, params) as Promise<R>;
  }

  async shutdown(): Promise<number | null> {
    if (this.child.exitCode !== null) return this.child.exitCode;
    try {
      await this.conn.sendRequest('shutdown');
      await this.conn.sendNotification('exit');
    } catch {
      // already gone
    }
    const code = await Promise.race([this.exited, new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), 5000))]);
    if (code === 'timeout') {
      this.child.kill('SIGKILL');
      return null;
    }
    this.conn.dispose();
    return code;
  }
}

export const DEFAULT_CAPABILITIES = {
  textDocument: {
    synchronization: { dynamicRegistration: false },
    publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true, dataSupport: true },
    hover: { contentFormat: ['markdown', 'plaintext'] },
    completion: { completionItem: { snippetSupport: true, insertTextModeSupport: { valueSet: [1, 2] } } },
    codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source.fixAll'] } } },
    documentSymbol: { hierarchicalDocumentSymbolSupport: true },
    definition: {},
  },
  workspace: {},
};

export { ROOT };
