/**
 * Where a rule is documented: its section of docs/regler.md (Swedish) or docs/rules.md (English)
 * in the repository, the section `npm run docs` writes it into (src/rules/doc.ts groups them so).
 */
import type { Lang } from '../model/types.js';
import { CHAPTER_TITLES } from '../i18n/index.js';
import { ruleById } from '../rules/index.js';
import { HOMEPAGE } from '../version.js';

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces as hyphens. */
export function headingAnchor(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');
}

function section(id: string, lang: Lang): string {
  const sv = lang === 'sv';
  if (/^(ansokan\/saknas|kapitel\/|fil\/|schema\/|id\/|text\/|config\/|pdf\/)/.test(id))
    return sv ? 'Filer och struktur' : 'Files and structure';
  if (id.startsWith('bilaga/')) return sv ? 'Bilagor' : 'Attachments';
  if (id.startsWith('ansokan/')) return sv ? 'Ansökan' : 'Application';
  const n = ruleById.get(id)?.chapter;
  return n ? `${sv ? 'Kapitel' : 'Chapter'} ${n} ${CHAPTER_TITLES[n - 1]}` : '';
}

export function ruleDocUrl(id: string, lang: Lang): string {
  const file = lang === 'sv' ? 'regler.md' : 'rules.md';
  const anchor = headingAnchor(section(id, lang));
  return `${HOMEPAGE}/blob/main/docs/${file}${anchor ? `#${anchor}` : ''}`;
}
