export type Args = Record<string, string | number | undefined>;
export type Catalogue = Record<string, (a: Args) => string>;
