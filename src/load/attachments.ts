/**
 * Attachments: a referenced path is resolved inside the folder (never outside it, whatever
 * `..`, absolute paths or symbolic links say), found regardless of Unicode normalisation, and
 * sniffed by content. Also the images a chapter's prose shows.
 */
import { closeSync, lstatSync, openSync, readdirSync, readlinkSync, realpathSync, statSync } from 'node:fs';
import { basename, dirname, join, posix, resolve, sep } from 'node:path';
import type { Application, AttachmentRef, Finding, ResolvedAttachment } from '../model/types.js';
import type { RuleId } from '../rules/ids.js';
import { sniff } from './sniff.js';
import { closest } from './text.js';

const ENDINGS: Record<string, 'pdf' | 'jpeg' | 'png'> = { pdf: 'pdf', jpg: 'jpeg', jpeg: 'jpeg', png: 'png' };

export interface AttachmentLimits {
  attachmentMaxMb: number;
  attachmentsMaxMb: number;
}

type Outcome =
  | { ok: true; abs: string; rel: string }
  | {
      ok: false;
      rule: 'bilaga/saknas' | 'bilaga/utanfor-mappen' | 'bilaga/filtyp';
      reason: string;
      /** For a name that differs only in case: the file as it is named on disk. */
      actual?: string;
    };

