/** The types of an application as qm reads it, and of what a check reports. */

import type { RuleId } from '../rules/ids.js';

export type Severity = 'error' | 'warning' | 'info';
export type Lang = 'sv' | 'en';

/** A position in a file: 1-based line and column (UTF-16 code units, as editors count). */
export interface Position {
  line: number;
  column: number;
}

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

/** Where the values of one parsed file stand in its source. */
export interface SourceMap {
  /** Position of the value at a JSON pointer (canonical key names). */
  value(pointer: string): Position | undefined;
  /** Position of the key whose value is at the pointer (undefined for list items and the root). */
  key(pointer: string): Position | undefined;
  /** Best position for a pointer: the value if present, else the nearest present ancestor's key (or node). */
  locate(pointer: string): Position | undefined;
  /** Position of a literal text inside the value at the pointer (for a match in a scalar), if found. */
  inside(pointer: string, needle: string, nth?: number): Position | undefined;
}

export interface Prose {
  /** The prose with HTML comments blanked out (same length and line breaks as the source). */
  text: string;
  /** Position of the offset 0 of `text` in the file, and how offsets map to positions. */
  position(offset: number): Position;
}

export interface Placeholder {
  pointer: string;
  text: string;
  position?: Position;
}

export type FileStatus = 'ok' | 'missing' | 'unparsed';

export interface LoadedFile {
  /** Path relative to the application folder, with forward slashes. */
  file: string;
  status: FileStatus;
  data: JsonObject;
  map: SourceMap;
  prose?: Prose;
  /** Pointers (canonical) of fields that held a template placeholder. */
  placeholders: Placeholder[];
  /** Pointers that qm read leniently from a key spelled without å ä ö, and similar notes. */
  format?: 'md' | 'yaml';
}

export interface ChapterFile extends LoadedFile {
  number: number;
}

export type AttachmentKind = 'pdf' | 'jpeg' | 'png';

export interface AttachmentRef {
  /** The chapter that references it; null for ansokan.yaml (the logo). */
  chapter: number | null;
  /** The file that references it (relative to the folder). */
  from: string;
  pointer: string;
  /** The path as written. */
  path: string;
  title?: string;
  /** An image shown in the prose (`![…](bilagor/foto.jpg)`), not a numbered attachment. */
  inline?: boolean;
  /** The organisation's logo (`logotyp` in ansokan.yaml), shown on the cover: an image, not a numbered attachment. */
  logo?: boolean;
  /** Where an inline image is written. */
  position?: Position;
  /** Filled in by the attachment checks. */
  resolved?: ResolvedAttachment;
}

export interface ResolvedAttachment {
  /** Absolute path on disk (symbolic links resolved). */
  absolute: string;
  /** Path relative to the folder as found on disk (may differ in Unicode normalisation). */
  relative: string;
  size: number;
  kind?: AttachmentKind;
  /** Set when the file is usable for the PDF. */
  ok: boolean;
  /** For images: pixel size, and EXIF orientation for JPEG. */
  width?: number;
  height?: number;
  orientation?: number;
  /** PDF with owner-password restrictions only. */
  restricted?: boolean;
}

export interface Application {
  /** The folder as given. */
  folder: string;
  /** Absolute, real path of the folder. */
  root: string;
  meta: LoadedFile;
  chapters: ChapterFile[];
  /** Chapter files by number; undefined when missing. */
  chapter(n: number): ChapterFile | undefined;
  attachments: AttachmentRef[];
  /** Files found under bilagor/ (relative paths, NFC). */
  bilagorFiles: string[];
}

export type RefSource = 'option' | 'ansökningsdatum' | 'today';

export interface Diagnostic {
  rule: RuleId;
  severity: Severity;
  chapter: number | null;
  file: string | null;
  line: number | null;
  column: number | null;
  pointer: string | null;
  message: string;
  args: Record<string, string | number>;
  excepted?: { reason: string };
}

export interface ChapterSummary {
  number: number;
  title: string;
  file: string | null;
  passed: number;
  total: number;
  errors: number;
  warnings: number;
  infos: number;
  excepted: number;
  /** Each of the chapter's own rules that applies, and whether it holds (what passed/total counts). */
  rules: { id: string; met: boolean }[];
}

export interface Summary {
  errors: number;
  warnings: number;
  infos: number;
  excepted: number;
  completeness: number;
}

export interface Report {
  path: string;
  organisation: string | null;
  kommun: string | null;
  typ: 'ny' | 'förnyelse' | null;
  /** For renewals: when the current certification expires (granted + 3 years). */
  certificationValidUntil: string | null;
  referenceDate: string;
  referenceDateSource: RefSource;
  ok: boolean;
  summary: Summary;
  chapters: ChapterSummary[];
  diagnostics: Diagnostic[];
  lang: Lang;
}

/** What a check found, before the engine gives it a severity, a position and a message. */
export interface Finding {
  /** A declared rule (src/rules/ids.ts): a misspelt id does not compile. */
  rule: RuleId;
  /** The file it is about, relative to the folder; null for the application as a whole. */
  file: string | null;
  chapter: number | null;
  pointer?: string | null;
  /** An explicit position; otherwise the engine finds one from the pointer. */
  position?: Position | null;
  args?: Record<string, string | number>;
  /** Other places the finding depends on: a placeholder there silences it. */
  involves?: { file: string | null; pointer: string }[];
}
