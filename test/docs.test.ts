import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ruleAnchor, rulesMarkdown } from '../src/rules/doc.js';
import { allRules } from '../src/rules/index.js';
import { ROOT } from './helpers/app.js';

describe('docs/rules.md and docs/regler.md', () => {
  it('are generated from the rule definitions and up to date (npm run docs)', async () => {
    expect(await readFile(join(ROOT, 'docs', 'rules.md'), 'utf8'), 'docs/rules.md is stale: run `npm run docs`').toBe(rulesMarkdown('en'));
    expect(await readFile(join(ROOT, 'docs', 'regler.md'), 'utf8'), 'docs/regler.md is stale: run `npm run docs`').toBe(
      rulesMarkdown('sv'),
    );
  });

  it('list every rule once', () => {
    const md = rulesMarkdown('en');
    for (const r of allRules) expect(md.split(`| <a id="${ruleAnchor(r.id)}"></a>\`${r.id}\` |`).length - 1, r.id).toBe(1);
  });
});
