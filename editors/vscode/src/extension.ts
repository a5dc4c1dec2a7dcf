/**
 * The Visual Studio Code extension of qm: starts `qm lsp` (the workspace's installed qm, else qm
 * from the PATH) for workspaces that hold an application (an ansokan.yaml), and lets
 * vscode-languageclient show what it says. Everything else is the language server's.
 */
import * as vscode from 'vscode';
import { LanguageClient, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { DOCUMENTS, findQm } from './find-qm.js';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const config = vscode.workspace.getConfiguration('qm');
  const folders = (vscode.workspace.workspaceFolders ?? []).map((f) => f.uri.fsPath);
  const qm = findQm(folders, config.get<string>('path'));
  const serverOptions: ServerOptions = {
    command: qm.command,
    args: ['lsp'],
    // A .cmd shim (Windows) runs through the shell.
    options: { shell: process.platform === 'win32' },
  };
  const lang = config.get<string>('lang');
  const clientOptions: LanguageClientOptions = {
    documentSelector: DOCUMENTS,
    initializationOptions: lang ? { lang } : {},
  };
  client = new LanguageClient('qm', 'qm (Quality Mark)', serverOptions, clientOptions);
  context.subscriptions.push({ dispose: () => void client?.stop() });
  try {
    await client.start();
  } catch (e) {
    void vscode.window.showErrorMessage(
      `qm lsp kunde inte startas (${qm.command}): ${(e as Error).message}. Installera qm i arbetsytan eller globalt, eller ange qm.path.`,
    );
  }
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
