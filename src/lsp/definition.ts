/** Go to definition: from a goal, strategy, action or indicator id (where it is used, or named in the prose) to where it is defined. */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Location, Position } from 'vscode-languageserver';
import { docInfo, idDefs, offsetAt, wordAt } from './analysis.js';
import type { Workspace } from './workspace.js';

export function definition(ws: Workspace, doc: TextDocument, pos: Position): Location | null {
  const info = docInfo(ws, doc);
  if (!info?.app?.result) return null;
  const w = wordAt(info.text, offsetAt(info, pos));
  if (!w) return null;
  const def = idDefs(info.app, info.lang).find((d) => d.id === w.word);
  if (!def) return null;
  const chapter = info.app.result.app.chapter(def.chapter);
  const at = chapter?.map.value(def.pointer);
  if (!chapter || !at) return null;
  const uri = ws.uriFor(info.folder, chapter.file);
  // The id as it stands in that file (a quoted id starts one column later).
  const text = ws.textOf(uri) ?? '';
  const line = text.split(/\r\n|\n|\r/)[at.line - 1] ?? '';
  let col = at.column - 1;
  if (line[col] === '"' || line[col] === "'") col++;
  const start = { line: at.line - 1, character: col };
  return { uri, range: { start, end: { line: start.line, character: col + def.id.length } } };
}
