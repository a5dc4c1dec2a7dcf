/**
 * examples/utkast, diagnostic by diagnostic, as examples/README.md derives them from rules.md:
 * 28 errors, 14 warnings, 4 infos, and none of the near misses it lists.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, check } from '../helpers/app.js';
import { rows } from './variant.js';

describe('examples/utkast', () => {
  it('reports exactly what examples/README.md lists, where it lists it', async () => {
    const report = await check(join(FIXTURES, 'utkast'));
    expect(report.summary).toMatchObject({ errors: 28, warnings: 14, infos: 4, excepted: 0 });
    expect(rows(report)).toEqual([
      'error ansokan/organisationsnummer ansokan.yaml:2:22 /organisationsnummer',
      'warning bilaga/oanvand bilagor/logotyp-gammal.png:-:- -',
      'warning k1/startad 01-bakgrund.md:2:1 /startad',
      'error text/platshallare 01-bakgrund.md:13:1 -',
      'warning k2/swot-tom-del 02-nulage.md:10:8 /swot/hot',
      'error bilaga/saknas 02-nulage.md:12:5 /bilagor/0',
      'error text/saknas 02-nulage.md:14:1 -',
      'error k3/karta 03-organisation.md:2:1 /karta',
      'error k3/verksam-tre-ar 03-organisation.md:2:9 /bildad',
      'warning k3/andelar-summa 03-organisation.md:5:3 /aktörer',
      'info schema/ascii-nyckel 03-organisation.md:18:5 /grupper/0/mötesfrekvens',
      'error k3/grupp-beskrivning 03-organisation.md:20:5 /grupper/1/beslutsväg',
      'error k4/avtal 04-finansiering.md:2:1 /bilagor',
      'error k4/budget-beslutad 04-finansiering.md:2:1 /budgetbeslut',
      'error k4/offentlig-och-privat 04-finansiering.md:5:3 /finansiärer',
      'warning k4/sektor-motsager-k3 04-finansiering.md:10:13 /finansiärer/1/sektor',
      'error text/platshallare 05-vision.md:3:12 /affärsidé',
      'error k5/vision-tre-ar 05-vision.md:5:3 /period',
      'info k5/vision-certifieringsperiod 05-vision.md:6:9 /period/till',
      'error k5/samsyn 05-vision.md:9:7 /beslutad/av',
      'error k6/forankring 06-mal-och-strategi.md:2:1 /förankring',
      'error k6/oversiktsplan 06-mal-och-strategi.md:2:1 /översiktsplan',
      'error k6/langsiktiga-mal 06-mal-och-strategi.md:3:3 /mål',
      'info k6/hallbarhetsmal 06-mal-och-strategi.md:3:3 /mål',
      'warning k6/mal-utan-strategi 06-mal-och-strategi.md:9:5 /mål/2',
      'warning k6/mal-passerat 06-mal-och-strategi.md:11:9 /mål/2/år',
      'error k6/strategi-okant-mal 06-mal-och-strategi.md:18:11 /strategier/1/mål/0',
      'error k7/plan-foregaende-ar 07-verksamhetsplan.md:2:1 /plan_föregående_år',
      'error k7/samverkansprocess 07-verksamhetsplan.md:2:1 /samverkansprocess',
      'warning k7/mal-utan-atgard 07-verksamhetsplan.md:3:3 /åtgärder',
      'error k7/ansvarig 07-verksamhetsplan.md:3:5 /åtgärder/0/ansvarig',
      'warning schema/okant-falt 07-verksamhetsplan.md:8:5 /åtgärder/0/ansvarg',
      'error k7/mal-koppling 07-verksamhetsplan.md:15:11 /åtgärder/1/mål/0',
      'error k7/tidplan 07-verksamhetsplan.md:19:11 /åtgärder/1/slut',
      'error k7/budget 07-verksamhetsplan.md:21:5 /åtgärder/2/budget',
      'error k8/metod 08-uppfoljning.md:2:1 /metod',
      'error k8/underlag 08-uppfoljning.md:2:1 /bilagor',
      'warning k8/mal-uppfoljning 08-uppfoljning.md:3:3 /indikatorer',
      'warning k8/malgrupper 08-uppfoljning.md:3:3 /indikatorer',
      'warning k8/orimligt-varde 08-uppfoljning.md:12:13 /indikatorer/0/värden/2026',
      'error schema/decimalkomma 08-uppfoljning.md:18:13 /indikatorer/1/värden',
      'error k9/medborgare 09-kommunikation.md:3:3 /kanaler',
      'error k9/underlag 09-kommunikation.md:3:3 /kanaler',
      'info k9/kanalbredd 09-kommunikation.md:3:3 /kanaler',
      'warning text/kort 09-kommunikation.md:14:1 -',
      'warning text/arbetsmarkering 09-kommunikation.md:24:1 -',
    ]);
  });

  it('names the goal M3 in the chapter 7 and 8 warnings about it', async () => {
    const report = await check(join(FIXTURES, 'utkast'));
    for (const rule of ['k7/mal-utan-atgard', 'k8/mal-uppfoljning'])
      expect(report.diagnostics.find((d) => d.rule === rule)!.message).toContain('M3');
  });
});
