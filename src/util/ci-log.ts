/**
 * Output that a CI runner reads as commands. What the runners really do (their source):
 *
 * - GitHub Actions (actions/runner, ActionCommand.cs): a line is a command when, after .NET's
 *   `TrimStart()` (every Unicode white space, U+0085 included), it starts with `::`; and, in the
 *   older syntax it still parses, when `##[` stands *anywhere* in the line (`##[add-mask]…`,
 *   `##[stop-commands]…`). Both comparisons are culture-sensitive, so characters that ICU
 *   ignores (a soft hyphen, a zero-width joiner) may stand between the marks.
 * - Azure Pipelines (azure-pipelines-agent, Command.cs): `##vso[` anywhere in the line.
 *
 * Application text (an organisation name, a quoted value, a file name, a justification) is
 * written by people we do not trust: a fork's pull request controls it. Every report except
 * `github` (whose lines are qm's own commands, their text escaped as the runner unescapes it)
 * goes through `defuseCommands`, which escapes the first character of any such mark in the way
 * the report's own syntax reads it back (`&#58;` in XML, `\u003a` in JSON and on a terminal), so
 * a reader sees the text and a runner sees no command. A line that was safe is left untouched.
 */

/** How a report writes `:` or `#` so that its reader still reads that character. */
export type CommandEscape = (ch: ':' | '#') => string;

// Ignorable code points (Default_Ignorable_Code_Point): ICU skips them in the runner's comparisons.
const IGN = '\\p{Default_Ignorable_Code_Point}';
// What may stand before `::` at the start of a line: white space (TrimStart) other than a line
// end, ignorable code points, and terminal colour codes (which a log viewer hides).
const LEAD = `(?:[^\\S\\r\\n]|\\u0085|${IGN}|\\x1b\\[[0-9;]*m)*`;
// A line (after LF, CR or CRLF) whose first mark is `::`: the lead, and the first colon to escape.
const START_COLON = new RegExp(`^(${LEAD}):(?=(?:${IGN})*:)`, 'gmu');
// `##[` (GitHub's older syntax) and `##vso[` (Azure), anywhere, in any case.
const HASHES = new RegExp(`#(?=(?:${IGN})*#(?:${IGN})*(?:\\[|v(?:${IGN})*s(?:${IGN})*o(?:${IGN})*\\[))`, 'giu');

/**
 * Every line of a text made safe (line ends as the runners split them: LF, CR, CRLF): no `::` at
 * a line's start and no `##[` or `##vso[` anywhere. Two passes over the whole text, not one per
 * line: a report of 100,000 findings is 90 MB of SARIF.
 */
export function defuseCommands(text: string, escape: CommandEscape): string {
  const out = text.includes('#') ? text.replace(HASHES, () => escape('#')) : text;
  return out.includes(':') ? out.replace(START_COLON, (_m, lead: string) => `${lead}${escape(':')}`) : out;
}

/** One line made safe. */
export const defuseLine = defuseCommands;

/** Would a runner act on this line? (For tests and for the github report's own check.) */
export function isRunnerCommand(line: string): boolean {
  return defuseLine(line, (c) => (c === ':' ? '\u0000' : '\u0001')) !== line;
}

/** `\u003a`, as qm shows every other character it will not print raw. */
export const textEscape: CommandEscape = (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`;
/** A character reference, read back as the character by every XML parser and Markdown renderer. */
export const entityEscape: CommandEscape = (ch) => `&#${ch.charCodeAt(0)};`;
/** Inside a JSON string (the only place a `#` or a `:` at a line's start can be in qm's JSON). */
export const jsonEscape: CommandEscape = textEscape;
