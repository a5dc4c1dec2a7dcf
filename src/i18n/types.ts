/** The arguments of a message: named numbers and words (src/rules/define.ts types them per rule). */
export type Args = Record<string, string | number | undefined>;
