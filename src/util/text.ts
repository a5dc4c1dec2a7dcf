/** Text helpers shared by the loader, the reports and the command line. */

/** Control characters (escape sequences, bells) shown as `\u001b`: they cannot drive the terminal. */
export function escapeControls(s: string, keep = ''): string {
  return s.replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) => (keep.includes(c) ? c : `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`));
}

/** `affärsidé` without its marks: `affarside`. */
export function stripMarks(s: string): string {
  return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
}

/** Folds å ä ö (and other accents) to ASCII and lower case, to compare words loosely. */
export function foldAscii(s: string): string {
  return stripMarks(s).toLowerCase();
}

export function levenshtein(a: string, b: string): number {
  const m = a.length;
  const n = b.length;
  let prev = Array.from({ length: n + 1 }, (_, j) => j);
  for (let i = 1; i <= m; i++) {
    const cur = [i];
    for (let j = 1; j <= n; j++) {
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[n]!;
}

/** Words people use for a field that has another name here. */
const SYNONYMS: Record<string, string> = {
  mobil: 'telefon',
  mobilnummer: 'telefon',
  tel: 'telefon',
  telefonnummer: 'telefon',
  email: 'epost',
  'e-post': 'epost',
  'e-mail': 'epost',
  mail: 'epost',
  mejl: 'epost',
  datum: 'ansökningsdatum',
  titel: 'namn',
};

/**
 * The closest of the candidates to a word, if it is close enough to be a likely typo, the start
 * of the name (`samverkan` for `samverkansprocess`) or a common other word for it (`mobil`).
 */
export function closest(word: string, candidates: Iterable<string>): string | undefined {
  const w = foldAscii(word);
  const list = [...candidates];
  const synonym = SYNONYMS[w];
  if (synonym !== undefined && list.includes(synonym)) return synonym;
  let best: string | undefined;
  let bestD = Infinity;
  for (const c of list) {
    const f = foldAscii(c);
    let d = levenshtein(w, f);
    // One is the start of the other: `samverkan` → `samverkansprocess`, `budgetbeslutet` → `budgetbeslut`.
    const shorter = Math.min(w.length, f.length);
    if (shorter >= 4 && (f.startsWith(w) || w.startsWith(f))) d = Math.min(d, 1);
    if (d < bestD) {
      bestD = d;
      best = c;
    }
  }
  if (best === undefined) return undefined;
  const limit = Math.max(2, Math.floor(Math.max(w.length, best.length) / 3));
  return bestD <= limit ? best : undefined;
}

/** A text shortened for a message: at most `max` characters, with … when cut. */
export function clip(s: string, max = 60): string {
  const t = s.trim();
  return t.length <= max ? t : `${t.slice(0, max - 1).trimEnd()}…`;
}
