/** The hostile corpus: files that are not files, missing files, unusable settings, and attachment paths. */
import { describe } from 'vitest';
import { groups } from './cases.js';
import { runCases } from './runner.js';

describe('files', () => runCases(groups.files!));
describe('paths', () => runCases(groups.paths!));
