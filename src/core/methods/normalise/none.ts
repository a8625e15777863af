import * as z from 'zod';
import { normaliseMethod } from '../method.js';

export const none = normaliseMethod({
  id: 'none',
  schema: z.strictObject({ method: z.literal('none') }),
  keys: [],
  summary: { en: 'the value as it is (already an index)', vi: 'giữ nguyên giá trị (đã là chỉ số)' },
  usesPool: false,
  directional: false,
  negative: false,
  check() {},
  apply(x, _pool, _p, _lower, _tf, out) { out.set(x); },
  describe: () => 'none',
});
