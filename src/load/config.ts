/**
 * qm.config.yaml: thresholds, re-graded warning and info rules, and exceptions with a written
 * justification. A config that cannot be used is a UsageError (exit 2), never a diagnostic:
 * qm cannot know what the organisation meant.
 */
import { join, relative, resolve, sep } from 'node:path';
import type { Lang, Position, Severity } from '../model/types.js';
import { UsageError } from '../util/errors.js';
import { readSourceFile } from './files.js';
import { diskVfs, type Vfs } from './vfs.js';
import { closest } from './text.js';
import { atPointer, type Schema } from '../schema/registry.js';
import configSchema from '../../schemas/qm.config.schema.json' with { type: 'json' };
import { config as validateConfig } from '../generated/validators.cjs';
import { DEFAULT_LIMITS, type Limits } from '../rules/define.js';
import { escapeToken } from '../util/pointer.js';

export type Setting = Severity | 'off';

export interface Exception {
  rule: string;
  reason: string;
  position?: Position;
}

export interface Config {
  /** Relative to the folder, or the path given with --config. */
  file: string | null;
  lang?: Lang;
  strict?: boolean;
  limits: Limits;
  severities: Map<string, Setting>;
  exceptions: Exception[];
}

export const EMPTY_CONFIG: Config = { file: null, limits: DEFAULT_LIMITS, severities: new Map(), exceptions: [] };

const SETTING: Record<string, Setting> = { av: 'off', info: 'info', varning: 'warning', fel: 'error' };

type AjvError = NonNullable<typeof validateConfig.errors>[number];

/** The first schema violation as a one-line UsageError, in words the reader's language has. */
function configError(e: AjvError, at: (pointer: string) => string): UsageError {
  if (e.keyword === 'required')
    return new UsageError('config-missing-field', { where: at(e.instancePath), field: String(e.params.missingProperty) });
  const where = at(e.instancePath);
  if (e.keyword === 'enum') {
    const sub = atPointer(configSchema as Schema, e.schemaPath.slice(2).split('/').slice(0, -1).join('/'));
    return new UsageError('config-bad-value', {
      where,
      values: ((sub?.enum as string[] | undefined) ?? (e.params.allowedValues as string[]) ?? []).join(', '),
    });
  }
  if (e.keyword === 'type') return new UsageError('config-bad-type', { where, type: String(e.params.type) });
  if (e.keyword === 'minimum' || e.keyword === 'exclusiveMinimum')
    return new UsageError('config-bad-number', { where, op: e.keyword, limit: Number(e.params.limit) });
  if (/\/motivering$/.test(e.instancePath)) return new UsageError('config-empty-reason', { where });
  if (e.keyword === 'minLength') return new UsageError('config-missing-field', { where, field: e.instancePath.split('/').pop() ?? '' });
  return new UsageError('config-syntax', { where, detail: String(e.message ?? e.keyword) });
}

/**
 * Reads the folder's qm.config.yaml (or the file given with --config). `known` maps every rule
 * id to its severity, to refuse unknown ids and down-graded requirements.
 */
export async function loadConfig(
  folder: string,
  explicit: string | undefined,
  known: Map<string, Severity>,
  fs: Vfs = diskVfs,
): Promise<Config> {
  const exists = (p: string) => fs.kind(p) !== 'missing';
  let abs: string | undefined;
  let shown: string;
  if (explicit) {
    abs = resolve(explicit);
    shown = explicit;
    if (!exists(abs)) throw new UsageError('config-missing', { file: explicit });
  } else {
    for (const name of ['qm.config.yaml', 'qm.config.yml']) {
      if (exists(join(folder, name))) {
        abs = join(folder, name);
        break;
      }
    }
    shown = abs ? join(folder, abs.endsWith('yml') ? 'qm.config.yml' : 'qm.config.yaml') : '';
  }
  if (!abs) return EMPTY_CONFIG;
  const r = await readSourceFile({ abs, file: shown, chapter: null, schema: configSchema as Schema, format: 'yaml', fs });
  const at = (pointer: string | null | undefined, pos?: Position | null): string => {
    const p = pos ?? (pointer != null ? r.loaded.map.locate(pointer) : undefined);
    return p ? `${shown}:${p.line}:${p.column}` : shown;
  };
  for (const f of r.findings) {
    if (f.rule === 'text/platshallare' || f.rule === 'schema/ascii-nyckel') continue;
    const where = at(f.pointer, f.position);
    if (f.rule === 'schema/okant-falt')
      throw new UsageError('config-unknown-key', {
        where,
        key: String(f.args?.key ?? ''),
        suggestion: String(f.args?.suggestion ?? ''),
        known: String(f.args?.known ?? ''),
      });
    // What the rule says of a chapter file (fil/syntax, fil/kodning, schema/fel-typ …), said of this one.
    throw new UsageError('config-file', { where, rule: f.rule, ...(f.args ?? {}) });
  }
  const data = r.loaded.data;
  if (!validateConfig(data)) throw configError(validateConfig.errors![0]!, at);
  const limits: Limits = { ...DEFAULT_LIMITS };
  const g = (data.gränser ?? {}) as Record<string, number>;
  if (g.text_min_ord !== undefined) limits.textMinWords = g.text_min_ord;
  if (g.k8_max_ord !== undefined) limits.k8MaxWords = g.k8_max_ord;
  if (g.bilaga_max_mb !== undefined) limits.attachmentMaxMb = g.bilaga_max_mb;
  if (g.bilagor_max_mb !== undefined) limits.attachmentsMaxMb = g.bilagor_max_mb;

  const severities = new Map<string, Setting>();
  for (const [id, value] of Object.entries((data.regler ?? {}) as Record<string, string>)) {
    const where = at(`/regler/${escapeToken(id)}`);
    const base = known.get(id);
    if (!base) throw new UsageError('config-unknown-rule', { where, rule: id, suggestion: closest(id, known.keys()) ?? '' });
    const setting = SETTING[value]!;
    if (base === 'error' && setting !== 'error') throw new UsageError('config-error-rule', { where, rule: id });
    severities.set(id, setting);
  }
  const exceptions: Exception[] = [];
  ((data.undantag ?? []) as { regel: string; motivering: string }[]).forEach((u, i) => {
    const pointer = `/undantag/${i}`;
    if (!known.has(u.regel))
      throw new UsageError('config-unknown-rule', {
        where: at(`${pointer}/regel`),
        rule: u.regel,
        suggestion: closest(u.regel, known.keys()) ?? '',
      });
    exceptions.push({ rule: u.regel, reason: u.motivering.trim(), position: r.loaded.map.locate(pointer) });
  });
  return {
    // Diagnostics name files relative to the application folder, a config given with --config too.
    file: explicit ? relative(resolve(folder), abs).split(sep).join('/') : abs.endsWith('yml') ? 'qm.config.yml' : 'qm.config.yaml',
    lang: data.språk === 'en' || data.språk === 'sv' ? data.språk : undefined,
    strict: typeof data.strikt === 'boolean' ? data.strikt : undefined,
    limits,
    severities,
    exceptions,
  };
}
