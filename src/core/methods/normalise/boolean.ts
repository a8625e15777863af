import { error } from '../../diagnostics.js';
import { msg } from '../../messages.js';
import { normaliseMethod } from '../method.js';

/** yes/có/true/1 → 1, no/không/false/0 → 0; the cells are read as yes/no (values.ts parseBoolean). */
export const boolean = normaliseMethod({
  id: 'boolean',
  word: msg('method.boolean'),
  schema: (z) => z.strictObject({ method: z.literal('boolean') }),
  keys: [],
  doc: { params: '—', higher: 'yes/có/true/1 → 1, no/không/false/0 → 0', lower: '—' },
  docVi: { higher: 'có/yes/true/1 → 1, không/no/false/0 → 0', lower: '—' },
  usesPool: false,
  directional: false,
  negative: false,
  asIs: false,
  yesNo: true,
  alternative: false,
  bounded: () => true,
  maximum: () => 1,
  keeps01: () => false,
  invert: (_p, y) => ({ raw: y <= 0 ? 0 : y <= 1 ? 1 : null }),
  check(_p, leaf, fail) {
    if (leaf.transform !== 'none') fail(['transform'], error('BAD_PARAMETER.booleanTransform', { id: leaf.id }, {}, msg('hint.removeTransform')));
  },
  apply(x, _pool, _p, _lower, _tf, out) { out.set(x); },
  describe: () => 'boolean',
});
