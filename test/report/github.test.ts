import { beforeAll, describe, expect, it } from 'vitest';
import { escapeData, escapeProperty, formatGithub } from '../../src/report/github.js';
import { DRAFT, REASON, shared, type Shared } from './fixture.js';

/**
 * The workflow command syntax the runner accepts: `::command key=value,key=value::message`, where
 * a value may not hold a raw `,` `:` CR or LF, the message no raw CR or LF, and `%` only starts an
 * escape (docs.github.com, "Workflow commands for GitHub Actions").
 */
const COMMAND =
  /^::(error|warning|notice)(?: ((?:file|line|col|endLine|endColumn|title)=[^,:\r\n]*(?:,(?:file|line|col|endLine|endColumn|title)=[^,:\r\n]*)*))?::([^\r\n]*)$/;

function unescape(s: string): string {
  return s.replace(/%2C/g, ',').replace(/%3A/g, ':').replace(/%0A/g, '\n').replace(/%0D/g, '\r').replace(/%25/g, '%');
}

function parse(line: string) {
  const m = COMMAND.exec(line);
  if (!m) throw new Error(`not a workflow command: ${line}`);
  // A % that does not start one of the runner's escapes would be read wrongly.
  expect(line.replace(/%(25|0D|0A|3A|2C)/g, '')).not.toContain('%');
  const props = Object.fromEntries(
    (m[2] ?? '')
      .split(',')
      .filter(Boolean)
      .map((kv) => [kv.slice(0, kv.indexOf('=')), unescape(kv.slice(kv.indexOf('=') + 1))]),
  );
  return { command: m[1]!, props, message: unescape(m[3]!) };
}

let s: Shared;
let lines: string[];
beforeAll(async () => {
  s = await shared();
  lines = formatGithub(s.reports, s.ctx()).trimEnd().split('\n');
});

describe('--format github', () => {
  it('escapes data and properties as the runner requires', () => {
    expect(escapeData('90 %, inte 100 %\r\nrad två')).toBe('90 %25, inte 100 %25%0D%0Arad två');
    expect(escapeProperty('kunder/Älvbacka, 2026: utkast')).toBe('kunder/Älvbacka%2C 2026%3A utkast');
  });

  it('writes one valid command per diagnostic, with paths relative to the working directory', () => {
    const diagnostics = s.reports.flatMap((r) => r.diagnostics);
    expect(lines).toHaveLength(diagnostics.length);
    for (const [i, line] of lines.entries()) {
      const c = parse(line);
      const d = diagnostics[i]!;
      expect(c.props.title).toBe(d.rule);
      expect(c.command).toBe(d.excepted ? 'notice' : { error: 'error', warning: 'warning', info: 'notice' }[d.severity]);
      if (d.file !== null) expect(c.props.file).toBe(`${DRAFT}/${d.file}`);
      if (d.line !== null) expect([c.props.line, c.props.col]).toEqual([String(d.line), String(d.column)]);
      expect(c.message.startsWith(d.file === null ? `${DRAFT}: ${d.message}` : d.message)).toBe(true);
    }
  });

  it('keeps %, a comma in the path and the message intact through the escaping', () => {
    const shares = parse(lines.find((l) => l.includes('title=k3/andelar-summa'))!);
    expect(shares.command).toBe('warning');
    expect(shares.props).toEqual({ file: `${DRAFT}/03-organisation.md`, line: '5', col: '3', title: 'k3/andelar-summa' });
    expect(shares.message).toContain('summerar till 90 %, inte 100 %');
  });

  it('annotates the exception as a notice that quotes its justification, newline included', () => {
    const excepted = parse(lines.find((l) => l.includes('title=k3/verksam-tre-ar'))!);
    expect(excepted.command).toBe('notice');
    expect(excepted.message).toContain('2 år och 6 månader');
    expect(excepted.message).toContain(REASON);
    expect(REASON).toContain('\n');
  });

  it('prints errors only with --quiet', () => {
    const quiet = formatGithub(s.reports, s.ctx({ quiet: true }))
      .trimEnd()
      .split('\n');
    expect(quiet.length).toBe(s.reports[0]!.summary.errors);
    expect(quiet.every((l) => l.startsWith('::error '))).toBe(true);
  });
});
