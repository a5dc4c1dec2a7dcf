/**
 * A renewal: the remarks of the previous certification, and what was done about each, are what
 * an assessor reads first. They get their own page after the table of contents.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyExample, replace, tempDir } from '../helpers/app.js';
import { compile, pageTexts, flat } from './tools.js';

describe('qm pdf of a renewal', () => {
  it('lists the remarks of the previous certification with their actions, after the contents', async () => {
    const app = await copyExample();
    await replace(
      app,
      'ansokan.yaml',
      'typ: ny',
      'typ: förnyelse\ntidigare_certifiering:\n  datum: 2024-01-10\n  synpunkter:\n    - synpunkt: Målen saknade mätbara målvärden.\n      åtgärd: Alla mål har nu utgångs- och målvärden som följs upp årligen.\n    - synpunkt: Otydlig förankring hos handlarna.\n',
    );
    const out = join(await tempDir(), 'fornyelse.pdf');
    const res = await compile([app], out);
    expect(res.code, res.stderr).toBe(0);
    const texts = await pageTexts(out);
    expect(flat(texts[1]!)).toMatch(/Synpunkter från förra certifieringen \d+/);
    const page = flat(texts[2]!);
    expect(page).toContain('Synpunkter från förra certifieringen');
    expect(page).toContain('vid certifieringen 2024-01-10');
    expect(page).toMatch(/1 Målen saknade mätbara målvärden\. Alla mål har nu utgångs- och målvärden som följs upp årligen\./);
    expect(page).toMatch(/2 Otydlig förankring hos handlarna\. Ingen åtgärd angiven\./);
    expect(flat(texts[3]!)).toMatch(/^1 Bakgrund/);
  }, 60_000);
});
