import { error } from '../../diagnostics.js';
import { msg } from '../../messages.js';
import { clamp01, domainText, inDomain, normaliseMethod } from '../method.js';

export const target = normaliseMethod({
  id: 'target',
  word: msg('method.target'),
  schema: (z) => z.strictObject({ method: z.literal('target'), target: z.number() }),
  keys: ['target'],
  doc: { params: '`target`', higher: 'min(x / target, 1)', lower: 'x ≤ target → 1, else target / x' },
  docVi: { higher: 'min(x / mục tiêu, 1)', lower: 'x ≤ mục tiêu → 1, ngược lại mục tiêu / x' },
  usesPool: false,
  directional: true,
  negative: false,
  asIs: false,
  yesNo: false,
  alternative: false,
  bounded: () => true,
  maximum: () => 1,
  keeps01: () => false,
  invert(p, y, lower, tf) {
    if (y > 1) return { raw: null };
    const tg = tf(p.target);
    return { transformed: lower ? (y <= 0 ? Infinity : tg / y) : y * tg };
  },
  check(p, leaf, fail) {
    if (!(p.target > 0)) fail(['normalize', 'target'], error('BAD_PARAMETER.target', { id: leaf.id, target: p.target }, {}, msg('hint.target')));
    else if (!inDomain(leaf.transform, p.target)) fail(['normalize', 'target'], error('BAD_PARAMETER.domain', { id: leaf.id, what: msg('param.target'), domain: domainText(leaf.transform), transform: leaf.transform }, {}, msg('hint.targetTransformed')));
  },
  apply(x, _pool, p, lower, tf, out) {
    const tg = tf(p.target);
    for (let i = 0; i < x.length; i++) {
      const v = x[i]!;
      if (Number.isNaN(v)) continue;
      out[i] = lower ? (v <= tg ? 1 : tg / v) : clamp01(v / tg);
    }
  },
  describe: (p) => `target ${p.target}`,
});
