/**
 * `qm lsp`: the Language Server Protocol over standard input and output, on Microsoft's
 * vscode-languageserver. Every finding of `qm check` while the consultant types (diagnostics),
 * and what the schemas and the check know as hover, completion, code actions, definitions and
 * symbols. Nothing is ever written to disk: a code action's edit is applied by the editor.
 */
import {
  CodeActionKind,
  createConnection,
  ProposedFeatures,
  StreamMessageReader,
  StreamMessageWriter,
  TextDocuments,
  TextDocumentSyncKind,
  type Connection,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Lang } from '../model/types.js';
import { langFrom } from '../i18n/index.js';
import { VERSION } from '../version.js';
import type { ClientFeatures } from './client.js';
import { pathOf, Workspace } from './workspace.js';
import { codeActions } from './actions.js';
import { completion } from './completion.js';
import { definition } from './definition.js';
import { hover } from './hover.js';
import { documentSymbols } from './symbols.js';

export interface LspOptions {
  lang?: Lang;
  date?: string;
  input?: NodeJS.ReadableStream;
  output?: NodeJS.WritableStream;
}

export function startServer(options: LspOptions = {}): { connection: Connection } {
  const connection = createConnection(
    ProposedFeatures.all,
    new StreamMessageReader(options.input ?? process.stdin),
    new StreamMessageWriter(options.output ?? process.stdout),
  );
  // Standard output is the protocol: anything printed by accident goes to standard error.
  console.log = console.error;
  console.info = console.error;
  console.warn = console.error;

  const documents = new TextDocuments(TextDocument);
  const client: ClientFeatures = { snippets: false, markdown: false, hierarchicalSymbols: false };
  let workspace: Workspace | undefined;
  const ws = () => workspace!;

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    const init = (params.initializationOptions ?? {}) as { lang?: string; date?: string };
    const lang = options.lang ?? langFrom(init.lang) ?? langFrom(process.env.QM_LANG);
    workspace = new Workspace(
      {
        documents: () => documents.all(),
        publish: (uri, diagnostics, version) => void connection.sendDiagnostics({ uri, diagnostics, version }),
        log: (m) => connection.console.log(m),
      },
      { lang, date: options.date ?? (typeof init.date === 'string' ? init.date : undefined) },
    );
    const td = params.capabilities.textDocument;
    client.snippets = td?.completion?.completionItem?.snippetSupport === true;
    client.markdown = (td?.hover?.contentFormat ?? []).includes('markdown');
    client.hierarchicalSymbols = td?.documentSymbol?.hierarchicalDocumentSymbolSupport === true;
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        hoverProvider: true,
        completionProvider: { triggerCharacters: [':', ' ', '-', '/', '[', ','], resolveProvider: false },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, CodeActionKind.SourceFixAll] },
        definitionProvider: true,
        documentSymbolProvider: true,
      },
      serverInfo: { name: 'qm', version: VERSION },
    };
  });

  documents.onDidOpen((e) => ws().touched(e.document.uri));
  documents.onDidChangeContent((e) => ws().touched(e.document.uri));
  documents.onDidClose((e) => ws().touched(e.document.uri));
  connection.onDidChangeWatchedFiles((p) => {
    for (const change of p.changes) {
      const path = pathOf(change.uri);
      if (path) ws().changedOnDisk(path);
    }
  });

  const doc = (uri: string) => documents.get(uri);
  const guard =
    <P extends { textDocument: { uri: string } }, R>(fn: (d: TextDocument, p: P) => R) =>
    (p: P): R | null => {
      const d = doc(p.textDocument.uri);
      if (!d || !workspace) return null;
      try {
        return fn(d, p);
      } catch (e) {
        // A feature that fails on some text answers nothing; the server keeps serving.
        connection.console.error(`qm lsp: ${(e as Error)?.stack ?? String(e)}`);
        return null;
      }
    };
  connection.onHover(guard((d, p) => hover(ws(), client, d, p.position)));
  connection.onCompletion(guard((d, p) => completion(ws(), client, d, p.position)));
  connection.onCodeAction(guard((d, p) => codeActions(ws(), d, p)));
  connection.onDefinition(guard((d, p) => definition(ws(), d, p.position)));
  connection.onDocumentSymbol(guard((d) => documentSymbols(ws(), client, d)));
  connection.onShutdown(() => workspace?.dispose());

  documents.listen(connection);
  connection.listen();
  return { connection };
}
