/** The engine: checks an application and says what its rules decided. */
export { check, checkApplication, knownSeverities, type CheckOptions, type CheckResult } from './check.js';
export type { Facts, IndicatorFact } from './facts.js';
export { attachmentLabel, type Numbering, type NumberedAttachment } from './attachments.js';
export { checkMany } from './pool.js';
