// Sensitivity on the 34 provinces (--merge-2025): each run scores the 63 and merges their main
// indices by the merger's own rule (merge-2025.ts mergeMainIndices). Its unperturbed run must be
// `score --merge-2025` exactly, for the definitions' aggregation and every alternative one, under
// every missing policy, on the shipped 2023 data (five main indices, DTI công bố outside the
// method), 2023 with two members' main indices blanked (Hà Giang's Hạ tầng số, Vĩnh Phúc's
// Hoạt động kinh tế số: the policies differ there) and 2024 (DTI công bố alone, the five main
// indices outside it but given). The root over the 63 is not computed in a merged run.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { load } from '../src/load/library.js';
import { mergeGroups } from '../src/core/merge-2025.js';
import { ALT_AGGREGATIONS, ALT_MISSING, planSensitivity, sensitivity } from '../src/core/sensitivity/index.js';
import { Merger, Reaggregator } from '../src/core/sensitivity/reaggregate.js';
import type { Aggregate, MissingPolicy } from '../src/core/definitions.js';
import type { Run } from '../src/core/build.js';
import { ROOT } from './helpers.js';

const DTI = readFileSync(join(ROOT, 'indicators/dti.yaml'), 'utf8');

/** The shipped definitions with every group's aggregation and every node's missing policy replaced (the file's defaults: dti.yaml sets no other). */
function definitions(how?: string, missing?: string): string {
  expect(DTI.match(/^aggregate: mean\b/gm)).toHaveLength(1);
  expect(DTI.match(/^\s*missing:/gm)).toHaveLength(1);
  return DTI.replace(/^aggregate: mean\b/m, `aggregate: ${how ?? 'mean'}`).replace(/^missing: zero\b/m, `missing: ${missing ?? 'zero'}`);
}

const GAPS = readFileSync(join(ROOT, 'data/2023.csv'), 'utf8')
  .replace(/^(Hà Giang,2023,)0\.6133,/m, '$1,').replace(/^(Vĩnh Phúc,2023,0\.636,0\.6172,)0\.6278,/m, '$1,');

/** `score --merge-2025` on data/{year}.csv (the library's load: the year before beside it, as the CLI), or on the 2023 data with gaps. */
async function merged(year: number | 'gaps', how?: string, missing?: string): Promise<Run> {
  const data = year === 'gaps' ? { text: GAPS, file: '2023.csv' } : join(ROOT, `data/${year}.csv`);
  const r = await load(data, { definitions: { text: definitions(how, missing), file: 'dti.yaml' }, merge2025: true });
  if (!r.ok) throw new Error(r.errors.map((e) => e.message).join('; '));
  return r.value;
}

describe('sensitivity on the 34: the unperturbed run is score --merge-2025', () => {
  it('the gaps are there: Hà Giang and Vĩnh Phúc each lack one main index', () => {
    expect(GAPS).toMatch(/^Hà Giang,2023,,0\.586,/m);
    expect(GAPS).toMatch(/^Vĩnh Phúc,2023,0\.636,0\.6172,,0\.3661,/m);
  });
  for (const year of [2023, 'gaps', 2024] as const) {
    it(`${year}: the merged root of the run equals score --merge-2025's, every aggregation × every missing policy`, async () => {
      const nominal = await merged(year);
      const planned = planSensitivity(nominal, { runs: 2 });
      if (!planned.ok) throw new Error(planned.errors.map((e) => e.message).join('; '));
      const { fw, plan, nominal: ys } = planned.value;
      const agg = new Reaggregator(fw, ys.records.length);
      agg.setMatrix(plan.matrices[0]!);
      const merger = new Merger(fw, mergeGroups(ys.records).map((g) => g.members), agg);
      const base = Float64Array.from(fw.nodes, (x) => x.weight);
      // The root over the 63 is never computed: the merger combines the merged main indices itself.
      const root63 = agg.column(fw.root);
      root63.fill(-1);
      let checked = 0;
      for (const how of [undefined, ...ALT_AGGREGATIONS] as (Aggregate | undefined)[]) {
        for (const miss of [undefined, ...ALT_MISSING] as (MissingPolicy | undefined)[]) {
          const score = (await merged(year, how, miss)).current;
          const root = score.agg.nodes.subarray(fw.root * score.records.length, (fw.root + 1) * score.records.length);
          expect(score.records).toHaveLength(34);
          // Exactly, bit for bit: the same formula on the same columns in the same order.
          expect(Array.from(merger.run(base, how, miss)), `${how ?? 'nominal'} ${miss ?? 'nominal'}`).toEqual(Array.from(root));
          expect(root.every((x) => Number.isFinite(x))).toBe(true);
          expect(root63.every((x) => x === -1), 'the 63-province root left alone').toBe(true);
          checked++;
        }
      }
      expect(checked).toBe((1 + ALT_AGGREGATIONS.length) * (1 + ALT_MISSING.length));
    });

    it(`${year}: sensitivity's nominal ranks, and its runs that only change the aggregation, are score --merge-2025's ranks`, async () => {
      const nominal = await merged(year);
      const rankOf = (run: Run) => new Map(run.current.records.map((r, i) => [r.unit, run.current.ranks[i]!]));
      const nominalRanks = rankOf(nominal);
      for (const how of ALT_AGGREGATIONS) {
        const r = sensitivity(nominal, { runs: 40, seed: 7, aggregation: [how] }, { keepRuns: true });
        if (!r.ok) throw new Error(r.errors.map((e) => e.message).join('; '));
        for (const u of r.value.result.units) expect(u.nominalRank, u.unit).toBe(nominalRanks.get(u.unit));
        // A run with the alternative aggregation moves each unit to its rank under definitions that aggregate so.
        const alt = rankOf(await merged(year, how));
        let shift = 0;
        for (const [unit, rank] of nominalRanks) shift += Math.abs(alt.get(unit)! - rank);
        const runs = r.value.records.filter((x) => x.aggregation === how);
        if (year !== 2024) expect(runs.length).toBeGreaterThan(0);
        for (const x of runs) expect(x.meanAbsShift).toBeCloseTo(shift / nominalRanks.size, 12);
      }
    });
  }
});
