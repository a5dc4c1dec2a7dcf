/**
 * The facts the rules decided, computed once per check and read by everything that states them
 * (the PDF, the language server): a goal's horizon, an indicator's span, the public/private
 * split, each attachment's number and title. The functions are the rules' own (cached per
 * check), so a table in the PDF cannot disagree with the check.
 */
import type { Application } from '../model/types.js';
import type { RuleContext } from '../rules/define.js';
import { goals, type Goal } from '../rules/k6-mal-och-strategi.js';
import { indicators, spans, type Indicator } from '../rules/k8-uppfoljning.js';
import { financing, type Financing } from '../rules/k4-finansiering.js';
import { certification, type Certification } from '../rules/general.js';
import { numberAttachments, type Numbering } from './attachments.js';

export interface IndicatorFact extends Indicator {
  /** Whether it spans the last three years (k8/tre-ars-resultat), and the years that count. */
  span: ReturnType<typeof spans>;
}

export interface Facts {
  referenceYear: number;
  /** Chapter 6's goals with the horizon that counts (k6/kortsiktiga-mal, k6/langsiktiga-mal). */
  goals: Goal[];
  /** Chapter 8's indicators and whether each spans the last three years. */
  indicators: IndicatorFact[];
  /** Chapter 4's financiers, public and private. */
  financing: Financing;
  /** The numbered attachments and their titles. */
  attachments: Numbering;
  /** A renewal's previous certification. */
  certification: Certification | undefined;
}

export function collectFacts(app: Application, ctx: RuleContext): Facts {
  return {
    referenceYear: ctx.ref.year,
    goals: goals(ctx),
    indicators: indicators(ctx).map((ind) => ({ ...ind, span: spans(ind, ctx.ref.year) })),
    financing: financing(ctx),
    attachments: numberAttachments(app),
    certification: certification(ctx),
  };
}