function listNames(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

function realpathOrNull(p: string): string | null {
  try {
    return realpathSync.native(p);
  } catch {
    return null;
  }
}

function statOrUndefined(abs: string) {
  try {
    return statSync(abs);
  } catch {
    return undefined;
  }
}

/** Whether `p` is a symbolic link whose target, resolved by name (it does not exist), is outside `root`. */
function danglingOutside(root: string, p: string): boolean {
  try {
    if (!lstatSync(p).isSymbolicLink()) return false;
    return !inside(root, resolve(dirname(p), readlinkSync(p)));
  } catch {
    return false;
  }
}

function inside(root: string, abs: string): boolean {
  return abs === root || abs.startsWith(root.endsWith(sep) ? root : root + sep);
}

/** Finds a path inside the folder, segment by segment, comparing names as NFC. */
export async function locate(root: string, written: string, dirs: Map<string, string | null> = new Map()): Promise<Outcome> {
  if (written.includes('\0')) return { ok: false, rule: 'bilaga/saknas', reason: 'nul' };
  const p = written.trim().replace(/\\/g, '/');
  if (/^[a-z][a-z0-9+.-]+:/i.test(p)) return { ok: false, rule: 'bilaga/utanfor-mappen', reason: 'url' };
  if (p.startsWith('/') || /^[a-z]:/i.test(p)) return { ok: false, rule: 'bilaga/utanfor-mappen', reason: 'absolute' };
  const norm = posix.normalize(p);
  if (norm === '..' || norm.startsWith('../')) return { ok: false, rule: 'bilaga/utanfor-mappen', reason: 'parent' };
  if (norm === '.' || norm === '') return { ok: false, rule: 'bilaga/saknas', reason: 'empty' };
  // The common case first: the path exists as written. Its folder is resolved once per check
  // (most attachments share bilagor/), the file itself only when it is a link.
  try {
    const abs = join(root, norm);
    const dir = dirname(abs);
    let realDir = dirs.get(dir);
    if (realDir === undefined) {
      realDir = realpathOrNull(dir);
      dirs.set(dir, realDir);
    }
    if (realDir !== null) {
      const candidate = join(realDir, basename(abs));
      const real = lstatSync(candidate).isSymbolicLink() ? realpathSync.native(candidate) : candidate;
      if (!inside(root, real)) return { ok: false, rule: 'bilaga/utanfor-mappen', reason: 'link' };
      return {
        ok: true,
        abs: real,
        rel: real
          .slice(root.length + 1)
          .split(sep)
          .join('/')
          .normalize('NFC'),
      };
    }
  } catch {
    // not there as written (another Unicode normalisation, a loop, …): walk it segment by segment
  }
  let cur = root;
  const parts = norm.split('/');
  /** A segment found only when case is ignored (`Nyhetsbrev.PDF` for `nyhetsbrev.pdf`). */
  let caseOnly = false;
  for (let k = 0; k < parts.length; k++) {
    const part = parts[k]!;
    let next = join(cur, part);
    try {
      lstatSync(next);
    } catch {
      const want = part.normalize('NFC');
      const names = listNames(cur);
      let hit = names.find((n) => n.normalize('NFC') === want);
      if (!hit) {
        const folded = names.filter((n) => n.normalize('NFC').toLowerCase() === want.toLowerCase());
        // One name that differs only in case is the file meant; with several, none is.
        if (folded.length !== 1) return { ok: false, rule: 'bilaga/saknas', reason: 'missing' };
        hit = folded[0]!;
        caseOnly = true;
      }
      next = join(cur, hit);
    }
    // A link (or a folder behind one) that leads out of the folder is refused before it is opened.
    let real: string;
    try {
      real = realpathSync.native(next);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      // A link to nothing is still a link: one that points out of the folder is refused as such.
      if (code === 'ENOENT' && danglingOutside(root, next)) return { ok: false, rule: 'bilaga/utanfor-mappen', reason: 'link' };
      return { ok: false, rule: 'bilaga/saknas', reason: code === 'ELOOP' ? 'loop' : 'missing' };
    }
    if (!inside(root, real)) return { ok: false, rule: 'bilaga/utanfor-mappen', reason: 'link' };
    cur = real;
  }
  const rel = cur
    .slice(root.length + 1)
    .split(sep)
    .join('/')
    .normalize('NFC');
  // The path as written names no file on a file system that tells case apart (Linux, a CI
  // runner): said once, naming the file on disk, which then counts as referenced.
  if (caseOnly) return { ok: false, rule: 'bilaga/saknas', reason: 'case', actual: rel };
  return { ok: true, abs: cur, rel };
}

function ending(path: string): string {
  const m = /\.([^./]+)$/.exec(path);
  return m ? m[1]!.toLowerCase() : '';
}

export async function checkAttachments(app: Application, limits: AttachmentLimits): Promise<Finding[]> {
  const findings: Finding[] = [];
  const seen = new Map<string, ResolvedAttachment>();
  const dirs = new Map<string, string | null>();
  let total = 0;
  let totalReported = false;
  // As written, so a link that is refused or that leads elsewhere in the folder still counts as referenced.
  const referenced = new Set<string>();
  /** Missing files, for which a renamed file under bilagor/ may be the one meant. */
  const missing: Finding[] = [];
  for (const ref of app.attachments) {
    referenced.add(posix.normalize(ref.path.trim().replace(/\\/g, '/')).normalize('NFC'));
    const f = (rule: RuleId, args: Record<string, string | number> = {}): Finding => ({
      rule,
      file: ref.from,
      chapter: ref.chapter,
      pointer: ref.inline ? null : ref.pointer,
      ...(ref.position ? { position: ref.position } : {}),
      args: { path: ref.path, ...args },
    });
    const found = await locate(app.root, ref.path, dirs);
    if (!found.ok) {
      const finding = f(found.rule, { reason: found.reason, ...(found.actual ? { actual: found.actual } : {}) });
      if (found.actual) referenced.add(found.actual);
      else if (found.rule === 'bilaga/saknas' && found.reason === 'missing' && !ref.inline) missing.push(finding);
      findings.push(finding);
      continue;
    }
    const already = seen.get(found.abs);
    if (already) {
      ref.resolved = already;
      continue;
    }
    const result = await inspect(found.abs, found.rel, ref, limits, f);
    findings.push(...result.findings);
    ref.resolved = result.resolved;
    if (result.resolved) {
      seen.set(found.abs, result.resolved);
      total += result.resolved.size;
      if (!totalReported && total > limits.attachmentsMaxMb * 1_000_000) {
        totalReported = true;
        findings.push(f('bilaga/storlek', { total, limit: limits.attachmentsMaxMb, all: 1 }));
      }
    }
  }
  // Files under bilagor/ that nothing references would be left out of the PDF.
  const used = new Set([...seen.values()].map((r) => r.relative));
  const unused = app.bilagorFiles.filter((rel) => !used.has(rel) && !referenced.has(rel));
  // A reference to a file that is not there, and a file that nothing references with a name
  // close to it: most likely one file renamed, so one diagnostic that names it ("menade du …?").
  const suggested = new Set<string>();
  for (const f of missing) {
    const path = String(f.args?.path ?? '');
    const candidates = unused.filter((rel) => !suggested.has(rel) && ending(rel) === ending(path));
    // Compared without the ending, and with `-`, `_` and spaces alike (`karta-centrum`, `Karta centrum`).
    const stem = (p: string) =>
      basename(p)
        .replace(/\.[^.]*$/, '')
        .replace(/[-_\s]+/g, ' ')
        .trim();
    const byName = new Map(candidates.map((rel) => [stem(rel), rel]));
    const near = closest(stem(path), byName.keys());
    if (near === undefined) continue;
    const rel = byName.get(near)!;
    suggested.add(rel);
    f.args = { ...f.args, actual: rel, reason: 'renamed' };
  }
  for (const rel of unused) {
    if (!suggested.has(rel))
      findings.push({ rule: 'bilaga/oanvand', file: rel, chapter: null, pointer: null, position: null, args: { path: rel } });
  }
  return findings;
}

async function inspect(
  abs: string,
  rel: string,
  ref: AttachmentRef,
  limits: AttachmentLimits,
  f: (rule: RuleId, args?: Record<string, string | number>) => Finding,
): Promise<{ findings: Finding[]; resolved?: ResolvedAttachment }> {
  const st = statOrUndefined(abs);
  if (!st) return { findings: [f('bilaga/saknas', { reason: 'missing' })] };
  if (!st.isFile()) return { findings: [f('bilaga/filtyp', { kind: st.isDirectory() ? 'folder' : 'special' })] };
  const findings: Finding[] = [];
  const resolved: ResolvedAttachment = { absolute: abs, relative: rel, size: st.size, ok: false };
  if (st.size === 0) return { findings: [f('bilaga/trasig', { detail: 'empty' })], resolved };
  if (st.size > limits.attachmentMaxMb * 1_000_000) findings.push(f('bilaga/storlek', { bytes: st.size, limit: limits.attachmentMaxMb }));
  let fd: number;
  try {
    fd = openSync(abs, 'r');
  } catch (e) {
    findings.push(f('bilaga/trasig', { detail: `unreadable:${(e as NodeJS.ErrnoException).code ?? ''}` }));
    return { findings, resolved };
  }
  try {
    const s = sniff(fd, st.size, ref.path);
    const end = ending(ref.path) || ending(rel);
    if (!s.ok && s.problem === 'unknown') {
      findings.push(f('bilaga/filtyp', { kind: s.detail, ending: end }));
      return { findings, resolved };
    }
    const expected = ENDINGS[end];
    if (s.kind && expected !== s.kind) {
      findings.push(f('bilaga/filtyp', { kind: s.kind, ending: end, mismatch: 1 }));
      return { findings, resolved };
    }
    resolved.kind = s.kind;
    // The logo is drawn on the cover: an image, not a document.
    if (ref.logo && s.kind === 'pdf') {
      findings.push(f('bilaga/filtyp', { kind: s.kind, ending: end, logo: 1 }));
      return { findings, resolved };
    }
    if (!s.ok) {
      findings.push(f(s.problem === 'encrypted' ? 'bilaga/krypterad' : 'bilaga/trasig', { detail: s.detail, kind: s.kind ?? '' }));
      return { findings, resolved };
    }
    resolved.ok = true;
    resolved.width = s.width;
    resolved.height = s.height;
    resolved.orientation = s.orientation;
    if (s.encryption === 'owner') {
      resolved.restricted = true;
      findings.push(f('bilaga/skyddad'));
    }
    return { findings, resolved };
  } catch (e) {
    findings.push(f('bilaga/trasig', { detail: `read:${(e as NodeJS.ErrnoException).code ?? ''}` }));
    return { findings, resolved };
  } finally {
    try {
      closeSync(fd);
    } catch {
      // already closed
    }
  }
}

/** Images shown in a chapter's prose (`![text](bilagor/foto.jpg)`) are attachments too. */
export function proseImages(app: Application): AttachmentRef[] {
  const out: AttachmentRef[] = [];
  for (const c of app.chapters) {
    if (c.status !== 'ok' || !c.prose) continue;
    // Neither the text nor the path may hold a `[`: a run that could cross into the next `![`
    // made each of them rescan the rest of the line (minutes for a line of `![](` repeated).
    // The destination as CommonMark writes it: `<with spaces.jpg>` or without spaces; a title in
    // "…", '…' or (…).
    for (const m of c.prose.text.matchAll(/!\[([^[\]]*)\]\(\s*(?:<([^<>\n]*)>|([^)\s<[]+))(?:\s+(?:"[^"]*"|'[^']*'|\([^)]*\)))?\s*\)/g)) {
      const target = (m[2] ?? m[3] ?? '').trim();
      if (target === '') continue;
      if (/^(https?:|data:)/i.test(target)) continue;
      let path = target;
      try {
        path = decodeURIComponent(target);
      } catch {
        // keep as written
      }
      out.push({
        chapter: c.number,
        from: c.file,
        pointer: '',
        path,
        title: m[1] || undefined,
        inline: true,
        position: c.prose.position(m.index),
      });
    }
  }
  return out;
}
