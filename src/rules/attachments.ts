/** The attachment rules; src/load/attachments.ts finds them while resolving and sniffing files. */
import { defineRule, type RuleDef } from './define.js';

const t = (sv: string, en: string) => ({ sv, en });

export const attachmentRules: RuleDef[] = [
  defineRule({
    id: 'bilaga/saknas',
    chapter: null,
    severity: 'error',
    title: t('En bilaga som det hänvisas till finns inte', 'A referenced file does not exist'),
    fix: t(
      'Lägg filen i mappen (t.ex. under bilagor/) eller rätta sökvägen.',
      'Put the file in the folder (e.g. under bilagor/) or correct the path.',
    ),
    example: 'karta: bilagor/karta-centrum.png',
  }),
  defineRule({
    id: 'bilaga/utanfor-mappen',
    chapter: null,
    severity: 'error',
    title: t('Sökvägen leder ut ur ansökningsmappen', 'The path leaves the application folder'),
    fix: t(
      'Kopiera filen in i ansökningsmappen och hänvisa till den med en relativ sökväg (bilagor/…).',
      'Copy the file into the application folder and refer to it with a relative path (bilagor/…).',
    ),
    example: 'karta: bilagor/karta.png   # inte /Users/anna/karta.png eller ../karta.png',
  }),
  defineRule({
    id: 'bilaga/filtyp',
    chapter: null,
    severity: 'error',
    title: t(
      'Inte PDF, JPEG eller PNG – eller filändelsen stämmer inte med innehållet',
      'Not a PDF, JPEG or PNG, or the ending does not match the content',
    ),
    fix: t(
      'Spara bilagan som PDF (dokument) eller JPEG/PNG (bilder), med rätt filändelse.',
      'Save the attachment as PDF (documents) or JPEG/PNG (images), with the right ending.',
    ),
    example: 'organisationsmatris: bilagor/organisationsmatris.pdf   # PDF, JPEG eller PNG, med rätt filändelse',
  }),
  defineRule({
    id: 'bilaga/trasig',
    chapter: null,
    severity: 'error',
    title: t(
      'Filen kan inte läsas som det den utger sig för att vara (tom, avkortad, trasig)',
      'The file cannot be read as what it claims to be (empty, truncated, broken)',
    ),
    fix: t('Exportera eller ladda ned filen på nytt.', 'Export or download the file again.'),
    example: 'dokument: bilagor/vision-2026-2029.pdf   # en hel fil som öppnas i en PDF-läsare',
  }),
  defineRule({
    id: 'bilaga/krypterad',
    chapter: null,
    severity: 'error',
    title: t('PDF:en kräver lösenord för att öppnas', 'The PDF needs a password to be opened'),
    fix: t('Spara en kopia utan lösenord (Skriv ut → Spara som PDF).', 'Save a copy without a password (Print → Save as PDF).'),
    example: 'protokoll: bilagor/budgetbeslut-utan-losenord.pdf',
  }),
  defineRule({
    id: 'bilaga/skyddad',
    chapter: null,
    severity: 'warning',
    title: t('PDF:en har ägarlösenord med begränsningar', 'The PDF carries owner-password restrictions'),
    fix: t(
      'qm kan slå ihop den, men begränsningarna följer inte med i ansökan. Spara en kopia utan skydd om de behövs.',
      'qm can merge it, but the restrictions will not survive in the submission. Save an unprotected copy if that matters.',
    ),
    example: 'avtal: bilagor/avtal-kommunen.pdf   # sparad utan ägarlösenord',
  }),
  defineRule({
    id: 'bilaga/storlek',
    chapter: null,
    severity: 'warning',
    title: t('En fil över 20 MB, eller alla bilagor över 200 MB', 'A file over 20 MB, or all attachments over 200 MB'),
    fix: t(
      'Komprimera bilagan (t.ex. lägre bildupplösning) eller dela upp den.',
      'Compress the attachment (e.g. lower image resolution) or split it.',
    ),
    example: 'bilagor:\n  - bilagor/foton-komprimerade.pdf   # under 20 MB',
  }),
  defineRule({
    id: 'bilaga/oanvand',
    chapter: null,
    severity: 'warning',
    title: t('En fil under bilagor/ som inget hänvisar till', 'A file under bilagor/ that nothing references'),
    fix: t(
      'Hänvisa till filen från ett kapitel (den kommer annars inte med i PDF:en) eller ta bort den.',
      'Reference the file from a chapter (otherwise it is not in the PDF) or remove it.',
    ),
    example: 'bilagor:\n  - bilagor/enkat-2025.pdf   # varje fil under bilagor/ nämns i något kapitel',
  }),
];
