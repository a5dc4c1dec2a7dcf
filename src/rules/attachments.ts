/** The attachment rules; src/load/attachments.ts finds them while resolving and sniffing files. */
import { defineRule, type RuleDef } from './define.js';
import * as sv from '../i18n/sv.js';
import * as en from '../i18n/en.js';

const t = (sv: string, en: string) => ({ sv, en });

export const attachmentRules: RuleDef[] = [
  defineRule<{ actual?: string | number; path?: string | number; reason?: string | number }>({
    id: 'bilaga/saknas',
    chapter: null,
    severity: 'error',
    message: {
      sv: (a) =>
        a.reason === 'nul'
          ? `Sökvägen ${sv.q(String(a.path).replace(/\0/g, '\\0'))} innehåller ett NUL-tecken och kan inte vara en fil. Rätta sökvägen.`
          : a.reason === 'loop'
            ? `${sv.q(a.path)} är en symbolisk länk som pekar på sig själv i en slinga. Ersätt länken med filen.`
            : a.reason === 'case'
              ? `Bilagan ${sv.q(a.path)} finns inte, men ${sv.q(a.actual)} gör det: namnen skiljer sig bara i stora och små bokstäver, vilket många datorer skiljer på. Menade du ${sv.q(a.actual)}? Skriv sökvägen exakt så, eller byt namn på filen.`
              : a.reason === 'renamed'
                ? `Bilagan ${sv.q(a.path)} finns inte. Menade du ${sv.q(a.actual)}? Den ligger i mappen men inget kapitel hänvisar till den. Rätta sökvägen, eller byt namn på filen.`
                : `Bilagan ${sv.q(a.path)} finns inte i ansökningsmappen. Lägg filen där eller rätta sökvägen.`,
      en: (a) =>
        a.reason === 'nul'
          ? `The path ${en.q(String(a.path).replace(/\0/g, '\\0'))} holds a NUL character and cannot be a file. Correct the path.`
          : a.reason === 'loop'
            ? `${en.q(a.path)} is a symbolic link that loops. Replace the link with the file.`
            : a.reason === 'case'
              ? `The attachment ${en.q(a.path)} does not exist, but ${en.q(a.actual)} does: the names differ only in upper and lower case, which many computers tell apart. Did you mean ${en.q(a.actual)}? Write the path exactly so, or rename the file.`
              : a.reason === 'renamed'
                ? `The attachment ${en.q(a.path)} does not exist. Did you mean ${en.q(a.actual)}? It is in the folder but no chapter refers to it. Correct the path, or rename the file.`
                : `The attachment ${en.q(a.path)} is not in the application folder. Put the file there or correct the path.`,
    },
    title: t('En bilaga som det hänvisas till finns inte', 'A referenced file does not exist'),
    fix: t(
      'Lägg filen i mappen (t.ex. under bilagor/) eller rätta sökvägen.',
      'Put the file in the folder (e.g. under bilagor/) or correct the path.',
    ),
    example: 'karta: bilagor/karta-centrum.png',
  }),
  defineRule<{ path?: string | number; reason?: string | number }>({
    id: 'bilaga/utanfor-mappen',
    chapter: null,
    severity: 'error',
    message: {
      sv: (a) =>
        `${sv.q(a.path)} leder ut ur ansökningsmappen (${a.reason === 'url' ? 'en webbadress eller file://' : a.reason === 'absolute' ? 'en absolut sökväg' : a.reason === 'link' ? 'en länk till en fil utanför' : '..'}), och qm öppnar den inte. Kopiera filen in i mappen (t.ex. bilagor/) och hänvisa relativt.`,
      en: (a) =>
        `${en.q(a.path)} leads out of the application folder (${a.reason === 'url' ? 'a web address or file://' : a.reason === 'absolute' ? 'an absolute path' : a.reason === 'link' ? 'a link to a file outside' : '..'}), and qm does not open it. Copy the file into the folder (e.g. bilagor/) and refer to it relatively.`,
    },
    title: t('Sökvägen leder ut ur ansökningsmappen', 'The path leaves the application folder'),
    fix: t(
      'Kopiera filen in i ansökningsmappen och hänvisa till den med en relativ sökväg (bilagor/…).',
      'Copy the file into the application folder and refer to it with a relative path (bilagor/…).',
    ),
    example: 'karta: bilagor/karta.png   # inte /Users/anna/karta.png eller ../karta.png',
  }),
  defineRule<{
    ending?: string | number;
    kind?: string | number;
    logo?: string | number;
    mismatch?: string | number;
    path?: string | number;
  }>({
    id: 'bilaga/filtyp',
    chapter: null,
    severity: 'error',
    message: {
      sv: (a) =>
        a.logo
          ? `${sv.q(a.path)} är en PDF, men logotypen visas på försättsbladet och ska vara en bild. Spara den som PNG eller JPEG.`
          : a.mismatch
            ? `${sv.q(a.path)} är en ${sv.kindName(String(a.kind))} men ${a.ending ? `filändelsen är .${a.ending}` : 'namnet saknar filändelse'}. Byt till rätt filändelse.`
            : a.kind === 'folder'
              ? `${sv.q(a.path)} är en mapp, inte en fil. Hänvisa till en PDF-, JPEG- eller PNG-fil.`
              : `${sv.q(a.path)} är ${sv.unknownName(String(a.kind))}, inte PDF, JPEG eller PNG. Spara den som PDF (dokument) eller JPEG/PNG (bilder).`,
      en: (a) =>
        a.logo
          ? `${en.q(a.path)} is a PDF, but the logo is shown on the cover and must be an image. Save it as PNG or JPEG.`
          : a.mismatch
            ? `${en.q(a.path)} is a ${en.kindName(String(a.kind))} but ${a.ending ? `its ending is .${a.ending}` : 'its name has no ending'}. Use the right ending.`
            : a.kind === 'folder'
              ? `${en.q(a.path)} is a folder, not a file. Refer to a PDF, JPEG or PNG file.`
              : `${en.q(a.path)} is ${en.unknownName(String(a.kind))}, not a PDF, JPEG or PNG. Save it as PDF (documents) or JPEG/PNG (images).`,
    },
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
  defineRule<{ detail?: string | number; path?: string | number }>({
    id: 'bilaga/trasig',
    chapter: null,
    severity: 'error',
    message: {
      sv: (a) => `${sv.q(a.path)} kan inte läsas: ${sv.brokenName(String(a.detail))}. Exportera eller ladda ned filen på nytt.`,
      en: (a) => `${en.q(a.path)} cannot be read: ${en.brokenName(String(a.detail))}. Export or download the file again.`,
    },
    title: t(
      'Filen kan inte läsas som det den utger sig för att vara (tom, avkortad, trasig)',
      'The file cannot be read as what it claims to be (empty, truncated, broken)',
    ),
    fix: t('Exportera eller ladda ned filen på nytt.', 'Export or download the file again.'),
    example: 'dokument: bilagor/vision-2026-2029.pdf   # en hel fil som öppnas i en PDF-läsare',
  }),
  defineRule<{ path?: string | number }>({
    id: 'bilaga/krypterad',
    chapter: null,
    severity: 'error',
    message: {
      sv: (a) => `${sv.q(a.path)} är krypterad och kräver lösenord för att öppnas; qm kan inte ta med den. Spara en kopia utan lösenord.`,
      en: (a) => `${en.q(a.path)} is encrypted and needs a password to open; qm cannot include it. Save a copy without a password.`,
    },
    title: t('PDF:en kräver lösenord för att öppnas', 'The PDF needs a password to be opened'),
    fix: t('Spara en kopia utan lösenord (Skriv ut → Spara som PDF).', 'Save a copy without a password (Print → Save as PDF).'),
    example: 'protokoll: bilagor/budgetbeslut-utan-losenord.pdf',
  }),
  defineRule<{ path?: string | number }>({
    id: 'bilaga/skyddad',
    chapter: null,
    severity: 'warning',
    message: {
      sv: (a) =>
        `${sv.q(a.path)} har ett ägarlösenord med begränsningar (utskrift, kopiering). qm kan slå ihop den, men begränsningarna följer inte med i ansökans PDF.`,
      en: (a) =>
        `${en.q(a.path)} carries owner-password restrictions (printing, copying). qm can merge it, but the restrictions will not survive in the submission PDF.`,
    },
    title: t('PDF:en har ägarlösenord med begränsningar', 'The PDF carries owner-password restrictions'),
    fix: t(
      'qm kan slå ihop den, men begränsningarna följer inte med i ansökan. Spara en kopia utan skydd om de behövs.',
      'qm can merge it, but the restrictions will not survive in the submission. Save an unprotected copy if that matters.',
    ),
    example: 'avtal: bilagor/avtal-kommunen.pdf   # sparad utan ägarlösenord',
  }),
  defineRule<{ all?: string | number; bytes?: string | number; limit?: string | number; path?: string | number; total?: string | number }>({
    id: 'bilaga/storlek',
    chapter: null,
    severity: 'warning',
    message: {
      sv: (a) =>
        a.all
          ? `Bilagorna är tillsammans ${sv.mb(a, 'total')}, över gränsen ${String(sv.n(a, 'limit')).replace('.', ',')} MB. Komprimera bilderna eller dela upp underlagen.`
          : `${sv.q(a.path)} är ${sv.mb(a, 'bytes')}, över gränsen ${String(sv.n(a, 'limit')).replace('.', ',')} MB. Komprimera den (t.ex. lägre bildupplösning).`,
      en: (a) =>
        a.all
          ? `The attachments total ${en.mb(a, 'total')}, over the limit of ${a.limit} MB. Compress the images or split the material.`
          : `${en.q(a.path)} is ${en.mb(a, 'bytes')}, over the limit of ${a.limit} MB. Compress it (e.g. a lower image resolution).`,
    },
    title: t('En fil över 20 MB, eller alla bilagor över 200 MB', 'A file over 20 MB, or all attachments over 200 MB'),
    fix: t(
      'Komprimera bilagan (t.ex. lägre bildupplösning) eller dela upp den.',
      'Compress the attachment (e.g. lower image resolution) or split it.',
    ),
    example: 'bilagor:\n  - bilagor/foton-komprimerade.pdf   # under 20 MB',
  }),
  defineRule<{ path?: string | number }>({
    id: 'bilaga/oanvand',
    chapter: null,
    severity: 'warning',
    message: {
      sv: (a) =>
        `${sv.q(a.path)} ligger under bilagor/ men inget kapitel hänvisar till den, så den kommer inte med i PDF:en. Hänvisa till den eller ta bort den.`,
      en: (a) => `${en.q(a.path)} is under bilagor/ but no chapter refers to it, so it will not be in the PDF. Refer to it or remove it.`,
    },
    title: t('En fil under bilagor/ som inget hänvisar till', 'A file under bilagor/ that nothing references'),
    fix: t(
      'Hänvisa till filen från ett kapitel (den kommer annars inte med i PDF:en) eller ta bort den.',
      'Reference the file from a chapter (otherwise it is not in the PDF) or remove it.',
    ),
    example: 'bilagor:\n  - bilagor/enkat-2025.pdf   # varje fil under bilagor/ nämns i något kapitel',
  }),
];
