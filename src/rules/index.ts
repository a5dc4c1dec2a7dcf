/** Every rule of qm, listed explicitly: files and structure, text, attachments, the application, chapters 1–9. */
import type { AnyRule, RuleDef } from './define.js';
import { application, oanvantUndantag } from './general.js';
import { files } from './files.js';
import { schema } from './schema.js';
import { attachmentRules } from './attachments.js';
import { rules as text } from './text.js';
import { rules as k1 } from './k1-bakgrund.js';
import { rules as k2 } from './k2-nulage.js';
import { rules as k3 } from './k3-organisation.js';
import { rules as k4 } from './k4-finansiering.js';
import { rules as k5 } from './k5-vision.js';
import { rules as k6 } from './k6-mal-och-strategi.js';
import { rules as k7 } from './k7-verksamhetsplan.js';
import { rules as k8 } from './k8-uppfoljning.js';
import { rules as k9 } from './k9-kommunikation.js';
import { pdfRules } from './pdf.js';

export const allRules: RuleDef[] = [
  ...files,
  ...schema,
  ...text,
  ...attachmentRules,
  ...application,
  oanvantUndantag,
  ...k1,
  ...k2,
  ...k3,
  ...k4,
  ...k5,
  ...k6,
  ...k7,
  ...k8,
  ...k9,
  ...pdfRules,
];

/** The rule of an id; keyed by string, since ids also come from users (`qm explain`, qm.config.yaml). */
export const ruleById: ReadonlyMap<string, AnyRule> = new Map(allRules.map((r) => [r.id, r]));

/** Rule pointers for schema findings that span several fields. */
export const schemaRulePointers: Record<string, string> = Object.fromEntries(
  allRules.filter((r) => r.pointer !== undefined).map((r) => [r.id, r.pointer!]),
);
