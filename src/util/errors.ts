/**
 * A UsageError means qm could not do its job (bad option, folder missing, output not
 * writable, bad qm.config.yaml): the CLI prints its one-line message and exits with 2.
 * Problems in the application itself are never thrown; they are diagnostics.
 */
export class UsageError extends Error {
  constructor(
    readonly key: string,
    readonly args: Record<string, string | number> = {},
  ) {
    super(key);
    this.name = 'UsageError';
  }
}
