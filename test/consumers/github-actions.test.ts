/**
 * `--format github` against the real producer and reader of workflow commands: each line is
 * compared with what `@actions/core` (the toolkit every JavaScript action uses) prints for the
 * same annotation, escaping included, and read back as the runner reads it (runners.ts).
 */
import * as core from '@actions/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { formatters } from '../../src/report/index.js';
import { pathFromCwd } from '../../src/report/paths.js';
import { ui } from '../../src/i18n/index.js';
import type { Diagnostic, Report } from '../../src/model/types.js';
import { shared, type Shared } from '../report/fixture.js';
import { runnerCommands } from './runners.js';

/** What @actions/core writes for an annotation (it writes to process.stdout). */
function coreLine(command: 'error' | 'warning' | 'notice', message: string, props: core.AnnotationProperties): string {
  const write = process.stdout.write;
  let out = '';
  process.stdout.write = ((s: string) => {
    out += s;
    return true;
  }) as typeof process.stdout.write;
  try {
    core[command](message, props);
  } finally {
    process.stdout.write = write;
  }
  return out.replace(/\r?\n$/, '');
}

/** The raw (still escaped) properties and data of a command line, to compare escaping exactly. */
function raw(line: string): { command: string; props: Record<string, string>; data: string } {
  const m = /^::(\w+) ([^:]*)::(.*)$/.exec(line)!;
  const props = Object.fromEntries(m[2]!.split(',').map((kv) => [kv.slice(0, kv.indexOf('=')), kv.slice(kv.indexOf('=') + 1)]));
  return { command: m[1]!, props, data: m[3]! };
}

let s: Shared;
let nasty: Report;
beforeAll(async () => {
  s = await shared();
  // Text that needs every escape: %, CR, LF, `:` and `,` in a file name and in the message.
  nasty = structuredClone(s.reports[0]!);
  nasty.diagnostics = nasty.diagnostics.map((d, i) =>
    i % 3 === 0 ? { ...d, message: `${d.message} 100 %, ::x:: a,b\r\nrad två %0A`, file: d.file ? `${d.file}` : null } : d,
  );
});

describe('--format github', () => {
  it('prints, for every diagnostic, the command @actions/core prints for the same annotation', () => {
    for (const reports of [s.reports, [nasty]]) {
      const lines = formatters.github(reports, s.ctx()).trimEnd().split('\n');
      const all = reports.flatMap((r) => r.diagnostics.map((d) => [r, d] as [Report, Diagnostic]));
      expect(lines).toHaveLength(all.length);
      for (const [i, [r, d]] of all.entries()) {
        const t = ui.sv;
        let message = d.file === null ? `${pathFromCwd(r, null, s.cwd)}: ${d.message}` : d.message;
        if (d.excepted) message += `\n${t.exception} – ${t.ci.justification}: ${d.excepted.reason}`;
        const command = d.excepted ? 'notice' : ({ error: 'error', warning: 'warning', info: 'notice' } as const)[d.severity];
        const props: core.AnnotationProperties = { title: d.rule };
        if (d.file !== null) {
          props.file = pathFromCwd(r, d.file, s.cwd);
          if (d.line !== null) props.startLine = d.line;
          if (d.line !== null && d.column !== null) props.startColumn = d.column;
        }
        const expected = raw(coreLine(command, message, props));
        const got = raw(lines[i]!);
        expect(got, lines[i]).toEqual(expected);
      }
    }
  });

  it('reads back, as the runner parses it, to the file, position, rule and message', () => {
    const lines = formatters.github([nasty], s.ctx());
    const commands = runnerCommands(lines);
    expect(commands).toHaveLength(nasty.diagnostics.length);
    for (const [i, c] of commands.entries()) {
      const d = nasty.diagnostics[i]!;
      expect(c.runner).toBe('github');
      expect(c.properties.title).toBe(d.rule);
      if (d.file !== null) expect(c.properties.file).toBe(pathFromCwd(nasty, d.file, s.cwd));
      if (d.line !== null) expect(c.properties.line).toBe(String(d.line));
      expect(c.data.startsWith(d.file === null ? `${pathFromCwd(nasty, null, s.cwd)}: ${d.message}` : d.message)).toBe(true);
    }
  });
});
