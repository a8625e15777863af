import { error } from '../../diagnostics.js';
import { msg } from '../../messages.js';
import { normaliseMethod } from '../method.js';

export const zscore = normaliseMethod({
  id: 'zscore',
  word: msg('method.zscore'),
  schema: (z) => z.strictObject({ method: z.literal('zscore') }),
  keys: [],
  doc: { params: '—', higher: '(x − mean)/sd over that year\'s units (population sd; unbounded)', lower: 'negated' },
  docVi: { higher: '(x − trung bình)/độ lệch chuẩn của các đơn vị trong năm (không giới hạn)', lower: 'đổi dấu' },
  usesPool: true,
  directional: true,
  negative: true,
  asIs: false,
  yesNo: false,
  alternative: true,
  bounded: () => false,
  maximum: () => NaN,
  keeps01: () => false,
  check(_p, leaf, fail) {
    if (leaf.underGeometric) {
      fail(['normalize', 'method'], error('BAD_PARAMETER.zscoreGeometric', { id: leaf.id }, {}, msg('hint.minmaxHere')));
    }
  },
  apply(x, pool, _p, lower, _tf, out) {
    // Population standard deviation over the pool; zero spread gives 0 for everyone.
    let sum = 0;
    let count = 0;
    for (let i = 0; i < pool.length; i++) {
      const v = pool[i]!;
      if (!Number.isNaN(v)) { sum += v; count++; }
    }
    const mean = sum / count;
    let ss = 0;
    for (let i = 0; i < pool.length; i++) {
      const v = pool[i]!;
      if (!Number.isNaN(v)) ss += (v - mean) ** 2;
    }
    const sd = Math.sqrt(ss / count);
    for (let i = 0; i < x.length; i++) {
      const v = x[i]!;
      if (Number.isNaN(v)) continue;
      const z = sd === 0 ? 0 : (v - mean) / sd;
      out[i] = lower ? -z : z;
    }
  },
  describe: () => 'zscore',
});
