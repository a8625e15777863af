import { clamp01, domainText, inDomain, normaliseMethod } from '../method.js';

export const target = normaliseMethod({
  id: 'target',
  schema: (z) => z.strictObject({ method: z.literal('target'), target: z.number() }),
  keys: ['target'],
  doc: { params: '`target`', higher: 'min(x / target, 1)', lower: 'x ≤ target → 1, else target / x' },
  docVi: { higher: 'min(x / mục tiêu, 1)', lower: 'x ≤ mục tiêu → 1, ngược lại mục tiêu / x' },
  usesPool: false,
  directional: true,
  negative: false,
  check(p, leaf, fail) {
    if (!(p.target > 0)) fail(['normalize', 'target'], `'${leaf.id}': target must be > 0, got ${p.target}`, 'set the target the plan states, e.g. target: 80');
    else if (!inDomain(leaf.transform, p.target)) fail(['normalize', 'target'], `'${leaf.id}': target must be ${domainText(leaf.transform)} under transform ${leaf.transform}`, 'the target is transformed like the values');
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
