/**
 * A UsageError means qm could not do its job (bad option, folder missing, output not
 * writable, bad qm.config.yaml): the CLI prints its one-line message and exits with 2.
 * Problems in the application itself are never thrown; they are diagnostics.
 *
 * `message` is the sentence in Swedish (qm's language), `messageIn('en')` the English one;
 * `key` and `args` are for programs.
 */
import { usageMessage } from '../i18n/index.js';
import type { Lang } from '../model/types.js';

export class UsageError extends Error {
  constructor(
    readonly key: string,
    readonly args: Record<string, string | number> = {},
  ) {
    super(usageMessage(key, args, 'sv'));
    this.name = 'UsageError';
  }

  /** The sentence in the given language. */
  messageIn(lang: Lang): string {
    return usageMessage(this.key, this.args, lang);
  }
}
