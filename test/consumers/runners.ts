/**
 * How CI runners read a job's log, ported line by line from their source, so that a test can
 * ask what a runner would do with qm's output:
 *
 * - GitHub Actions, actions/runner src/Runner.Common/ActionCommand.cs: `TryParseV2` (a line
 *   that, after `TrimStart()`, starts with `::`, a registered command, properties split at `,`,
 *   `%`-escapes undone) and the older `TryParse` (`##[` anywhere in the line, properties split
 *   at `;`). ActionCommandManager tries V2 first, then the older form.
 * - Azure Pipelines, azure-pipelines-agent src/Microsoft.VisualStudio.Services.Agent/Command.cs:
 *   `##vso[area.event …]` anywhere in the line.
 *
 * The runners compare with .NET's culture-sensitive `StartsWith`/`IndexOf`, under which ICU
 * ignores default-ignorable code points (a soft hyphen, a zero-width joiner). The port drops
 * those characters before comparing, so it finds at least every command the runner would.
 * Lines are split as .NET's `StreamReader.ReadLine` splits them: at LF, CR and CRLF.
 */

/** GitHub's registered commands (ActionCommandManager and its extensions), case-insensitive. */
const GITHUB_COMMANDS = new Set(
  [
    'stop-commands',
    'set-env',
    'set-output',
    'save-state',
    'add-path',
    'add-mask',
    'add-matcher',
    'remove-matcher',
    'warning',
    'error',
    'notice',
    'debug',
    'group',
    'endgroup',
    'echo',
    'internal-set-repo-path',
  ].map((c) => c.toLowerCase()),
);

// .NET's char.IsWhiteSpace, which TrimStart() trims.
const DOTNET_SPACE = /^[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]*/;
const IGNORABLE = /\p{Default_Ignorable_Code_Point}/gu;

export interface RunnerCommand {
  runner: 'github' | 'github-legacy' | 'azure';
  command: string;
  properties: Record<string, string>;
  data: string;
  line: string;
}

function unescapeProperty(s: string): string {
  return s.replace(/%0D/gi, '\r').replace(/%0A/gi, '\n').replace(/%3A/gi, ':').replace(/%2C/gi, ',').replace(/%25/gi, '%');
}
function unescapeData(s: string): string {
  return s.replace(/%0D/gi, '\r').replace(/%0A/gi, '\n').replace(/%25/gi, '%');
}

/** ActionCommand.TryParseV2. */
function githubV2(raw: string): RunnerCommand | undefined {
  const message = raw.replace(DOTNET_SPACE, '').replace(IGNORABLE, '');
  if (!message.startsWith('::')) return undefined;
  const end = message.indexOf('::', 2);
  if (end < 0) return undefined;
  const info = message.slice(2, end);
  const space = info.indexOf(' ');
  const command = space < 0 ? info : info.slice(0, space);
  if (!GITHUB_COMMANDS.has(command.toLowerCase())) return undefined;
  const properties: Record<string, string> = {};
  if (space > 0) {
    for (const p of info
      .slice(space + 1)
      .trim()
      .split(',')
      .filter(Boolean)) {
      const eq = p.indexOf('=');
      if (eq > 0 && eq < p.length - 1) properties[p.slice(0, eq)] = unescapeProperty(p.slice(eq + 1));
    }
  }
  return { runner: 'github', command, properties, data: unescapeData(message.slice(end + 2)), line: raw };
}

/** ActionCommand.TryParse (`##[command props]data`, anywhere in the line). */
function githubLegacy(raw: string): RunnerCommand | undefined {
  const message = raw.replace(IGNORABLE, '');
  const at = message.indexOf('##[');
  if (at < 0) return undefined;
  const rb = message.indexOf(']', at);
  if (rb < 0) return undefined;
  const info = message.slice(at + 3, rb);
  const space = info.indexOf(' ');
  const command = space < 0 ? info : info.slice(0, space);
  if (!GITHUB_COMMANDS.has(command.toLowerCase())) return undefined;
  return { runner: 'github-legacy', command, properties: {}, data: message.slice(rb + 1), line: raw };
}

/** Command.TryParse of the Azure Pipelines agent. */
function azure(raw: string): RunnerCommand | undefined {
  const message = raw.replace(IGNORABLE, '');
  const at = message.indexOf('##vso[');
  if (at < 0) return undefined;
  const rb = message.indexOf(']', at);
  if (rb < 0) return undefined;
  const info = message.slice(at + 6, rb);
  const name = info.split(' ')[0]!;
  if (name.split('.').filter(Boolean).length !== 2) return undefined;
  return { runner: 'azure', command: name, properties: {}, data: message.slice(rb + 1), line: raw };
}

/** Every command a runner would act on in a log (GitHub's and Azure's). */
export function runnerCommands(log: string): RunnerCommand[] {
  const out: RunnerCommand[] = [];
  for (const line of log.split(/\r\n|\r|\n/)) {
    const gh = githubV2(line) ?? githubLegacy(line);
    if (gh) out.push(gh);
    const az = azure(line);
    if (az) out.push(az);
  }
  return out;
}
