import { msg } from '../../messages.js';
import { clamp01, normaliseMethod } from '../method.js';
import { SortedPool } from './rank.js';

/**
 * Percentile rank as COINr's n_prank: (rank with ties at their lowest − 1)/(n − 1), i.e. the
 * share of the other units that this one beats. Unlike `rank`, tied units all get the lower
 * share. Lower is better counts the units with a higher value instead.
 */
export const percentile = normaliseMethod({
  id: 'percentile',
  word: msg('method.percentile'),
  schema: (z) => z.strictObject({ method: z.literal('percentile') }),
  keys: [],
  doc: {
    params: '—',
    higher: "share of that year's other units with a lower value: (units below)/(n − 1), as COINr's `n_prank`",
    lower: '(units above)/(n − 1)',
  },
  docVi: { higher: 'tỉ lệ các đơn vị khác trong năm có giá trị thấp hơn: (số đơn vị thấp hơn)/(n − 1), như `n_prank` của COINr', lower: '(số đơn vị cao hơn)/(n − 1)' },
  usesPool: true,
  directional: true,
  negative: false,
  asIs: false,
  yesNo: false,
  alternative: false,
  bounded: () => true,
  // The best unit beats all the others: (n − 1)/(n − 1).
  maximum: () => 1,
  keeps01: () => false,
  check() {},
  apply(x, pool, _p, lower, _tf, out) {
    const sp = new SortedPool(pool);
    const m = sp.m;
    for (let i = 0; i < x.length; i++) {
      const v = x[i]!;
      if (Number.isNaN(v)) continue;
      if (m <= 1) { out[i] = 1; continue; }
      const beaten = lower ? m - sp.upperBound(v) : sp.lowerBound(v);
      out[i] = clamp01(beaten / (m - 1));
    }
  },
  describe: () => 'percentile',
});
