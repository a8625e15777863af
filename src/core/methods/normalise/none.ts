import { normaliseMethod } from '../method.js';

export const none = normaliseMethod({
  id: 'none',
  schema: (z) => z.strictObject({ method: z.literal('none') }),
  keys: [],
  doc: { params: '—', higher: 'x as is (already an index)', lower: '—' },
  docVi: { higher: 'giữ nguyên x (đã là chỉ số)', lower: '—' },
  usesPool: false,
  directional: false,
  negative: false,
  check() {},
  apply(x, _pool, _p, _lower, _tf, out) { out.set(x); },
  describe: () => 'none',
});
