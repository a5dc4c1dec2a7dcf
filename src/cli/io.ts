/**
 * The command line's input and output: the streams and environment a command gets (tests give
 * their own), the guard that keeps CI runners from reading application text as commands, colour,
 * and the language a command writes in.
 */
import { UsageError } from '../util/errors.js';
import { defuseCommands, textEscape } from '../util/ci-log.js';
import { langFrom } from '../i18n/index.js';
import type { Lang } from '../model/types.js';

export interface Io {
  stdout: NodeJS.WritableStream & { isTTY?: boolean; columns?: number };
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
  env: NodeJS.ProcessEnv;
  cwd: string;
}

const RAW = Symbol('qm.raw-write');
type Guarded = { [RAW]?: (s: string) => void };

/**
 * A stream whose writes cannot become CI commands: every line of every text written through it is
 * defused (util/ci-log.ts), whatever it holds (a report, a message naming a folder or a file, a
 * usage error quoting an argument). `writeRaw` is the one way around it, for the github report.
 */
export function guardStream<T extends object & { write(s: string): unknown }>(stream: T): T {
  if ((stream as Guarded)[RAW]) return stream;
  return new Proxy(stream, {
    get(target, prop) {
      if (prop === RAW) return (s: string) => target.write(s);
      const value = Reflect.get(target, prop, target) as unknown;
      if (prop === 'write')
        return (chunk: unknown, ...rest: unknown[]) =>
          (value as (...a: unknown[]) => unknown).call(
            target,
            typeof chunk === 'string' ? defuseCommands(chunk, textEscape) : chunk,
            ...rest,
          );
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}

/** Writes qm's own workflow commands (the github report) past the guard. */
export function writeRaw(stream: { write(s: string): unknown }, text: string): void {
  const raw = (stream as Guarded)[RAW];
  if (raw) raw(text);
  else stream.write(text);
}

export function defaultIo(): Io {
  // A reader that stops early (`qm check | head`) is not a failure of qm: end quietly.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
  return { stdout: process.stdout, stderr: process.stderr, env: process.env, cwd: process.cwd() };
}

export function useColor(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv): boolean {
  const force = env.FORCE_COLOR;
  if (force !== undefined && force !== '') return force !== '0' && force !== 'false';
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  return Boolean(stream.isTTY);
}

/**
 * The language a command was asked to write in: `--lang` (a value qm does not know is a usage
 * error), else QM_LANG, else undefined (the caller's default).
 */
export function chosenLang(option: string | undefined, env: NodeJS.ProcessEnv): Lang | undefined {
  if (option === undefined) return langFrom(env.QM_LANG);
  const lang = langFrom(option);
  if (!lang) throw new UsageError('bad-lang', { value: option });
  return lang;
}
