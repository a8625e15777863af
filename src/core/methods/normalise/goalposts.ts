import { error } from '../../diagnostics.js';
import { msg } from '../../messages.js';
import { clamp01, domainText, inDomain, normaliseMethod } from '../method.js';

/** (x − min)/(max − min) clamped to [0, 1] between lo and hi; every unit equal: all at the frontier (1). */
export function scaleBetween(x: Float64Array, lo: number, hi: number, lower: boolean, out: Float64Array): void {
  for (let i = 0; i < x.length; i++) {
    const v = x[i]!;
    if (Number.isNaN(v)) continue;
    if (hi === lo) out[i] = 1;
    else out[i] = clamp01(lower ? (hi - v) / (hi - lo) : (v - lo) / (hi - lo));
  }
}

export const goalposts = normaliseMethod({
  id: 'goalposts',
  word: msg('method.goalposts'),
  schema: (z) => z.strictObject({ method: z.literal('goalposts'), min: z.number(), max: z.number() }),
  keys: ['min', 'max'],
  doc: { params: '`min`, `max`', higher: '(x − min)/(max − min), clamped to [0, 1]', lower: '(max − x)/(max − min), clamped' },
  docVi: { higher: '(x − min)/(max − min), giới hạn trong [0, 1]', lower: '(max − x)/(max − min), giới hạn' },
  usesPool: false,
  directional: true,
  negative: false,
  asIs: false,
  yesNo: false,
  alternative: false,
  bounded: () => true,
  maximum: () => 1,
  keeps01: (p, lower) => p.min === 0 && p.max === 1 && !lower,
  limits: (p) => ({ min: p.min, max: p.max }),
  invert(p, y, lower, tf) {
    if (y > 1) return { raw: null };
    const lo = tf(p.min);
    const hi = tf(p.max);
    return { transformed: lower ? hi - y * (hi - lo) : lo + y * (hi - lo) };
  },
  check(p, leaf, fail) {
    if (!(p.min < p.max)) {
      fail(['normalize', 'min'], error('BAD_PARAMETER.goalposts', { id: leaf.id, min: p.min, max: p.max }, {}, msg('hint.notSwapped')));
    } else if (!inDomain(leaf.transform, p.min) || !inDomain(leaf.transform, p.max)) {
      fail(['normalize', 'min'], error('BAD_PARAMETER.domain', { id: leaf.id, what: msg('param.goalposts'), domain: domainText(leaf.transform), transform: leaf.transform }, {}, msg('hint.goalpostsTransformed', { sqrt: leaf.transform === 'sqrt' })));
    }
  },
  apply(x, _pool, p, lower, tf, out) { scaleBetween(x, tf(p.min), tf(p.max), lower, out); },
  describe: (p) => `goalposts ${p.min}–${p.max}`,
});
