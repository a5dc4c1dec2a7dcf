/** The hostile corpus: YAML syntax, sizes, encodings and Unicode normalisation of chapter files. */
import { describe } from 'vitest';
import { groups } from './cases.js';
import { runCases } from './runner.js';

describe('yaml', () => runCases(groups.yaml!));
describe('sizes', () => runCases(groups.sizes!));
describe('unicode', () => runCases(groups.unicode!));
