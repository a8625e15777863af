import { msg } from '../../messages.js';
import { normaliseMethod } from '../method.js';

export const none = normaliseMethod({
  id: 'none',
  word: msg('method.none'),
  schema: (z) => z.strictObject({ method: z.literal('none') }),
  keys: [],
  doc: { params: '—', higher: 'x as is (already an index)', lower: '—' },
  docVi: { higher: 'giữ nguyên x (đã là chỉ số)', lower: '—' },
  usesPool: false,
  directional: false,
  negative: false,
  asIs: true,
  yesNo: false,
  alternative: false,
  bounded: () => false,
  maximum(_p, column) {
    // Values as they are: 1 when every one lies in [0, 1] (as the published DTI main indices,
    // points ÷ maximum points, do), else no stated maximum.
    for (let i = 0; i < column.length; i++) {
      const x = column[i]!;
      if (x < 0 || x > 1) return NaN;
    }
    return 1;
  },
  keeps01: () => true,
  invert: (_p, y) => ({ transformed: y }),
  check() {},
  apply(x, _pool, _p, _lower, _tf, out) { out.set(x); },
  describe: () => 'none',
});
