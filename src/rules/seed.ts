/**
 * The certifier’s own description of the nine chapters (Svenska Stadskärnor, Quality Mark),
 * verbatim, typos included: the source of every requirement, quoted by `qm explain` and `qm init`.
 */
export const SEED =
  'Delar av Quality Mark i form av stämplar, ovanpå varandra, orange och vita färger\n\nQuality Marks olika delar\n\nQuality Mark-dokumentet består av nio olika kapitel. Varje kapitel ska de sökande fylla i med information om sina respektive verksamheter. Helheten blir därefter ett samlat underlag för en bedömning av organisationen Svenska Stadskärnor. En godkänd certifering är aktuell i tre år, den går därefter att förnya.\n\nHär nedan är en kortfattad version om de nio punkterna som ska uppfyllas för att bli kvalitetscertifierad. Varje punkt innehåller mer än så, men det hela ger en fingervisning om vad som behöver uppfyllas för att bli certifierad enligt Quality Mark, Svenska Stadskärnor.\n\n 1. Bakgrund. Beskriv bakgrunden till ert samverkansarbete. Berätta om bakgrunden till er samverkansorganisation, hur den startade och varför.\n 2. Nuläge. Beskriv nuläget av ert samverkansarbete. Bifoga gärna en SWOT eller annat dokument som beskriver organisationens utmaningar och möjligheter samt nuläge\n 3. Organisation. Hur ser er organisation ut? Beskriv kortfattat.\n  Krav är en dokumenterad samverkansorganisation offentlig och privat verksamhet som varit verksam i minst tre år.\n  Bilägg en organisationsmatris som visar på aktörer och ”ägar”fördelning. Beskriv involverade parter såsom styrelse, ledamöter, ledningsgrupp, referensgrupp, styrgrupp, arbetsgrupp, fristående företagarföreningar samt samverkansaktörer utanför de formella grupperna. Beskriv också mandat och mötesfrekverns och beslutsvägar. Bilägg även en karta som visar på det geografiskt avgränsade arbetsområdet som avses.\n 4. Finansiering. Beskriv hur verksamheten finansieras Ett krav är att offentlig och privat verksamhet tillsammans ger finansiellt stöd och att budgeten är godkänd och följs upp.\n  Beskriv hur verksamheten finansieras bilägg avtal projektfinansiering etc\n 5. Vision och affärsidé. Beskriv er vision. Ett krav är att det finns ett dokument som tydligt anger en gemensam vision för platsen och verksamhetsidén för organisationen. Visionen ska löpa över tre år och påvisa en samasyn av stadskärnans utveckling och betydelse.\n 6. Mål & Strategi. Beskriv era planer. Det ksa finnas ett dokument som tydligt anger mål och strategier för arbetet. Beskriv mål och strategier för organisationen och dess arbete, både kortsiktigt (1-3 år) och långsiktigt (3-5-10 år). Om möjligt även hållbarhetsmål. Visa förankring och strategier samt översiktplan över centrum.\n 7. Verksamhetsplan. Beskriv era åtgärdsprogram och era punkter. Det ska finnas en plan som är kopplad till strategier, mål och budget med ansvarsfördelning och tidplan. Bilägg relevanta dokument, både flerårig övergripande och detaljerad för föregående och innevarande år, som visar åtgärdsprogram och arbetsområden. Beskriv även samverkansprocessen och vem som är ansvarig i de olika delarna samt tidplan och syfte med åtgärderna.\n 8. Utveckling/Indikatorer/Resultatuppföljning Kravet är att det finns dokument som visar måluppföljning, effekterna av ert utvecklingsarbete samt utvärdering av era resultat. Beskriv de senaste tre årens utveckling och uppnådda resultat. Vi ser gärna mätetal för såväl invånare och företag som besökare. Bilägg relevanta dokument såsom undersökningar och före-/efter-foton. Även om denna punkt kan vara omfattande så önskar vi att ni beskriver det så konkret och kortfattat som möjligt. Det viktiga är att vi ser att ni har en metod för att följa upp ert arbete.,\n 9. Kommunikation & dialog Ett krav är att det finns underlag som visar er kommunikation och dialog med såväl intressenter som medborgare. till exempel marknadsföring, möten, events, medborgardialoger, digitala plattformar, nyhetsbrev, pressklipp etc.';

/** The seed's text for chapter n (its numbered point, with the lines that belong to it). */
export function chapterSeed(n: number): string {
  const lines = SEED.split('\n');
  const start = lines.findIndex((l) => new RegExp(`^\\s*${n}\\. `).test(l));
  if (start < 0) return '';
  const out = [lines[start]!.trim()];
  for (let i = start + 1; i < lines.length && !/^\s*\d\. /.test(lines[i]!); i++) if (lines[i]!.trim()) out.push(lines[i]!.trim());
  return out.join(' ').replace(/^\d\.\s*/, '');
}

/** The sentences of the seed that hold a phrase (a phrase with … may span sentences). */
export function seedQuote(phrase: string): string | undefined {
  const fragments = phrase
    .split(/\s*…\s*/)
    .map((f) => f.trim())
    .filter(Boolean);
  const sentences = SEED.split('\n').flatMap((l) => l.trim().split(/(?<=[.!?])\s+(?=[A-ZÅÄÖ])/));
  const hits: string[] = [];
  for (const f of fragments) {
    const s = sentences.find((x) => x.includes(f));
    if (!s) return undefined;
    if (!hits.includes(s)) hits.push(s);
  }
  return hits.join(' … ');
}
