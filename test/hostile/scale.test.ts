/** The hostile corpus: folders with very many files. */
import { describe } from 'vitest';
import { groups } from './cases.js';
import { runCases } from './runner.js';

describe('scale', () => runCases(groups.scale!));
