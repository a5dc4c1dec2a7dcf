/** The hostile corpus: attachment contents and values written the way people write. */
import { describe } from 'vitest';
import { groups } from './cases.js';
import { runCases } from './runner.js';

describe('contents', () => runCases(groups.contents!));
describe('values', () => runCases(groups.values!));
