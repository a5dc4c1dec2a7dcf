// Writes docs/rules.md (English) and docs/regler.md (Swedish) from the rule definitions.
// Run after a build: `npm run docs`. test/docs.test.ts fails when they are out of date.
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { rulesMarkdown } from '../dist/index.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
writeFileSync(join(root, 'docs', 'rules.md'), rulesMarkdown('en'));
writeFileSync(join(root, 'docs', 'regler.md'), rulesMarkdown('sv'));
console.log('wrote docs/rules.md and docs/regler.md');
