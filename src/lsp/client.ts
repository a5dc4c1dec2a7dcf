/** What the editor's client said it supports (initialize), as the features' answers need it. */
export interface ClientFeatures {
  snippets: boolean;
  markdown: boolean;
  hierarchicalSymbols: boolean;
}
