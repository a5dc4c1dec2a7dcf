/**
 * The rules of the chapter schemas (`schema/*`): a field missing, of the wrong type or form, unknown
 * or written twice. The JSON Schemas (schemas/, tagged `x-qm-regel`) and src/schema/errors.ts find
 * most of them, src/load/ the rest while reading (unknown and ASCII keys, decimal commas).
 */
import { defineRule, type Messages, type MessageArgs, type RuleDef } from './define.js';
import type { RuleId } from './ids.js';
import * as sv from '../i18n/sv.js';
import * as en from '../i18n/en.js';

const t = (sv: string, en: string) => ({ sv, en });

/** A schema rule: id, severity, message, then title and fix in Swedish and English, and an example. */
const schemaRule = <A extends MessageArgs>(
  id: RuleId,
  severity: 'error' | 'warning' | 'info',
  message: Messages<A>,
  titleSv: string,
  titleEn: string,
  fixSv: string,
  fixEn: string,
  example?: string,
) => defineRule<A>({ id, chapter: null, severity, message, title: t(titleSv, titleEn), fix: t(fixSv, fixEn), example });

export const schema: RuleDef[] = [
  schemaRule<{ field?: string | number; parent?: string | number; typo?: string | number }>(
    'schema/saknat-falt',
    'error',
    {
      sv: (a) =>
        a.typo
          ? `Fältet \`${a.field}\` saknas${a.parent ? ` i \`${a.parent}\`` : ''}: här står \`${a.typo}\`, troligen en felstavning. Skriv \`${a.field}\`.`
          : `Fältet \`${a.field}\` saknas${a.parent ? ` i \`${a.parent}\`` : ''}. Lägg till det.`,
      en: (a) =>
        a.typo
          ? `The field \`${a.field}\` is missing${a.parent ? ` in \`${a.parent}\`` : ''}: \`${a.typo}\` stands here, probably misspelt. Write \`${a.field}\`.`
          : `The field \`${a.field}\` is missing${a.parent ? ` in \`${a.parent}\`` : ''}. Add it.`,
    },
    'Ett obligatoriskt fält saknas',
    'A required field is missing',
    'Lägg till fältet (se `qm schema`).',
    'Add the field (see `qm schema`).',
    'kontakt:\n  namn: Anna Berg\n  epost: anna.berg@storvik.se',
  ),
  schemaRule<{
    accepted?: string | number;
    amount?: string | number;
    expected?: string | number;
    field?: string | number;
    max?: string | number;
    min?: string | number;
    value?: string | number;
  }>(
    'schema/fel-typ',
    'error',
    {
      sv: (a) =>
        `\`${a.field}\` ska vara ${a.amount ? 'ett belopp i kronor' : sv.typeName(String(a.expected))}${a.min !== undefined && a.max !== undefined ? ` mellan ${a.min} och ${a.max}` : ''}${sv.numberExample(a)}, men är ${sv.q(a.value)}.${a.accepted ? ` Skriv ${a.accepted}.` : ''}`,
      en: (a) =>
        `\`${a.field}\` must be ${a.amount ? 'an amount in SEK' : en.typeName(String(a.expected))}${a.min !== undefined && a.max !== undefined ? ` between ${a.min} and ${a.max}` : ''}${en.numberExample(a)}, but is ${en.q(a.value)}.${a.accepted ? ` Write ${a.accepted}.` : ''}`,
    },
    'Ett fält har fel typ',
    'A field has the wrong type',
    'Skriv värdet som fältet kräver (text, tal, lista …).',
    'Write the value the field needs (text, number, list …).',
    'budget: 3 900 000 kr   # ett tal, inte en lista eller en mappning',
  ),
  schemaRule<{ allowed?: string | number; field?: string | number; value?: string | number }>(
    'schema/okant-varde',
    'error',
    {
      sv: (a) =>
        `\`${a.field}\` kan inte vara ${sv.q(a.value)}. Tillåtna värden: ${a.allowed}.${String(a.value).includes(',') ? ` Är det flera värden, skriv dem som en lista: [${a.value}].` : ''}`,
      en: (a) =>
        `\`${a.field}\` cannot be ${en.q(a.value)}. Allowed values: ${a.allowed}.${String(a.value).includes(',') ? ` For several values, write a list: [${a.value}].` : ''}`,
    },
    'Ett värde som fältet inte tillåter',
    'A value the field does not allow',
    'Använd ett av de tillåtna värdena.',
    'Use one of the allowed values.',
    'sektor: offentlig   # offentlig eller privat',
  ),
  schemaRule<{
    accepted?: string | number;
    field?: string | number;
    format?: string | number;
    orYear?: string | number;
    value?: string | number;
  }>(
    'schema/fel-format',
    'error',
    {
      sv: (a) =>
        a.format === 'date'
          ? /^\d{4}-\d{2}-\d{2}$/.test(String(a.value))
            ? `\`${a.field}\` är ${sv.q(a.value)}, ett datum som inte finns i kalendern. Rätta dag eller månad.`
            : `\`${a.field}\` ska vara ett datum ÅÅÅÅ-MM-DD${a.orYear ? ' eller ett årtal' : ''}, men är ${sv.q(a.value)}.${a.accepted ? ` Skriv ${a.accepted}.` : ''}`
          : a.format === 'email'
            ? `\`${a.field}\` ska vara en e-postadress, men är ${sv.q(a.value)}.`
            : a.format === 'year-key'
              ? `${sv.q(a.value)} i \`${a.field}\` ska vara ett årtal (ÅÅÅÅ), ett värde per år.`
              : `\`${a.field}\` har fel form: ${sv.q(a.value)}${a.format === '^\\S+$' ? ' (ett id får inte innehålla mellanslag)' : ''}.`,
      en: (a) =>
        a.format === 'date'
          ? /^\d{4}-\d{2}-\d{2}$/.test(String(a.value))
            ? `\`${a.field}\` is ${en.q(a.value)}, a date that is not in the calendar. Correct the day or the month.`
            : `\`${a.field}\` must be a date YYYY-MM-DD${a.orYear ? ' or a year' : ''}, but is ${en.q(a.value)}.${a.accepted ? ` Write ${a.accepted}.` : ''}`
          : a.format === 'email'
            ? `\`${a.field}\` must be an e-mail address, but is ${en.q(a.value)}.`
            : a.format === 'year-key'
              ? `${en.q(a.value)} in \`${a.field}\` must be a year (YYYY), one value per year.`
              : `\`${a.field}\` has the wrong form: ${en.q(a.value)}${a.format === '^\\S+$' ? ' (an id may not contain spaces)' : ''}.`,
    },
    'Ett värde har fel format (datum, e-post, år)',
    'A value has the wrong format (date, e-mail, year)',
    'Skriv datum som ÅÅÅÅ-MM-DD.',
    'Write dates as YYYY-MM-DD.',
    'bildad: 2016-03-01',
  ),
  schemaRule<{ field?: string | number }>(
    'schema/tomt-varde',
    'error',
    {
      sv: (a) => `\`${a.field}\` är tomt. Fyll i det eller ta bort fältet om det är valfritt.`,
      en: (a) => `\`${a.field}\` is empty. Fill it in, or remove the field if it is optional.`,
    },
    'Ett fält är tomt',
    'A field is empty',
    'Fyll i fältet eller ta bort det om det är valfritt.',
    'Fill in the field, or remove it if it is optional.',
    'stadskärna: Storviks centrum   # eller ta bort fältet',
  ),
  schemaRule<{ comparison?: string | number; field?: string | number; limit?: string | number; value?: string | number }>(
    'schema/utanfor-intervall',
    'error',
    {
      sv: (a) => `\`${a.field}\` ska vara ${sv.cmp(String(a.comparison))} ${a.limit}, men är ${a.value}.`,
      en: (a) => `\`${a.field}\` must be ${en.cmp(String(a.comparison))} ${a.limit}, but is ${a.value}.`,
    },
    'Ett tal ligger utanför tillåtet intervall',
    'A number is out of range',
    'Kontrollera talet (t.ex. andel 0–100, belopp ≥ 0).',
    'Check the number (e.g. share 0–100, amount ≥ 0).',
    'andel: 40 %   # 0–100',
  ),
  schemaRule<{ field?: string | number }>(
    'schema/tom-lista',
    'error',
    {
      sv: (a) => `\`${a.field}\` är en tom lista. Lägg till minst ett värde.`,
      en: (a) => `\`${a.field}\` is an empty list. Add at least one value.`,
    },
    'En lista är tom',
    'A list is empty',
    'Lägg till minst ett värde.',
    'Add at least one value.',
    'initiativtagare:\n  - Storviks kommun',
  ),
  schemaRule<{ field?: string | number; value?: string | number }>(
    'schema/ogiltigt-varde',
    'error',
    {
      sv: (a) => `\`${a.field}\` har ett värde som inte följer schemat: ${sv.q(a.value)}.`,
      en: (a) => `\`${a.field}\` has a value that does not follow the schema: ${en.q(a.value)}.`,
    },
    'Ett värde följer inte schemat',
    'A value does not follow the schema',
    'Se `qm schema` för fältets form.',
    'See `qm schema` for the field’s form.',
    'bilagor:\n  - bilagor/avtal.pdf\n  - {fil: bilagor/karta.png, titel: Karta}',
  ),
  schemaRule<{ first?: string | number; key?: string | number }>(
    'schema/dubbel-nyckel',
    'error',
    {
      sv: (a) =>
        a.first && a.first !== a.key
          ? `\`${a.key}\` är samma fält som \`${a.first}\`, som redan står ovanför. Behåll ett av dem.`
          : `Fältet \`${a.key}\` står två gånger. Behåll ett av dem.`,
      en: (a) =>
        a.first && a.first !== a.key
          ? `\`${a.key}\` is the same field as \`${a.first}\`, given above. Keep one of them.`
          : `The field \`${a.key}\` is given twice. Keep one of them.`,
    },
    'Samma fält står två gånger (t.ex. `malgrupp` och `målgrupp`)',
    'The same field twice (e.g. `malgrupp` and `målgrupp`)',
    'Behåll en av dem.',
    'Keep one of them.',
    'målgrupp: invånare   # en gång, inte också som malgrupp',
  ),
  schemaRule<{
    key?: string | number;
    known?: string | number;
    mdText?: string | number;
    splitFrom?: string | number;
    suggestion?: string | number;
    written?: string | number;
  }>(
    'schema/okant-falt',
    'warning',
    {
      sv: (a) =>
        a.mdText
          ? 'Fältet `text` i front matter läses inte: i en .md-fil står löptexten under front matter (efter raden ---). Flytta texten dit.'
          : a.splitFrom
            ? `Okänt fält \`${a.key}\` — troligen slutet av \`${a.splitFrom}\`, som YAML delade vid kommat inom { }. Sätt värdet inom citattecken: \`${a.splitFrom}: "${a.written}"\`.`
            : a.suggestion
              ? `Okänt fält \`${a.key}\` — menade du \`${a.suggestion}\`?`
              : a.known
                ? `Okänt fält \`${a.key}\`; det läses inte. Fälten som kan stå här: ${a.known}.`
                : `Okänt fält \`${a.key}\`; det läses inte. Se qm schema för fälten.`,
      en: (a) =>
        a.mdText
          ? 'The field `text` in the front matter is not read: in a .md file the prose stands below the front matter (after the --- line). Move the text there.'
          : a.splitFrom
            ? `Unknown field \`${a.key}\` — probably the end of \`${a.splitFrom}\`, which YAML split at the comma inside { }. Quote the value: \`${a.splitFrom}: "${a.written}"\`.`
            : a.suggestion
              ? `Unknown field \`${a.key}\` — did you mean \`${a.suggestion}\`?`
              : a.known
                ? `Unknown field \`${a.key}\`; it is not read. The fields that may stand here: ${a.known}.`
                : `Unknown field \`${a.key}\`; it is not read. See qm schema for the fields.`,
    },
    'Ett okänt fält, troligen ett stavfel',
    'An unknown field, probably a typo',
    'Rätta stavningen till det föreslagna fältet, eller ta bort fältet.',
    'Correct the spelling to the suggested field, or remove it.',
    'mötesfrekvens: varje månad',
  ),
  schemaRule<{ key?: string | number; suggestion?: string | number }>(
    'schema/ascii-nyckel',
    'info',
    {
      sv: (a) => `\`${a.key}\` läses som \`${a.suggestion}\`. Skriv gärna \`${a.suggestion}\` med å, ä, ö.`,
      en: (a) => `\`${a.key}\` is read as \`${a.suggestion}\`. Consider writing \`${a.suggestion}\` with å, ä, ö.`,
    },
    'En nyckel skriven utan å ä ö',
    'A key written without å ä ö',
    'Skriv nyckeln med å, ä, ö (läses redan rätt).',
    'Write the key with å, ä, ö (it is already read correctly).',
    'affärsidé: …',
  ),
  schemaRule<{ all?: string | number; count?: string | number; key?: string | number; written?: string | number }>(
    'schema/decimalkomma',
    'error',
    {
      sv: (a) =>
        `YAML delade ${sv.n(a, 'count') > 1 ? `${a.count} värden (${a.all})` : sv.q(a.written)} vid decimalkommat, eftersom de står i en mappning inom { }. Skriv ett värde per rad: \`${a.key}: ${a.written}\` på en egen rad.`,
      en: (a) =>
        `YAML split ${en.n(a, 'count') > 1 ? `${a.count} values (${a.all})` : en.q(a.written)} at the decimal comma, because they stand in a { } mapping. Write one value per line: \`${a.key}: ${a.written}\` on its own line.`,
    },
    'Ett decimalkomma i en flödesmappning (`{2023: 4,52}`)',
    'A decimal comma in a flow mapping (`{2023: 4,52}`)',
    'Skriv ett värde per rad: `2023: 4,52` på egen rad.',
    'Write one value per line: `2023: 4,52` on its own line.',
    'värden:\n  2023: 4,52\n  2024: 4,61',
  ),
  schemaRule<{
    decimal?: string | number;
    field?: string | number;
    thousands?: string | number;
    value?: string | number;
    year?: string | number;
  }>(
    'schema/tvetydigt-tal',
    'error',
    {
      sv: (a) =>
        `\`${a.field}\`${a.year ? ` för ${a.year}` : ''} är ${sv.q(a.value)}: punkten kan skilja tusental (${sv.nr(sv.n(a, 'thousands'))}) eller decimaler (${sv.nr(sv.n(a, 'decimal'))}). Skriv ${sv.nr(sv.n(a, 'thousands'))} med mellanslag eller ${sv.nr(sv.n(a, 'decimal'))} med komma.`,
      en: (a) =>
        `\`${a.field}\`${a.year ? ` for ${a.year}` : ''} is ${en.q(a.value)}: the dot may separate thousands (${en.nr(en.n(a, 'thousands'))}) or decimals (${en.nr(en.n(a, 'decimal'))}). Write ${en.nr(en.n(a, 'thousands'))} with a space or ${en.nr(en.n(a, 'decimal'))} with a comma.`,
    },
    'Ett tal vars punkt kan vara tusentalsavgränsare eller decimaltecken (`1.310`)',
    'A number whose dot may separate thousands or decimals (`1.310`)',
    'Skriv tusental med mellanslag (`62 500`) och decimaler med komma (`62,5`). I ett belopp i kronor läses `350.000 kr` redan som 350 000.',
    'Write thousands with a space (`62 500`) and decimals with a comma (`62,5`). In an amount in SEK `350.000 kr` is already read as 350 000.',
    'värden:\n  2024: 62 500   # tusental: mellanslag\n  2025: 62,5     # decimaler: komma',
  ),
];
