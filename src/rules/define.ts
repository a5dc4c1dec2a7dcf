/**
 * A rule is data plus (at most) one function. Rules that JSON Schema can state are found by
 * the schema (the subschema tagged `x-qm-regel`); the rule then only describes what it found.
 * Rules that need the reference date or several chapters have a `check`.
 */
import type { Application, ChapterFile, Finding, Json, JsonObject, RefSource, Severity } from '../model/types.js';
import type { YMD } from '../util/dates.js';

export interface Limits {
  textMinWords: number;
  k8MaxWords: number;
  attachmentMaxMb: number;
  attachmentsMaxMb: number;
}

export const DEFAULT_LIMITS: Limits = { textMinWords: 50, k8MaxWords: 1200, attachmentMaxMb: 20, attachmentsMaxMb: 200 };

export interface RuleContext {
  app: Application;
  ref: { date: YMD; iso: string; year: number; source: RefSource };
  limits: Limits;
  /** The data of a chapter that was read without a file-level error; undefined otherwise. */
  data(n: number): JsonObject | undefined;
  file(n: number): ChapterFile | undefined;
  meta(): JsonObject | undefined;
}

export interface Report {
  pointer?: string | null;
  args?: Record<string, string | number>;
  /** Defaults to the rule's chapter file. */
  chapter?: number | null;
  file?: string | null;
  position?: Finding['position'];
  involves?: Finding['involves'];
}

export interface Text2 {
  sv: string;
  en: string;
}

export interface RuleDef {
  id: string;
  /** The chapter (1–9) whose requirement it is; null for files, the application, attachments. */
  chapter: number | null;
  severity: Severity;
  /** One line for `qm rules`. */
  title: Text2;
  /** What satisfies it, for `qm explain`. */
  fix: Text2;
  /** A short YAML (or Markdown) example that satisfies it. */
  example?: string;
  /** The certifier's own words (a phrase of the seed, quoted in context by `qm explain`). */
  seed?: string;
  /** Found by the chapter schema (a subschema tagged with this id). */
  schema?: boolean;
  /** Pointer for a schema finding that spans several fields (e.g. '/bilagor'). */
  pointer?: string;
  /** Other chapters whose data it needs: it is skipped when one of them could not be read. */
  needs?: number[];
  /** Whether it applies at all (for completeness); default: yes. */
  applies?(ctx: RuleContext): boolean;
  check?(ctx: RuleContext, report: (r: Report) => void): void;
  /** Numbers for the message of a schema finding. */
  describe?(ctx: RuleContext, finding: Finding): Record<string, string | number>;
}

export function defineRule(rule: RuleDef): RuleDef {
  return rule;
}

export function asArray(v: Json | undefined): Json[] {
  return Array.isArray(v) ? v : [];
}

export function asObject(v: Json | undefined): JsonObject | undefined {
  return v && typeof v === 'object' && !Array.isArray(v) ? v : undefined;
}

export function str(v: Json | undefined): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

export function num(v: Json | undefined): number | undefined {
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}

export function strings(v: Json | undefined): string[] {
  return asArray(v).filter((x): x is string => typeof x === 'string');
}

/** A function of the context computed once per check (several rules read the same list). */
export function perCheck<T>(fn: (ctx: RuleContext) => T): (ctx: RuleContext) => T {
  const cache = new WeakMap<RuleContext, T>();
  return (ctx) => {
    if (!cache.has(ctx)) cache.set(ctx, fn(ctx));
    return cache.get(ctx)!;
  };
}
