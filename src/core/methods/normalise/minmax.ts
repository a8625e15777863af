import { msg } from '../../messages.js';
import { normaliseMethod } from '../method.js';
import { scaleBetween } from './goalposts.js';

export const minmax = normaliseMethod({
  id: 'minmax',
  word: msg('method.minmax'),
  schema: (z) => z.strictObject({ method: z.literal('minmax') }),
  keys: [],
  doc: { params: '—', higher: 'goalposts with the min and max of that year\'s units', lower: 'likewise' },
  docVi: { higher: 'như ngưỡng với min và max của các đơn vị trong năm', lower: 'tương tự' },
  usesPool: true,
  directional: true,
  negative: false,
  asIs: false,
  yesNo: false,
  alternative: true,
  bounded: () => true,
  maximum: () => 1,
  keeps01: () => false,
  check() {},
  apply(x, pool, _p, lower, _tf, out) {
    let lo = Infinity;
    let hi = -Infinity;
    for (let i = 0; i < pool.length; i++) {
      const v = pool[i]!;
      if (Number.isNaN(v)) continue;
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
    scaleBetween(x, lo, hi, lower, out);
  },
  describe: () => 'minmax',
});
