/**
 * A rule is data plus (at most) one function. Rules that JSON Schema can state are found by
 * the schema (the subschema tagged `x-qm-regel`); the rule then only describes what it found.
 * Rules that need the reference date or several chapters have a `check`.
 */
import type { Application, ChapterFile, Finding, Json, JsonObject, RefSource, Severity } from '../model/types.js';
import type { YMD } from '../util/dates.js';
import type { RuleId } from './ids.js';

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

/** The arguments of a rule's message: named numbers and words. */
export type MessageArgs = Record<string, string | number | undefined>;
/** The arguments of a rule whose message needs none. */
export type NoArgs = Record<string, never>;

/** A rule's message in each language, from the same typed arguments. */
export interface Messages<A extends MessageArgs> {
  sv: (a: A) => string;
  en: (a: A) => string;
}

export interface Report<A extends MessageArgs = MessageArgs> {
  pointer?: string | null;
  args?: A;
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

export interface RuleDef<A extends MessageArgs = MessageArgs> {
  id: RuleId;
  /** The chapter (1–9) whose requirement it is; null for files, the application, attachments. */
  chapter: number | null;
  severity: Severity;
  /** What was found, with its numbers, and how to fix it: the text of a finding. */
  message: Messages<A>;
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
  check?(ctx: RuleContext, report: (r: Report<A>) => void): void;
  /** Numbers for the message of a schema finding. */
  describe?(ctx: RuleContext, finding: Finding): Record<string, string | number>;
}

/** Any rule, whatever its arguments: the type of the lists of rules. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a list holds rules of different arguments
export type AnyRule = RuleDef<any>;

/** A rule: its id, severity, typed message and (at most) one check; `A` types its message arguments. */
export function defineRule<A extends MessageArgs>(rule: RuleDef<A>): AnyRule {
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
