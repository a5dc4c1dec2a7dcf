/**
 * An empty value is the requirement not met (rules.md: "`av` is empty", "no `karta`", a group
 * that "lacks" `mandat`): where a rule reports a field missing, that rule reports it empty too,
 * once, at the value, and the requirement counts as not met. schema/tomt-varde is left for a
 * field that no rule asks for.
 */
import { describe, expect, it } from 'vitest';
import { CH, faults, set, sub, variant } from './variant.js';

describe('an empty value is reported by the rule that asks for the field', () => {
  it('`av: [""]` is k5/samsyn, and chapter 5 drops a rule', async () => {
    const edit = sub(CH[5], / {2}av:\n( {4}- .*\n)+/, '  av: [""]\n');
    expect(await faults(edit)).toEqual(['error k5/samsyn 05-vision.md:9:7 /beslutad/av']);
    const { report } = await variant(edit);
    expect(report.summary.completeness).toBe(0.97);
  });

  it('a blank `ansvarig` is k7/ansvarig', async () => {
    expect(await faults(set(CH[7], ['åtgärder', 0, 'ansvarig'], ' '))).toEqual([
      expect.stringMatching(/^error k7\/ansvarig 07-verksamhetsplan\.md:\d+:\d+ \/åtgärder\/0\/ansvarig$/),
    ]);
  });

  it('an empty `åtgärd` of a remark is the warning ansokan/synpunkt-utan-atgard, not an error', async () => {
    const edit = sub(
      'ansokan.yaml',
      'typ: ny',
      'typ: förnyelse\ntidigare_certifiering:\n  datum: 2024-01-10\n  synpunkter:\n    - synpunkt: Otydlig uppföljning\n      åtgärd: ""',
    );
    expect(await faults(edit)).toEqual([
      'warning ansokan/synpunkt-utan-atgard ansokan.yaml:15:15 /tidigare_certifiering/synpunkter/0/åtgärd',
    ]);
  });

  it('`hot: [""]` is k2/swot-tom-del alone', async () => {
    expect(await faults(sub(CH[2], / {2}hot:\n( {4}- .*\n)+/, '  hot: [""]\n'))).toEqual([
      'warning k2/swot-tom-del 02-nulage.md:15:8 /swot/hot',
    ]);
  });

  it('an empty optional field that no rule asks for is still schema/tomt-varde', async () => {
    expect(await faults(sub('ansokan.yaml', 'stadskärna: Storviks centrum', 'stadskärna: ""'))).toEqual([
      'error schema/tomt-varde ansokan.yaml:4:13 /stadskärna',
    ]);
  });
});
